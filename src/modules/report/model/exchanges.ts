// Exchanges of information between UN bodies and regional organizations and mechanisms held
// (in part) during the report's period, through the asker's view.
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { firstDay, lastDay } from '../../../shared/dates.ts';
import type { Lang } from '../../../shared/text.ts';
import { exchangeDetail, exchangeItems } from '../../exchanges/service.ts';
import { apiPath, type Figure, figure, type SourceRef, viewRefs } from './figures.ts';

export interface ExchangeFacts {
  /** Exchanges that started on or before the report's date and had not ended before the period. */
  total: Figure;
  byKind: Record<string, Figure>;
  list: {
    id: string;
    kind: string;
    title: string;
    start: string;
    end: string | null;
    parties: { side: string; unBody: string | null; name: string | null; organizationId: string | null; mechanism: string | null }[];
    sources: SourceRef[];
  }[];
}

export async function exchangeFacts(reader: Kysely<Database>, days: { periodStart: string; asOf: string }, lang: Lang): Promise<ExchangeFacts> {
  const held = (await exchangeItems(reader, {}, lang)).filter((e) => firstDay(e.start) <= days.asOf && lastDay(e.end ?? e.start) >= days.periodStart);
  const list = [];
  for (const e of held.sort((a, b) => a.start.localeCompare(b.start) || a.id.localeCompare(b.id))) {
    const detail = await exchangeDetail(reader, e.id, lang);
    list.push({ id: e.id, kind: e.kind, title: e.title, start: e.start, end: e.end, parties: e.parties, sources: viewRefs(detail.sources) });
  }
  // The list route filters by year, not by a span of days: the years of the period give a superset.
  const api = apiPath('/api/v1/exchanges', { sort: 'start' });
  const byKind: Record<string, Figure> = {};
  for (const kind of new Set(list.map((e) => e.kind))) {
    const of = list.filter((e) => e.kind === kind);
    byKind[kind] = figure(
      of.length,
      apiPath('/api/v1/exchanges', { kind, sort: 'start' }),
      of.flatMap((e) => e.sources),
    );
  }
  return {
    total: figure(
      list.length,
      api,
      list.flatMap((e) => e.sources),
    ),
    byKind,
    list,
  };
}
