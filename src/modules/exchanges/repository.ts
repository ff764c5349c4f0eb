// Every query of exchanges, their series and their parts (parties, follow-up actions). Reads take
// the asker's view (db/visibility.ts filters `exchange` and `exchange_series`); parts carry no
// confidentiality of their own and are read only for exchanges the view found. Writes take the
// use case's transaction.
import { sql, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import type { Database, ExchangeSeriesTable, ExchangeTable } from '../../db/schema.ts';

export type ExchangeRow = Selectable<ExchangeTable>;
export type SeriesRow = Selectable<ExchangeSeriesTable>;
export type ExchangeListRow = ExchangeRow & { series_title: string | null };
export type PartyRow = Selectable<Database['exchange_party']>;
export type ActionRow = Selectable<Database['exchange_action']>;

export interface ExchangeFilter {
  organization?: string;
  unBody?: string;
  kind?: string;
  year?: string;
  region?: string;
  series?: string;
}

/** Exchanges with a regional party of an organization that `where` keeps: the organization
 *  itself, or one of its mechanisms. */
function withRegionalParty(db: Kysely<Database>, where: { id?: string; region?: string }) {
  let q = db
    .selectFrom('exchange_party as p')
    .leftJoin('mechanism as m', 'm.code', 'p.mechanism_code')
    .innerJoin('organization as o', (join) => join.on((eb) => eb('o.id', '=', eb.fn.coalesce('p.organization_id', 'm.organization_id'))))
    .select('p.exchange_id')
    .where('p.side', '=', 'regional');
  if (where.id) q = q.where('o.id', '=', where.id);
  if (where.region) q = q.where('o.region', '=', where.region);
  return q;
}

function filtered(db: Kysely<Database>, f: ExchangeFilter) {
  let q = db.selectFrom('exchange as e').leftJoin('exchange_series as s', 's.id', 'e.series_id');
  if (f.kind) q = q.where('e.kind', '=', f.kind);
  if (f.series) q = q.where('e.series_id', '=', f.series);
  if (f.unBody) {
    const body = f.unBody;
    q = q.where('e.id', 'in', db.selectFrom('exchange_party').select('exchange_id').where('side', '=', 'un').where('un_body', '=', body));
  }
  if (f.organization) {
    const id = f.organization;
    q = q.where('e.id', 'in', withRegionalParty(db, { id }));
  }
  if (f.region) {
    const region = f.region;
    q = q.where('e.id', 'in', withRegionalParty(db, { region }));
  }
  // A year: the exchange's span, at the precision it is known to, meets that year.
  if (f.year) {
    const year = f.year;
    q = q.where(sql<boolean>`substr(e.start_date, 1, 4) <= ${year}`).where(sql<boolean>`substr(coalesce(e.end_date, e.start_date), 1, 4) >= ${year}`);
  }
  return q;
}

export function listExchanges(db: Kysely<Database>, f: ExchangeFilter): Promise<ExchangeListRow[]> {
  return filtered(db, f).selectAll('e').select('s.title as series_title').orderBy('e.start_date').orderBy('e.id').execute();
}

export function findExchange(db: Kysely<Database>, id: string): Promise<ExchangeRow | undefined> {
  return db.selectFrom('exchange').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findExchangeWithSeries(db: Kysely<Database>, id: string): Promise<ExchangeListRow | undefined> {
  return db.selectFrom('exchange as e').leftJoin('exchange_series as s', 's.id', 'e.series_id').selectAll('e').select('s.title as series_title').where('e.id', '=', id).executeTakeFirst();
}

export function findSeries(db: Kysely<Database>, id: string): Promise<SeriesRow | undefined> {
  return db.selectFrom('exchange_series').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listSeries(db: Kysely<Database>): Promise<(SeriesRow & { exchange_count: number })[]> {
  const rows = await db
    .selectFrom('exchange_series as s')
    .selectAll('s')
    .select((eb) => eb.selectFrom('exchange as e').select(eb.fn.countAll<number>().as('n')).whereRef('e.series_id', '=', 's.id').as('exchange_count'))
    .orderBy('s.title')
    .execute();
  return rows.map((r) => ({ ...r, exchange_count: Number(r.exchange_count ?? 0) }));
}

export function exchangesOfSeries(db: Kysely<Database>, seriesId: string): Promise<ExchangeListRow[]> {
  return (
    db
      .selectFrom('exchange as e')
      .leftJoin('exchange_series as s', 's.id', 'e.series_id')
      .selectAll('e')
      .select('s.title as series_title')
      .where('e.series_id', '=', seriesId)
      // By date: a number in the series is known only for some meetings (and databases place nulls apart).
      .orderBy('e.start_date')
      .orderBy('e.id')
      .execute()
  );
}

export async function insertSeries(db: Kysely<Database>, row: Insertable<ExchangeSeriesTable>): Promise<void> {
  await db.insertInto('exchange_series').values(row).execute();
}

export async function insertExchange(db: Kysely<Database>, row: Insertable<ExchangeTable>): Promise<void> {
  await db.insertInto('exchange').values(row).execute();
}

/** Writes the changes and raises the version only if the row is still at `expected` (one statement). */
export async function updateSeriesIfVersion(db: Kysely<Database>, id: string, expected: number, changes: Updateable<ExchangeSeriesTable>): Promise<boolean> {
  const result = await db
    .updateTable('exchange_series')
    .set({ ...changes, updated_at: new Date().toISOString(), row_version: sql`row_version + 1` })
    .where('id', '=', id)
    .where('row_version', '=', expected)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function updateExchangeIfVersion(db: Kysely<Database>, id: string, expected: number, changes: Updateable<ExchangeTable>): Promise<boolean> {
  const result = await db
    .updateTable('exchange')
    .set({ ...changes, updated_at: new Date().toISOString(), row_version: sql`row_version + 1` })
    .where('id', '=', id)
    .where('row_version', '=', expected)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteExchangeIfVersion(db: Kysely<Database>, id: string, expected: number): Promise<boolean> {
  const result = await db.deleteFrom('exchange').where('id', '=', id).where('row_version', '=', expected).where('origin', '=', 'user').executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

// Parts, read for exchanges the asker's view found.

export function partiesOf(db: Kysely<Database>, ids: readonly string[]): Promise<PartyRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('exchange_party')
    .selectAll()
    .where('exchange_id', 'in', [...ids])
    .orderBy('exchange_id')
    .orderBy('id')
    .execute();
}

export function actionsOf(db: Kysely<Database>, id: string): Promise<ActionRow[]> {
  return db.selectFrom('exchange_action').selectAll().where('exchange_id', '=', id).orderBy('id').execute();
}

export async function replaceParties(db: Kysely<Database>, id: string, rows: Omit<Insertable<Database['exchange_party']>, 'exchange_id'>[]): Promise<void> {
  await db.deleteFrom('exchange_party').where('exchange_id', '=', id).execute();
  if (rows.length)
    await db
      .insertInto('exchange_party')
      .values(rows.map((r) => ({ ...r, exchange_id: id })))
      .execute();
}

export async function replaceActions(db: Kysely<Database>, id: string, rows: Omit<Insertable<Database['exchange_action']>, 'exchange_id'>[]): Promise<void> {
  await db.deleteFrom('exchange_action').where('exchange_id', '=', id).execute();
  if (rows.length)
    await db
      .insertInto('exchange_action')
      .values(rows.map((r) => ({ ...r, exchange_id: id })))
      .execute();
}
