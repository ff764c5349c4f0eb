// The `accord` command: thin commands over the services.
import { writeFileSync } from 'node:fs';
import { Command, InvalidArgumentError } from 'commander';
import { openDb, type Db } from '../db/connection.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { importM49Names } from '../importers/m49-names/import.ts';
import { importUntermNames } from '../importers/unterm-names/import.ts';
import { importUntc } from '../importers/untc/import.ts';
import { importUntcYears } from '../importers/untc-years/import.ts';
import { importUntcHtml } from '../importers/untc-html/import.ts';
import { importCowIgo } from '../importers/cow-igo/import.ts';
import { importCsvWithMapping } from '../importers/csv-mapping/import.ts';
import { prepareDatabase } from '../reference/prepare.ts';
import { buildSnapshot, writeSnapshot } from '../snapshot/build.ts';
import { SNAPSHOT_FILE, type ManifestRecord } from '../snapshot/format.ts';
import { AppError, ValidationError, formatProblems } from '../shared/errors.ts';
import { startServer } from '../server/main.ts';
import { isValidDay, isValidPartialDate, today } from '../shared/dates.ts';
import { isLang, type Lang } from '../shared/text.ts';
import { EXPORT_ENTITIES, exportEntity, type ExportEntity } from './export.ts';
import { importAllCommand, importDatasetCommand, type ImportCommandOptions } from './import-report.ts';

const IMPORT_KINDS = ['unterm-names', 'm49-names', 'untc', 'untc-html', 'untc-years', 'cow-igo', 'csv', 'all'] as const;

async function withDb<T>(run: (db: Db) => Promise<T>): Promise<T> {
  const db = openDb(process.env.DATABASE_URL);
  try {
    return await run(db);
  } finally {
    await db.destroy();
  }
}

/** For commands that read the registry: a clear message instead of "no such table". */
async function withRegistry<T>(run: (db: Db) => Promise<T>): Promise<T> {
  return withDb(async (db) => {
    const seeded = await db.db.selectFrom('state').select('iso3').limit(1).execute().then((rows) => rows.length > 0, () => false);
    if (!seeded) throw new ValidationError(`The database ${db.label} holds no registry yet: run \`npx accord db seed\` first`);
    return run(db);
  });
}

function choice<T extends string>(allowed: readonly T[], what: string) {
  return (value: string): T => {
    if (!(allowed as readonly string[]).includes(value)) throw new InvalidArgumentError(`${what} must be one of: ${allowed.join(', ')}`);
    return value as T;
  };
}

function parseDate(value: string): string {
  if (!isValidDay(value)) throw new InvalidArgumentError('must be a calendar date YYYY-MM-DD');
  return value;
}

function parsePartialDate(value: string): string {
  if (!isValidPartialDate(value)) throw new InvalidArgumentError('must be a date YYYY, YYYY-MM or YYYY-MM-DD');
  return value;
}

function parseLang(value: string): Lang {
  if (!isLang(value)) throw new InvalidArgumentError('must be one of ar en es fr ru zh');
  return value;
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InvalidArgumentError('must be a port number 0-65535 (0: any free port)');
  return port;
}

const program = new Command()
  .name('accord')
  .description('Accord: the registry of regional human-rights arrangements.\nDATABASE_URL chooses the database: unset = sqlite:var/accord.db, sqlite:<path>, or postgres://...')
  .showHelpAfterError();

program
  .command('serve')
  .description('migrate, load the reference data and serve the API (PORT or --port, default 3000)')
  .option('--port <port>', 'port to listen on', parsePort)
  .option('--no-seed', 'do not reload the reference data before serving')
  .option('--no-snapshot', 'do not load the shipped snapshot of treaty data and official names')
  .action(async (options: { port?: number; seed: boolean; snapshot: boolean }) => {
    const port = options.port ?? (process.env.PORT ? parsePort(process.env.PORT) : 3000);
    await startServer({ port, seed: options.seed, snapshot: options.snapshot });
  });

const dbCommand = program.command('db').description('database maintenance');
dbCommand
  .command('migrate')
  .description('apply the migrations not yet applied')
  .action(() => withDb(async (db) => {
    const applied = await migrateToLatest(db.db);
    console.log(applied.length ? `applied: ${applied.join(', ')}` : `${db.label} is up to date`);
  }));
dbCommand
  .command('seed')
  .description('migrate, load the reference data (data/reference) and the snapshot of treaty data (data/snapshot); each skipped when unchanged')
  .option('--force', 'reload the reference data even when unchanged')
  .option('--no-snapshot', 'do not load the shipped snapshot of treaty data and official names')
  .action((options: { force?: boolean; snapshot: boolean }) => withDb((db) => prepareDatabase(db, console.log, options)));

program
  .command('snapshot')
  .description('the snapshot of imported treaty data shipped in data/snapshot')
  .command('build')
  .description('import every dataset of a folder (as import all --skip-invalid) into a scratch database and write the snapshot')
  .argument('<folder>', 'e.g. ../shared/data')
  .option('--out <file>', 'where to write it', SNAPSHOT_FILE)
  .action(async (folder: string, options: { out: string }) => {
    const built = await buildSnapshot(folder);
    writeSnapshot(built.bytes, options.out);
    const manifest = built.records[0] as ManifestRecord;
    console.log(`wrote ${options.out} (${(built.bytes.length / 1024).toFixed(0)} KB): ${manifest.datasets} datasets, ${manifest.actions} treaty actions, ${manifest.snapshots} status rows, ${manifest.memberships} membership spans, ${manifest.names} official names`);
    const rejected = built.report.treaty.flatMap((t) => t.report.problems);
    if (rejected.length) console.log(`${rejected.length} row(s) left out, as import all --skip-invalid leaves them:\n${formatProblems(rejected)}`);
  });

