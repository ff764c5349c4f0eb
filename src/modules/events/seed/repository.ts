// The seed's writes of shipped events and series (data/reference/cooperation-events.json), in
// the seed's transaction. A shipped record is upserted with users' corrections kept (the new
// shipped value goes under the correction: edits/corrections.ts mergeSeeded) and a new version;
// a user's record of the same id is left alone. Shipped organizers are rewritten; shipped
// documents and links are added when missing, never removed (users may add their own beside them); what
// users entered on a shipped event (counts, participants, actions) is never touched. A shipped
// event no longer in the file is deleted only when nobody corrected or added to it.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { mergeSeeded } from '../../edits/corrections.ts';

type Seeded<T> = T & { sources: string };

async function upsert(trx: Kysely<Database>, table: 'event_series' | 'event', row: { id: string; sources: string }): Promise<boolean> {
  const stored = await trx.selectFrom(table).selectAll().where('id', '=', row.id).executeTakeFirst();
  const at = new Date().toISOString();
  if (!stored) {
    // biome-ignore lint/suspicious/noExplicitAny: one insert for two tables of the same shape
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

export interface ShippedSeries {
  id: string;
  kind: string;
  title: string;
  description: string | null;
  note: string | null;
  sources: string;
}

export interface ShippedEvent {
  row: Seeded<{
    id: string;
    kind: string;
    title: string;
    series_id: string | null;
    series_number: number | null;
    start_date: string;
    end_date: string | null;
    city: string | null;
    country_iso3: string | null;
    region_code: string | null;
    agenda: string | null;
    conclusions: string | null;
    note: string | null;
  }>;
  organizers: { role: string; name: string; organization_id: string | null; state_iso3: string | null }[];
  documents: { title: string; url: string }[];
  links: { to_kind: string; to_ref: string; note: string | null }[];
}

export async function writeShippedEvents(trx: Kysely<Database>, series: ShippedSeries[], events: ShippedEvent[]): Promise<void> {
  for (const s of series) await upsert(trx, 'event_series', s);
  for (const e of events) {
    if (!(await upsert(trx, 'event', e.row))) continue;
    await trx.deleteFrom('event_organizer').where('event_id', '=', e.row.id).execute();
    if (e.organizers.length)
      await trx
        .insertInto('event_organizer')
        .values(e.organizers.map((o) => ({ ...o, event_id: e.row.id })))
        .execute();
    const held = new Set((await trx.selectFrom('cooperation_document').select('url').where('owner_kind', '=', 'event').where('owner_id', '=', e.row.id).execute()).map((d) => d.url));
    const missing = e.documents.filter((d) => !held.has(d.url));
    if (missing.length)
      await trx
        .insertInto('cooperation_document')
        .values(missing.map((d) => ({ owner_kind: 'event', owner_id: e.row.id, title: d.title, url: d.url })))
        .execute();
    const linked = new Set(
      (await trx.selectFrom('cooperation_link').select(['to_kind', 'to_ref']).where('from_kind', '=', 'event').where('from_id', '=', e.row.id).execute()).map((l) => `${l.to_kind} ${l.to_ref}`),
    );
    const newLinks = e.links.filter((l) => !linked.has(`${l.to_kind} ${l.to_ref}`));
    if (newLinks.length)
      await trx
        .insertInto('cooperation_link')
        .values(newLinks.map((l) => ({ ...l, from_kind: 'event', from_id: e.row.id })))
        .execute();
  }
  const shipped = events.map((e) => e.row.id);
  let gone = trx
    .selectFrom('event as e')
    .select('e.id')
    .where('e.origin', '=', 'reference')
    .where('e.corrections', '=', '{}')
    .where((eb) => eb.not(eb.exists(eb.selectFrom('event_participation as p').select('p.id').whereRef('p.event_id', '=', 'e.id'))))
    .where((eb) => eb.not(eb.exists(eb.selectFrom('event_participant as q').select('q.id').whereRef('q.event_id', '=', 'e.id'))))
    .where((eb) => eb.not(eb.exists(eb.selectFrom('event_action as a').select('a.id').whereRef('a.event_id', '=', 'e.id'))));
  if (shipped.length) gone = gone.where('e.id', 'not in', shipped);
  const ids = (await gone.execute()).map((r) => r.id);
  if (ids.length) {
    await trx.deleteFrom('cooperation_document').where('owner_kind', '=', 'event').where('owner_id', 'in', ids).execute();
    await trx.deleteFrom('cooperation_link').where('from_kind', '=', 'event').where('from_id', 'in', ids).execute();
    await trx.deleteFrom('cooperation_link').where('from_kind', '=', 'event').where('from_id', 'in', ids).execute();
    await trx.deleteFrom('event').where('id', 'in', ids).execute();
  }
}
