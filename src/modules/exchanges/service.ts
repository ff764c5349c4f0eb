// Exchanges as the API shows them: the list (filtered in the database, sorted and cut into pages
// in memory: the exchanges are a small registry), one exchange with its parties, follow-up
// actions (overdue when the due day has passed and the action is still open), documents, links
// and sources; series with their exchanges. A regional party shows the registry's name of its
// organization or mechanism in the language asked, unless the writer gave one.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { NotFoundError, ValidationError } from '../../shared/errors.ts';
import type { Lang } from '../../shared/text.ts';
import type { ExchangeKind, ExchangeUnBody } from '../../shared/vocabularies.ts';
import { accessView } from '../edits/access.ts';
import { correctionViews } from '../edits/corrections.ts';
import { namesOf } from '../names/repository.ts';
import { loadSourcesOf, type SourceView } from '../sources/repository.ts';
import { parseIds } from '../sources/service.ts';
import { partsView } from '../cooperation/parts.ts';
import { isOverdue } from '../events/service.ts';
import { EXCHANGE_FIELDS, SERIES_FIELDS } from './fields.ts';
import {
  actionsOf,
  type ExchangeFilter,
  type ExchangeListRow,
  exchangesOfSeries,
  findExchangeWithSeries,
  findSeries,
  listExchanges,
  listSeries,
  type PartyRow,
  partiesOf,
  type SeriesRow,
} from './repository.ts';
import type { ExchangeDetail, ExchangeItem } from './schema.ts';

function sourceIdsOf(rows: readonly { sources: string; corrections: string }[]): string[] {
  return rows.flatMap((r) => [...parseIds(r.sources), ...Object.values(JSON.parse(r.corrections) as Record<string, { seededSources: string[] }>).flatMap((c) => c.seededSources)]);
}

type Names = { organizations: Map<string, { name: string }>; mechanisms: Map<string, { name: string }> };

async function registryNames(db: Kysely<Database>, lang: Lang): Promise<Names> {
  const [organizations, mechanisms] = await Promise.all([namesOf(db, 'organization', lang), namesOf(db, 'mechanism', lang)]);
  return { organizations, mechanisms };
}

function partyView(p: PartyRow, names: Names) {
  const registryName = p.organization_id ? names.organizations.get(p.organization_id)?.name : p.mechanism_code ? names.mechanisms.get(p.mechanism_code)?.name : undefined;
  return { side: p.side as 'un' | 'regional', unBody: p.un_body as ExchangeUnBody | null, name: p.name ?? registryName ?? null, organizationId: p.organization_id, mechanism: p.mechanism_code };
}

function exchangeItem(row: ExchangeListRow, parties: PartyRow[], names: Names, sources: Map<string, SourceView>): ExchangeItem {
  return {
    id: row.id,
    kind: row.kind as ExchangeKind,
    title: row.title,
    series: row.series_id && row.series_title !== null ? { id: row.series_id, title: row.series_title } : null,
    seriesNumber: row.series_number,
    start: row.start_date,
    end: row.end_date,
    city: row.city,
    country: row.country_iso3,
    topic: row.topic,
    parties: parties.map((p) => partyView(p, names)),
    version: row.row_version,
    origin: row.origin as 'reference' | 'user',
    corrections: correctionViews(row, EXCHANGE_FIELDS, sources),
    ...accessView(row),
  };
}

async function itemsOf(db: Kysely<Database>, rows: ExchangeListRow[], lang: Lang): Promise<ExchangeItem[]> {
  const [parties, names, sources] = await Promise.all([
    partiesOf(
      db,
      rows.map((r) => r.id),
    ),
    registryNames(db, lang),
    loadSourcesOf(db, sourceIdsOf(rows)),
  ]);
  const byExchange = new Map<string, PartyRow[]>();
  for (const p of parties) byExchange.set(p.exchange_id, [...(byExchange.get(p.exchange_id) ?? []), p]);
  return rows.map((r) => exchangeItem(r, byExchange.get(r.id) ?? [], names, sources));
}

/** Every exchange the filter keeps, in the order of start and id (the CSV export's order). */
export async function exchangeItems(db: Kysely<Database>, filter: ExchangeFilter, lang: Lang): Promise<ExchangeItem[]> {
  return itemsOf(db, await listExchanges(db, filter), lang);
}

export const EXCHANGE_SORTS = {
  start: (e: ExchangeItem) => e.start,
  end: (e: ExchangeItem) => e.end,
  title: (e: ExchangeItem) => e.title,
  kind: (e: ExchangeItem) => e.kind,
  id: (e: ExchangeItem) => e.id,
};

/** The items in the order `sort` names (`start`, `-start`, `title,-end`…), then by start and id:
 *  what the CLI lists (the API pages the same keys with its own list kit). */
export function sortExchanges(items: ExchangeItem[], sort = 'start'): ExchangeItem[] {
  const keys = sort.split(',').map((field) => ({ key: field.replace(/^-/, ''), descending: field.startsWith('-') }));
  for (const { key } of keys) {
    if (!Object.hasOwn(EXCHANGE_SORTS, key)) throw new ValidationError(`Cannot sort by "${key}"`, [{ parameter: 'sort', reason: `allowed fields: ${Object.keys(EXCHANGE_SORTS).join(', ')}` }]);
  }
  const order = [...keys, { key: 'start', descending: false }, { key: 'id', descending: false }];
  return [...items].sort((a, b) => {
    for (const { key, descending } of order) {
      const of = EXCHANGE_SORTS[key as keyof typeof EXCHANGE_SORTS];
      const va = of(a) ?? '';
      const vb = of(b) ?? '';
      if (va !== vb) return (va < vb ? -1 : 1) * (descending ? -1 : 1);
    }
    return 0;
  });
}

export async function exchangeDetail(db: Kysely<Database>, id: string, lang: Lang = 'en'): Promise<ExchangeDetail> {
  const row = await findExchangeWithSeries(db, id);
  if (!row) throw new NotFoundError('exchange', id);
  const [[item], actions, parts] = await Promise.all([itemsOf(db, [row], lang), actionsOf(db, id), partsView(db, 'exchange', id)]);
  const sources = await loadSourcesOf(db, parseIds(row.sources));
  return {
    ...item!,
    description: row.description,
    outcomes: row.outcomes,
    note: row.note,
    actions: actions.map((a) => ({ description: a.description, owner: a.owner, due: a.due, status: a.status as 'open', doneOn: a.done_on, overdue: isOverdue(a) })),
    ...parts,
    links: parts.links as ExchangeDetail['links'],
    sources: parseIds(row.sources).flatMap((s) => sources.get(s) ?? []),
  };
}

function seriesView(row: SeriesRow & { exchange_count: number }, sources: Map<string, SourceView>) {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    note: row.note,
    exchangeCount: row.exchange_count,
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

export async function seriesDetail(db: Kysely<Database>, id: string, lang: Lang = 'en') {
  const row = await findSeries(db, id);
  if (!row) throw new NotFoundError('exchange series', id);
  const exchanges = await exchangesOfSeries(db, id);
  const sources = await loadSourcesOf(db, sourceIdsOf([row]));
  return { ...seriesView({ ...row, exchange_count: exchanges.length }, sources), exchanges: await itemsOf(db, exchanges, lang) };
}
