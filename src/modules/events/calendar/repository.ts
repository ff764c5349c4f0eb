// The queries of calendar feeds: a user's secret calendar address, kept only as the SHA-256 of
// its token; and the events a feed lists, a page at a time through the reader's view.
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';

export async function insertFeed(db: Kysely<Database>, row: { token_hash: string; user_id: string; created_at: string }): Promise<void> {
  await db.insertInto('calendar_feed').values(row).execute();
}

/** Revokes every live feed of the user; how many. */
export async function revokeFeedsOf(db: Kysely<Database>, userId: string, at: string): Promise<number> {
  const result = await db.updateTable('calendar_feed').set({ revoked_at: at }).where('user_id', '=', userId).where('revoked_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** A live feed's account (with its status) and roles, in one query; undefined when unknown or revoked. */
export async function findFeedHolder(db: Kysely<Database>, tokenHash: string) {
  const rows = await db
    .selectFrom('calendar_feed as f')
    .innerJoin('user_account as u', 'u.id', 'f.user_id')
    .leftJoin('user_role as r', 'r.user_id', 'f.user_id')
    .select(['u.id', 'u.email', 'u.display_name', 'u.lang', 'u.status', 'r.role', 'r.scope_kind', 'r.scope_id'])
    .where('f.token_hash', '=', tokenHash)
    .where('f.revoked_at', 'is', null)
    .execute();
  if (rows.length === 0) return undefined;
  const { id, email, display_name, lang, status } = rows[0]!;
  const roles = rows.flatMap((r) => (r.role === null ? [] : [{ role: r.role, scope_kind: r.scope_kind ?? '', scope_id: r.scope_id ?? '' }]));
  return { user: { id, email, display_name, lang, status }, roles };
}

/** Events whose start and end are known to the day, in the order (start, id), after a key. */
export function calendarPage(db: Kysely<Database>, limit: number, after?: { start: string; id: string }) {
  let q = db
    .selectFrom('event')
    .select(['id', 'title', 'kind', 'start_date', 'end_date', 'city', 'country_iso3', 'conclusions', 'confidentiality', 'updated_at'])
    .where((eb) => eb.fn('length', ['start_date']), '=', 10)
    .where((eb) => eb.or([eb('end_date', 'is', null), eb(eb.fn('length', ['end_date']), '=', 10)]));
  if (after) q = q.where((eb) => eb.or([eb('start_date', '>', after.start), eb.and([eb('start_date', '=', after.start), eb('id', '>', after.id)])]));
  return q.orderBy('start_date').orderBy('id').limit(limit).execute();
}
