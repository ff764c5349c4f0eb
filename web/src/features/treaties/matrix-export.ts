// The matrix's exports, from the rows shown. CSV keeps the API's status values (stable, for
// programs) and goes through the same writer as every table (byte-order mark, formulas
// defused); the workbook has the words of the page's language (for people). Both say where
// the data come from: the API address that gives the same answer, and the date.
import type { Instrument, TreatyCollection, TreatyStatus } from '../../api/types.ts';
import { currencyText } from '../../components/SourceCurrency.tsx';
import { downloadCsv, downloadXlsx, type ExportRow } from '../../components/download.ts';
import { sourcesText } from '../../components/Sources.tsx';
import type { I18n } from '../../i18n/i18n.tsx';
import type { MatrixRow } from './MatrixTable.tsx';
import { TREATY_STATUSES } from '../../components/TreatyStatus.tsx';

export interface MatrixExport {
  asOf: string;
  /** How current each source of the matrix is. */
  collections: TreatyCollection[];
  columns: Instrument[];
  rows: MatrixRow[];
  /** The API address of the matrix shown, absolute. */
  apiAddress: string;
  /** The filters in words ("UN regional group: African States"), for the workbook. */
  filters: string[];
}

export const exportName = (asOf: string) => `accord-treaty-matrix-${asOf}`;

export function downloadMatrixCsv(data: MatrixExport, i18n: I18n): void {
  const codes = data.columns.map((i) => i.code);
  const provenance = sourcesText([{ title: i18n.t('treaties.provenance', { date: data.asOf }), url: data.apiAddress }]);
  const rows: ExportRow[] = data.rows.map((r) => ({
    state: r.name,
    iso3: r.iso3,
    iso2: r.iso2,
    ...Object.fromEntries(codes.map((code, n) => [code, r.statuses[n]!])),
    sources: provenance,
  }));
  downloadCsv(exportName(data.asOf), ['state', 'iso3', 'iso2', ...codes, 'sources'], rows);
}

export async function downloadMatrixXlsx(data: MatrixExport, i18n: I18n): Promise<void> {
  const { t, lang, date } = i18n;
  const word = (s: TreatyStatus) => t(`treaty.status.${s}`);
  const { matrixWorkbook } = await import('./matrix-xlsx.ts');
  const content = await matrixWorkbook({
    sheetName: t('treaties.sheet'),
    header: [t('col.state'), t('col.code'), ...data.columns.map((i) => i.code)],
    rows: data.rows.map((r) => [r.name, r.iso3, ...r.statuses.map(word)]),
    sourcesSheetName: t('col.sources'),
    about: [
      [t('treaties.title'), t('treaties.caption', { date: date(data.asOf) })],
      [t('date.asOf'), data.asOf],
      [t('treaties.api'), data.apiAddress],
      [t('treaties.exported'), new Date().toISOString()],
      ...data.filters.map((f): [string, string] => [t('treaties.filters'), f]),
      ...data.collections.map((c): [string, string] => [t('currency.lead'), currencyText(c, i18n)]),
      ...TREATY_STATUSES.map((s): [string, string] => [word(s), t(`treaties.statusHelp.${s}`)]),
      ...data.columns.map((i): [string, string] => [i.code, `${i.title} — ${sourcesText(i.sources)}`]),
    ],
    rightToLeft: lang === 'ar',
  });
  downloadXlsx(exportName(data.asOf), content);
}
