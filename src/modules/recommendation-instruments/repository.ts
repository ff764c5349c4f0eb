// Links between recommendations and instruments (migration 015), their reviews, and what the
// outcomes of recommendations to ratify read: every SQL of this module.
import { createHash } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { InstrumentLink } from './links.ts';

export interface StoredLink extends InstrumentLink {
  seq: number;
}

/** Rows per INSERT: 6 columns each. */
const BATCH = 1000;

export async function insertLinks(db: Kysely<Database>, links: readonly StoredLink[], method: string, version: string): Promise<void> {
  for (let i = 0; i < links.length; i += BATCH)
    await db
      .insertInto('recommendation_instrument')
      .values(links.slice(i, i + BATCH).map((l) => ({ seq: l.seq, instrument_code: l.instrument, action: l.action, matched: l.matched, method, method_version: version })))
      .execute();
}

/** Stored recommendations a page at a time, by key, for relinking. */
export async function textsAfter(db: Kysely<Database>, afterSeq: number, limit: number): Promise<{ seq: number; text: string }[]> {
  const rows = await db.selectFrom('recommendation').select(['seq', 'text']).where('seq', '>', afterSeq).orderBy('seq').limit(limit).execute();
  return rows.map((r) => ({ seq: Number(r.seq), text: r.text }));
}

