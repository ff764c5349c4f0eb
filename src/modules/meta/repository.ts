// Small facts about the database itself. The data version changes with every write, so that
// cached responses and ETags follow the data; the reference hash says which reference data
// were last seeded.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

export async function readMeta(db: Kysely<Database>, key: string): Promise<string | undefined> {
  const row = await db.selectFrom('meta').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value;
}

export async function writeMeta(db: Kysely<Database>, key: string, value: string): Promise<void> {
  await db
    .insertInto('meta')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}

export async function readDataVersion(db: Kysely<Database>): Promise<string> {
  return (await readMeta(db, 'data_version')) ?? '0';
}

export async function bumpDataVersion(db: Kysely<Database>): Promise<void> {
  await writeMeta(db, 'data_version', String(Number(await readDataVersion(db)) + 1));
}
