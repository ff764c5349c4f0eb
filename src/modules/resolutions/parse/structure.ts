// Preamble, operative paragraphs, sub-paragraphs, sections and what follows the meeting line,
// read from the cleaned lines. Paragraph starts are told by their shape: a number in sequence,
// a label in brackets, an em dash, or, for unnumbered paragraphs, an opening participle after a
// comma (preamble) or an opening verb (operative). What fits none of these continues the
// paragraph before it. A section heading ("I", "A", "Part II") may carry a title line and its
// own preamble (Fifth Committee texts).
import { ADOPTED_LINE, FORMULA, MEETING_LINE } from './header.ts';
import { placeSub } from './subs.ts';
import type { Doubt } from './types.ts';
import { endsParagraph, endsWithComma, isFollowingColon, isHeadingTitle, NUMBERED, nextLooksLikeHeading, nextNonEmpty, OPENING_FORMULA, quoteOpen, readRecitals } from './shapes.ts';
import { PREAMBLE_OPENER, readVerb } from './verbs.ts';

export interface RawSub {
  label: string;
  lines: string[];
  children: RawSub[];
}

export interface RawOperative {
  number: number | null;
  section: string | null;
  subheading: string | null;
  lines: string[];
  subs: RawSub[];
}

export interface RawPreambular {
  section: string | null;
  lines: string[];
}

export interface RawStructure {
  preamble: RawPreambular[];
  operative: RawOperative[];
  /** Section headings with their titles, in order. */
  sections: { label: string; title: string | null }[];
  /** Lines after the end of the operative part (meeting line or annex onward). */
  after: string[];
  embedded: string[] | null;
}

const LABELLED = /^\(([a-z]{1,2}|[ivxl]{1,5}|\d{1,2})\)\s*(.*)$/;
const EM_DASH = /^[—―]\s*(.*)$/;
const SECTION = /^(?:Section |Part )?([A-Z]|[IVX]{1,5})\.?$/;
/** "Annex", "Annex A", "Annex II": an annex heading ends the operative part. */
export const ANNEX_HEADING = /^\s*Annex(?: [A-Z]| [IVX]+)?\s*$/;

interface State {
  lastNumber: number;
  section: string | null;
  /** Operative paragraphs read since the current section began. */
  sectionOps: number;
  /** True after a section heading, until its first paragraph: lines are the heading's title. */
  headingOpen: boolean;
  previous: string;
  pre: RawPreambular | null;
  op: RawOperative | null;
  sub: RawSub | null;
  /** A line pdftotext printed right after "N." though it ends the paragraph (see PROVENANCE). */
  misplacedTail: string | null;
  /** An unnumbered heading read since the last paragraph, for the next one. */
  subheading: string | null;
}

export function readStructure(lines: string[], doubts: Doubt[]): RawStructure {
  const result: RawStructure = { preamble: [], operative: [], sections: [], after: [], embedded: null };
  const formulaAt = lines.findIndex((l) => OPENING_FORMULA.test(l));
  const start = formulaAt;
  if (formulaAt < 0) {
    doubts.push({ where: 'structure', why: 'no enacting formula ("The General Assembly,", "The Security Council,") was found; paragraphs are read from the first line' });
  } else {
    // Security Council recitals printed before "Therefore the Security Council,".
    const recitals = readRecitals(lines.slice(0, formulaAt));
    result.preamble.push(...recitals);
  }
  const st: State = {
    lastNumber: 0,
    section: null,
    sectionOps: 0,
    headingOpen: false,
    previous: start >= 0 ? (lines[start] ?? '') : ',',
    pre: null,
    op: null,
    sub: null,
    misplacedTail: null,
    subheading: null,
  };
  let blankBefore = false;

  for (let i = start + 1; i < lines.length; i++) {
    const raw = lines[i] ?? '';
    const t = raw.trim();
    if (t === '') {
      blankBefore = true;
      continue;
    }
    const blankLineBefore = blankBefore;
    const newBlock = blankBefore || /^\s+\S/.test(raw);
    blankBefore = false;

    if (result.operative.length > 0 && (MEETING_LINE.test(t) || ADOPTED_LINE.test(t) || ANNEX_HEADING.test(t))) {
      closeOp(st);
      result.after = lines.slice(i);
      return result;
    }
    if (FORMULA.test(t)) {
      // A formula repeated under a section heading: the section's own preamble follows.
      st.previous = t;
      st.pre = null;
      continue;
    }
    if (readNumbered(t, lines, i, st, result)) continue;
    if (st.op && readSub(t, st)) continue;

    const heading = SECTION.exec(t);
    if (heading && (newBlock || endsParagraph(st.previous) || OPENING_FORMULA.test(st.previous) || st.headingOpen) && nextLooksLikeHeading(lines, i)) {
      closeOp(st);
      st.section = heading[1] ?? null;
      result.sections.push({ label: st.section ?? '', title: null });
      st.sectionOps = 0;
      st.headingOpen = true;
      st.op = null;
      st.sub = null;
      st.pre = null;
      st.previous = t;
      continue;
    }
    if (st.headingOpen && isHeadingTitle(t, lines, i)) {
      const current = result.sections[result.sections.length - 1];
      if (current) current.title = current.title ? `${current.title} ${t}` : t;
      st.previous = t;
      continue;
    }

    if (st.op && isSubheading(t, st, lines, i)) {
      // "Budget performance report for the period …" between paragraphs 10 and 11: a heading
      // inside a section, kept for the paragraph that follows it.
      st.subheading = st.subheading ? `${st.subheading} ${t}` : t;
      st.previous = t;
      continue;
    }
    const verb = readVerb(t);
    const afterComma = endsWithComma(st.previous) || OPENING_FORMULA.test(st.previous) || st.headingOpen;
    const unnumberedOp = st.lastNumber === 0 && verb.verb && !PREAMBLE_OPENER.test(t);
    if (unnumberedOp && result.operative.length === 0 && !st.op && (afterComma || newBlock)) {
      const op = startOp(null, st, result, t);
      if (/\bfollowing\b.*:\s*$/.test(t) || isFollowingColon(lines, i)) {
        // "Adopts the following political declaration …:": what follows is the declaration,
        // whose numbered paragraphs are not the resolution's.
        const end = lines.findIndex((l, j) => j > i && MEETING_LINE.test(l.trim()));
        const stop = end < 0 ? lines.length : end;
        let j = i + 1;
        while (j < stop && !/:\s*$/.test(op.lines[op.lines.length - 1] ?? '')) {
          op.lines.push((lines[j] ?? '').trim());
          j++;
        }
        result.embedded = lines.slice(j, stop);
        result.after = lines.slice(stop);
        return result;
      }
      continue;
    }
    if (unnumberedOp && result.operative.length > 0 && (st.op === null || endsParagraph(st.previous)) && (newBlock || endsParagraph(st.previous))) {
      // Security Council parts: unnumbered operative paragraphs one after another.
      startOp(null, st, result, t);
      continue;
    }
    // Inside an open quotation (a title such as "…of All States, Taking into Particular Account
    // the Needs…") a participle after a comma starts no paragraph.
    if (st.sectionOps === 0 && PREAMBLE_OPENER.test(t) && (afterComma || (newBlock && !st.pre)) && (blankLineBefore || !quoteOpen(st.pre?.lines))) {
      st.pre = { section: st.section, lines: [t] };
      st.headingOpen = false;
      result.preamble.push(st.pre);
      st.previous = t;
      continue;
    }

    if (st.sub) st.sub.lines.push(t);
    else if (st.op) st.op.lines.push(t);
    else if (st.pre) st.pre.lines.push(t);
    else doubts.push({ where: `line ${i + 1}`, why: `"${t.slice(0, 60)}" belongs to no paragraph` });
    st.previous = t;
  }
  closeOp(st);
  if (result.operative.length > 0) doubts.push({ where: 'structure', why: 'no meeting or adoption line closes the operative part; it runs to the end of the text' });
  return result;
}

