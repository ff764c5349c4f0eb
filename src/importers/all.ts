// `accord import all <folder>`: imports every dataset it recognises in a folder such as
// ../shared/data, and says what it skipped and why. A sub-folder is recognised by its files:
// - UNTC chapter IV status tables and declaration texts (treaties/4-N.csv, declarations/4-N.txt);
// - the UNTC's own status pages saved as HTML (html/*.html);
// - year-level status tables (hr_status_<treaty>.csv);
// - any table with a column mapping in data/mappings/<folder>/<table>.mapping.json;
// - official UN names: the datahub country-codes table (UNTERM) and its UNSD M49 tables;
// - the Correlates of War IGO memberships (derived/state_year_regional_igos.csv), a year-level
//   cross-check of the registry's memberships.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { systemContext } from '../modules/audit/context.ts';
import { runUseCase, type UseCase } from '../modules/audit/pipeline.ts';
import { AppError, ValidationError } from '../shared/errors.ts';
import { COW_TABLE, importCowIgo } from './cow-igo/import.ts';
import { importCsvWithMapping } from './csv-mapping/import.ts';
import type { DatasetImportOptions, DatasetImportReport } from './dataset-import.ts';
import { importM49Names } from './m49-names/import.ts';
import { importUntermNames } from './unterm-names/import.ts';
import { importUntc } from './untc/import.ts';
import { importUntcYears } from './untc-years/import.ts';
import { importUntcHtml } from './untc-html/import.ts';
import { MAPPINGS_DIR } from './source-description.ts';
import { notRegularFile } from './read-utf8.ts';


export interface ImportAllReport {
  /** Treaty datasets: what each importer did. */
  treaty: { folder: string; kind: string; table?: string; report: DatasetImportReport }[];
  /** Official names imported. */
  names: { folder: string; kind: string; summary: string }[];
  skipped: { path: string; reason: string }[];
}

const isDir = (path: string) => existsSync(path) && statSync(path).isDirectory();
const files = (path: string) => (isDir(path) ? readdirSync(path) : []);

/**
 * One transaction for the whole folder: either every dataset that passed its checks is stored,
 * or (when something fails on the way) nothing is, and the error says so. Each importer still
 * records its own summary in the audit trail.
 */
export async function importAll(db: Kysely<Database>, folder: string, options: DatasetImportOptions = {}): Promise<ImportAllReport> {
  if (!isDir(folder)) throw new ValidationError(`${folder}: no such folder`, [{ file: folder, reason: 'not a folder' }]);
  try {
    return await runUseCase(db, importAllUseCase, { folder, options }, options.context ?? systemContext('importer'));
  } catch (error) {
    if (error instanceof AppError) throw new AppError(error.code, error.status, `nothing was stored: ${error.message}`, error.details);
    throw new Error(`nothing was stored: ${(error as Error).message}`, { cause: error });
  }
}

const importAllUseCase: UseCase<{ folder: string; options: DatasetImportOptions }, ImportAllReport> = {
  name: 'import.all',
  topics: [],
  run: async (trx, { folder, options }) => ({ result: await importFolder(trx, folder, { ...options, context: options.context ?? systemContext('importer') }), audit: [] }),
};

