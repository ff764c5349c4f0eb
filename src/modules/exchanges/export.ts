// The CSV export of exchanges: one line per exchange the filter keeps, read through the asker's
// view (a restricted exchange is in it only for those who may see it), with its parties and the
// titles of its sources.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Lang } from '../../shared/text.ts';
import { csvChunks } from '../exports/serialise.ts';
import { loadSourcesOf } from '../sources/repository.ts';
import { parseIds } from '../sources/service.ts';
import { type ExchangeFilter, listExchanges } from './repository.ts';
import { exchangeItems } from './service.ts';

const COLUMNS = ['id', 'kind', 'title', 'series', 'series_number', 'start', 'end', 'city', 'country', 'topic', 'un_parties', 'regional_parties', 'confidentiality', 'origin', 'sources'];

async function* pages(db: Kysely<Database>, filter: ExchangeFilter, lang: Lang) {
  const [rows, items] = await Promise.all([listExchanges(db, filter), exchangeItems(db, filter, lang)]);
  const sources = await loadSourcesOf(
    db,
    rows.flatMap((r) => parseIds(r.sources)),
  );
  const titles = new Map(rows.map((r) => [r.id, parseIds(r.sources).flatMap((id) => sources.get(id)?.title ?? [])]));
  yield items.map((item) => ({ ...item, sourceTitles: titles.get(item.id) ?? [] }));
}

const partyText = (p: { unBody: string | null; name: string | null; organizationId: string | null; mechanism: string | null }) =>
  [p.unBody ?? p.organizationId ?? p.mechanism, p.name].filter(Boolean).join(': ');

export function exchangeCsvChunks(db: Kysely<Database>, filter: ExchangeFilter, lang: Lang): AsyncGenerator<string> {
  return csvChunks(COLUMNS, pages(db, filter, lang), (e) => ({
    id: e.id,
    kind: e.kind,
    title: e.title,
    series: e.series?.id ?? null,
    series_number: e.seriesNumber,
    start: e.start,
    end: e.end,
    city: e.city,
    country: e.country,
    topic: e.topic,
    un_parties: e.parties
      .filter((p) => p.side === 'un')
      .map(partyText)
      .join(' | '),
    regional_parties: e.parties
      .filter((p) => p.side === 'regional')
      .map(partyText)
      .join(' | '),
    confidentiality: e.confidentiality,
    origin: e.origin,
    sources: e.sourceTitles.join(' | '),
  }));
}
