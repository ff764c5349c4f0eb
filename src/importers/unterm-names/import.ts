// Imports UNTERM short and formal names in the six languages from a CSV with an ISO alpha-3
// column and "UNTERM <Language> Short|Formal" columns (the layout of the datahub
// country-codes table). Rows without UNTERM names are skipped and counted; a code that is
// not a State of the registry is an error naming its row.
import { basename } from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { listStates } from '../../modules/states/repository.ts';
import { replaceOfficialNames, type OfficialName } from '../../modules/names/service.ts';
import { ValidationError, type Problem } from '../../shared/errors.ts';
import type { Lang } from '../../shared/text.ts';
import { readUtf8 } from '../read-utf8.ts';
import { sourceRecord, type SourceOptions } from '../source-description.ts';
import { parseCsvTable, type CsvTable } from '../csv-records.ts';

const LANGUAGE_COLUMNS: Record<string, Lang> = { English: 'en', French: 'fr', Spanish: 'es', Russian: 'ru', Chinese: 'zh', Arabic: 'ar' };
const ISO3_COLUMN = 'ISO3166-1-Alpha-3';

export interface UntermReport {
  imported: number;
  names: number;
  skipped: { row: number; reason: string }[];
}

/** "Holy See (the) *" → "Holy See (the)": the asterisks are footnote marks of the UN list. */
function clean(value: string): string {
  return value.replace(/\s*\*+\s*$/, '').trim();
}

export function parseUnterm(text: string, file: string, knownStates: Set<string>): { names: OfficialName[]; report: UntermReport } {
  let table: CsvTable;
  try {
    table = parseCsvTable(text, { bom: true, skip_empty_lines: true, relax_column_count: false });
  } catch (error) {
    throw new ValidationError(`${file} is not a valid CSV file`, [{ file, reason: (error as Error).message }]);
  }
  const { header, records } = table;
  const missing = [ISO3_COLUMN, ...Object.keys(LANGUAGE_COLUMNS).flatMap((l) => [`UNTERM ${l} Short`, `UNTERM ${l} Formal`])].filter((c) => !header.includes(c));
  if (records.length === 0 || missing.length > 0) {
    const details = missing.length > 0 ? missing.map((c) => ({ file, field: c, reason: 'column missing' })) : [{ file, reason: 'no rows' }];
    throw new ValidationError(`${file} does not have the UNTERM columns and rows`, details);
  }
  const names: OfficialName[] = [];
  const problems: Problem[] = [];
  const report: UntermReport = { imported: 0, names: 0, skipped: [] };
  records.forEach((record, index) => {
    const row = index + 2;
    const iso3 = (record[ISO3_COLUMN] ?? '').trim();
    const rowNames: OfficialName[] = [];
    for (const [language, lang] of Object.entries(LANGUAGE_COLUMNS)) {
      const short = clean(record[`UNTERM ${language} Short`] ?? '');
      const formal = clean(record[`UNTERM ${language} Formal`] ?? '');
      if (short) rowNames.push({ id: iso3, lang, kind: 'name', value: short });
      if (formal) rowNames.push({ id: iso3, lang, kind: 'formal', value: formal });
    }
    if (rowNames.length === 0) {
      report.skipped.push({ row, reason: `${iso3 || 'no code'}: no UNTERM names` });
      return;
    }
    if (!knownStates.has(iso3)) {
      problems.push({ file, row, field: ISO3_COLUMN, reason: `"${iso3}" has UNTERM names but is not a State of the registry` });
      return;
    }
    names.push(...rowNames);
    report.imported += 1;
  });
  if (problems.length > 0) throw new ValidationError(`${file}: ${problems.length} row(s) rejected; nothing was imported`, problems);
  report.names = names.length;
  return { names, report };
}

export async function importUntermNames(db: Kysely<Database>, path: string, options: SourceOptions = {}): Promise<UntermReport> {
  const file = basename(path);
  const states = new Set((await listStates(db)).map((s) => s.iso3));
  if (states.size === 0) throw new ValidationError('The registry has no States yet: run `accord db seed` first');
  const { names, report } = parseUnterm(readUtf8(path, file, 'a UNTERM names table'), file, states);
  await replaceOfficialNames(
    db,
    'state',
    names,
    sourceRecord(path, options, 'official', {
      id: 'import-unterm',
      title: `UNTERM country names (UN Protocol and Liaison Service), imported from ${file}`,
      url: 'https://unterm.un.org/',
    }),
    options.context,
  );
  return report;
}