async function importFolder(db: Kysely<Database>, folder: string, options: DatasetImportOptions): Promise<ImportAllReport> {
  const report: ImportAllReport = { treaty: [], names: [], skipped: [] };
  for (const name of readdirSync(folder).sort()) {
    const path = join(folder, name);
    if (!isDir(path)) {
      report.skipped.push({ path: name, reason: `${notRegularFile(path) ?? 'a file'}, not a dataset folder` });
      continue;
    }
    const inside = files(path);
    const mappings = files(join(MAPPINGS_DIR, name)).filter((f) => f.endsWith('.mapping.json'));
    if (files(join(path, 'treaties')).some((f) => /^4-\d/.test(f))) {
      report.treaty.push({ folder: name, kind: 'untc', report: await importUntc(db, path, options) });
    } else if (files(join(path, 'html')).some((f) => /\.html?$/i.test(f))) {
      report.treaty.push({ folder: name, kind: 'untc-html', report: await importUntcHtml(db, path, options) });
      for (const other of inside.filter((f) => f.endsWith('.csv'))) report.skipped.push({ path: `${name}/${other}`, reason: 'the pages in html/ say more (this CSV drops bracketed participations, see its PROVENANCE.md)' });
    } else if (inside.some((f) => /^hr_status_.+\.csv$/.test(f))) {
      const years = await importUntcYears(db, path, options);
      report.treaty.push({ folder: name, kind: 'untc-years', report: years });
      report.skipped.push(...years.skipped.map((s) => ({ path: `${name}/${s.file}`, reason: s.reason })));
    } else if (mappings.length > 0) {
      for (const mapping of mappings.sort()) {
        const table = mapping.replace(/\.mapping\.json$/, '.csv');
        if (!inside.includes(table)) {
          report.skipped.push({ path: `${name}/${table}`, reason: `a mapping ships for it (data/mappings/${name}/${mapping}) but the table is not there` });
          continue;
        }
        report.treaty.push({ folder: name, kind: 'csv', table, report: await importCsvWithMapping(db, join(path, table), join(MAPPINGS_DIR, name, mapping), options) });
      }
      for (const other of inside.filter((f) => f.endsWith('.csv') && !mappings.includes(f.replace(/\.csv$/, '.mapping.json')))) {
        report.skipped.push({ path: `${name}/${other}`, reason: 'no column mapping for this table (write one and use `accord import csv --mapping`)' });
      }
    } else if (existsSync(join(path, COW_TABLE))) {
      report.treaty.push({ folder: name, kind: 'cow-igo', report: await importCowIgo(db, path, options) });
      for (const other of inside.filter((f) => f.endsWith('.rda'))) report.skipped.push({ path: `${name}/${other}`, reason: 'R data; its memberships are read from derived/state_year_regional_igos.csv' });
    } else if (inside.includes('country-codes.csv') || inside.includes('unsd-m49-6lang')) {
      await importNames(db, path, name, inside, options, report);
    } else {
      report.skipped.push({ path: name, reason: `no importer recognises it (${inside.filter((f) => f !== 'PROVENANCE.md').slice(0, 4).join(', ') || 'empty'}${inside.length > 5 ? ', …' : ''})` });
    }
  }
  return report;
}

/** The official names of a folder: UNTERM's (country-codes.csv) and UNSD M49's (unsd-m49-6lang/).
 *  An entry of the wrong kind (a folder or a pipe named like the table) is skipped by name, unread. */
async function importNames(db: Kysely<Database>, path: string, name: string, inside: string[], options: DatasetImportOptions, report: ImportAllReport): Promise<void> {
  const table = join(path, 'country-codes.csv');
  const tableKind = inside.includes('country-codes.csv') ? notRegularFile(table) : null;
  if (tableKind) report.skipped.push({ path: `${name}/country-codes.csv`, reason: `${tableKind}, not a table: it was not read` });
  else if (inside.includes('country-codes.csv')) {
    const r = await importUntermNames(db, table, options);
    report.names.push({ folder: name, kind: 'unterm-names', summary: `${r.names} names of ${r.imported} States` });
  }
  const m49 = join(path, 'unsd-m49-6lang');
  if (!inside.includes('unsd-m49-6lang')) return;
  if (!isDir(m49)) {
    report.skipped.push({ path: `${name}/unsd-m49-6lang`, reason: `${notRegularFile(m49) ?? 'a file'}, not the folder of the UNSD M49 tables` });
    return;
  }
  const r = await importM49Names(db, m49, options);
  report.names.push({ folder: name, kind: 'm49-names', summary: `names of ${r.regions} regions` });
}
