// Page furniture and footnote blocks out of pdftotext / OCR output, so that what remains is the
// running text of the resolution, line by line. Lines keep their leading spaces: in some
// extractions (the 2004 text) indentation is the only sign of a new paragraph.

/** "25-20971 (E)", "GE.14-16321 (E)", "02-72318 (E)": the job number printed on each page. */
const JOB_NUMBER = /^(GE\.)?\d{2}-\d{5}( \(E\))?$/;
/** "*2520971*": the barcode's human-readable line. */
const BARCODE = /^\*\d{6,}\*$/;
/** "2/3": page numbers in born-digital UN documents. */
const PAGE_NUMBER = /^\d{1,3}\/\d{1,3}$/;
/** "241018": the date code beside the job number on the first page. */
const DATE_CODE = /^\d{6}$/;
/** The rule that opens a footnote block. */
export const FOOTNOTE_RULE = /^_{5,}\s*$/;

export function isFurniture(line: string): boolean {
  const t = line.trim();
  return JOB_NUMBER.test(t) || BARCODE.test(t) || PAGE_NUMBER.test(t) || DATE_CODE.test(t);
}

function normalise(s: string): string {
  return s.replace(/\s+/g, ' ').trim().toLowerCase();
}

export interface Cleaned {
  /** Running text, furniture and footnote blocks removed; blank lines kept as "". */
  lines: string[];
  /** The footnote blocks, in order, each as its own lines. */
  footnoteBlocks: string[][];
}

/**
 * Removes furniture and lifts footnote blocks out. `symbol` and `title` are the ones the header
 * states (or null): after their first printing, lines repeating them near a page break are the
 * running header.
 */
export function clean(text: string, symbol: string | null, title: string | null): Cleaned {
  const raw = text
    .replace(/\r\n?/g, '\n')
    .replace(/\f/g, '\n')
    .split('\n')
    .map((l) => l.replace(/\s+$/, ''))
    // "requests the Secretary_______________": the rule printed on the text's last line.
    .flatMap((l) => (/\S_{5,}$/.test(l) ? [l.replace(/_{5,}$/, ''), '_'.repeat(15)] : [l]));
  const lines: string[] = [];
  const footnoteBlocks: string[][] = [];
  const normTitle = title ? normalise(title) : null;
  const normSymbol = symbol ? normalise(symbol) : null;
  let seenFormula = false;
  let inFootnotes: string[] | null = null;

  for (let i = 0; i < raw.length; i++) {
    const line = raw[i] ?? '';
    const t = line.trim();
    if (!seenFormula && /^The (General Assembly|Security Council|Economic and Social Council|Human Rights Council)\b/.test(t)) {
      seenFormula = true;
    }
    if (FOOTNOTE_RULE.test(t)) {
      inFootnotes = [];
      footnoteBlocks.push(inFootnotes);
      continue;
    }
    if (isFurniture(t)) {
      // A page break ends a footnote block: what follows is the next page's header and text.
      // Unless the block still lacks texts for its markers: pdftotext sometimes prints them
      // among the page furniture ("5", "6", then "3/5", "18-17962", the two texts).
      if (inFootnotes && (textsWanted(inFootnotes) > 0 || inFootnotes.every((l) => l.trim() === ''))) {
        const block = inFootnotes;
        let j = i + 1;
        for (; j < raw.length; j++) {
          const u = (raw[j] ?? '').trim();
          if (u === '' || isFurniture(u)) continue;
          if (block.every((l) => l.trim() === '') && !/^\d{1,3}$/.test(u)) break;
          // Done when every marker has its text and no further marker follows.
          if (block.some((l) => l.trim() !== '') && textsWanted(block) === 0 && !/^\d{1,3}$/.test(u)) break;
          if ((normSymbol && normalise(u).endsWith(normSymbol)) || normTitle?.includes(normalise(u))) break;
          block.push(u);
        }
        i = j - 1;
      }
      inFootnotes = null;
      continue;
    }
    const isTitle = (u: string) => !!normTitle && u.length > 3 && normTitle.includes(normalise(u));
    if (inFootnotes) {
      // The next page's running header printed before the page furniture (PyMuPDF) is not footnote text.
      if (seenFormula && t !== '' && ((normSymbol && normalise(t) === normSymbol) || (isTitle(t) && nearPageBreak(raw, i, isTitle)))) continue;
      // In the 2004 text the footnotes sit flush left and the running text resumes indented.
      if (/^\s+\S/.test(line) && inFootnotes.some((l) => l.trim() !== '')) {
        inFootnotes = null;
      } else {
        inFootnotes.push(line);
        continue;
      }
    }
    if (seenFormula && t !== '') {
      // The running header repeats the symbol and the title (sometimes broken differently).
      if (normSymbol && normalise(t) === normSymbol) continue;
      if (isTitle(t) && nearPageBreak(raw, i, isTitle)) continue;
      // "United Nations S/RES/1445 (2002)": a Security Council running header.
      if (normSymbol && normalise(t).endsWith(normSymbol) && t.length < 40) continue;
    }
    lines.push(line);
  }
  return { lines, footnoteBlocks };
}

