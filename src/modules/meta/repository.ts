// The data version changes with every write, so that cached responses and ETags follow the data.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

export async function readDataVersion(db: Kysely<Database>): Promise<string> {
  const row = await db.selectFrom('meta').select('value').where('key', '=', 'data_version').executeTakeFirst();
  return row?.value ?? '0';
}

export async function bumpDataVersion(db: Kysely<Database>): Promise<void> {
  const next = String(Number(await readDataVersion(db)) + 1);
  await db
    .insertInto('meta')
    .values({ key: 'data_version', value: next })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: next }))
    .execute();
}
