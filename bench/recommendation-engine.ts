// The baselines of the recommendations benchmark, run in the benchmark's own process:
// - the database's bulk insert of the imported rows into an empty copy of the tables;
// - the engine's own time for each query: the SQL the search runs without the facet index
//   (count, first page, each facet's GROUP BY, the follow-up facet's counts), straight on the database, with no HTTP, JSON or names;
// - a linear scan of every text in memory for the query's words.
import { type Kysely, sql } from 'kysely';
import type { Database } from '../src/db/schema.ts';
import { dialectOf } from '../src/db/dialect.ts';
import { followUpCounts } from '../src/modules/follow-up/repository.ts';
import { countMatching, type FacetName, facetCounts, instrumentFacetCounts, pageOfMatching, SINGLE_FACETS, TAG_FACETS } from '../src/modules/recommendations/repository.ts';
import { filterOf } from '../src/modules/recommendations/service.ts';
import { searchTermsOf } from '../src/modules/recommendations/search-text.ts';
import type { TestDb } from '../test/support/databases.ts';
import type { BenchQuery } from './recommendation-queries.ts';

const FACETS: FacetName[] = [...(Object.keys(SINGLE_FACETS) as FacetName[]), ...TAG_FACETS, 'year', 'instrument'];
const REPEATS = 3;

/** The sources of the corpus say what it is: the UPR Info-shaped rows were read as UPR Info's. */
export async function markSynthetic(db: Kysely<Database>): Promise<void> {
  await db.updateTable('source').set({ title: sql`'SYNTHETIC benchmark corpus: ' || title` }).where('id', 'like', 'upr-info-export:%').execute();
}

/** Seconds for the engine to insert every stored row again, with the same indexes. */
export async function bulkInsertSeconds(db: TestDb): Promise<number> {
  if (dialectOf(db.db) === 'sqlite') {
    // A table shaped like `recommendation` with its own full-text index, filled in one statement.
    await sql`create table bulk_copy as select * from recommendation where 0`.execute(db.db);
    // The indexes of migration 013, so that the copy costs what the table does.
    await sql`create unique index bulk_copy_id on bulk_copy (id)`.execute(db.db);
    await sql`create index bulk_copy_dataset on bulk_copy (dataset_id)`.execute(db.db);
    await sql`create index bulk_copy_state on bulk_copy (state_iso3, session)`.execute(db.db);
    await sql`create index bulk_copy_group on bulk_copy (group_key)`.execute(db.db);
    await sql`create index bulk_copy_sort on bulk_copy (sort_date, seq)`.execute(db.db);
    await sql`create table bulk_tag as select * from recommendation_tag where 0`.execute(db.db);
    await sql`create unique index bulk_tag_pk on bulk_tag (kind, value, seq)`.execute(db.db);
    await sql`create index bulk_tag_seq on bulk_tag (seq)`.execute(db.db);
    await sql`create virtual table bulk_copy_fts using fts5(search_text, content='bulk_copy', content_rowid='seq', tokenize='unicode61 remove_diacritics 0')`.execute(db.db);
    const begun = performance.now();
    await sql`insert into bulk_copy select * from recommendation`.execute(db.db);
    await sql`insert into bulk_copy_fts(rowid, search_text) select seq, search_text from bulk_copy`.execute(db.db);
    await sql`insert into bulk_tag select * from recommendation_tag`.execute(db.db);
    const seconds = (performance.now() - begun) / 1000;
    await sql`drop table bulk_copy_fts`.execute(db.db);
    await sql`drop table bulk_tag`.execute(db.db);
    await sql`drop table bulk_copy`.execute(db.db);
    return seconds;
  }
  // INCLUDING ALL: the same indexes; the words table (migration 016) with its GIN index, filled
  // from the copied rows as the triggers fill it.
  await sql`create table bulk_copy (like recommendation including all)`.execute(db.db);
  await sql`create table bulk_words (like recommendation_words including all)`.execute(db.db);
  await sql`create table bulk_tag (like recommendation_tag including all)`.execute(db.db);
  const begun = performance.now();
  await sql`insert into bulk_copy select * from recommendation`.execute(db.db);
  await sql`insert into bulk_words (seq, words) select seq, to_tsvector('simple', search_text) from bulk_copy`.execute(db.db);
  await sql`insert into bulk_tag select * from recommendation_tag`.execute(db.db);
  const seconds = (performance.now() - begun) / 1000;
  await sql`drop table bulk_words`.execute(db.db);
  await sql`drop table bulk_copy`.execute(db.db);
  await sql`drop table bulk_tag`.execute(db.db);
  return seconds;
}

export interface Timing {
  firstPage: number[];
  withFacets: number[];
}

/** The engine's own time for each query: its SQL straight on the database, REPEATS times. */
export async function engineTimes(db: Kysely<Database>, mix: BenchQuery[], totals: Map<string, number>): Promise<Map<string, Timing>> {
  const times = new Map<string, Timing>();
  for (const query of mix) {
    const filter = filterOf(Object.fromEntries(new URLSearchParams(query.query)));
    const timing: Timing = { firstPage: [], withFacets: [] };
    for (let i = 0; i < REPEATS; i++) {
      let started = performance.now();
      const [total] = await Promise.all([countMatching(db, filter), pageOfMatching(db, filter, 'newest', 21, null)]);
      timing.firstPage.push(performance.now() - started);
      totals.set(query.label, total);
      started = performance.now();
      await Promise.all([countMatching(db, filter), pageOfMatching(db, filter, 'newest', 21, null)]);
      for (const facet of FACETS) await (facet === 'instrument' ? instrumentFacetCounts(db, filter, 30) : facetCounts(db, filter, facet, 30));
      await followUpCounts(db, filter);
      timing.withFacets.push(performance.now() - started);
    }
    times.set(query.label, timing);
  }
  return times;
}

/** Milliseconds to find the query's words by reading every text (p50 of three), for text queries. */
export async function scanTimes(db: Kysely<Database>, mix: BenchQuery[]): Promise<Map<string, number>> {
  const texts: string[] = [];
  let after = -1;
  for (;;) {
    const rows = await db.selectFrom('recommendation').select(['seq', 'search_text']).where('seq', '>', after).orderBy('seq').limit(50_000).execute();
    if (rows.length === 0) break;
    for (const r of rows) texts.push(r.search_text);
    after = Number(rows.at(-1)!.seq);
  }
  const times = new Map<string, number>();
  for (const query of mix) {
    const q = new URLSearchParams(query.query).get('q');
    if (!q) continue;
    // Whole words, as the index finds them: not preceded or followed by a letter or digit.
    const words = searchTermsOf(q).map((t) => new RegExp(`(?<![\\p{L}\\p{N}])${t.tokens.join(' ')}(?![\\p{L}\\p{N}])`, 'u'));
    const runs: number[] = [];
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      let found = 0;
      for (const text of texts) if (words.every((w) => w.test(text))) found++;
      runs.push(performance.now() - started);
      if (found < 0) throw new Error('unreachable');
    }
    times.set(query.label, runs.sort((a, b) => a - b)[1]!);
  }
  return times;
}