export async function deleteLinksOfMethod(db: Kysely<Database>, method: string): Promise<number> {
  const result = await db.deleteFrom('recommendation_instrument').where('method', '=', method).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** The links of some rows, with their review if any. */
export async function linksOfRows(db: Kysely<Database>, seqs: readonly number[]) {
  if (seqs.length === 0) return [];
  return db
    .selectFrom('recommendation_instrument as l')
    .innerJoin('recommendation as r', 'r.seq', 'l.seq')
    .leftJoin('recommendation_instrument_review as v', (j) => j.onRef('v.recommendation_id', '=', 'r.id').onRef('v.instrument_code', '=', 'l.instrument_code').onRef('v.action', '=', 'l.action'))
    .select(['l.seq', 'r.id', 'l.instrument_code', 'l.action', 'l.matched', 'l.method', 'l.method_version', 'v.verdict', 'v.note', 'v.reviewed_at', 'v.row_version'])
    .where('l.seq', 'in', seqs)
    .orderBy('l.seq')
    .orderBy('l.instrument_code')
    .orderBy('l.action')
    .execute();
}

/** What the stored recognised links say, as one hash: a relink that changes nothing records nothing. */
export async function linkDigest(db: Kysely<Database>, method: string): Promise<{ links: number; digest: string }> {
  const rows = await db
    .selectFrom('recommendation_instrument')
    .select(['seq', 'instrument_code', 'action', 'matched', 'method_version'])
    .where('method', '=', method)
    .orderBy('seq')
    .orderBy('instrument_code')
    .orderBy('action')
    .execute();
  const hash = createHash('sha256');
  for (const r of rows) hash.update(`${r.seq}\u0000${r.instrument_code}\u0000${r.action}\u0000${r.matched}\u0000${r.method_version}\n`);
  return { links: rows.length, digest: hash.digest('hex') };
}

/** For a query on `recommendation_instrument as l` joined to `recommendation as r`: the link was
 *  not rejected by a reviewer (a review is keyed by the recommendation's text id, so it outlives a
 *  re-import). */
export const linkNotRejected = sql<boolean>`not exists (select 1 from recommendation_instrument_review v
  where v.recommendation_id = r.id and v.instrument_code = l.instrument_code and v.action = l.action and v.verdict = 'rejected')`;

/** What the outcomes count: recommendations asking to join, grouped by State, session, date,
 *  response and instrument, with their source rows; links a reviewer rejected left out. */
export interface OutcomeFilter {
  actions: readonly string[];
  responses: readonly string[];
  instruments: readonly string[];
  states: readonly string[];
  regions: readonly string[];
}

export async function outcomeGroups(db: Kysely<Database>, f: OutcomeFilter) {
  let q = db
    .selectFrom('recommendation_instrument as l')
    .innerJoin('recommendation as r', 'r.seq', 'l.seq')
    .leftJoin('state as s', 's.iso3', 'r.state_iso3')
    .select(['r.state_iso3 as state', 's.regional_group as region', 'r.session', 'r.date', 'r.response', 'l.instrument_code as instrument', 'r.source_id'])
    .select((eb) => eb.fn.count<number>('r.seq').distinct().as('rows'))
    .where('l.action', 'in', f.actions)
    .where('r.kind', '=', 'recommendation')
    .where('r.date', 'is not', null)
    .where('r.response', 'in', f.responses)
    .where(linkNotRejected);
  if (f.instruments.length) q = q.where('l.instrument_code', 'in', f.instruments);
  if (f.states.length) q = q.where('r.state_iso3', 'in', f.states);
  if (f.regions.length) q = q.where('s.regional_group', 'in', f.regions);
  const rows = await q
    .groupBy(['r.state_iso3', 's.regional_group', 'r.session', 'r.date', 'r.response', 'l.instrument_code', 'r.source_id'])
    .orderBy('l.instrument_code')
    .orderBy('r.state_iso3')
    .orderBy('r.date')
    .execute();
  return rows.map((r) => ({ ...r, date: r.date as string, response: r.response as string, rows: Number(r.rows) }));
}

/** The sources of the treaty-status datasets of each instrument: what "not party as far as the record shows" rests on. */
export async function treatySourcesByInstrument(db: Kysely<Database>, instruments: readonly string[]): Promise<Map<string, string[]>> {
  if (instruments.length === 0) return new Map();
  const rows = await db
    .selectFrom('treaty_action as a')
    .innerJoin('import_dataset as d', 'd.id', 'a.dataset_id')
    .select(['a.instrument_code', 'd.source_id'])
    .where('a.instrument_code', 'in', instruments)
    .groupBy(['a.instrument_code', 'd.source_id'])
    .execute();
  const byInstrument = new Map<string, string[]>();
  for (const r of rows) byInstrument.set(r.instrument_code, [...(byInstrument.get(r.instrument_code) ?? []), r.source_id]);
  return byInstrument;
}

/** One link, found by what a review is keyed by: the recommendation's text id, instrument and action. */
export async function findLink(db: Kysely<Database>, recommendationId: string, instrument: string, action: string) {
  return db
    .selectFrom('recommendation_instrument as l')
    .innerJoin('recommendation as r', 'r.seq', 'l.seq')
    .select(['l.seq', 'r.id', 'l.instrument_code', 'l.action', 'l.matched'])
    .where('r.id', '=', recommendationId)
    .where('l.instrument_code', '=', instrument)
    .where('l.action', '=', action)
    .executeTakeFirst();
}

export async function findReview(db: Kysely<Database>, recommendationId: string, instrument: string, action: string) {
  return db
    .selectFrom('recommendation_instrument_review')
    .selectAll()
    .where('recommendation_id', '=', recommendationId)
    .where('instrument_code', '=', instrument)
    .where('action', '=', action)
    .executeTakeFirst();
}

export async function insertReview(
  db: Kysely<Database>,
  review: { recommendation_id: string; instrument_code: string; action: string; verdict: string; note: string | null; reviewed_by: string; reviewed_at: string },
) {
  await db
    .insertInto('recommendation_instrument_review')
    .values({ ...review, row_version: 1 })
    .execute();
}

/** The update, if the review is still at `version`: the number of rows changed (0: someone else changed it). */
export async function updateReview(
  db: Kysely<Database>,
  key: { recommendation_id: string; instrument_code: string; action: string },
  version: number,
  change: { verdict: string; note: string | null; reviewed_by: string; reviewed_at: string },
): Promise<number> {
  const result = await db
    .updateTable('recommendation_instrument_review')
    .set((eb) => ({ ...change, row_version: eb('row_version', '+', 1) }))
    .where('recommendation_id', '=', key.recommendation_id)
    .where('instrument_code', '=', key.instrument_code)
    .where('action', '=', key.action)
    .where('row_version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export interface LinkListFilter {
  instruments: readonly string[];
  actions: readonly string[];
  states: readonly string[];
  review: 'any' | 'unreviewed' | 'confirmed' | 'rejected';
}

/** Links for review, a page at a time by (seq, instrument, action), with their recommendation and review. */
export async function pageOfLinks(db: Kysely<Database>, f: LinkListFilter, limit: number, after: [number, string, string] | null) {
  let q = db
    .selectFrom('recommendation_instrument as l')
    .innerJoin('recommendation as r', 'r.seq', 'l.seq')
    .leftJoin('recommendation_instrument_review as v', (j) => j.onRef('v.recommendation_id', '=', 'r.id').onRef('v.instrument_code', '=', 'l.instrument_code').onRef('v.action', '=', 'l.action'));
  if (f.instruments.length) q = q.where('l.instrument_code', 'in', f.instruments);
  if (f.actions.length) q = q.where('l.action', 'in', f.actions);
  if (f.states.length) q = q.where('r.state_iso3', 'in', f.states);
  if (f.review === 'unreviewed') q = q.where('v.verdict', 'is', null);
  else if (f.review !== 'any') q = q.where('v.verdict', '=', f.review);
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  let page = q.select([
    'l.seq',
    'r.id',
    'r.state_iso3',
    'r.session',
    'r.date',
    'r.text',
    'r.response',
    'l.instrument_code',
    'l.action',
    'l.matched',
    'l.method',
    'l.method_version',
    'v.verdict',
    'v.note',
    'v.reviewed_at',
    'v.row_version',
  ]);
  if (after) page = page.where(sql<boolean>`(l.seq, l.instrument_code, l.action) > (${after[0]}, ${after[1]}, ${after[2]})`);
  const rows = await page.orderBy('l.seq').orderBy('l.instrument_code').orderBy('l.action').limit(limit).execute();
  return { total: Number(total.n), rows };
}
