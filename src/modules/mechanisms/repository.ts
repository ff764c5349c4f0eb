import { sql, type Insertable, type Kysely, type Updateable } from 'kysely';
import type { Database, MechanismTable } from '../../db/schema.ts';

export async function listMechanisms(db: Kysely<Database>) {
  return db.selectFrom('mechanism').selectAll().orderBy('code').execute();
}

export async function findMechanism(db: Kysely<Database>, code: string) {
  return db.selectFrom('mechanism').selectAll().where('code', '=', code.toUpperCase()).executeTakeFirst();
}

export type MechanismRow = Awaited<ReturnType<typeof listMechanisms>>[number];

export async function insertMechanism(db: Kysely<Database>, row: Insertable<MechanismTable>): Promise<void> {
  await db.insertInto('mechanism').values(row).execute();
}

/** Writes the changes and raises the version, only if the mechanism is still at `expected`:
 *  one statement, so of two writers naming the same version only one succeeds. */
export async function updateMechanismIfVersion(db: Kysely<Database>, code: string, expected: number, changes: Updateable<MechanismTable>): Promise<boolean> {
  const result = await db
    .updateTable('mechanism')
    .set({ ...changes, row_version: sql`row_version + 1` })
    .where('code', '=', code)
    .where('row_version', '=', expected)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
