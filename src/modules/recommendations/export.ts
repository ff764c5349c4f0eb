// Every recommendation a search matches, as CSV or JSON Lines, with no cap: read a keyset page
// of 200 at a time and written as it is read, so memory does not grow with the export. Each
// row carries the address of its page in the web app and of its API record.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { csvHeader, csvLine } from '../../shared/csv.ts';
import type { Lang } from '../../shared/text.ts';
import { namesOf } from '../names/repository.ts';
import { loadSources } from '../sources/repository.ts';
import { type Cursor, pageOfMatching } from './repository.ts';
import type { RecommendationView } from './schema.ts';
import { filterOf, type RecommendationQuery, viewOf } from './service.ts';

export const RECOMMENDATION_EXPORT_FORMATS = ['csv', 'jsonl'] as const;
export type RecommendationExportFormat = (typeof RECOMMENDATION_EXPORT_FORMATS)[number];

/** Rows read per query: a page of 1,000 made chunks of V8's large-object space, which only a full
 *  collection frees, and the server grew by 150 MB while exporting a million rows (bench/RESULTS.md). */
export const EXPORT_PAGE = 200;

export const EXPORT_COLUMNS = [
  'id',
  'link',
  'kind',
  'mechanism',
  'state_iso3',
  'state',
  'state_group',
  'recommender_iso3',
  'recommender',
  'recommender_group',
  'cycle',
  'session',
  'date',
  'document_symbol',
  'response',
  'response_as_written',
  'action_category',
  'themes',
  'text',
  'text_lang',
  'source',
  'source_kind',
  'source_url',
  'dataset',
  'source_row',
];

/** One row of the export, by column (xlsx-export.ts writes the same). */
export function flat(v: RecommendationView, link: string): Record<string, unknown> {
  return {
    id: v.id,
    link,
    kind: v.kind,
    mechanism: v.mechanism,
    state_iso3: v.state.iso3,
    state: v.state.name,
    state_group: v.state.group,
    recommender_iso3: v.recommender?.iso3,
    recommender: v.recommender?.name,
    recommender_group: v.recommender?.group,
    cycle: v.cycle,
    session: v.session,
    date: v.date,
    document_symbol: v.documentSymbol,
    response: v.response,
    response_as_written: v.responseAsWritten,
    action_category: v.actionCategory,
    themes: v.themes.join('; '),
    text: v.text,
    text_lang: v.textLang,
    source: v.source?.title,
    source_kind: v.source?.kind,
    source_url: v.source?.url,
    dataset: v.dataset,
    source_row: v.sourceRow,
  };
}

/** The export's text, a page of rows at a time. `site` is where the web app answers (the link of each row). */
export async function* recommendationExport(db: Kysely<Database>, q: RecommendationQuery, lang: Lang, format: RecommendationExportFormat, site: string): AsyncGenerator<string> {
  const filter = filterOf(q);
  const [names, sources] = await Promise.all([namesOf(db, 'state', lang), loadSources(db)]);
  const link = (id: string) => `${site}/${lang}/recommendations/${encodeURIComponent(id)}`;
  if (format === 'csv') yield csvHeader(EXPORT_COLUMNS);
  let after: Cursor | null = null;
  for (;;) {
    const rows = await pageOfMatching(db, filter, q.sort ?? 'newest', EXPORT_PAGE, after);
    if (rows.length === 0) return;
    const views = rows.map((r) => viewOf(r as never, names, sources));
    yield format === 'csv' ? views.map((v) => csvLine(EXPORT_COLUMNS, flat(v, link(v.id)))).join('') : views.map((v) => `${JSON.stringify({ ...v, link: link(v.id) })}\n`).join('');
    if (rows.length < EXPORT_PAGE) return;
    const last = rows.at(-1)!;
    after = { sortDate: last.sort_date, seq: Number(last.seq) };
  }
}
