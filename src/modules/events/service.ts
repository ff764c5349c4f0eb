// Events as the API shows them: a page of the list (keyset on start and id), one event with its
// organizers, participation counts and their totals, follow-up actions (overdue when the due day
// has passed and the action is still open), documents and sources; series with their events.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { lastDay, today } from '../../shared/dates.ts';
import { NotFoundError, ValidationError } from '../../shared/errors.ts';
import type { EventKind } from '../../shared/vocabularies.ts';
import { accessView } from '../edits/access.ts';
import { correctionViews } from '../edits/corrections.ts';
import { loadSourcesOf, type SourceView } from '../sources/repository.ts';
import { parseIds } from '../sources/service.ts';
import { partsView } from '../cooperation/parts.ts';
import { EVENT_FIELDS, SERIES_FIELDS } from './fields.ts';
import {
  actionsOf,
  countEvents,
  type EventFilter,
  type EventKey,
  type EventListRow,
  eventsOfSeries,
  findEventWithSeries,
  findSeries,
  listEvents,
  listSeries,
  organizersOf,
  participationOf,
  type SeriesRow,
} from './repository.ts';
import type { EventDetail, EventItem, ParticipationView } from './schema.ts';

function sourceIdsOf(rows: readonly { sources: string; corrections: string }[]): string[] {
  return rows.flatMap((r) => [...parseIds(r.sources), ...Object.values(JSON.parse(r.corrections) as Record<string, { seededSources: string[] }>).flatMap((c) => c.seededSources)]);
}

export function eventItem(row: EventListRow, sources: Map<string, SourceView>): EventItem {
  return {
    id: row.id,
    kind: row.kind as EventKind,
    title: row.title,
    series: row.series_id && row.series_title !== null ? { id: row.series_id, title: row.series_title } : null,
    seriesNumber: row.series_number,
    start: row.start_date,
    end: row.end_date,
    city: row.city,
    country: row.country_iso3,
    region: row.region_code,
    version: row.row_version,
    origin: row.origin as 'reference' | 'user',
    corrections: correctionViews(row, EVENT_FIELDS, sources),
    ...accessView(row),
  };
}

function encodeKey(key: EventKey): string {
  return Buffer.from(JSON.stringify([key.start, key.id])).toString('base64url');
}

function decodeKey(cursor: string): EventKey {
  try {
    const [start, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof start === 'string' && typeof id === 'string') return { start, id };
  } catch {
    // falls through to the refusal
  }
  throw new ValidationError('The cursor is not one this API gave out', [{ parameter: 'cursor', reason: 'unknown cursor' }]);
}

/** One page of events sorted by start (then id), with the total that match. */
export async function eventPage(db: Kysely<Database>, filter: EventFilter, limit: number, cursor?: string): Promise<{ items: EventItem[]; total: number; next: string | null }> {
  const after = cursor ? decodeKey(cursor) : undefined;
  const [rows, total] = await Promise.all([listEvents(db, filter, limit + 1, after), countEvents(db, filter)]);
  const page = rows.slice(0, limit);
  const sources = await loadSourcesOf(db, sourceIdsOf(page));
  const last = page.at(-1);
  return { items: page.map((r) => eventItem(r, sources)), total, next: rows.length > limit && last ? encodeKey({ start: last.start_date, id: last.id }) : null };
}

function tallyBy<K extends 'country' | 'institution' | 'gender'>(rows: ParticipationView['rows'], key: K) {
  const totals = new Map<string | null, number>();
  for (const r of rows) totals.set(r[key], (totals.get(r[key]) ?? 0) + r.headcount);
  return [...totals].map(([value, headcount]) => ({ [key]: value, headcount }) as { [P in K]: string | null } & { headcount: number });
}

export function participationView(rows: { country_iso3: string | null; institution: string | null; gender: string | null; headcount: number }[]): ParticipationView {
  const shown = rows.map((r) => ({ country: r.country_iso3, institution: r.institution, gender: r.gender, headcount: Number(r.headcount) }));
  return {
    rows: shown,
    byCountry: tallyBy(shown, 'country'),
    byInstitution: tallyBy(shown, 'institution'),
    byGender: tallyBy(shown, 'gender'),
    total: shown.reduce((sum, r) => sum + r.headcount, 0),
  };
}

/** An action is overdue when its due day has passed (a partial due date: its last day) and it is still open. */
export function isOverdue(action: { due: string | null; status: string }, on: string = today()): boolean {
  return action.status === 'open' && action.due !== null && lastDay(action.due) < on;
}

export async function eventDetail(db: Kysely<Database>, id: string): Promise<EventDetail> {
  const row = await findEventWithSeries(db, id);
  if (!row) throw new NotFoundError('event', id);
  const [organizers, counts, actions, parts] = await Promise.all([organizersOf(db, [id]), participationOf(db, id), actionsOf(db, id), partsView(db, 'event', id)]);
  const sources = await loadSourcesOf(db, sourceIdsOf([row]));
  return {
    ...eventItem(row, sources),
    agenda: row.agenda,
    conclusions: row.conclusions,
    note: row.note,
    organizers: organizers.map((o) => ({ role: o.role as EventDetail['organizers'][number]['role'], name: o.name, organizationId: o.organization_id, stateIso3: o.state_iso3 })),
    participation: participationView(counts),
    actions: actions.map((a) => ({ id: Number(a.id), description: a.description, owner: a.owner, due: a.due, status: a.status as 'open', doneOn: a.done_on, overdue: isOverdue(a) })),
    ...parts,
    links: parts.links as EventDetail['links'],
    sources: parseIds(row.sources).flatMap((s) => sources.get(s) ?? []),
  };
}

function seriesView(row: SeriesRow & { event_count: number }, sources: Map<string, SourceView>) {
  return {
    id: row.id,
    kind: row.kind as EventKind,
    title: row.title,
    description: row.description,
    note: row.note,
    eventCount: row.event_count,
    sources: parseIds(row.sources).flatMap((s) => sources.get(s) ?? []),
    version: row.row_version,
    origin: row.origin as 'reference' | 'user',
    corrections: correctionViews(row, SERIES_FIELDS, sources),
    ...accessView(row),
  };
}

export async function seriesList(db: Kysely<Database>) {
  const rows = await listSeries(db);
  const sources = await loadSourcesOf(db, sourceIdsOf(rows));
  return rows.map((r) => seriesView(r, sources));
}

export async function seriesDetail(db: Kysely<Database>, id: string) {
  const row = await findSeries(db, id);
  if (!row) throw new NotFoundError('event series', id);
  const events = await eventsOfSeries(db, id);
  const sources = await loadSourcesOf(db, sourceIdsOf([row, ...events]));
  return { ...seriesView({ ...row, event_count: events.length }, sources), events: events.map((e) => eventItem(e, sources)) };
}
