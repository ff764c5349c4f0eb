import { sql, type Insertable, type Kysely, type Updateable } from 'kysely';
import type { Database, PresenceCoverageTable, PresenceTable } from '../../db/schema.ts';

export async function listPresences(db: Kysely<Database>) {
  return db.selectFrom('presence').selectAll().orderBy('id').execute();
}

export async function findPresence(db: Kysely<Database>, id: string) {
  return db.selectFrom('presence').selectAll().where('id', '=', id).executeTakeFirst();
}

export type PresenceRow = NonNullable<Awaited<ReturnType<typeof findPresence>>>;

/** Every coverage period (of one presence when given), in order of presence, State and number. */
export async function coveragePeriods(db: Kysely<Database>, presenceId?: string) {
  let query = db.selectFrom('presence_coverage').selectAll();
  if (presenceId !== undefined) query = query.where('presence_id', '=', presenceId);
  return query.orderBy('presence_id').orderBy('iso3').orderBy('seq').execute();
}

export type CoverageRow = Awaited<ReturnType<typeof coveragePeriods>>[number];

/** The periods in which presences covered one State, with the presence they belong to. */
export async function periodsOfState(db: Kysely<Database>, iso3: string) {
  return db
    .selectFrom('presence_coverage')
    .innerJoin('presence', 'presence.id', 'presence_coverage.presence_id')
    .select(['presence.id', 'presence.kind', 'presence.seat_city', 'presence.seat_iso3', 'presence.opened', 'presence.closed', 'presence_coverage.from_date', 'presence_coverage.until_date'])
    .where('presence_coverage.iso3', '=', iso3)
    .orderBy('presence.id')
    .orderBy('presence_coverage.seq')
    .execute();
}

export interface CoverageKey {
  presenceId: string;
  seq: number;
}

export async function findCoveragePeriod(db: Kysely<Database>, key: CoverageKey) {
  return db.selectFrom('presence_coverage').selectAll().where('presence_id', '=', key.presenceId).where('seq', '=', key.seq).executeTakeFirst();
}

export async function insertPresence(db: Kysely<Database>, row: Insertable<PresenceTable>): Promise<void> {
  await db.insertInto('presence').values(row).execute();
}

/** Writes the changes and raises the version only if the presence is still at `expected`
 *  (one statement: of two writers naming the same version only one succeeds). */
export async function updatePresenceIfVersion(db: Kysely<Database>, id: string, expected: number, changes: Updateable<PresenceTable>): Promise<boolean> {
  const result = await db
    .updateTable('presence')
    .set({ ...changes, row_version: sql`row_version + 1` })
    .where('id', '=', id)
    .where('row_version', '=', expected)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The next number for a user's period of a presence: from `from` on, after any already taken. */
export async function nextCoverageSeq(db: Kysely<Database>, presenceId: string, from: number): Promise<number> {
  const row = await db
    .selectFrom('presence_coverage')
    .select((eb) => eb.fn.max('seq').as('last'))
    .where('presence_id', '=', presenceId)
    .where('seq', '>=', from)
    .executeTakeFirst();
  return row?.last == null ? from : Number(row.last) + 1;
}

export async function insertCoveragePeriod(db: Kysely<Database>, row: Insertable<PresenceCoverageTable>): Promise<void> {
  await db.insertInto('presence_coverage').values(row).execute();
}

export async function updateCoveragePeriodIfVersion(db: Kysely<Database>, key: CoverageKey, expected: number, changes: Updateable<PresenceCoverageTable>): Promise<boolean> {
  const result = await db
    .updateTable('presence_coverage')
    .set({ ...changes, row_version: sql`row_version + 1` })
    .where('presence_id', '=', key.presenceId)
    .where('seq', '=', key.seq)
    .where('row_version', '=', expected)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteCoveragePeriodIfVersion(db: Kysely<Database>, key: CoverageKey, expected: number): Promise<boolean> {
  const result = await db.deleteFrom('presence_coverage').where('presence_id', '=', key.presenceId).where('seq', '=', key.seq).where('row_version', '=', expected).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}
