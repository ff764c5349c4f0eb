// Footnotes: their texts from the blocks under the rule, and their markers in the running text,
// where the extraction often glues them to the word or figure before ("19931", "2004,2",
// "Action3") or leaves them spaced ("Rights, 1").
import { joinLines } from './clean.ts';
import type { Doubt, Footnote, FootnoteRef } from './types.ts';

/**
 * Reads footnote blocks. A marker is a number on its own line ("1") or at the start of a line
 * ("1  See …"); it must be the next number after the previous one, so that a continuation line
 * starting with a figure is not taken for a new footnote. Markers listed before their texts
 * ("5", "6", then two texts) are paired with the texts in order, one sentence each.
 */
export function readFootnotes(blocks: string[][], doubts: Doubt[]): Footnote[] {
  const found: Footnote[] = [];
  let last = 0;
  for (const block of blocks) {
    const pending: number[] = [];
    let current: { marker: number; lines: string[] } | null = null;
    const finish = () => {
      if (current) found.push({ marker: String(current.marker), text: joinLines(current.lines) });
      current = null;
    };
    for (const line of block) {
      const t = line.trim();
      if (t === '') continue;
      const alone = /^(\d{1,3})$/.exec(t);
      const withText = /^(\d{1,3})\s+(\S.*)$/.exec(t);
      const expected = last + pending.length + 1;
      if (alone && (Number(alone[1]) === expected || last === 0)) {
        finish();
        pending.push(Number(alone[1]));
        continue;
      }
      if (withText && (Number(withText[1]) === expected || (last === 0 && pending.length === 0 && !current))) {
        finish();
        const n = Number(withText[1]);
        last = n;
        pending.length = 0;
        current = { marker: n, lines: [withText[2] ?? ''] };
        continue;
      }
      if (pending.length > 0 && (!current || /[.;]$/.test(current.lines.join(' ')))) {
        // Text after one or more bare markers: it belongs to the first marker still waiting.
        finish();
        const n = pending.shift() as number;
        last = Math.max(last, n);
        current = { marker: n, lines: [t] };
        continue;
      }
      if (current) current.lines.push(t);
      else doubts.push({ where: 'footnotes', why: `line "${t.slice(0, 60)}" under a footnote rule has no marker before it` });
    }
    finish();
    for (const n of pending) doubts.push({ where: 'footnotes', why: `footnote marker ${n} has no text` });
  }
  return found;
}

const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December';
/** Words after which a spaced number is a reference, not a footnote marker. */
const NOT_BEFORE_MARKER =
  /\b(paragraphs?|para|paras|Article|Articles|article|resolutions?|chapter|chap|section|sect|No|Nos|item|items|annex|rule|rules|principle|part|Goal|Goals? and|and|to|of|under|than|about|over|some|at|by|in|the|week|day|days|years?|months?|Supplement)\.?$/;

export interface MarkerState {
  /** Highest marker placed so far. */
  last: number;
  /** Markers whose footnote text exists. */
  known: Set<number>;
}

/**
 * Finds footnote markers in one paragraph's text, removes them, and returns the cleaned text
 * with the markers in order. A first use must be the next marker in sequence; a marker may be
 * used again later (glued forms only, since a spaced repeat cannot be told from a figure).
 */
export function detachMarkers(text: string, state: MarkerState, footnotes: Footnote[]): { text: string; refs: FootnoteRef[] } {
  const refs: FootnoteRef[] = [];
  const accept = (n: number, glued: boolean): boolean => {
    if (n === state.last + 1 && state.known.has(n)) {
      state.last = n;
      return true;
    }
    return glued && n <= state.last && n > 0 && state.known.has(n);
  };
  const record = (n: number) => refs.push({ marker: String(n), text: footnotes.find((f) => f.marker === String(n))?.text ?? null });

  // One pass over the text, left to right, trying each glued or spaced form at each candidate.
  const pattern = new RegExp(
    [
      `(?<date>\\b(?:${MONTHS}) (?:1[89]|20)\\d\\d)(?<dm>\\d{1,2})(?=[\\s,;.:)]|$)`, // "9 March 19931"
      '(?<punct>[a-z\\)”’"][,;:.])(?<pm>\\d{1,2})(?=\\s|$)', // "2004,2", "General;4"
      '(?<year>\\b(?:1[89]|20)\\d\\d[,;:.])(?<ym>\\d{1,2})(?=\\s|$)', // "2004,2"
      '(?<word>[A-Za-z\\)”’][A-Za-z\\)”’])(?<wm>\\d{1,2})(?=[\\s,;.:)]|$)', // "Action3"
      '(?<before>[^\\s]) (?<sm>\\d{1,2})(?=[\\s,;.:)]|$)', // "Rights, 1", "Nations 1 are"
    ].join('|'),
    'g',
  );
  let out = '';
  let from = 0;
  for (const m of text.matchAll(pattern)) {
    const g = m.groups ?? {};
    const at = m.index ?? 0;
    let keep: string | undefined;
    let n: number | undefined;
    let glued = true;
    if (g.dm) [keep, n] = [g.date, Number(g.dm)];
    else if (g.pm) [keep, n] = [g.punct, Number(g.pm)];
    else if (g.ym) [keep, n] = [g.year, Number(g.ym)];
    else if (g.wm) [keep, n] = [g.word, Number(g.wm)];
    else if (g.sm) {
      const head = text.slice(0, at + 1);
      if (NOT_BEFORE_MARKER.test(head) || /\d$/.test(head) || /^ \d+ (?:per|January|February|March|April|May|June|July|August|September|October|November|December)\b/.test(text.slice(at + 1)))
        continue;
      [keep, n, glued] = [g.before, Number(g.sm), false];
    }
    if (keep === undefined || n === undefined) continue;
    // "Rev.1", "Corr.2", "Add.1", "No. 3": parts of document references, not markers.
    if (/(Rev|Corr|Add|Amend|No|Nos|para|paras|chap|sect|art|Suppl|Vol|p|pp)\.$/.test(text.slice(0, at + keep.length))) continue;
    if (!accept(n, glued)) continue;
    out += text.slice(from, at) + keep;
    from = at + m[0].length;
    record(n);
  }
  out += text.slice(from);
  return {
    text: out
      .replace(/\s+([,;.:])/g, '$1')
      .replace(/\s+/g, ' ')
      .trim(),
    refs,
  };
}
