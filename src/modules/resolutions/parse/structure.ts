// Preamble, operative paragraphs, sub-paragraphs, sections and what follows the meeting line,
// read from the cleaned lines. Paragraph starts are told by their shape: a number in sequence,
// a label in brackets, an em dash, or, for unnumbered paragraphs, an opening participle after a
// comma (preamble) or an opening verb (operative). What fits none of these continues the
// paragraph before it.
import { ADOPTED_LINE, FORMULA, MEETING_LINE } from './header.ts';
import { PREAMBLE_OPENER, readVerb } from './verbs.ts';
import type { Doubt } from './types.ts';

export interface RawSub {
  label: string;
  lines: string[];
  children: RawSub[];
}

export interface RawOperative {
  number: number | null;
  section: string | null;
  lines: string[];
  subs: RawSub[];
}

export interface RawStructure {
  preamble: string[][];
  operative: RawOperative[];
  /** Lines after the end of the operative part (meeting line onward), or the embedded text. */
  after: string[];
  embedded: string[] | null;
}

const NUMBERED = /^(\d{1,3})\.(?:\s+(.*))?$/;
const LABELLED = /^\(([a-z]{1,2}|[ivxl]{1,5}|\d{1,2})\)\s*(.*)$/;
const EM_DASH = /^[—―]\s*(.*)$/;
const SECTION = /^(?:Section |Part )?([A-Z]|[IVX]{1,5})\.?$/;
const ROMAN = /^[ivxl]+$/;

/** Ends with a comma, maybe followed by a footnote marker: "Rights, 1", "2004,2". */
function endsWithComma(line: string): boolean {
  return /,(\s*\d{1,2})?$/.test(line.trim());
}

function endsParagraph(line: string): boolean {
  return /[;.:](\s*\d{1,2})?$/.test(line.trim()) || /,\s*and$/.test(line.trim());
}

export function readStructure(lines: string[], doubts: Doubt[]): RawStructure {
  const result: RawStructure = { preamble: [], operative: [], after: [], embedded: null };
  let start = lines.findIndex((l) => FORMULA.test(l) || /^\s*The (General Assembly|Security Council)\s*,?\s*$/.test(l));
  if (start < 0) {
    doubts.push({ where: 'structure', why: 'no enacting formula ("The General Assembly,", "The Security Council,") was found; paragraphs are read from the first line' });
    start = -1;
  }
  let lastNumber = 0;
  let section: string | null = null;
  let previous = start >= 0 ? (lines[start] ?? '') : ',';
  let blankBefore = false;
  let currentPre: string[] | null = null;
  let currentOp: RawOperative | null = null;
  let currentSub: RawSub | null = null;
  /** A line pdftotext printed right after "N." though it ends the paragraph (see PROVENANCE). */
  let misplacedTail: string | null = null;

  const closeOp = () => {
    if (currentOp && misplacedTail) {
      (currentSub ? currentSub.lines : currentOp.lines).push(misplacedTail);
      misplacedTail = null;
    }
  };

  for (let i = start + 1; i < lines.length; i++) {
    const raw = lines[i] ?? '';
    const t = raw.trim();
    if (t === '') {
      blankBefore = true;
      continue;
    }
    const indented = /^\s+\S/.test(raw);
    const newBlock = blankBefore || indented;
    blankBefore = false;

    if (result.operative.length > 0 && (MEETING_LINE.test(t) || ADOPTED_LINE.test(t))) {
      closeOp();
      result.after = lines.slice(i);
      return result;
    }
    if (FORMULA.test(t)) {
      // A formula repeated under a section heading: the section's own preamble follows.
      previous = t;
      currentPre = null;
      continue;
    }

    const numbered = NUMBERED.exec(t);
    if (numbered) {
      const n = Number(numbered[1]);
      if (n === lastNumber + 1 || (n === 1 && lastNumber > 0)) {
        closeOp();
        lastNumber = n;
        currentOp = { number: n, section, lines: [], subs: [] };
        currentSub = null;
        currentPre = null;
        result.operative.push(currentOp);
        let rest = numbered[2] ?? '';
        if (rest === '') {
          // pdftotext: "2." / "country;" / "Notes with satisfaction … host": the short lower-case
          // line is the paragraph's last words, printed before its first.
          const next = nextNonEmpty(lines, i + 1);
          const after = next ? nextNonEmpty(lines, next.index + 1) : null;
          if (next && after && /^[a-z]/.test(next.text) && /^[A-Z]/.test(after.text) && endsParagraph(next.text)) {
            misplacedTail = next.text;
            lines[next.index] = '';
          }
          rest = '';
        }
        if (rest !== '') currentOp.lines.push(rest);
        previous = t;
        continue;
      }
    }

    if (currentOp) {
      const labelled = LABELLED.exec(t);
      const dash = EM_DASH.exec(t);
      if (labelled || dash) {
        const label = labelled ? (labelled[1] ?? '') : '—';
        const sub: RawSub = { label, lines: [(labelled ? labelled[2] : dash?.[1]) ?? ''], children: [] };
        placeSub(currentOp, sub, lines, i);
        currentSub = sub;
        previous = t;
        continue;
      }
    }

    const section_ = SECTION.exec(t);
    if (section_ && (newBlock || endsParagraph(previous)) && nextLooksLikeHeading(lines, i)) {
      closeOp();
      section = section_[1] ?? null;
      currentOp = null;
      currentSub = null;
      currentPre = null;
      previous = t;
      // The heading's title lines follow until a paragraph starts; they are skipped as heading.
      continue;
    }

    const verb = readVerb(t);
    const afterComma = endsWithComma(previous) || FORMULA.test(previous) || /^The (General Assembly|Security Council)$/.test(previous.trim());
    if (result.operative.length === 0 && !currentOp && verb.verb && !PREAMBLE_OPENER.test(t) && (afterComma || newBlock)) {
      currentOp = { number: null, section, lines: [t], subs: [] };
      currentSub = null;
      currentPre = null;
      result.operative.push(currentOp);
      previous = t;
      if (/\bfollowing\b.*:\s*$/.test(t) || isFollowingColon(lines, i)) {
        // "Adopts the following political declaration …:": what follows is the declaration,
        // whose numbered paragraphs are not the resolution's.
        const end = lines.findIndex((l, j) => j > i && MEETING_LINE.test(l.trim()));
        const stop = end < 0 ? lines.length : end;
        let j = i + 1;
        while (j < stop && !/:\s*$/.test(currentOp.lines[currentOp.lines.length - 1] ?? '')) {
          currentOp.lines.push((lines[j] ?? '').trim());
          j++;
        }
        result.embedded = lines.slice(j, stop);
        result.after = lines.slice(stop);
        return result;
      }
      continue;
    }
    if (result.operative.length > 0 && currentOp && currentOp.number === null && lastNumber === 0 && verb.verb && newBlock && endsParagraph(previous)) {
      // Security Council parts: unnumbered operative paragraphs one after another.
      currentOp = { number: null, section, lines: [t], subs: [] };
      currentSub = null;
      result.operative.push(currentOp);
      previous = t;
      continue;
    }
    if (result.operative.length === 0 && PREAMBLE_OPENER.test(t) && (afterComma || (newBlock && !currentPre))) {
      currentPre = [t];
      result.preamble.push(currentPre);
      previous = t;
      continue;
    }

    if (currentSub) currentSub.lines.push(t);
    else if (currentOp) currentOp.lines.push(t);
    else if (currentPre) currentPre.push(t);
    else if (section === null) doubts.push({ where: `line ${i + 1}`, why: `"${t.slice(0, 60)}" belongs to no paragraph` });
    previous = t;
  }
  closeOp();
  if (result.operative.length > 0) doubts.push({ where: 'structure', why: 'no meeting or adoption line closes the operative part; it runs to the end of the text' });
  return result;
}

