// Pairs the paragraphs of two texts of one family (an earlier resolution and a later one on the
// same subject): preambular with preambular, operative with operative, by the words they share.
// A paragraph of the later text with no counterpart is new; one of the earlier text with none was
// dropped; a pair out of the order the other pairs keep has moved.
import type { FootnoteRef, OperativeParagraph, ParsedResolution, SubParagraph } from '../parse/types.ts';
import { compareWords, type DiffPart } from './diff.ts';

export type ParagraphPart = 'preamble' | 'operative';

/** unchanged: the same text. typography: the same words, differing only in spacing or in the form
 *  of hyphens, dashes, apostrophes and quotation marks (extraction and typesetting, not wording).
 *  changed: the wording differs. new / dropped: no counterpart in the other text. */
export type ParagraphChange = 'unchanged' | 'typography' | 'changed' | 'new' | 'dropped';

export interface ParagraphSide {
  /** `pp3` (third preambular paragraph) or `op5` (operative paragraph numbered 5; an unnumbered one
   *  by its place), as cooperation links name a paragraph. Numbering restarts in each section of
   *  a text with sections, so there `section` tells two `op1` apart. */
  anchor: string;
  /** Place among the paragraphs of its part, from 0. */
  index: number;
  section: string | null;
  /** The paragraph's text, its sub-paragraphs after it with their labels: "…: (a) …; (b) …". */
  text: string;
  footnotes: FootnoteRef[];
}

export interface FootnoteChange {
  /** Footnotes are paired by their order within the paragraph (markers are renumbered between texts). */
  before: FootnoteRef | null;
  after: FootnoteRef | null;
  diff: DiffPart[];
}

export interface ParagraphPair {
  part: ParagraphPart;
  earlier: ParagraphSide | null;
  later: ParagraphSide | null;
  change: ParagraphChange;
  /** True when the pair is out of the order kept by the other pairs of its part. */
  moved: boolean;
  /** Share of words in common, 0 to 1 (2 × common / (words before + words after)); 0 for new and dropped. */
  similarity: number;
  /** The earlier text to the later, word by word; a new paragraph is one `added` part, a dropped one one `removed`. */
  diff: DiffPart[];
  /** Null, or why `diff` is not word by word (texts too far apart for the work limit). */
  diffNote: string | null;
  /** The paragraph's footnotes whose text differs between the two texts. */
  footnoteChanges: FootnoteChange[];
}

/** Below this share of common words two paragraphs are taken as different paragraphs. */
export const SAME_PARAGRAPH_SIMILARITY = 0.5;

export function alignParagraphs(earlier: ParsedResolution, later: ParsedResolution): ParagraphPair[] {
  return [...alignPart('preamble', preambleSides(earlier), preambleSides(later)), ...alignPart('operative', operativeSides(earlier), operativeSides(later))];
}

function preambleSides(r: ParsedResolution): ParagraphSide[] {
  return r.preamble.map((p, i) => ({ anchor: `pp${i + 1}`, index: i, section: null, text: p.text, footnotes: p.footnotes }));
}

function operativeSides(r: ParsedResolution): ParagraphSide[] {
  return r.operative.map((op, i) => ({
    anchor: `op${op.number ?? i + 1}`,
    index: i,
    section: op.section,
    text: operativeText(op),
    footnotes: [...op.footnotes, ...flatten(op.subParagraphs).flatMap((s) => s.footnotes)],
  }));
}

function flatten(subs: SubParagraph[]): SubParagraph[] {
  return subs.flatMap((s) => [s, ...flatten(s.children)]);
}

/** The opening part, then each sub-paragraph (children after their parent) with its label. */
export function operativeText(op: OperativeParagraph): string {
  return [op.text, ...flatten(op.subParagraphs).map((s) => `${s.label} ${s.text}`)].filter((t) => t !== '').join(' ');
}

function alignPart(part: ParagraphPart, before: ParagraphSide[], after: ParagraphSide[]): ParagraphPair[] {
  const matches = pairUp(before, after);
  const moved = outOfOrder(matches);
  const byLater = new Map(matches.map((m) => [m.j, m]));
  const out: ParagraphPair[] = [];
  after.forEach((side, j) => {
    const m = byLater.get(j);
    const earlierSide = m ? before[m.i] : undefined;
    out.push(earlierSide && m ? pairOf(part, earlierSide, side, m.similarity, moved.has(m)) : oneSided(part, null, side));
  });
  // A dropped paragraph goes right after what its predecessor in the earlier text became.
  const pairedEarlier = new Set(matches.map((m) => m.i));
  before.forEach((side, i) => {
    if (pairedEarlier.has(i)) return;
    const at = i === 0 ? -1 : out.findIndex((p) => p.earlier?.index === i - 1);
    out.splice(at + 1, 0, oneSided(part, side, null));
  });
  return out;
}

