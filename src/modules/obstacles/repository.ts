// All SQL of obstacles, their instruments and evidence, and strategies. Reads take the
// reader's view (db/visibility.ts): an obstacle or strategy the reader may not see is in no
// answer, and a strategy is read only joined to its obstacle, so an obstacle hidden from the
// reader hides its strategies too.
import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database, ObstacleEvidenceTable, ObstacleTable, StrategyTable } from '../../db/schema.ts';
import { linkNotRejected } from '../recommendation-instruments/repository.ts';
import { STRATEGY_LINK_KIND } from './fields.ts';

export type ObstacleRow = Selectable<ObstacleTable>;
export type StrategyRow = Selectable<StrategyTable>;
export type EvidenceRow = Omit<Selectable<ObstacleEvidenceTable>, 'id' | 'obstacle_id'>;

export async function findObstacle(db: Kysely<Database>, id: string): Promise<ObstacleRow | undefined> {
  return db.selectFrom('obstacle').selectAll().where('id', '=', id).executeTakeFirst();
}

export interface ObstacleFilter {
  state?: string;
  states?: readonly string[];
  instrument?: string;
  category?: string;
  status?: string;
}

/** The obstacles the reader may see, filtered, newest identified first. */
export async function listObstacles(db: Kysely<Database>, filter: ObstacleFilter): Promise<ObstacleRow[]> {
  let query = db.selectFrom('obstacle').selectAll();
  if (filter.state) query = query.where('state_iso3', '=', filter.state);
  if (filter.states) {
    if (filter.states.length === 0) return [];
    query = query.where('state_iso3', 'in', filter.states);
  }
  if (filter.category) query = query.where('category', '=', filter.category);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.instrument) {
    const code = filter.instrument;
    // Through the instrument, so that filtering on one the reader may not see finds nothing, as for one that does not exist.
    query = query.where('id', 'in', (eb) =>
      eb
        .selectFrom('obstacle_instrument')
        .innerJoin('instrument', 'instrument.code', 'obstacle_instrument.instrument_code')
        .select('obstacle_instrument.obstacle_id')
        .where('obstacle_instrument.instrument_code', '=', code),
    );
  }
  return query.orderBy('identified', 'desc').orderBy('id').execute();
}

/** obstacle id → its instrument codes the reader may see, in code order. */
export async function instrumentsOf(db: Kysely<Database>, ids: readonly string[]): Promise<Map<string, string[]>> {
  const result = new Map<string, string[]>();
  if (ids.length === 0) return result;
  // Joined to the instrument, so that one the reader may not see (an internal one) is left out.
  const rows = await db
    .selectFrom('obstacle_instrument')
    .innerJoin('instrument', 'instrument.code', 'obstacle_instrument.instrument_code')
    .select(['obstacle_instrument.obstacle_id', 'obstacle_instrument.instrument_code'])
    .where('obstacle_instrument.obstacle_id', 'in', ids)
    .orderBy('obstacle_instrument.instrument_code')
    .execute();
  for (const r of rows) result.set(r.obstacle_id, [...(result.get(r.obstacle_id) ?? []), r.instrument_code]);
  return result;
}

export async function evidenceOf(db: Kysely<Database>, id: string): Promise<EvidenceRow[]> {
  return db.selectFrom('obstacle_evidence').select(['kind', 'title', 'url', 'date', 'recommendation_id', 'event_id', 'note']).where('obstacle_id', '=', id).orderBy('id').execute();
}

export async function insertObstacle(db: Kysely<Database>, row: Insertable<ObstacleTable>): Promise<void> {
  await db.insertInto('obstacle').values(row).execute();
}

export async function replaceInstruments(db: Kysely<Database>, id: string, codes: readonly string[]): Promise<void> {
  await db.deleteFrom('obstacle_instrument').where('obstacle_id', '=', id).execute();
  if (codes.length)
    await db
      .insertInto('obstacle_instrument')
      .values(codes.map((instrument_code) => ({ obstacle_id: id, instrument_code })))
      .execute();
}

export async function replaceEvidence(db: Kysely<Database>, id: string, rows: readonly EvidenceRow[]): Promise<void> {
  await db.deleteFrom('obstacle_evidence').where('obstacle_id', '=', id).execute();
  if (rows.length)
    await db
      .insertInto('obstacle_evidence')
      .values(rows.map((r) => ({ ...r, obstacle_id: id })))
      .execute();
}

