// Footnotes: their texts from the blocks under the rule, and their markers in the running text,
// where the extraction often glues them to the word or figure before ("19931", "2004,2",
// "Action3") or leaves them spaced ("Rights, 1").
import { joinLines } from './clean.ts';
import type { Doubt, Footnote, FootnoteRef } from './types.ts';

/** A line of a footnote block: a marker alone ("3"), a marker with its text ("3 See …"), or text. */
type Token = { marker: number; text: string | null } | { marker: null; text: string };

/**
 * Reads footnote blocks. pdftotext prints a block's markers and texts out of step: usually the
 * first marker, then two texts, then the other markers and texts in turn, and the second marker
 * last of all ("1", text 1, text 2, "3", text 3, "2"). So the markers of a block are sorted, and
 * its texts, split where one ends (a full stop and a capital) when there are fewer runs of text
 * than markers, are given to them in order. A block without a marker continues the footnote
 * before it (a footnote running over a page). What cannot be paired confidently is a doubt.
 */
export function readFootnotes(blocks: string[][], doubts: Doubt[]): Footnote[] {
  const found: Footnote[] = [];
  let last = 0;
  for (const block of blocks) {
    const tokens: Token[] = [];
    for (const line of block) {
      const t = line.trim();
      if (t === '') continue;
      const alone = /^(\d{1,3})$/.exec(t);
      const withText = /^(\d{1,3})\s+(\S.*)$/.exec(t);
      if (alone && plausibleMarker(Number(alone[1]), last, tokens)) tokens.push({ marker: Number(alone[1]), text: null });
      else if (withText && /^[A-Z(“"]|^ibid/i.test(withText[2] ?? '') && plausibleMarker(Number(withText[1]), last, tokens)) {
        tokens.push({ marker: Number(withText[1]), text: null });
        tokens.push({ marker: null, text: withText[2] ?? '' });
      } else tokens.push({ marker: null, text: t });
    }
    const markers = tokens.flatMap((k) => (k.marker === null ? [] : [k.marker])).sort((a, b) => a - b);
    const runs: string[][] = [];
    let open: string[] | null = null;
    for (const k of tokens) {
      if (k.marker !== null) open = null;
      else {
        if (!open) {
          open = [];
          runs.push(open);
        }
        open.push(k.text);
      }
    }
    if (markers.length === 0) {
      // A footnote continued from the page before.
      const prev = found[found.length - 1];
      if (prev && runs.length > 0 && !/\.$/.test(prev.text)) prev.text = joinLines([prev.text, ...runs.flat()]);
      else if (runs.length > 0) doubts.push({ where: 'footnotes', why: `text "${runs.flat().join(' ').slice(0, 60)}" under a footnote rule has no marker and continues no footnote` });
      continue;
    }
    const texts = splitTexts(runs, markers.length);
    if (texts.length !== markers.length) {
      doubts.push({ where: 'footnotes', why: `footnotes ${markers.join(', ')}: ${texts.length} text(s) for ${markers.length} marker(s); the texts are left unpaired` });
    } else {
      for (const [k, m] of markers.entries()) found.push({ marker: String(m), text: joinLines(texts[k] ?? []) });
    }
    last = Math.max(last, ...markers);
  }
  return found;
}

/** A number is a marker when it comes after the markers already read and not far after them. */
function plausibleMarker(n: number, last: number, tokens: Token[]): boolean {
  const seen = tokens.flatMap((k) => (k.marker === null ? [] : [k.marker]));
  if (seen.includes(n)) return false;
  const base = Math.max(last, 0);
  return last === 0 ? n >= 1 && n < 200 : n > base && n <= base + 12;
}

/** Where one footnote's text ends and the next begins inside a run: a full stop, then a capital. */
function softBreaks(run: string[]): number[] {
  const at: number[] = [];
  for (let k = 0; k < run.length - 1; k++) if (/[.)]$/.test(run[k] ?? '') && /^(?:[A-Z“"]|https?:)/.test(run[k + 1] ?? '')) at.push(k + 1);
  return at;
}

/**
 * Splits the runs into `wanted` texts. The missing splits are taken from the first run (where
 * pdftotext puts the texts whose markers it printed last), and only when that run has exactly
 * as many places where a text ends as splits are missing; otherwise the count will not match.
 */
function splitTexts(runs: string[][], wanted: number): string[][] {
  if (runs.length >= wanted) return runs;
  const missing = wanted - runs.length;
  const first = runs[0] ?? [];
  const breaks = softBreaks(first);
  if (breaks.length !== missing) return runs;
  const pieces: string[][] = [];
  let from = 0;
  for (const b of breaks) {
    pieces.push(first.slice(from, b));
    from = b;
  }
  pieces.push(first.slice(from));
  return [...pieces, ...runs.slice(1)];
}

const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December';
/** Words after which a spaced number is a reference, not a footnote marker. */
const NOT_BEFORE_MARKER =
  /\b(paragraphs?|para|paras|Article|Articles|article|resolutions?|chapter|chap|section|sect|No|Nos|item|items|annex|rule|rules|principle|part|Goal|Goals? and|and|to|of|under|than|about|over|some|at|by|in|the|week|day|days|years?|months?|Supplement)\.?$/;

/** "4 July 2025", "2015–2030", "its 2023": a year after which a spaced number in sequence is a marker. */
const YEAR_END = /\b(?:19|20)\d\d$/;

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
  const record = (n: number) => {
    const f = footnotes.find((x) => x.marker === String(n));
    refs.push({ marker: String(n), text: f?.text ?? null, symbols: f?.symbols ?? [] });
  };

  // One pass over the text, left to right, trying each glued or spaced form at each candidate.
  const pattern = new RegExp(
    [
      `(?<date>\\b(?:${MONTHS}) (?:1[89]|20)\\d\\d)(?<dm>\\d{1,2})(?=[\\s,;.:)]|$)`, // "9 March 19931"
      '(?<punct>[a-z\\)”’"][,;:.])(?<pm>\\d{1,2})(?=\\s|$)', // "2004,2", "General;4"
      '(?<dend>\\d[,;:])(?<dem>\\d{1,2})$', // "UNISPACE+50,1" at a paragraph's end
      '(?<year>\\b(?:1[89]|20)\\d\\d[,;:.])(?<ym>\\d{1,2})(?=\\s|$)', // "2004,2"
      '(?<word>[A-Za-z\\)”’][A-Za-z\\)”’])(?<wm>\\d{1,2})(?=[\\s,;.:)]|$)', // "Action3"
      '(?<before>[^\\s]) (?<sm>\\d{1,2})(?=[\\s,;.:)]|$)', // "Rights, 1", "Nations 1 are",
      '(?<lead>[A-Za-z,)]) (?<lm>\\d{1,2})(?=[a-z]{2})', // "Weapons 6and": the marker glued to the next word
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
    else if (g.dem) [keep, n] = [g.dend, Number(g.dem)];
    else if (g.wm) [keep, n] = [g.word, Number(g.wm)];
    else if (g.lm) [keep, n] = [`${g.lead} `, Number(g.lm)];
    else if (g.sm) {
      const head = text.slice(0, at + 1);
      if (
        NOT_BEFORE_MARKER.test(head) ||
        (/\d$/.test(head) && !YEAR_END.test(head)) ||
        /^ \d+ (?:per|January|February|March|April|May|June|July|August|September|October|November|December)\b/.test(text.slice(at + 1))
      )
        continue;
      // A spaced repeat ("Court, 1 and calls upon") counts only after a word and a comma,
      // before a word that is not a unit ("107 new posts", "80 years").
      const after = text.slice(at + m[0].length);
      const repeatOk = /[a-z)”"],$/.test(head) && (after === '' || /^ (?!new|continuing|years?|months?|days?|per|percent|posts?)[a-z]/.test(after));
      [keep, n, glued] = [g.before, Number(g.sm), repeatOk];
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