program
  .command('import')
  .description(`import official names and treaty data; kinds: ${IMPORT_KINDS.join(', ')}`)
  .argument('<kind>', 'what the file holds', choice(IMPORT_KINDS, 'kind'))
  .argument('<path>', 'the file (unterm-names) or folder (m49-names, untc, untc-years)')
  .option('--skip-invalid', 'untc, untc-years: store the valid rows and report the rejected ones (default: any rejected row changes nothing)')
  .option('--report <file>', 'untc, untc-years, csv: write the rejected rows (file, row, column, reason) to this CSV file')
  .option('--mapping <file>', 'csv: the column mapping (JSON; see data/mappings/)')
  .option('--allow-fewer', 'store a file even when it holds less than half the rows of the dataset it replaces')
  .option('--as-of <date>', 'the date the data speak for, when data/mappings/<folder>/source.json does not say', parsePartialDate)
  .option('--retrieved <date>', 'the day the data were read from their origin, likewise', parsePartialDate)
  .addHelpText('after', [
    '',
    'unterm-names: a CSV with ISO3166-1-Alpha-3 and "UNTERM <Language> Short|Formal" columns,',
    'such as country-codes.csv of the datahub country-codes dataset.',
    'm49-names: a folder with the UNSD M49 tables UNSD-{ar,cn,en,es,fr,ru}.csv (region, sub-region',
    'and intermediate region names), such as unsd-m49-6lang of the same dataset.',
    'untc: UN Treaty Collection chapter IV status tables (4-N.csv) and declaration texts (4-N.txt),',
    'a folder such as ../shared/data/untc-chapter4-zmjones-2015, or one file.',
    'untc-html: the UN Treaty Collection\'s own status pages saved as HTML (a folder such as',
    '../shared/data/untc-chapter4-html-2026, its html/ folder, or one page): dated acts, denunciations',
    'from the end notes, and declarations with their dates; each page states the date it speaks for.',
    'cow-igo: the Correlates of War IGO memberships by year (a folder such as ../shared/data/cow-igo-v3),',
    'a cross-check of the registry\'s memberships: each disagreement is listed, nothing is merged.',
    'untc-years: year-level status tables hr_status_<treaty>.csv of the 18 core treaties,',
    'a folder such as ../shared/data/untc-core-ratification-wpdl, or one file.',
    'csv: any table of treaty facts through a column mapping, e.g.',
    '  accord import csv ../shared/data/regional-hr-transcribed/achr_ratifications_cidh_2003.csv \\',
    '    --mapping data/mappings/regional-hr-transcribed/achr_ratifications_cidh_2003.mapping.json',
    'all: every dataset recognised in a folder such as ../shared/data (treaty tables, official',
    'names); says what it skipped and why.',
  ].join('\n'))
  .addHelpText('after', [
    '',
    'A file that holds no rows, or far fewer than the dataset it would replace, is refused; the',
    'command exits with 1 whenever something it was asked to store was not stored.',
  ].join('\n'))
  .action((kind: (typeof IMPORT_KINDS)[number], path: string, options: ImportCommandOptions & { mapping?: string }) => withRegistry(async (db) => {
    if (kind === 'all') {
      await importAllCommand(db.db, path, options);
      return;
    }
    if (kind === 'csv') {
      if (!options.mapping) throw new ValidationError('import csv needs --mapping <file>: the column mapping of the table (see data/mappings/)');
      const mapping = options.mapping;
      await importDatasetCommand((o) => importCsvWithMapping(db.db, path, mapping, o), options);
      return;
    }
    if (kind === 'untc' || kind === 'untc-years' || kind === 'untc-html' || kind === 'cow-igo') {
      const importer = { untc: importUntc, 'untc-years': importUntcYears, 'untc-html': importUntcHtml, 'cow-igo': importCowIgo }[kind];
      await importDatasetCommand((o) => importer(db.db, path, o), options);
      return;
    }
    if (kind === 'm49-names') {
      const report = await importM49Names(db.db, path, options);
      const perLang = Object.entries(report.names).map(([lang, n]) => `${lang} ${n}`).join(', ');
      const skipped = report.skipped.map((s) => `${s.code} ${s.name}`).join(', ');
      console.log(`imported names of ${report.regions} regions (${perLang}); ${report.skipped.length} codes not in the registry skipped${skipped ? `: ${skipped}` : ''}`);
      return;
    }
    const report = await importUntermNames(db.db, path, options);
    console.log(`imported ${report.names} names for ${report.imported} States; ${report.skipped.length} rows without UNTERM names skipped`);
  }));

program
  .command('export')
  .description(`export what the API shows; entities: ${EXPORT_ENTITIES.join(', ')}`)
  .argument('<entity>', 'what to export', choice(EXPORT_ENTITIES, 'entity'))
  .option('--format <format>', 'csv or json', choice(['csv', 'json'] as const, 'format'), 'csv')
  .option('--lang <lang>', 'language of names', parseLang, 'en')
  .option('--as-of <date>', 'date for memberships and coverage (default today)', parseDate)
  .option('--organization <id>', 'the organization, for members')
  .option('--out <file>', 'write to a file instead of standard output')
  .action((entity: ExportEntity, options: { format: 'csv' | 'json'; lang: Lang; asOf?: string; organization?: string; out?: string }) =>
    withRegistry((db) => exportEntity(db.db, entity, options.format, { lang: options.lang, asOf: options.asOf ?? today(), organization: options.organization, out: options.out })));

// `accord export … | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof AppError) {
    console.error(`accord: ${error.message}`);
    if (error.details.length) console.error(formatProblems(error.details));
  } else {
    console.error(`accord: ${(error as Error).message ?? error}`);
  }
  process.exitCode = 1;
}