function isFollowingColon(lines: string[], i: number): boolean {
  // The "Adopts the following …" paragraph may wrap onto a second line that ends with the colon.
  const t = (lines[i] ?? '').trim();
  const next = nextNonEmpty(lines, i + 1);
  return /\bthe following\b/.test(t) && !!next && /:\s*$/.test(next.text);
}

function nextNonEmpty(lines: string[], from: number): { index: number; text: string } | null {
  for (let j = from; j < lines.length; j++) {
    const t = (lines[j] ?? '').trim();
    if (t !== '') return { index: j, text: t };
  }
  return null;
}

function nextLooksLikeHeading(lines: string[], i: number): boolean {
  const next = nextNonEmpty(lines, i + 1);
  return !!next && /^[A-Z]/.test(next.text);
}

/**
 * Places a sub-paragraph at its level. A roman label under an open letter item is its child;
 * "(i)" right after "(h)" is the letter i. Digits are OCR misreadings ("(1)" for "(i)", "(5)"
 * for "(b)"): they are kept as read, and the caller records a doubt.
 */
function placeSub(op: RawOperative, sub: RawSub, lines: string[], i: number): void {
  const top = op.subs[op.subs.length - 1];
  const label = sub.label;
  if (label === '—') {
    op.subs.push(sub);
    return;
  }
  const topIsLetter = !!top && top.label !== '—' && /^[a-z]$/.test(top.label) && !(ROMAN.test(top.label) && top.label !== 'i' && !isLetterI(op, top));
  if (ROMAN.test(label) && !(label === 'i' && top?.label === 'h') && !(label === 'v' && top?.label === 'u') && !(label === 'x' && top?.label === 'w')) {
    if (top && topIsLetter && top.label !== 'i') {
      top.children.push(sub);
      return;
    }
    if (top && top.label === 'i' && isLetterI(op, top)) {
      top.children.push(sub);
      return;
    }
  }
  void lines;
  void i;
  op.subs.push(sub);
}

/** An "(i)" item is the letter i when the item before it is "(h)". */
function isLetterI(op: RawOperative, item: RawSub): boolean {
  const at = op.subs.indexOf(item);
  return at > 0 && op.subs[at - 1]?.label === 'h';
}
