// Imports the names of UN M49 regions, sub-regions and intermediate regions in the six
// languages from a folder holding the UNSD tables UNSD-{ar,cn,en,es,fr,ru}.csv (as in the
// datahub country-codes dataset). Only codes of the registry's `region` table are stored; the
// others are reported. Anything wrong in any file stops the import before anything is written.
//
// Names are read from the rows of the registry's States: those are the regions the API shows,
// and the other rows are not all UNSD's (the datahub copy adds a Taiwan row that calls
// Eastern Asia "Asie de l'Est" where UNSD's rows say "Asie orientale"). Every row is still
// checked, and its codes are reported when the registry lacks them.
import { existsSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { listRegions, listStates } from '../../modules/states/repository.ts';
import { replaceOfficialNames, type OfficialName } from '../../modules/names/service.ts';
import { ValidationError, type Problem } from '../../shared/errors.ts';
import type { Lang } from '../../shared/text.ts';
import { readUtf8 } from '../read-utf8.ts';
import { sourceRecord, type SourceOptions } from '../source-description.ts';
import { parseCsvTable, type CsvTable } from '../csv-records.ts';

/** UNSD names its Chinese file `cn`; the registry says `zh`. */
export const M49_FILES: Record<string, Lang> = {
  'UNSD-ar.csv': 'ar',
  'UNSD-cn.csv': 'zh',
  'UNSD-en.csv': 'en',
  'UNSD-es.csv': 'es',
  'UNSD-fr.csv': 'fr',
  'UNSD-ru.csv': 'ru',
};
const LEVELS = ['Region', 'Sub-region', 'Intermediate Region'];
const ISO3_COLUMN = 'ISO-alpha3 Code';
const COLUMNS = [ISO3_COLUMN, ...LEVELS.flatMap((level) => [`${level} Code`, `${level} Name`])];

export interface M49Report {
  /** Names stored, per language. */
  names: Record<Lang, number>;
  /** Regions of the registry that got at least one name. */
  regions: number;
  /** Codes in the files that the registry does not have (English name when known). */
  skipped: { code: string; name: string }[];
}

export interface M49File {
  /** code → name, from the rows of the registry's States. */
  names: Map<string, string>;
  /** code → name, from the other rows (first name seen): only reported, never stored. */
  others: Map<string, string>;
}

/** The region names of one file (one language); problems are added to `problems`. */
export function parseM49(text: string, file: string, states: Set<string>, problems: Problem[]): M49File {
  let table: CsvTable;
  try {
    table = parseCsvTable(text, { bom: true, skip_empty_lines: true, relax_column_count: false });
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new ValidationError(`${file} is not a valid CSV file`, [{ file, row: line, reason: (error as Error).message }]);
  }
  const { header, records } = table;
  const missing = COLUMNS.filter((c) => !header.includes(c));
  if (records.length === 0 || missing.length > 0) {
    const details = missing.length > 0 ? missing.map((c) => ({ file, row: 1, field: c, reason: 'column missing' })) : [{ file, reason: 'no rows' }];
    throw new ValidationError(`${file} does not have the UNSD M49 columns and rows`, details);
  }
  const names = new Map<string, string>();
  const others = new Map<string, string>();
  const firstRow = new Map<string, number>();
  records.forEach((record, index) => {
    const row = index + 2;
    const ofState = states.has((record[ISO3_COLUMN] ?? '').trim());
    for (const level of LEVELS) {
      const rawCode = (record[`${level} Code`] ?? '').trim();
      const name = (record[`${level} Name`] ?? '').trim();
      if (!rawCode && !name) continue; // a country without this level (no intermediate region, say)
      if (!/^\d{1,3}$/.test(rawCode)) {
        problems.push({ file, row, field: `${level} Code`, reason: rawCode ? `"${rawCode}" is not an M49 code (three digits)` : `empty, but the name is "${name}"` });
        continue;
      }
      // A spreadsheet drops the leading zeros ("2" for "002"); the code is the same.
      const code = rawCode.padStart(3, '0');
      if (!name) {
        problems.push({ file, row, field: `${level} Name`, reason: `empty for code ${code}` });
        continue;
      }
      if (!ofState) {
        if (!others.has(code)) others.set(code, name);
        continue;
      }
      const known = names.get(code);
      if (known === undefined) {
        names.set(code, name);
        firstRow.set(code, row);
      } else if (known !== name) {
        problems.push({ file, row, field: `${level} Name`, reason: `code ${code} is "${name}" here but "${known}" in row ${firstRow.get(code)}` });
      }
    }
  });
  return { names, others };
}

export async function importM49Names(db: Kysely<Database>, folder: string, options: SourceOptions = {}): Promise<M49Report> {
  const regions = new Set((await listRegions(db)).map((r) => r.code));
  const states = new Set((await listStates(db)).map((s) => s.iso3));
  if (regions.size === 0 || states.size === 0) throw new ValidationError('The registry has no regions yet: run `accord db seed` first');
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new ValidationError(`${folder}: no such folder; give the folder holding ${Object.keys(M49_FILES).join(', ')}`, [{ file: folder, reason: 'not a folder' }]);
  }
  const absent = Object.keys(M49_FILES).filter((file) => !existsSync(join(folder, file)));
  if (absent.length > 0) {
    throw new ValidationError(
      `${folder} lacks ${absent.join(', ')}: the six UNSD M49 tables are needed`,
      absent.map((file) => ({ file, reason: 'not found' })),
    );
  }

  const problems: Problem[] = [];
  const byLang = new Map<Lang, M49File>();
  for (const [file, lang] of Object.entries(M49_FILES)) {
    byLang.set(lang, parseM49(readUtf8(join(folder, file), file, 'a UNSD M49 table'), file, states, problems));
  }
  if (problems.length > 0) throw new ValidationError(`${problems.length} problem(s) in the UNSD M49 tables; nothing was imported`, problems);

  const names: OfficialName[] = [];
  const report: M49Report = { names: { ar: 0, en: 0, es: 0, fr: 0, ru: 0, zh: 0 }, regions: 0, skipped: [] };
  const named = new Set<string>();
  const skipped = new Map<string, string>();
  for (const [lang, file] of byLang) {
    for (const [code, value] of [...file.others, ...file.names]) {
      if (!regions.has(code) && (!skipped.has(code) || lang === 'en')) skipped.set(code, value);
    }
    for (const [code, value] of file.names) {
      if (!regions.has(code)) continue;
      names.push({ id: code, lang, kind: 'name', value });
      report.names[lang] += 1;
      named.add(code);
    }
  }
  report.regions = named.size;
  report.skipped = [...skipped].map(([code, name]) => ({ code, name })).sort((a, b) => a.code.localeCompare(b.code));

  await replaceOfficialNames(
    db,
    'region',
    names,
    sourceRecord(folder, options, 'official', {
      id: 'import-unsd-m49',
      title: `UNSD M49 standard country or area codes for statistical use: region names in six languages, imported from ${basename(resolve(folder))}`,
      url: 'https://unstats.un.org/unsd/methodology/m49/',
    }),
    options.context,
  );
  return report;
}
