// Every query of events, their series and their parts (organizers, participation counts,
// participants, follow-up actions). Reads take the asker's view (db/visibility.ts filters
// `event`, `event_series` and `event_participant`); a part without confidentiality of its own
// is read only for an event the view found, or joined to it. Writes take the use case's transaction.
import { sql, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import type { Database, EventSeriesTable, EventTable } from '../../db/schema.ts';
import { lastDay } from '../../shared/dates.ts';

export type EventRow = Selectable<EventTable>;
export type SeriesRow = Selectable<EventSeriesTable>;
export type EventListRow = EventRow & { series_title: string | null };

export interface EventFilter {
  from?: string;
  to?: string;
  kind?: string;
  series?: string;
  country?: string;
  region?: string;
}

/** Where the next page starts: after this event in the order (start, id). */
export interface EventKey {
  start: string;
  id: string;
}

function filtered(db: Kysely<Database>, f: EventFilter) {
  let q = db.selectFrom('event as e').leftJoin('event_series as s', 's.id', 'e.series_id');
  if (f.kind) q = q.where('e.kind', '=', f.kind);
  if (f.series) q = q.where('e.series_id', '=', f.series);
  if (f.country) q = q.where('e.country_iso3', '=', f.country);
  // An event overlaps the period: it starts by its last day, and ends (or, without an end,
  // starts) on or after its first day, compared at the precision the event is known to.
  if (f.to) q = q.where('e.start_date', '<=', lastDay(f.to));
  if (f.from) {
    const from = f.from;
    q = q.where(sql<boolean>`coalesce(e.end_date, e.start_date) >= substr(${from}, 1, length(coalesce(e.end_date, e.start_date)))`);
  }
  if (f.region) {
    const region = f.region;
    q = q.where((eb) =>
      eb.or([
        eb('e.region_code', '=', region),
        eb(
          'e.country_iso3',
          'in',
          eb
            .selectFrom('state')
            .select('iso3')
            .where((s) => s.or([s('region_code', '=', region), s('subregion_code', '=', region), s('intermediate_region_code', '=', region)])),
        ),
      ]),
    );
  }
  return q;
}

/** One page of events in the order (start, id), after `after` when given. */
export async function listEvents(db: Kysely<Database>, f: EventFilter, limit: number, after?: EventKey): Promise<EventListRow[]> {
  let q = filtered(db, f).selectAll('e').select('s.title as series_title');
  if (after) q = q.where((eb) => eb.or([eb('e.start_date', '>', after.start), eb.and([eb('e.start_date', '=', after.start), eb('e.id', '>', after.id)])]));
  return q.orderBy('e.start_date').orderBy('e.id').limit(limit).execute();
}

export async function countEvents(db: Kysely<Database>, f: EventFilter): Promise<number> {
  const row = await filtered(db, f)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function findEvent(db: Kysely<Database>, id: string): Promise<EventRow | undefined> {
  return db.selectFrom('event').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findEventWithSeries(db: Kysely<Database>, id: string): Promise<EventListRow | undefined> {
  return db.selectFrom('event as e').leftJoin('event_series as s', 's.id', 'e.series_id').selectAll('e').select('s.title as series_title').where('e.id', '=', id).executeTakeFirst();
}

export function findSeries(db: Kysely<Database>, id: string): Promise<SeriesRow | undefined> {
  return db.selectFrom('event_series').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listSeries(db: Kysely<Database>): Promise<(SeriesRow & { event_count: number })[]> {
  const rows = await db
    .selectFrom('event_series as s')
    .selectAll('s')
    .select((eb) => eb.selectFrom('event as e').select(eb.fn.countAll<number>().as('n')).whereRef('e.series_id', '=', 's.id').as('event_count'))
    .orderBy('s.title')
    .execute();
  return rows.map((r) => ({ ...r, event_count: Number(r.event_count ?? 0) }));
}

export function eventsOfSeries(db: Kysely<Database>, seriesId: string): Promise<EventListRow[]> {
  return db
    .selectFrom('event as e')
    .leftJoin('event_series as s', 's.id', 'e.series_id')
    .selectAll('e')
    .select('s.title as series_title')
    .where('e.series_id', '=', seriesId)
    .orderBy('e.series_number')
    .orderBy('e.start_date')
    .orderBy('e.id')
    .execute();
}

export async function insertSeries(db: Kysely<Database>, row: Insertable<EventSeriesTable>): Promise<void> {
  await db.insertInto('event_series').values(row).execute();
}

export async function insertEvent(db: Kysely<Database>, row: Insertable<EventTable>): Promise<void> {
  await db.insertInto('event').values(row).execute();
}

/** Writes the changes and raises the version only if the row is still at `expected` (one statement). */
export async function updateSeriesIfVersion(db: Kysely<Database>, id: string, expected: number, changes: Updateable<EventSeriesTable>): Promise<boolean> {
  const result = await db
    .updateTable('event_series')
    .set({ ...changes, updated_at: new Date().toISOString(), row_version: sql`row_version + 1` })
    .where('id', '=', id)
    .where('row_version', '=', expected)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function updateEventIfVersion(db: Kysely<Database>, id: string, expected: number, changes: Updateable<EventTable>): Promise<boolean> {
  const result = await db
    .updateTable('event')
    .set({ ...changes, updated_at: new Date().toISOString(), row_version: sql`row_version + 1` })
    .where('id', '=', id)
    .where('row_version', '=', expected)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteEventIfVersion(db: Kysely<Database>, id: string, expected: number): Promise<boolean> {
  const result = await db.deleteFrom('event').where('id', '=', id).where('row_version', '=', expected).where('origin', '=', 'user').executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

// Parts, read for events the asker's view found.

export function organizersOf(db: Kysely<Database>, eventIds: readonly string[]) {
  if (eventIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('event_organizer')
    .selectAll()
    .where('event_id', 'in', [...eventIds])
    .orderBy('event_id')
    .orderBy('id')
    .execute();
}

export async function replaceOrganizers(db: Kysely<Database>, eventId: string, rows: Omit<Insertable<Database['event_organizer']>, 'event_id'>[]): Promise<void> {
  await db.deleteFrom('event_organizer').where('event_id', '=', eventId).execute();
  if (rows.length)
    await db
      .insertInto('event_organizer')
      .values(rows.map((r) => ({ ...r, event_id: eventId })))
      .execute();
}

export function participationOf(db: Kysely<Database>, eventId: string) {
  return db.selectFrom('event_participation').select(['country_iso3', 'institution', 'gender', 'headcount']).where('event_id', '=', eventId).orderBy('id').execute();
}

export async function replaceParticipation(db: Kysely<Database>, eventId: string, rows: Omit<Insertable<Database['event_participation']>, 'event_id'>[]): Promise<void> {
  await db.deleteFrom('event_participation').where('event_id', '=', eventId).execute();
  if (rows.length)
    await db
      .insertInto('event_participation')
      .values(rows.map((r) => ({ ...r, event_id: eventId })))
      .execute();
}

export function actionsOf(db: Kysely<Database>, eventId: string) {
  return db.selectFrom('event_action').selectAll().where('event_id', '=', eventId).orderBy('id').execute();
}

export function findAction(db: Kysely<Database>, eventId: string, id: number) {
  return db.selectFrom('event_action').selectAll().where('event_id', '=', eventId).where('id', '=', id).executeTakeFirst();
}

export async function insertAction(db: Kysely<Database>, row: Insertable<Database['event_action']>): Promise<number> {
  const made = await db.insertInto('event_action').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(made.id);
}

export async function updateAction(db: Kysely<Database>, id: number, changes: Updateable<Database['event_action']>): Promise<void> {
  await db.updateTable('event_action').set(changes).where('id', '=', id).execute();
}

/** The participants of an event the asker's view holds (each row is restricted on its own). */
export function participantsOf(db: Kysely<Database>, eventId: string) {
  return db.selectFrom('event_participant').selectAll().where('event_id', '=', eventId).orderBy('id').execute();
}

export function findParticipant(db: Kysely<Database>, eventId: string, id: number) {
  return db.selectFrom('event_participant').selectAll().where('event_id', '=', eventId).where('id', '=', id).executeTakeFirst();
}

export async function insertParticipant(db: Kysely<Database>, row: Insertable<Database['event_participant']>): Promise<number> {
  const made = await db.insertInto('event_participant').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(made.id);
}

/** Blanks the person and keeps what the counts rest on (country, institution, gender). */
export async function eraseParticipant(db: Kysely<Database>, id: number, at: string): Promise<boolean> {
  const result = await db.updateTable('event_participant').set({ name: null, position: null, erased_at: at }).where('id', '=', id).where('erased_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Participation counts of the events the asker's view holds, in the order of events (CSV export). */
export function participationRows(db: Kysely<Database>, f: EventFilter, limit: number, offset: number) {
  return filtered(db, f)
    .innerJoin('event_participation as p', 'p.event_id', 'e.id')
    .select(['e.id as event_id', 'e.title', 'e.start_date', 'p.country_iso3', 'p.institution', 'p.gender', 'p.headcount', 'p.id'])
    .orderBy('e.start_date')
    .orderBy('e.id')
    .orderBy('p.id')
    .limit(limit)
    .offset(offset)
    .execute();
}
