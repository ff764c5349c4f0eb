// The display names of the accounts that made changes (erased accounts have none).
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

/** `user:<id>` → display name, for the actors given that are accounts. */
export async function userNames(db: Kysely<Database>, actors: string[]): Promise<Map<string, string>> {
  const ids = [...new Set(actors.filter((a) => a.startsWith('user:')).map((a) => a.slice(5)))];
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('user_account').select(['id', 'display_name', 'status']).where('id', 'in', ids).execute();
  return new Map(rows.filter((r) => r.status !== 'erased').map((r) => [`user:${r.id}`, r.display_name]));
}
