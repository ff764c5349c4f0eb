// The change feed as the API, the feeds (Atom, JSON Feed), the CLI and the webhooks give it: one
// entry per change of a record, with its links (the record's address, its history, and for an
// import the differences it made).
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { RECORD_KINDS } from '../records/lookup.ts';
import { type ChangeQuery, type ChangeRow, findChange, listChanges } from './repository.ts';
import type { Facets } from './subjects/repository.ts';

export interface ChangeView {
  /** The entry's cursor: pass it as `since` to read what came after. */
  id: string;
  at: string;
  kind: string;
  recordId: string | null;
  action: string;
  summary: string;
  confidentiality: string;
  facets: Facets;
  links: { self: string; record: string | null; history: string | null; differences: string | null };
  /** The record as it stood after the change (null after a delete); for an import, what it changed. */
  record: unknown;
}

export interface ChangePage {
  items: ChangeView[];
  /** The cursor to ask with next (`since`, or `before` when newest first): the last entry's, or
   *  the one asked with when nothing came (so a poller keeps its place). */
  next: string | null;
  /** Whether more entries follow `next` now. */
  more: boolean;
}

/** The API address of each kind of record, by its id. */
const RECORD_PATHS: Record<string, (id: string) => string> = {
  organization: (id) => `/api/v1/organizations/${enc(id)}`,
  instrument: (id) => `/api/v1/instruments/${enc(id)}`,
  mechanism: (id) => `/api/v1/mechanisms/${enc(id)}`,
  presence: (id) => `/api/v1/presences/${enc(id)}`,
  'coverage-period': (id) => `/api/v1/presences/${enc(id.split('/')[0] ?? id)}`,
  'membership-event': (id) => `/api/v1/organizations/${enc(id.split('/')[0] ?? id)}`,
  'treaty-action': (id) => `/api/v1/treaty-actions?instrument=${enc((id.split('/')[0] ?? '').replace(/^edit:/, ''))}`,
  'assistance-request': (id) => `/api/v1/requests/${enc(id)}`,
  project: (id) => `/api/v1/projects/${enc(id)}`,
  'funding-agreement': (id) => `/api/v1/funding-agreements/${enc(id)}`,
  'event-series': (id) => `/api/v1/event-series/${enc(id)}`,
  event: (id) => `/api/v1/events/${enc(id)}`,
  'recommendation-follow-up': (id) => `/api/v1/recommendations/${enc(id)}`,
};

function enc(value: string): string {
  return encodeURIComponent(value);
}

export function changeView(row: ChangeRow): ChangeView {
  const id = String(row.audit_id);
  const recordPath = row.record_id !== null ? RECORD_PATHS[row.record_kind] : undefined;
  const hasHistory = row.record_id !== null && (RECORD_KINDS as readonly string[]).includes(row.record_kind);
  return {
    id,
    at: row.at,
    kind: row.record_kind,
    recordId: row.record_id,
    action: row.action,
    summary: row.summary,
    confidentiality: row.confidentiality,
    facets: JSON.parse(row.facets) as Facets,
    links: {
      self: `/api/v1/changes/${id}`,
      record: recordPath && row.action !== 'deleted' && row.record_id !== null ? recordPath(row.record_id) : null,
      history: hasHistory && row.record_id !== null ? `/api/v1/history?entity=${enc(row.record_kind)}&id=${enc(row.record_id)}` : null,
      differences: row.action === 'imported' ? `/api/v1/changes/${id}` : null,
    },
    record: row.payload === null ? null : JSON.parse(row.payload),
  };
}

export async function changePage(reader: Kysely<Database>, query: ChangeQuery): Promise<ChangePage> {
  const rows = await listChanges(reader, { ...query, limit: query.limit + 1 });
  const items = rows.slice(0, query.limit).map(changeView);
  const fallback = query.cursor === null ? (query.order === 'oldest' ? '0' : null) : String(query.cursor);
  return { items, next: items.at(-1)?.id ?? fallback, more: rows.length > query.limit };
}

export async function oneChange(reader: Kysely<Database>, id: number): Promise<ChangeView | undefined> {
  const row = await findChange(reader, id);
  return row && changeView(row);
}
