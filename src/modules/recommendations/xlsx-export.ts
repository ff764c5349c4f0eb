// Every recommendation a search matches as an XLSX workbook, with no cap: the CSV export's
// columns and rows (export.ts), read a keyset page of 1,000 at a time and written by xlsx.ts as
// they are read. `link` is a HYPERLINK formula whose value is the address, so it can be followed
// in the spreadsheet; numbers (cycle, session, action category, source row) are numbers.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Lang } from '../../shared/text.ts';
import { namesOf } from '../names/repository.ts';
import { loadSources } from '../sources/repository.ts';
import { EXPORT_COLUMNS, EXPORT_PAGE, flat } from './export.ts';
import { type Cursor, pageOfMatching } from './repository.ts';
import { filterOf, type RecommendationQuery, viewOf } from './service.ts';
import { type XlsxColumn, type XlsxLimits, xlsxWorkbook } from './xlsx.ts';

const NUMBERS = new Set(['cycle', 'session', 'action_category', 'source_row']);
const COLUMNS: XlsxColumn[] = EXPORT_COLUMNS.map((name) => ({ name, type: name === 'link' ? 'link' : NUMBERS.has(name) ? 'number' : 'text' }));

/** The export's rows as arrays of the CSV's columns, a page at a time. */
async function* rowPages(db: Kysely<Database>, q: RecommendationQuery, lang: Lang, site: string): AsyncGenerator<unknown[][]> {
  const filter = filterOf(q);
  const [names, sources] = await Promise.all([namesOf(db, 'state', lang), loadSources(db)]);
  const link = (id: string) => `${site}/${lang}/recommendations/${encodeURIComponent(id)}`;
  let after: Cursor | null = null;
  for (;;) {
    const rows = await pageOfMatching(db, filter, q.sort ?? 'newest', EXPORT_PAGE, after);
    if (rows.length === 0) return;
    yield rows.map((r) => {
      const v = viewOf(r as never, names, sources);
      const record = flat(v, link(v.id));
      return EXPORT_COLUMNS.map((c) => record[c]);
    });
    if (rows.length < EXPORT_PAGE) return;
    const last = rows.at(-1)!;
    after = { sortDate: last.sort_date, seq: Number(last.seq) };
  }
}

/** The workbook's bytes; `limits` only for tests (Excel's own by default). */
export function recommendationXlsx(db: Kysely<Database>, q: RecommendationQuery, lang: Lang, site: string, limits?: XlsxLimits): AsyncGenerator<Buffer> {
  return xlsxWorkbook(COLUMNS, rowPages(db, q, lang, site), { sheetName: 'Recommendations', rightToLeft: lang === 'ar', ...(limits ? { limits } : {}) });
}
