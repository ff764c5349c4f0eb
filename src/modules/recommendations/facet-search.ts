// A search answered from the facet index (facet-index.ts): given the rows whose text matches
// (from the database's full-text index) or every row, one pass finds the rows that pass every
// filter (counted, and marked in the search order), and counts each facet's values over the rows
// that pass every filter but that facet's own, so a facet shows its other values too; then a
// walk along the search order from the cursor picks the page. The answers are those of the SQL
// in repository.ts, which the tests check on both databases.
import type { FacetIndex, TagFacet } from './facet-index.ts';
import { COLUMN_FACETS, INDEX_TAG_FACETS } from './facet-index.ts';
import type { Cursor, FacetName, RecommendationFilter, Sort } from './repository.ts';

export interface IndexAnswer {
  total: number;
  /** Per facet, every value with a count, most frequent first (then by value). */
  facets: Map<FacetName, { value: string; count: number }[]> | null;
  /** The seqs of the page, in order, and whether more follow. */
  page: number[];
  more: boolean;
  /** Per value, how many matches have it, of values kept outside the index (the follow-up statuses). */
  outside: Map<string, number> | null;
}

/** Values kept outside the index, per seq: counted over the matches like a facet. */
export interface OutsideValues {
  seqs: number[];
  values: string[];
}

interface ActiveFilter {
  facet: FacetName;
  passes(position: number): boolean;
}

/** Where a seq is among the index's ascending seqs, searching from `from`; -1 when it is not there. */
function positionOf(seqs: Float64Array, seq: number, from = 0): number {
  let low = from;
  let high = seqs.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const value = seqs[middle]!;
    if (value === seq) return middle;
    if (value < seq) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}

function allowedCodes(find: (value: string) => number, size: number, values: (string | number)[]): Uint8Array {
  const allowed = new Uint8Array(size);
  for (const value of values) {
    const code = find(String(value));
    if (code > 0) allowed[code] = 1;
  }
  return allowed;
}

function activeFilters(index: FacetIndex, filter: RecommendationFilter): ActiveFilter[] {
  const active: ActiveFilter[] = [];
  for (const facet of COLUMN_FACETS) {
    const values = filter[facet] as (string | number)[];
    if (values.length === 0) continue;
    const { dictionary, codes } = index.columns.get(facet)!;
    const allowed = allowedCodes((v) => dictionary.find(v), dictionary.values.length, values);
    active.push({ facet, passes: (p) => allowed[codes[p]!] === 1 });
  }
  for (const facet of INDEX_TAG_FACETS) {
    if (filter[facet].length === 0) continue;
    const { dictionary, start, codes } = index.tags.get(facet)!;
    const allowed = allowedCodes((v) => dictionary.find(v), dictionary.values.length, filter[facet]);
    active.push({
      facet,
      passes(p) {
        for (let j = start[p]!; j < start[p + 1]!; j++) if (allowed[codes[j]!] === 1) return true;
        return false;
      },
    });
  }
  return active;
}

/** Per facet, how many of the rows count for it have each value: the rows that pass every filter (status -1) and those that fail only the facet's own (status = its filter's number). */
function countFacets(index: FacetIndex, positions: Int32Array, status: Int8Array, active: ActiveFilter[]): Map<FacetName, Uint32Array> {
  const counts = new Map<FacetName, Uint32Array>();
  const ownFilter = (facet: FacetName) => active.findIndex((a) => a.facet === facet);
  for (const facet of COLUMN_FACETS) {
    const { dictionary, codes } = index.columns.get(facet)!;
    const count = new Uint32Array(dictionary.values.length);
    const own = ownFilter(facet);
    for (let k = 0; k < positions.length; k++) {
      const s = status[k]!;
      if (s === -1 || s === own) count[codes[positions[k]!]!]!++;
    }
    counts.set(facet, count);
  }
  for (const facet of INDEX_TAG_FACETS) {
    const { dictionary, start, codes } = index.tags.get(facet)!;
    const count = new Uint32Array(dictionary.values.length);
    const own = ownFilter(facet);
    for (let k = 0; k < positions.length; k++) {
      const s = status[k]!;
      if (s !== -1 && s !== own) continue;
      const p = positions[k]!;
      for (let j = start[p]!; j < start[p + 1]!; j++) count[codes[j]!]!++;
    }
    counts.set(facet, count);
  }
  return counts;
}

/** The positions of the rows whose text matches (all rows when null); null when a seq is not in the index. */
function positionsOf(index: FacetIndex, textMatches: number[] | null): Int32Array | null {
  if (textMatches === null) {
    const every = new Int32Array(index.size);
    for (let p = 0; p < every.length; p++) every[p] = p;
    return every;
  }
  const positions = new Int32Array(textMatches.length);
  let from = 0;
  for (let k = 0; k < textMatches.length; k++) {
    const p = positionOf(index.seqs, textMatches[k]!, from);
    if (p < 0) return null;
    positions[k] = p;
    from = p + 1;
  }
  return positions;
}

