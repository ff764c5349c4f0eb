import { sql, type Insertable, type Kysely, type Updateable } from 'kysely';
import type { Database, InstrumentTable } from '../../db/schema.ts';

export async function listInstruments(db: Kysely<Database>) {
  return db.selectFrom('instrument').selectAll().orderBy('code').execute();
}

export async function findInstrument(db: Kysely<Database>, code: string) {
  return db.selectFrom('instrument').selectAll().where('code', '=', code.toUpperCase()).executeTakeFirst();
}

export async function insertInstrument(db: Kysely<Database>, row: Insertable<InstrumentTable>): Promise<void> {
  await db.insertInto('instrument').values(row).execute();
}

/** Writes the changes and raises the version, only if the instrument is still at `expected`:
 *  one statement, so of two writers naming the same version only one succeeds. */
export async function updateInstrumentIfVersion(db: Kysely<Database>, code: string, expected: number, changes: Updateable<InstrumentTable>): Promise<boolean> {
  const result = await db
    .updateTable('instrument')
    .set({ ...changes, row_version: sql`row_version + 1` })
    .where('code', '=', code)
    .where('row_version', '=', expected)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
