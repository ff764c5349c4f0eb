// What the seed's writes of the programme's shipped records share (events/seed/repository.ts,
// exchanges/seed/repository.ts), in the seed's transaction: a shipped record is upserted with
// users' corrections kept (the new shipped value goes under the correction: edits/corrections.ts
// mergeSeeded) and a new version, a user's record of the same id is left alone; shipped documents
// and links are added when missing, never removed, since users may add their own beside them.
// Each feature keeps its own parts (organizers, parties) and its own rule for a record gone from
// the data file.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { CooperationRecordKind } from '../../../shared/vocabularies.ts';
import { mergeSeeded } from '../../edits/corrections.ts';

/** The tables of shipped records: all carry origin, corrections, sources and row_version. */
export type ShippedTable = 'event_series' | 'event' | 'exchange_series' | 'exchange' | 'obstacle';

export interface ShippedParts {
  documents: { title: string; url: string }[];
  links: { to_kind: string; to_ref: string; note: string | null }[];
}

/** Inserts or updates a shipped record; false when a user's record holds the id (the caller then leaves its parts alone). */
export async function upsertShipped(trx: Kysely<Database>, table: ShippedTable, row: { id: string; sources: string }): Promise<boolean> {
  const stored = await trx.selectFrom(table).selectAll().where('id', '=', row.id).executeTakeFirst();
  const at = new Date().toISOString();
  if (!stored) {
    // biome-ignore lint/suspicious/noExplicitAny: one insert for tables of the same shape
    await (trx.insertInto(table) as any).values({ ...row, corrections: '{}', origin: 'reference', created_by: 'system:seed', created_at: at, updated_at: at }).execute();
    return true;
  }
  if (stored.origin !== 'reference') return false;
  const merged = mergeSeeded(row, stored as unknown as { origin: string; corrections: string; sources: string } & Record<string, unknown>);
  const { id, ...set } = merged;
  // biome-ignore lint/suspicious/noExplicitAny: as above
  await (trx.updateTable(table) as any)
    .set({ ...set, updated_at: at, row_version: sql`row_version + 1` })
    .where('id', '=', id)
    .execute();
  return true;
}

/** Adds the shipped documents (by url) and links (by target) the record does not hold yet. */
export async function addMissingShippedParts(trx: Kysely<Database>, kind: CooperationRecordKind, id: string, parts: ShippedParts): Promise<void> {
  const held = new Set((await trx.selectFrom('cooperation_document').select('url').where('owner_kind', '=', kind).where('owner_id', '=', id).execute()).map((d) => d.url));
  const missing = parts.documents.filter((d) => !held.has(d.url));
  if (missing.length)
    await trx
      .insertInto('cooperation_document')
      .values(missing.map((d) => ({ owner_kind: kind, owner_id: id, title: d.title, url: d.url })))
      .execute();
  const linked = new Set(
    (await trx.selectFrom('cooperation_link').select(['to_kind', 'to_ref']).where('from_kind', '=', kind).where('from_id', '=', id).execute()).map((l) => `${l.to_kind} ${l.to_ref}`),
  );
  const newLinks = parts.links.filter((l) => !linked.has(`${l.to_kind} ${l.to_ref}`));
  if (newLinks.length)
    await trx
      .insertInto('cooperation_link')
      .values(newLinks.map((l) => ({ ...l, from_kind: kind, from_id: id })))
      .execute();
}

/** Deletes the documents and links of shipped records gone from the data file (the records themselves are deleted by their feature). */
export async function deleteShippedParts(trx: Kysely<Database>, kind: CooperationRecordKind, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await trx.deleteFrom('cooperation_document').where('owner_kind', '=', kind).where('owner_id', 'in', ids).execute();
  await trx.deleteFrom('cooperation_link').where('from_kind', '=', kind).where('from_id', 'in', ids).execute();
}
