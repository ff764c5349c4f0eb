// The seed's writes of shipped events and series (data/reference/cooperation-events.json), in
// the seed's transaction. A shipped record is upserted with users' corrections kept and a new
// version, a user's record of the same id left alone (cooperation/seed/repository.ts). Shipped organizers are rewritten; shipped
// documents and links are added when missing, never removed (users may add their own beside them); what
// users entered on a shipped event (counts, participants, actions) is never touched. A shipped
// event no longer in the file is deleted only when nobody corrected or added to it.
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { addMissingShippedParts, deleteShippedParts, type ShippedParts, upsertShipped } from '../../cooperation/seed/repository.ts';

type Seeded<T> = T & { sources: string };

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
  documents: ShippedParts['documents'];
  links: ShippedParts['links'];
}

export async function writeShippedEvents(trx: Kysely<Database>, series: ShippedSeries[], events: ShippedEvent[]): Promise<void> {
  for (const s of series) await upsertShipped(trx, 'event_series', s);
  for (const e of events) {
    if (!(await upsertShipped(trx, 'event', e.row))) continue;
    await trx.deleteFrom('event_organizer').where('event_id', '=', e.row.id).execute();
    if (e.organizers.length)
      await trx
        .insertInto('event_organizer')
        .values(e.organizers.map((o) => ({ ...o, event_id: e.row.id })))
        .execute();
    await addMissingShippedParts(trx, 'event', e.row.id, e);
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
    await deleteShippedParts(trx, 'event', ids);
    await trx.deleteFrom('event').where('id', 'in', ids).execute();
  }
}
