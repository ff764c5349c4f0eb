// CSV exports of events (one line per event, with its sources' titles) and of participation
// counts (one line per count), read a page at a time through the asker's view: a restricted
// event is in neither unless the asker may see it. Participants' personal data is never exported.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { csvChunks } from '../exports/serialise.ts';
import { loadSourcesOf } from '../sources/repository.ts';
import { parseIds } from '../sources/service.ts';
import { type EventFilter, type EventKey, listEvents, participationRows } from './repository.ts';

export const EXPORT_FILES = ['events.csv', 'participation.csv'] as const;
export type EventExportFile = (typeof EXPORT_FILES)[number];

const PAGE = 500;
const EVENT_COLUMNS = ['id', 'kind', 'title', 'series', 'series_number', 'start', 'end', 'city', 'country', 'region', 'confidentiality', 'origin', 'note', 'sources'];
const COUNT_COLUMNS = ['event', 'title', 'start', 'country', 'institution', 'gender', 'headcount'];

async function* eventPages(db: Kysely<Database>, filter: EventFilter) {
  let after: EventKey | undefined;
  for (;;) {
    const rows = await listEvents(db, filter, PAGE, after);
    const sources = await loadSourcesOf(
      db,
      rows.flatMap((r) => parseIds(r.sources)),
    );
    yield rows.map((r) => ({ ...r, sourceTitles: parseIds(r.sources).flatMap((id) => sources.get(id)?.title ?? []) }));
    if (rows.length < PAGE) return;
    const last = rows.at(-1)!;
    after = { start: last.start_date, id: last.id };
  }
}

async function* countPages(db: Kysely<Database>, filter: EventFilter) {
  for (let offset = 0; ; offset += PAGE) {
    const rows = await participationRows(db, filter, PAGE, offset);
    yield rows;
    if (rows.length < PAGE) return;
  }
}

export function eventExportChunks(db: Kysely<Database>, file: EventExportFile, filter: EventFilter): AsyncGenerator<string> {
  if (file === 'participation.csv') {
    return csvChunks(COUNT_COLUMNS, countPages(db, filter), (r) => ({
      event: r.event_id,
      title: r.title,
      start: r.start_date,
      country: r.country_iso3,
      institution: r.institution,
      gender: r.gender,
      headcount: r.headcount,
    }));
  }
  return csvChunks(EVENT_COLUMNS, eventPages(db, filter), (r) => ({
    id: r.id,
    kind: r.kind,
    title: r.title,
    series: r.series_id,
    series_number: r.series_number,
    start: r.start_date,
    end: r.end_date,
    city: r.city,
    country: r.country_iso3,
    region: r.region_code,
    confidentiality: r.confidentiality,
    origin: r.origin,
    note: r.note,
    sources: r.sourceTitles.join(' | '),
  }));
}
