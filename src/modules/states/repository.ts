import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

export async function listStates(db: Kysely<Database>) {
  return db.selectFrom('state').selectAll().orderBy('iso3').execute();
}

/** By alpha-3 (or alpha-2), case-insensitive. */
export async function findState(db: Kysely<Database>, code: string) {
  const upper = code.toUpperCase();
  return db
    .selectFrom('state')
    .selectAll()
    .where(upper.length === 2 ? 'iso2' : 'iso3', '=', upper)
    .executeTakeFirst();
}

export async function listRegions(db: Kysely<Database>) {
  return db.selectFrom('region').selectAll().execute();
}

/** Whether the registry has been seeded (false, not an error, when the tables do not exist yet). */
export async function registryIsSeeded(db: Kysely<Database>): Promise<boolean> {
  return db
    .selectFrom('state')
    .select('iso3')
    .limit(1)
    .execute()
    .then(
      (rows) => rows.length > 0,
      () => false,
    );
}