function closeOp(st: State): void {
  if (st.op && st.misplacedTail) {
    (st.sub ? st.sub.lines : st.op.lines).push(st.misplacedTail);
    st.misplacedTail = null;
  }
}

function startOp(n: number | null, st: State, result: RawStructure, first: string | null): RawOperative {
  closeOp(st);
  const op: RawOperative = { number: n, section: st.section, subheading: st.subheading, lines: first ? [first] : [], subs: [] };
  st.subheading = null;
  result.operative.push(op);
  st.op = op;
  st.sub = null;
  st.pre = null;
  st.headingOpen = false;
  st.sectionOps++;
  if (first) st.previous = first;
  return op;
}

/** "N." in sequence (or 1 again, a new section) starts an operative paragraph. */
function readNumbered(t: string, lines: string[], i: number, st: State, result: RawStructure): boolean {
  const numbered = NUMBERED.exec(t);
  if (!numbered) return false;
  const n = Number(numbered[1]);
  if (!(n === st.lastNumber + 1 || (n === 1 && st.lastNumber > 0))) return false;
  st.lastNumber = n;
  const op = startOp(n, st, result, null);
  const rest = numbered[2] ?? '';
  if (rest === '') {
    // pdftotext: "2." / "country;" / "Notes with satisfaction … host": the short lower-case
    // line is the paragraph's last words, printed before its first.
    const next = nextNonEmpty(lines, i + 1);
    const after = next ? nextNonEmpty(lines, next.index + 1) : null;
    if (next && after && /^[a-z]/.test(next.text) && /^[A-Z]/.test(after.text) && endsParagraph(next.text)) {
      st.misplacedTail = next.text;
      lines[next.index] = '';
    }
  } else op.lines.push(rest);
  st.previous = t;
  return true;
}

/** "(a) …", "(i) …", "— …" inside an operative paragraph start a sub-paragraph. */
function readSub(t: string, st: State): boolean {
  const labelled = LABELLED.exec(t);
  const dash = EM_DASH.exec(t);
  if (!st.op || !(labelled || dash)) return false;
  const sub: RawSub = { label: labelled ? (labelled[1] ?? '') : '—', lines: [(labelled ? labelled[2] : dash?.[1]) ?? ''], children: [] };
  placeSub(st.op, sub);
  st.sub = sub;
  st.previous = t;
  return true;
}

/**
 * A heading between numbered paragraphs: after a paragraph's end, a capitalised line without
 * closing punctuation, before the next paragraph in sequence.
 */
function isSubheading(t: string, st: State, lines: string[], i: number): boolean {
  if (!st.op || (st.op.lines.length === 0 && st.op.subs.length === 0)) return false;
  if (!endsParagraph(st.previous) || !/^[A-Z]/.test(t) || /[,;.:](\s*\d{1,2})?$/.test(t) || st.lastNumber === 0) return false;
  const next = nextNonEmpty(lines, i + 1);
  const n = next ? NUMBERED.exec(next.text) : null;
  return !!n && Number(n[1]) === st.lastNumber + 1;
}