/**
 * How many of a block's markers still lack a text: markers counted, minus the texts seen (a line
 * ending with a full stop ends one). Zero when the block has as many texts as markers.
 */
function textsWanted(block: string[]): number {
  let markers = 0;
  let texts = 0;
  for (const l of block) {
    const t = l.trim();
    if (/^\d{1,3}$/.test(t)) markers++;
    else if (/\.$/.test(t)) texts++;
  }
  return Math.max(0, markers - texts);
}

/**
 * True when line i sits in the page-break block: walking up or down over blank lines and other
 * title fragments reaches a furniture line or the symbol. A title word inside a paragraph
 * ("military" / "matters,") is not in such a block, and stays.
 */
function nearPageBreak(raw: string[], i: number, isTitle: (t: string) => boolean): boolean {
  for (const dir of [-1, 1]) {
    for (let j = i + dir, steps = 0; j >= 0 && j < raw.length && steps < 8; j += dir, steps++) {
      const t = (raw[j] ?? '').trim();
      if (isFurniture(t) || /^(?:United Nations\s+)?[AS]\/RES\//.test(t)) return true;
      if (t !== '' && !isTitle(t)) break;
    }
  }
  return false;
}

/** Prefixes that keep their hyphen at a line end: "ex-" + "combatants" is one hyphenated word. */
const KEPT_HYPHEN_PREFIXES = new Set([
  'ex',
  'non',
  'co',
  'self',
  'anti',
  'pre',
  'post',
  'multi',
  'inter',
  'cross',
  'well',
  'high',
  'long',
  'short',
  'follow',
  'sub',
  'counter',
  'mid',
  'semi',
  'socio',
  'cost',
  'small',
  'large',
  'low',
  'middle',
  'least',
  'land',
  'day',
  'one',
  'two',
  'three',
  'decision',
  'policy',
  'gender',
  'drug',
  'peace',
  'state',
  'state-of-the',
  // "seventy-" + "fourth": ordinal numbers keep their hyphen.
  'twenty',
  'thirty',
  'forty',
  'fifty',
  'sixty',
  'seventy',
  'eighty',
  'ninety',
]);

/** Joins wrapped lines into one string, rejoining words hyphenated across lines. */
export function joinLines(parts: string[]): string {
  let out = '';
  for (const p of parts) {
    const t = p.trim();
    if (t === '') continue;
    if (out === '') {
      out = t;
      continue;
    }
    // Only the end of what is joined so far is looked at: a pattern anchored at the end still
    // scans from the start, which made long paragraphs (A/RES/73/3) take quadratic time.
    const tail = out.slice(-80);
    const m = /([A-Za-z]+)-$/.exec(tail);
    if (m && /^[a-z]/.test(t) && !KEPT_HYPHEN_PREFIXES.has((m[1] ?? '').toLowerCase())) {
      out = out.slice(0, -1) + t;
    } else if (/[A-Za-z]-$/.test(tail) && /^[A-Za-z]/.test(t)) {
      out += t; // "Secretary-" + "General", "ex-" + "combatants": the hyphen is the word's own
    } else {
      out += ` ${t}`;
    }
  }
  return out.replace(/\s+/g, ' ').trim();
}