/** Per row: -1 when it passes every filter, the number of the one filter it fails, or -2 when it fails more. */
function statusOf(positions: Int32Array, active: ActiveFilter[]): Int8Array {
  const status = new Int8Array(positions.length).fill(-1);
  if (active.length === 0) return status;
  for (let k = 0; k < positions.length; k++) {
    for (let i = 0; i < active.length; i++) {
      if (active[i]!.passes(positions[k]!)) continue;
      if (status[k] !== -1) {
        status[k] = -2;
        break;
      }
      status[k] = i;
    }
  }
  return status;
}

function valuesOf(index: FacetIndex, facet: FacetName): string[] {
  return (index.columns.get(facet as never) ?? index.tags.get(facet as TagFacet))!.dictionary.values;
}

/** The rank a cursor stands at: the place of its row, if the row is still there with that date. */
function cursorRank(index: FacetIndex, after: Cursor): number | null {
  const p = positionOf(index.seqs, after.seq);
  if (p < 0 || index.sortDates.values[index.sortDateCodes[p]!] !== after.sortDate) return null;
  return index.rank[p]!;
}

const marks = new WeakMap<FacetIndex, Uint8Array>();

/**
 * The answer of a search, or null when the index cannot give it (a matching row it does not
 * hold, a cursor on a row it does not hold): the SQL answers then.
 * `textMatches`: the seqs whose text matches, ascending; null when the query has no words.
 */
export function searchIndex(
  index: FacetIndex,
  filter: RecommendationFilter,
  textMatches: number[] | null,
  wantFacets: boolean,
  sort: Sort,
  limit: number,
  after: Cursor | null,
  outside: OutsideValues | null = null,
): IndexAnswer | null {
  const from = after ? cursorRank(index, after) : null;
  if (after && from === null) return null;
  const active = activeFilters(index, filter);
  if (textMatches === null && active.length === 0 && !wantFacets && !outside) {
    // Every row matches: the page is the next rows of the search order, with no pass over them all.
    const page = pageFromMarks(index, null, sort, limit, from);
    return { total: index.size, facets: null, page: page.slice(0, limit), more: page.length > limit, outside: null };
  }
  const positions = positionsOf(index, textMatches);
  if (!positions) return null;
  const status = statusOf(positions, active);
  const mark = marks.get(index) ?? new Uint8Array(index.size);
  marks.set(index, mark);
  let total = 0;
  for (let k = 0; k < positions.length; k++)
    if (status[k] === -1) {
      total++;
      mark[index.rank[positions[k]!]!] = 1;
    }
  const page = pageFromMarks(index, mark, sort, limit, from);
  const outsideCounts = outside && countOutside(index, mark, outside);
  mark.fill(0);
  const facets = wantFacets ? sortedCounts(index, countFacets(index, positions, status, active)) : null;
  return { total, facets, page: page.slice(0, limit), more: page.length > limit, outside: outsideCounts };
}

/** How many of the marked rows (the matches) have each value kept outside the index. */
function countOutside(index: FacetIndex, mark: Uint8Array, outside: OutsideValues): Map<string, number> {
  const counts = new Map<string, number>();
  for (let k = 0; k < outside.seqs.length; k++) {
    const p = positionOf(index.seqs, outside.seqs[k]!);
    if (p >= 0 && mark[index.rank[p]!] === 1) counts.set(outside.values[k]!, (counts.get(outside.values[k]!) ?? 0) + 1);
  }
  return counts;
}

/** Up to limit + 1 marked rows (every row, when `mark` is null) along the search order, after the cursor's rank. */
function pageFromMarks(index: FacetIndex, mark: Uint8Array | null, sort: Sort, limit: number, from: number | null): number[] {
  const page: number[] = [];
  if (sort === 'newest') {
    for (let r = (from ?? index.size) - 1; r >= 0 && page.length <= limit; r--) if (!mark || mark[r] === 1) page.push(index.seqs[index.byRank[r]!]!);
  } else {
    for (let r = from === null ? 0 : from + 1; r < index.size && page.length <= limit; r++) if (!mark || mark[r] === 1) page.push(index.seqs[index.byRank[r]!]!);
  }
  return page;
}

function sortedCounts(index: FacetIndex, counts: Map<FacetName, Uint32Array>): Map<FacetName, { value: string; count: number }[]> {
  const result = new Map<FacetName, { value: string; count: number }[]>();
  for (const [facet, count] of counts) {
    const values = valuesOf(index, facet);
    const listed: { value: string; count: number }[] = [];
    for (let code = 1; code < count.length; code++) if (count[code]! > 0) listed.push({ value: values[code]!, count: count[code]! });
    // Ties in value order, as SQL orders them: cycles and sessions are numbers.
    const numeric = facet === 'cycle' || facet === 'session';
    listed.sort((a, b) => b.count - a.count || (numeric ? Number(a.value) - Number(b.value) : a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
    result.set(facet, listed);
  }
  return result;
}
