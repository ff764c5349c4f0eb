// Recommendations as stored: one row per source row (migration 013), written a batch at a time
// so that an import of any size holds one batch in memory, each with the values it has several
// of (recommendation_tag: themes, organizations) for filters and facet counts.
import { type Insertable, type Kysely, type SelectQueryBuilder, sql } from 'kysely';
import { dialectOf } from '../../db/dialect.ts';
import type { Database, RecommendationTable } from '../../db/schema.ts';
import { withFollowUp } from '../follow-up/repository.ts';
import { linkNotRejected } from '../recommendation-instruments/repository.ts';
import { fts5Query, type SearchTerm, tsQuery } from './search-text.ts';

export type RecommendationRow = Omit<Insertable<RecommendationTable>, 'seq'>;

/** A row to store, with the values it has several of. */
export interface RecommendationInput {
  row: RecommendationRow;
  tags: { kind: string; value: string }[];
}

/** Rows per INSERT: 27 columns each stays far below SQLite's and PostgreSQL's limits on parameters. */
const BATCH = 500;

/** Stores the rows and their tags; gives each row's key (`seq`) by its id. */
export async function insertRecommendations(db: Kysely<Database>, inputs: readonly RecommendationInput[]): Promise<Map<string, number>> {
  const seqs = new Map<string, number>();
  for (let i = 0; i < inputs.length; i += BATCH) {
    const chunk = inputs.slice(i, i + BATCH);
    const stored = await db
      .insertInto('recommendation')
      .values(chunk.map((c) => c.row))
      .returning(['seq', 'id'])
      .execute();
    const seqOf = new Map(stored.map((r) => [r.id, Number(r.seq)]));
    for (const [id, seq] of seqOf) seqs.set(id, seq);
    const tags = chunk.flatMap((c) => uniqueTags(c.tags).map((t) => ({ ...t, seq: seqOf.get(c.row.id)! })));
    for (let j = 0; j < tags.length; j += BATCH * 2)
      await db
        .insertInto('recommendation_tag')
        .values(tags.slice(j, j + BATCH * 2))
        .execute();
  }
  return seqs;
}

/** A source may list a tag twice in one row; the table holds it once. */
function uniqueTags(tags: { kind: string; value: string }[]): { kind: string; value: string }[] {
  return [...new Map(tags.map((t) => [`${t.kind}\u0000${t.value}`, t])).values()];
}

