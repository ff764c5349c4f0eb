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

/** A sub-folder as the recognisers see it. */
interface Folder {
  name: string;
  path: string;
  /** Its entries. */
  inside: string[];
  /** The column mappings shipped for it (data/mappings/<name>/). */
  mappings: string[];
}

/** What a kind of dataset looks like in a folder, and how to import it from there. The first
 *  recogniser that knows a folder imports it; a new kind of folder is one entry here. */
interface Recogniser {
  recognises(folder: Folder): boolean;
  import(db: Kysely<Database>, folder: Folder, options: DatasetImportOptions, report: ImportAllReport): Promise<void>;
}

const RECOGNISERS: Recogniser[] = [
  {
    // UNTC chapter IV status tables and declaration texts.
    recognises: (f) => files(join(f.path, 'treaties')).some((e) => /^4-\d/.test(e)),
    import: async (db, f, options, report) => {
      report.treaty.push({ folder: f.name, kind: 'untc', report: await importUntc(db, f.path, options) });
    },
  },
  {
    // The UNTC's own status pages saved as HTML.
    recognises: (f) => files(join(f.path, 'html')).some((e) => /\.html?$/i.test(e)),
    import: async (db, f, options, report) => {
      report.treaty.push({ folder: f.name, kind: 'untc-html', report: await importUntcHtml(db, f.path, options) });
      for (const other of f.inside.filter((e) => e.endsWith('.csv')))
        report.skipped.push({ path: `${f.name}/${other}`, reason: 'the pages in html/ say more (this CSV drops bracketed participations, see its PROVENANCE.md)' });
    },
  },
  {
    // Year-level status tables of the core treaties.
    recognises: (f) => f.inside.some((e) => /^hr_status_.+\.csv$/.test(e)),
    import: async (db, f, options, report) => {
      const years = await importUntcYears(db, f.path, options);
      report.treaty.push({ folder: f.name, kind: 'untc-years', report: years });
      report.skipped.push(...years.skipped.map((s) => ({ path: `${f.name}/${s.file}`, reason: s.reason })));
    },
  },
  {
    // Any table with a column mapping shipped in data/mappings/<folder>/.
    recognises: (f) => f.mappings.length > 0,
    import: importMappedTables,
  },
  {
    // The Correlates of War IGO memberships by year.
    recognises: (f) => existsSync(join(f.path, COW_TABLE)),
    import: async (db, f, options, report) => {
      report.treaty.push({ folder: f.name, kind: 'cow-igo', report: await importCowIgo(db, f.path, options) });
      for (const other of f.inside.filter((e) => e.endsWith('.rda')))
        report.skipped.push({ path: `${f.name}/${other}`, reason: 'R data; its memberships are read from derived/state_year_regional_igos.csv' });
    },
  },
  {
    // Official UN names: UNTERM's table and UNSD M49's folder.
    recognises: (f) => f.inside.includes('country-codes.csv') || f.inside.includes('unsd-m49-6lang'),
    import: async (db, f, options, report) => importNames(db, f.path, f.name, f.inside, options, report),
  },
];

async function importFolder(db: Kysely<Database>, folder: string, options: DatasetImportOptions): Promise<ImportAllReport> {
  const report: ImportAllReport = { treaty: [], names: [], skipped: [] };
  for (const name of readdirSync(folder).sort()) {
    const path = join(folder, name);
    if (!isDir(path)) {
      report.skipped.push({ path: name, reason: `${notRegularFile(path) ?? 'a file'}, not a dataset folder` });
      continue;
    }
    const inside = files(path);
    const sub: Folder = {
      name,
      path,
      inside,
      mappings: files(join(MAPPINGS_DIR, name))
        .filter((f) => f.endsWith('.mapping.json'))
        .sort(),
    };
    const recogniser = RECOGNISERS.find((r) => r.recognises(sub));
    if (recogniser) await recogniser.import(db, sub, options, report);
    else
      report.skipped.push({
        path: name,
        reason: `no importer recognises it (${
          inside
            .filter((f) => f !== 'PROVENANCE.md')
            .slice(0, 4)
            .join(', ') || 'empty'
        }${inside.length > 5 ? ', …' : ''})`,
      });
  }
  return report;
}

/** Each table of the folder that has a mapping; says which tables lack one, and which mappings lack their table. */
async function importMappedTables(db: Kysely<Database>, f: Folder, options: DatasetImportOptions, report: ImportAllReport): Promise<void> {
  for (const mapping of f.mappings) {
    const table = mapping.replace(/\.mapping\.json$/, '.csv');
    if (!f.inside.includes(table)) {
      report.skipped.push({ path: `${f.name}/${table}`, reason: `a mapping ships for it (data/mappings/${f.name}/${mapping}) but the table is not there` });
      continue;
    }
    report.treaty.push({ folder: f.name, kind: 'csv', table, report: await importCsvWithMapping(db, join(f.path, table), join(MAPPINGS_DIR, f.name, mapping), options) });
  }
  for (const other of f.inside.filter((e) => e.endsWith('.csv') && !f.mappings.includes(e.replace(/\.csv$/, '.mapping.json')))) {
    report.skipped.push({ path: `${f.name}/${other}`, reason: 'no column mapping for this table (write one and use `accord import csv --mapping`)' });
  }
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
