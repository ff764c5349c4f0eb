import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

export async function listMechanisms(db: Kysely<Database>) {
  return db.selectFrom('mechanism').selectAll().orderBy('code').execute();
}

export async function findMechanism(db: Kysely<Database>, code: string) {
  return db.selectFrom('mechanism').selectAll().where('code', '=', code.toUpperCase()).executeTakeFirst();
}

export type MechanismRow = Awaited<ReturnType<typeof listMechanisms>>[number];
