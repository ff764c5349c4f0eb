import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

export async function listPresences(db: Kysely<Database>) {
  return db.selectFrom('presence').selectAll().orderBy('id').execute();
}

/** presence id → iso3 codes of the States it covers. */
export async function coveredStates(db: Kysely<Database>): Promise<Map<string, string[]>> {
  const rows = await db.selectFrom('presence_state').select(['presence_id', 'iso3']).orderBy('presence_id').orderBy('iso3').execute();
  const result = new Map<string, string[]>();
  for (const row of rows) result.set(row.presence_id, [...(result.get(row.presence_id) ?? []), row.iso3]);
  return result;
}
