import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

export async function listInstruments(db: Kysely<Database>) {
  return db.selectFrom('instrument').selectAll().orderBy('code').execute();
}

export async function findInstrument(db: Kysely<Database>, code: string) {
  return db.selectFrom('instrument').selectAll().where('code', '=', code.toUpperCase()).executeTakeFirst();
}
