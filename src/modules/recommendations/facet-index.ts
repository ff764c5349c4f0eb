// The facet index: every recommendation's facet values and place in the search order, held in
// memory as typed arrays, so that a search counts its matches per value of every facet, and
// finds a page of them as deep as asked, in one pass over the matches instead of one GROUP BY
// per facet (docs/RECOMMENDATIONS.md, "Search"; bench/RESULTS.md measures both).
// The database still finds the words of a query (its full-text index); the facet index does the
// rest. It is built for one version of the `recommendations` topic and used only while that is
// the version read: a search meanwhile runs on SQL alone, with the same answers.
// For a million rows it holds about 60 MB.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { baseOf } from '../../db/visibility.ts';
import { readDataVersions } from '../meta/repository.ts';
import { facetColumnsAfter, facetIndexSizes, instrumentTagsBetween, SINGLE_FACETS, TAG_FACETS, tagsBetween } from './repository.ts';

export type ColumnFacet = keyof typeof SINGLE_FACETS | 'year';
/** The values a row has several of: the source's tags, and the instruments its text asks about. */
export type TagFacet = (typeof TAG_FACETS)[number] | 'instrument';
export const INDEX_TAG_FACETS: readonly TagFacet[] = [...TAG_FACETS, 'instrument'];
export const COLUMN_FACETS: readonly ColumnFacet[] = [...(Object.keys(SINGLE_FACETS) as (keyof typeof SINGLE_FACETS)[]), 'year'];

/** The values a facet takes, each given a code; code 0 is "none" (null or empty). */
export class Dictionary {
  readonly values: string[] = [''];
  private readonly codes = new Map<string, number>();

  codeOf(value: string | number | null): number {
    if (value === null || value === '') return 0;
    const text = String(value);
    let code = this.codes.get(text);
    if (code === undefined) {
      code = this.values.length;
      this.values.push(text);
      this.codes.set(text, code);
    }
    return code;
  }

  /** The code of a value asked for, or -1 when no row has it. */
  find(value: string): number {
    return this.codes.get(value) ?? -1;
  }
}

export interface ColumnValues {
  dictionary: Dictionary;
  /** Per row (position), its value's code. */
  codes: Uint16Array;
}

export interface TagValues {
  dictionary: Dictionary;
  /** The tags of the row at position p are codes[start[p]] … codes[start[p + 1] - 1]. */
  start: Uint32Array;
  codes: Uint16Array;
}

export interface FacetIndex {
  /** The database and `recommendations` version it was built from. */
  version: string;
  size: number;
  /** Each row's seq, ascending: a row's position is its place here. */
  seqs: Float64Array;
  sortDates: Dictionary;
  sortDateCodes: Uint32Array;
  columns: Map<ColumnFacet, ColumnValues>;
  tags: Map<TagFacet, TagValues>;
  /** rank[p]: the row's place in the order (sort_date, seq), ascending; byRank is its inverse. */
  rank: Uint32Array;
  byRank: Uint32Array;
}

const BATCH = 2_000;

/** Codes are 16-bit: a facet has a few hundred values (States, themes, years), far from the limit. */
const MAX_CODE = 0xffff;

export async function versionOfRecommendations(db: Kysely<Database>): Promise<string> {
  const versions = await readDataVersions(db);
  return `${versions.databaseId}:${versions.topics.get('recommendations') ?? ''}`;
}

type Building = Omit<FacetIndex, 'rank' | 'byRank' | 'tags'> & { tags: Map<TagFacet, TagValues & { length: number }> };

/** Empty arrays of the sizes counted before reading: no array grows or is copied while the rows are read. */
function emptyIndex(version: string, sizes: { rows: number; tags: Map<string, number> }): Building {
  const columns = new Map<ColumnFacet, ColumnValues>(COLUMN_FACETS.map((f) => [f, { dictionary: new Dictionary(), codes: new Uint16Array(sizes.rows) }]));
  const tags = new Map(INDEX_TAG_FACETS.map((f) => [f, { dictionary: new Dictionary(), start: new Uint32Array(sizes.rows + 1), codes: new Uint16Array(sizes.tags.get(f) ?? 0), length: 0 }]));
  return { version, size: 0, seqs: new Float64Array(sizes.rows), sortDates: new Dictionary(), sortDateCodes: new Uint32Array(sizes.rows), columns, tags };
}

/**
 * Reads every row's facet values, a batch of 2,000 at a time (small batches: the rows read are
 * garbage at once, and the server's memory stays near the index's own size); null when the data
 * changed meanwhile.
 */
