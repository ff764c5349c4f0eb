// The projects the asker sees (under the list's filters) as CSV or XLSX, one row per project,
// written a page at a time (GET /api/v1/projects/export/{format}, `accord projects export`).
// Amounts stay exact decimals per currency ("EUR 1250000.00; USD 300000"): a file summing
// across currencies would need rates, which the totals answer names.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { csvHeader, csvLine } from '../../shared/csv.ts';
import type { Lang } from '../../shared/text.ts';
import { type XlsxColumn, xlsxWorkbook } from '../recommendations/xlsx.ts';
import type { ProjectFilter } from './filters.ts';
import { projectSummaries } from './service.ts';
import type { ProjectSummaryView } from './view-schema.ts';

export const PROJECT_EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ProjectExportFormat = (typeof PROJECT_EXPORT_FORMATS)[number];

export const PROJECT_COLUMNS = [
  'id',
  'iati_identifier',
  'title',
  'status',
  'region',
  'countries',
  'planned_start',
  'planned_end',
  'actual_start',
  'actual_end',
  'funding_sources',
  'budget',
  'disbursed_to_date',
  'confidentiality',
  'link',
];

const PAGE = 1000;

const perCurrency = (list: { currency: string; amount: string }[]) => list.map((m) => `${m.currency} ${m.amount}`).join('; ');

function flat(p: ProjectSummaryView, link: string): Record<string, unknown> {
  return {
    id: p.id,
    iati_identifier: p.iatiIdentifier,
    title: p.title,
    status: p.status,
    region: p.region ? `${p.region.code} ${p.region.name}` : null,
    countries: p.countries.map((c) => (c.percentage ? `${c.iso3} (${c.percentage}%)` : c.iso3)).join('; '),
    planned_start: p.plannedStart,
    planned_end: p.plannedEnd,
    actual_start: p.actualStart,
    actual_end: p.actualEnd,
    funding_sources: p.fundingSources.join('; '),
    budget: perCurrency(p.budgetByCurrency),
    disbursed_to_date: perCurrency(p.disbursedToDate),
    confidentiality: p.confidentiality,
    link,
  };
}

async function* pages(db: Kysely<Database>, filter: ProjectFilter, lang: Lang, site: string): AsyncGenerator<Record<string, unknown>[]> {
  const all = (await projectSummaries(db, lang, filter)).sort((a, b) => a.id.localeCompare(b.id));
  for (let i = 0; i < all.length; i += PAGE) yield all.slice(i, i + PAGE).map((p) => flat(p, `${site}/${lang}/projects/${encodeURIComponent(p.id)}`));
}

export async function* projectCsv(db: Kysely<Database>, filter: ProjectFilter, lang: Lang, site: string): AsyncGenerator<string> {
  yield csvHeader(PROJECT_COLUMNS);
  for await (const page of pages(db, filter, lang, site)) yield page.map((row) => csvLine(PROJECT_COLUMNS, row)).join('');
}

const XLSX_COLUMNS: XlsxColumn[] = PROJECT_COLUMNS.map((name) => ({ name, type: name === 'link' ? 'link' : 'text' }));

export function projectXlsx(db: Kysely<Database>, filter: ProjectFilter, lang: Lang, site: string): AsyncGenerator<Buffer> {
  async function* rows() {
    for await (const page of pages(db, filter, lang, site)) yield page.map((row) => PROJECT_COLUMNS.map((c) => row[c] ?? ''));
  }
  return xlsxWorkbook(XLSX_COLUMNS, rows(), { sheetName: 'Projects', rightToLeft: lang === 'ar' });
}