interface Match {
  i: number;
  j: number;
  similarity: number;
}

/** Greedy: the most similar pairs first; between equally similar ones, those nearest in place. */
function pairUp(before: ParagraphSide[], after: ParagraphSide[]): Match[] {
  const bagsBefore = before.map((s) => wordBag(s.text));
  const bagsAfter = after.map((s) => wordBag(s.text));
  const candidates: Match[] = [];
  bagsBefore.forEach((a, i) => {
    bagsAfter.forEach((b, j) => {
      const similarity = before[i]?.text === after[j]?.text ? 1 : dice(a, b);
      if (similarity >= SAME_PARAGRAPH_SIMILARITY) candidates.push({ i, j, similarity });
    });
  });
  candidates.sort((x, y) => y.similarity - x.similarity || Math.abs(x.i - x.j) - Math.abs(y.i - y.j) || x.i - y.i);
  const usedBefore = new Set<number>();
  const usedAfter = new Set<number>();
  const chosen: Match[] = [];
  for (const c of candidates) {
    if (usedBefore.has(c.i) || usedAfter.has(c.j)) continue;
    usedBefore.add(c.i);
    usedAfter.add(c.j);
    chosen.push(c);
  }
  return chosen;
}

interface WordBag {
  counts: Map<string, number>;
  size: number;
}

function wordBag(text: string): WordBag {
  const counts = new Map<string, number>();
  let size = 0;
  for (const w of text.toLowerCase().match(/[\p{L}\p{M}\p{N}]+/gu) ?? []) {
    counts.set(w, (counts.get(w) ?? 0) + 1);
    size++;
  }
  return { counts, size };
}

function dice(a: WordBag, b: WordBag): number {
  if (a.size + b.size === 0) return 1;
  let common = 0;
  for (const [w, n] of a.counts) common += Math.min(n, b.counts.get(w) ?? 0);
  return (2 * common) / (a.size + b.size);
}

/** The pairs not on a longest run kept in the same order in both texts. */
function outOfOrder(matches: Match[]): Set<Match> {
  const sorted = [...matches].sort((x, y) => x.i - y.i);
  // Longest increasing subsequence of the later positions, O(n log n) with back-links.
  const tails: number[] = [];
  const previous: number[] = new Array(sorted.length).fill(-1);
  sorted.forEach((m, k) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((sorted[tails[mid]!]?.j ?? 0) < m.j) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[k] = tails[lo - 1]!;
    tails[lo] = k;
  });
  const kept = new Set<number>();
  for (let k = tails.length > 0 ? tails[tails.length - 1]! : -1; k >= 0; k = previous[k]!) kept.add(k);
  return new Set(sorted.filter((_, k) => !kept.has(k)));
}

function pairOf(part: ParagraphPart, earlier: ParagraphSide, later: ParagraphSide, similarity: number, moved: boolean): ParagraphPair {
  const comparison = compareWords(earlier.text, later.text);
  return {
    part,
    earlier,
    later,
    change: changeOf(earlier.text, later.text),
    moved,
    similarity,
    diff: comparison.parts,
    diffNote: comparison.note,
    footnoteChanges: footnoteChanges(earlier.footnotes, later.footnotes),
  };
}

function oneSided(part: ParagraphPart, earlier: ParagraphSide | null, later: ParagraphSide | null): ParagraphPair {
  const text = (earlier ?? later)?.text ?? '';
  return {
    part,
    earlier,
    later,
    change: earlier ? 'dropped' : 'new',
    moved: false,
    similarity: 0,
    diff: text ? [{ kind: earlier ? 'removed' : 'added', text }] : [],
    diffNote: null,
    footnoteChanges: [],
  };
}

export function changeOf(before: string, after: string): ParagraphChange {
  if (before === after) return 'unchanged';
  return typographic(before) === typographic(after) ? 'typography' : 'changed';
}

/** The text without spaces, with one form of hyphen, apostrophe and quotation mark. pdftotext
 *  splits words ("countrie s") and the PDFs differ in hyphen (U+2011 in "COVID‑19"). */
function typographic(text: string): string {
  return text
    .replace(/\s+/g, '')
    .replace(/\u00ad/g, '')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u201c\u201d]/g, '"');
}

function footnoteChanges(before: FootnoteRef[], after: FootnoteRef[]): FootnoteChange[] {
  const out: FootnoteChange[] = [];
  for (let k = 0; k < Math.max(before.length, after.length); k++) {
    const b = before[k] ?? null;
    const a = after[k] ?? null;
    if (b && a && changeOf(b.text ?? '', a.text ?? '') !== 'changed') continue;
    out.push({ before: b, after: a, diff: compareWords(b?.text ?? '', a?.text ?? '').parts });
  }
  return out;
}