export async function buildFacetIndex(db: Kysely<Database>): Promise<FacetIndex | null> {
  const version = await versionOfRecommendations(db);
  const index = emptyIndex(version, await facetIndexSizes(db));
  let after = -1;
  for (;;) {
    const rows = await facetColumnsAfter(db, after, BATCH);
    if (rows.length === 0) break;
    if (index.size + rows.length > index.seqs.length) return null;
    const first = index.size;
    for (const row of rows) {
      const p = index.size++;
      index.seqs[p] = Number(row.seq);
      index.sortDateCodes[p] = index.sortDates.codeOf(row.sort_date);
      for (const facet of COLUMN_FACETS) {
        const column = index.columns.get(facet)!;
        column.codes[p] = codeWithin(column.dictionary, facet === 'year' ? row.sort_date.slice(0, 4) : row[SINGLE_FACETS[facet]]);
      }
    }
    if (!(await addTags(db, index, first))) return null;
    after = index.seqs[index.size - 1]!;
  }
  if (index.size !== index.seqs.length || (await versionOfRecommendations(db)) !== version) return null;
  return { ...index, ...ranksOf(index.sortDates, index.sortDateCodes, index.size) };
}

function codeWithin(dictionary: Dictionary, value: string | number | null): number {
  const code = dictionary.codeOf(value);
  if (code > MAX_CODE) throw new Error(`a facet has more than ${MAX_CODE} values: the facet index holds 16-bit codes`);
  return code;
}

/** The tags of the rows read last (positions first … size - 1), appended to each tag facet; false when there are more than counted. */
async function addTags(db: Kysely<Database>, index: Building, first: number): Promise<boolean> {
  const [from, to] = [index.seqs[first]!, index.seqs[index.size - 1]!];
  const rows = [...(await tagsBetween(db, from, to)), ...(await instrumentTagsBetween(db, from, to))];
  for (const [facet, values] of index.tags) {
    let position = first;
    values.start[position] = values.length;
    for (const row of rows) {
      if (row.kind !== facet) continue;
      const seq = Number(row.seq);
      while (position < index.size && index.seqs[position] !== seq) {
        position++;
        values.start[position] = values.length;
      }
      if (values.length >= values.codes.length) return false;
      values.codes[values.length] = codeWithin(values.dictionary, row.value);
      values.length++;
    }
    while (position < index.size) {
      position++;
      values.start[position] = values.length;
    }
  }
  return true;
}

/** The order searches list rows in: by sort date, then seq. A counting sort on the dates' codes, stable over positions (ascending seq). */
function ranksOf(sortDates: Dictionary, codes: Uint32Array, size: number): { rank: Uint32Array; byRank: Uint32Array } {
  const dateOrder = sortDates.values.map((value, code) => ({ value, code })).sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
  const place = new Uint32Array(sortDates.values.length);
  dateOrder.forEach((d, i) => {
    place[d.code] = i;
  });
  const starts = new Uint32Array(dateOrder.length + 1);
  for (let p = 0; p < size; p++) starts[place[codes[p]!]! + 1]!++;
  for (let i = 1; i < starts.length; i++) starts[i]! += starts[i - 1]!;
  const rank = new Uint32Array(size);
  const byRank = new Uint32Array(size);
  for (let p = 0; p < size; p++) {
    const r = starts[place[codes[p]!]!]!++;
    rank[p] = r;
    byRank[r] = p;
  }
  return { rank, byRank };
}

interface Held {
  index: FacetIndex | null;
  building: Promise<void> | null;
  /** A version whose build failed: not tried again, the SQL answers for it. */
  failed: string | null;
}

const held = new WeakMap<Kysely<Database>, Held>();

/** One index per database, whatever view of it a reader has: recommendations, their tags and
 *  instrument links are not confidential (the follow-up, which is, is counted outside the index). */
function heldFor(db: Kysely<Database>): Held {
  const h = held.get(baseOf(db)) ?? { index: null, building: null, failed: null };
  held.set(baseOf(db), h);
  return h;
}

/** Builds the index unless a build is under way; resolves when it is done (or failed: `onError` hears why). */
export function buildFacetIndexInBackground(db: Kysely<Database>, onError: (error: Error) => void = () => {}): Promise<void> {
  const h = heldFor(db);
  h.building ??= (async () => {
    let version = '';
    try {
      version = await versionOfRecommendations(db);
      const index = await buildFacetIndex(baseOf(db));
      if (index) h.index = index;
    } catch (error) {
      h.failed = version;
      onError(error as Error);
    } finally {
      h.building = null;
    }
  })();
  return h.building;
}

/** The index of the data as it is now, or null (a new one is then built for the next searches). */
export async function currentFacetIndex(db: Kysely<Database>): Promise<FacetIndex | null> {
  const version = await versionOfRecommendations(db);
  const h = heldFor(db);
  if (h.index?.version === version) return h.index;
  if (h.failed !== version) void buildFacetIndexInBackground(db);
  return null;
}