/** Writes the columns if the row is still at `expected`; false when another write came first. */
export async function updateIfVersion(db: Kysely<Database>, table: 'obstacle' | 'strategy', id: string, expected: number, set: Record<string, unknown>): Promise<boolean> {
  const result = await db
    .updateTable(table)
    .set({ ...set, updated_at: new Date().toISOString() } as never)
    .set((eb) => ({ row_version: eb('row_version', '+', 1) }))
    .where('id', '=', id)
    .where('row_version', '=', expected)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteObstacleIfVersion(db: Kysely<Database>, id: string, expected: number): Promise<boolean> {
  const result = await db.deleteFrom('obstacle').where('id', '=', id).where('row_version', '=', expected).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

/** The strategies of these obstacles the reader may see, joined to the obstacle so that its view decides too. */
export async function strategiesOf(db: Kysely<Database>, obstacleIds: readonly string[]): Promise<StrategyRow[]> {
  if (obstacleIds.length === 0) return [];
  return db
    .selectFrom('strategy')
    .innerJoin('obstacle', 'obstacle.id', 'strategy.obstacle_id')
    .selectAll('strategy')
    .where('strategy.obstacle_id', 'in', obstacleIds)
    .orderBy('strategy.start_date')
    .orderBy('strategy.id')
    .execute();
}

export async function findStrategy(db: Kysely<Database>, id: string): Promise<StrategyRow | undefined> {
  return db.selectFrom('strategy').innerJoin('obstacle', 'obstacle.id', 'strategy.obstacle_id').selectAll('strategy').where('strategy.id', '=', id).executeTakeFirst();
}

export async function insertStrategy(db: Kysely<Database>, row: Insertable<StrategyTable>): Promise<void> {
  await db.insertInto('strategy').values(row).execute();
}

export async function deleteStrategyIfVersion(db: Kysely<Database>, id: string, expected: number): Promise<boolean> {
  const result = await db.deleteFrom('strategy').where('id', '=', id).where('row_version', '=', expected).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

export async function countStrategiesOf(db: Kysely<Database>, obstacleId: string): Promise<number> {
  const row = await db
    .selectFrom('strategy')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('obstacle_id', '=', obstacleId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** strategy id → its links (to requests, projects and events), as stored. */
export async function strategyLinksOf(db: Kysely<Database>, ids: readonly string[]) {
  const result = new Map<string, { to_kind: string; to_ref: string; note: string | null }[]>();
  if (ids.length === 0) return result;
  const rows = await db.selectFrom('cooperation_link').select(['from_id', 'to_kind', 'to_ref', 'note']).where('from_kind', '=', STRATEGY_LINK_KIND).where('from_id', 'in', ids).orderBy('id').execute();
  for (const { from_id, ...link } of rows) result.set(from_id, [...(result.get(from_id) ?? []), link]);
  return result;
}

export async function replaceStrategyLinks(db: Kysely<Database>, id: string, links: readonly { to_kind: string; to_ref: string; note: string | null }[]): Promise<void> {
  await db.deleteFrom('cooperation_link').where('from_kind', '=', STRATEGY_LINK_KIND).where('from_id', '=', id).execute();
  if (links.length)
    await db
      .insertInto('cooperation_link')
      .values(links.map((l) => ({ ...l, from_kind: STRATEGY_LINK_KIND, from_id: id })))
      .execute();
}

export async function deleteStrategyLinks(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('cooperation_link').where('from_kind', '=', STRATEGY_LINK_KIND).where('from_id', '=', id).execute();
}

/** Of these instrument codes, those the registry does not hold. */
export async function unknownInstruments(db: Kysely<Database>, codes: readonly string[]): Promise<string[]> {
  if (codes.length === 0) return [];
  const rows = await db.selectFrom('instrument').select('code').where('code', 'in', codes).execute();
  const known = new Set(rows.map((r) => r.code));
  return codes.filter((c) => !known.has(c));
}

export async function recommendationExists(db: Kysely<Database>, id: string): Promise<boolean> {
  return (await db.selectFrom('recommendation').select('id').where('id', '=', id).limit(1).executeTakeFirst()) !== undefined;
}

export async function visibleEventIds(db: Kysely<Database>, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  return new Set((await db.selectFrom('event').select('id').where('id', 'in', ids).execute()).map((r) => r.id));
}

/** The recommendations that ask a State to join (or sign, or consider joining) an instrument. */
export const RECOMMENDING_ACTIONS = ['ratify', 'accede', 'become-party', 'sign', 'consider-ratifying'] as const;

/** The principal instruments: the core international human-rights instruments the registry
 *  flags as such (the nine core treaties and their optional protocols), in code order. */
export async function principalInstruments(db: Kysely<Database>): Promise<string[]> {
  return (await db.selectFrom('instrument').select('code').where('core', '=', 1).orderBy('code').execute()).map((r) => r.code);
}

export async function recommendationsTo(db: Kysely<Database>, iso3: string, codes: readonly string[], asOf: string) {
  if (codes.length === 0) return [];
  const rows = await db
    .selectFrom('recommendation_instrument as l')
    .innerJoin('recommendation as r', 'r.seq', 'l.seq')
    .select(['l.instrument_code as instrument', 'l.action', 'r.id', 'r.mechanism', 'r.cycle', 'r.session', 'r.date', 'r.recommender_name', 'r.text', 'r.response', 'r.document_symbol'])
    .where('r.state_iso3', '=', iso3)
    .where('r.kind', '=', 'recommendation')
    .where('l.instrument_code', 'in', codes)
    .where('l.action', 'in', RECOMMENDING_ACTIONS)
    .where(linkNotRejected)
    .where((eb) => eb.or([eb('r.date', 'is', null), eb('r.date', '<=', asOf)]))
    .orderBy('r.sort_date')
    .orderBy('r.id')
    .execute();
  return rows;
}