export async function deleteRecommendationsOf(db: Kysely<Database>, datasetId: string): Promise<number> {
  await db
    .deleteFrom('recommendation_tag')
    .where('seq', 'in', (q) => q.selectFrom('recommendation').select('seq').where('dataset_id', '=', datasetId))
    .execute();
  const result = await db.deleteFrom('recommendation').where('dataset_id', '=', datasetId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Of these ids, those another dataset already holds, with that dataset: a row read twice is stored once. */
export async function heldElsewhere(db: Kysely<Database>, ids: readonly string[], datasetId: string): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('recommendation').select(['id', 'dataset_id']).where('id', 'in', ids).where('dataset_id', '!=', datasetId).execute();
  return new Map(rows.map((r) => [r.id, r.dataset_id]));
}

/** What a search asks: every field given narrows it (values of one field are alternatives). */
export interface RecommendationFilter {
  /** Full-text terms, already folded (search-text.ts): all must match. */
  terms: SearchTerm[];
  state: string[];
  mechanism: string[];
  recommender: string[];
  group: string[];
  response: string[];
  kind: string[];
  cycle: number[];
  session: number[];
  year: string[];
  theme: string[];
  organization: string[];
  /** The latest follow-up status the reader may see (FOLLOW_UP_STATUSES), or `none`: no status recorded. */
  followUp?: string[];
  /** Instruments the text asks the State to join or sign, or to withdraw reservations to (links not rejected by a reviewer). */
  instrument: string[];
}

export const SINGLE_FACETS = {
  state: 'state_iso3',
  mechanism: 'mechanism',
  recommender: 'recommender_iso3',
  group: 'state_group',
  response: 'response',
  kind: 'kind',
  cycle: 'cycle',
  session: 'session',
} as const;
export const TAG_FACETS = ['theme', 'organization'] as const;
export type FacetName = keyof typeof SINGLE_FACETS | (typeof TAG_FACETS)[number] | 'year' | 'instrument';

export type Query = SelectQueryBuilder<Database, 'recommendation', object>;

/** The rows that match, as a query on `recommendation` (selecting nothing yet). */
export function matching(db: Kysely<Database>, f: RecommendationFilter, except?: FacetName): Query {
  let q = db.selectFrom('recommendation') as Query;
  for (const [facet, column] of Object.entries(SINGLE_FACETS) as [keyof typeof SINGLE_FACETS, string][]) {
    const values = f[facet] as (string | number)[];
    if (values.length && facet !== except) q = q.where(sql.ref(column), 'in', values);
  }
  if (f.year.length && except !== 'year') q = q.where((eb) => eb.or(f.year.map((y) => eb('sort_date', 'like', `${y}%`))));
  for (const kind of TAG_FACETS) {
    if (!f[kind].length || kind === except) continue;
    q = q.where('seq', 'in', (sub) => sub.selectFrom('recommendation_tag').select('seq').where('kind', '=', kind).where('value', 'in', f[kind]));
  }
  if (f.followUp?.length) q = withFollowUp(q, f.followUp);
  if (f.instrument.length && except !== 'instrument') q = q.where('seq', 'in', linkedTo(db, f.instrument));
  if (f.terms.length) {
    q =
      dialectOf(db) === 'sqlite'
        ? q.where('seq', 'in', sql<number>`(select rowid from recommendation_fts where recommendation_fts match ${fts5Query(f.terms)})`)
        : q.where('seq', 'in', sql<number>`(select seq from recommendation_words where words @@ to_tsquery('simple', ${tsQuery(f.terms)}))`);
  }
  return q;
}

/** The rows linked to one of these instruments (or to any, with none given), links a reviewer rejected left out. */
function linkedTo(db: Kysely<Database>, instruments: readonly string[]) {
  let q = db.selectFrom('recommendation_instrument as l').innerJoin('recommendation as r', 'r.seq', 'l.seq').select('l.seq').where(linkNotRejected);
  if (instruments.length) q = q.where('l.instrument_code', 'in', instruments);
  return q;
}

/** The instrument facet: matching rows per instrument their text asks about (a row asking about two counts for each). */
export async function instrumentFacetCounts(db: Kysely<Database>, f: RecommendationFilter, limit: number, only?: string[]): Promise<{ value: string; count: number }[]> {
  const base = matching(db, f, 'instrument');
  let q = linkedTo(db, only ?? [])
    .clearSelect()
    .select(['l.instrument_code as value', (eb) => eb.fn.count<number>('l.seq').distinct().as('count')])
    .where('l.seq', 'in', base.select('seq'));
  q = q.groupBy('l.instrument_code').orderBy('count', 'desc').orderBy('l.instrument_code').limit(limit);
  return (await q.execute()).map((r) => ({ value: r.value, count: Number(r.count) }));
}

export async function countMatching(db: Kysely<Database>, f: RecommendationFilter): Promise<number> {
  const row = await matching(db, f)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** How many matching rows have each value of a facet; the facet's own filter is left out, so its other values still show. */
export async function facetCounts(db: Kysely<Database>, f: RecommendationFilter, facet: Exclude<FacetName, 'instrument'>, limit: number, only?: string[]): Promise<{ value: string; count: number }[]> {
  let base = matching(db, f, facet);
  if (only) base = matching(db, { ...f, [facet]: facet === 'cycle' || facet === 'session' ? only.map(Number) : only }, undefined);
  let rows: { value: unknown; count: unknown }[];
  if (facet === 'theme' || facet === 'organization') {
    rows = await db
      .selectFrom('recommendation_tag')
      .select(['value', (eb) => eb.fn.countAll().as('count')])
      .where('kind', '=', facet)
      .where('seq', 'in', base.select('seq'))
      .groupBy('value')
      .orderBy('count', 'desc')
      .orderBy('value')
      .limit(limit)
      .execute();
  } else {
    const column = facet === 'year' ? sql<string>`substr(sort_date, 1, 4)` : sql.ref<string>(SINGLE_FACETS[facet]);
    rows = await base
      .select([column.as('value'), (eb) => eb.fn.countAll().as('count')])
      .groupBy(column)
      .orderBy('count', 'desc')
      .orderBy('value')
      .limit(limit)
      .execute();
  }
  return rows.filter((r) => r.value !== null && r.value !== '').map((r) => ({ value: String(r.value), count: Number(r.count) }));
}

export type Sort = 'newest' | 'oldest';

/** Where a page starts: after this row in the order asked. */
export interface Cursor {
  sortDate: string;
  seq: number;
}

/** One page of matching rows in a stable order (sort_date, then seq), starting after `after`: keyset paging, as deep as one likes. */
export async function pageOfMatching(db: Kysely<Database>, f: RecommendationFilter, sort: Sort, limit: number, after: Cursor | null) {
  let q = matching(db, f).selectAll();
  const desc = sort === 'newest';
  if (after) q = q.where(sql<boolean>`(sort_date, seq) ${sql.raw(desc ? '<' : '>')} (${after.sortDate}, ${after.seq})`);
  return q
    .orderBy('sort_date', desc ? 'desc' : 'asc')
    .orderBy('seq', desc ? 'desc' : 'asc')
    .limit(limit)
    .execute();
}

export async function findRecommendation(db: Kysely<Database>, id: string) {
  return db.selectFrom('recommendation').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The rows of one group: the same text made by several States to one State in one session. */
export async function groupRows(db: Kysely<Database>, groupKey: string) {
  return db.selectFrom('recommendation').selectAll().where('group_key', '=', groupKey).orderBy('seq').execute();
}

// --- A State's summary (summary.ts) and related recommendations (related.ts) ---

/** The year of a row's date, '' when it has none. */
const yearOf = sql<string>`substr(sort_date, 1, 4)`;

/** Rows to one State per year and value of a column: voluntary pledges alone, or every other kind. */
export async function yearCounts(db: Kysely<Database>, state: string, column: 'response' | 'mechanism', pledges: boolean) {
  const rows = await db
    .selectFrom('recommendation')
    .select([yearOf.as('year'), sql.ref<string | null>(column).as('value'), (eb) => eb.fn.countAll().as('count')])
    .where('state_iso3', '=', state)
    .where('kind', pledges ? '=' : '!=', 'voluntary-pledge')
    .groupBy([yearOf, sql.ref(column)])
    .execute();
  return rows.map((r) => ({ year: r.year, value: r.value, count: Number(r.count) }));
}

/** The themes of the rows to one State (pledges apart), most frequent first; per year for the themes named in `only`. */
export async function themeCounts(db: Kysely<Database>, state: string, limit: number, only?: string[]) {
  let q = db
    .selectFrom('recommendation_tag as t')
    .innerJoin('recommendation as r', 'r.seq', 't.seq')
    .where('t.kind', '=', 'theme')
    .where('r.state_iso3', '=', state)
    .where('r.kind', '!=', 'voluntary-pledge');
  if (only) {
    if (only.length === 0) return [];
    const year = sql<string>`substr(r.sort_date, 1, 4)`;
    const rows = await q
      .where('t.value', 'in', only)
      .select([year.as('year'), 't.value as value', (eb) => eb.fn.countAll().as('count')])
      .groupBy([year, 't.value'])
      .execute();
    return rows.map((r) => ({ year: r.year, value: r.value, count: Number(r.count) }));
  }
  q = q.orderBy(sql`count(*)`, 'desc').orderBy('t.value').limit(limit);
  const rows = await q
    .select(['t.value as value', (eb) => eb.fn.countAll().as('count')])
    .groupBy('t.value')
    .execute();
  return rows.map((r) => ({ year: null, value: r.value, count: Number(r.count) }));
}

/** How many rows hold each word, counted up to `cap` only (a word in more rows says little, and counting them costs). */
export async function wordFrequencies(db: Kysely<Database>, words: readonly string[], cap: number): Promise<Map<string, number>> {
  if (words.length === 0) return new Map();
  const sqlite = dialectOf(db) === 'sqlite';
  const counts = words.map((word, i) => {
    const term = [{ tokens: word.split(' ') }];
    const inner = sqlite
      ? sql`select rowid from recommendation_fts where recommendation_fts match ${fts5Query(term)} limit ${cap}`
      : sql`select 1 from recommendation_words where words @@ to_tsquery('simple', ${tsQuery(term)}) limit ${cap}`;
    return sql`select ${sql.lit(i)} as i, (select count(*) from (${inner}) hits) as n`;
  });
  const result = await sql<{ i: number | string; n: number | string }>`${sql.join(counts, sql` union all `)}`.execute(db);
  return new Map(result.rows.map((r) => [words[Number(r.i)]!, Number(r.n)]));
}

/** The rows holding any of the words, best ranked first (FTS5 bm25, PostgreSQL ts_rank), leaving out one group of rows; to one State, or to any. */
export async function rankedByWords(db: Kysely<Database>, words: readonly string[], except: string, state: string | null, limit: number) {
  const terms = words.map((w) => ({ tokens: w.split(' ') }));
  let q = db.selectFrom('recommendation').selectAll('recommendation').where('group_key', '!=', except);
  if (state) q = q.where('state_iso3', '=', state);
  if (dialectOf(db) === 'sqlite') {
    const any = terms.map((t) => fts5Query([t])).join(' OR ');
    return q
      .innerJoin(
        sql<{ rowid: number; rank: number }>`(select rowid, bm25(recommendation_fts) as rank from recommendation_fts where recommendation_fts match ${any})`.as('hits'),
        'hits.rowid',
        'recommendation.seq',
      )
      .orderBy('hits.rank')
      .orderBy('recommendation.seq')
      .limit(limit)
      .execute();
  }
  const any = terms.map((t) => tsQuery([t])).join(' | ');
  const query = sql`to_tsquery('simple', ${any})`;
  return q
    .innerJoin(sql<{ seq: number; words: string }>`recommendation_words`.as('w'), 'w.seq', 'recommendation.seq')
    .where(sql<boolean>`w.words @@ ${query}`)
    .orderBy(sql`ts_rank(w.words, ${query})`, 'desc')
    .orderBy('recommendation.seq')
    .limit(limit)
    .execute();
}

/**
 * PostgreSQL's planner statistics of the recommendation tables, read again after an import. Until
 * autovacuum comes to it, a table that grew from nothing to a million rows is planned as if
 * nearly empty: one facet's count of a common word then ran for over 25 minutes instead of 3 s
 * (bench/RESULTS.md). SQLite plans these queries well without statistics.
 */
export async function refreshPlannerStatistics(db: Kysely<Database>): Promise<void> {
  if (dialectOf(db) !== 'postgres') return;
  await sql`analyze recommendation, recommendation_tag, recommendation_words, recommendation_instrument`.execute(db);
}

/** What the facet index holds of each row, a batch at a time in seq order (facet-index.ts). */
export async function facetColumnsAfter(db: Kysely<Database>, afterSeq: number, limit: number) {
  return db
    .selectFrom('recommendation')
    .select(['seq', 'sort_date', ...(Object.values(SINGLE_FACETS) as (typeof SINGLE_FACETS)[keyof typeof SINGLE_FACETS][])])
    .where('seq', '>', afterSeq)
    .orderBy('seq')
    .limit(limit)
    .execute();
}

/** How many rows, and tags of each facet kind, the facet index will hold. */
export async function facetIndexSizes(db: Kysely<Database>): Promise<{ rows: number; tags: Map<string, number> }> {
  const [rows, tags, instruments] = await Promise.all([
    db
      .selectFrom('recommendation')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('recommendation_tag')
      .select(['kind', (eb) => eb.fn.countAll().as('n')])
      .where('kind', 'in', TAG_FACETS)
      .groupBy('kind')
      .execute(),
    db
      .selectFrom(instrumentTags(db).as('t'))
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows: Number(rows.n), tags: new Map([...tags.map((t) => [t.kind, Number(t.n)] as const), ['instrument', Number(instruments.n)]]) };
}

/** Each row's instruments as tags (a row asking two things of one instrument has it once), rejected links left out. */
function instrumentTags(db: Kysely<Database>) {
  return linkedTo(db, [])
    .clearSelect()
    .select(['l.seq', sql<string>`'instrument'`.as('kind'), 'l.instrument_code as value'])
    .distinct();
}

/** The instrument tags of the rows from one seq to another, in seq order. */
export async function instrumentTagsBetween(db: Kysely<Database>, fromSeq: number, toSeq: number) {
  return instrumentTags(db).where('l.seq', '>=', fromSeq).where('l.seq', '<=', toSeq).orderBy('l.seq').execute();
}

/** The tags of the rows from one seq to another, in seq order. By seq alone: a condition on the kind
 *  led SQLite to walk the primary key (kind, value, seq) through every tag of the kind, each time. */
export async function tagsBetween(db: Kysely<Database>, fromSeq: number, toSeq: number) {
  return db.selectFrom('recommendation_tag').select(['seq', 'kind', 'value']).where('seq', '>=', fromSeq).where('seq', '<=', toSeq).orderBy('seq').execute();
}

/**
 * The seqs of the rows whose text holds every term, ascending. They come back as one string of
 * numbers: a row object per match cost ten times the full-text lookup for a common word.
 */
export async function textMatchSeqs(db: Kysely<Database>, terms: SearchTerm[]): Promise<number[]> {
  const { rows } =
    dialectOf(db) === 'sqlite'
      ? await sql<{ seqs: string | null }>`select group_concat(rowid) as seqs from (select rowid from recommendation_fts where recommendation_fts match ${fts5Query(terms)} order by rowid)`.execute(db)
      : await sql<{
          seqs: string | null;
        }>`select string_agg(seq::text, ',' order by seq) as seqs from recommendation_words where words @@ to_tsquery('simple', ${tsQuery(terms)})`.execute(db);
  return numbersOf(rows[0]?.seqs ?? '');
}

/** "3,17,250" read as [3, 17, 250], without splitting into strings. */
function numbersOf(list: string): number[] {
  const numbers: number[] = [];
  let n = 0;
  let digits = 0;
  for (let i = 0; i < list.length; i++) {
    const c = list.charCodeAt(i);
    if (c === 44) {
      numbers.push(n);
      n = 0;
      digits = 0;
    } else {
      n = n * 10 + (c - 48);
      digits++;
    }
  }
  if (digits > 0) numbers.push(n);
  return numbers;
}

/** The rows of these seqs, in the order given. */
export async function rowsBySeqs(db: Kysely<Database>, seqs: number[]) {
  if (seqs.length === 0) return [];
  const rows = await db.selectFrom('recommendation').selectAll().where('seq', 'in', seqs).execute();
  const bySeq = new Map(rows.map((r) => [Number(r.seq), r]));
  return seqs.map((s) => bySeq.get(s)).filter((r) => r !== undefined);
}
