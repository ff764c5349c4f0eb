// Writing a backup (docs/BACKUP.md): every table of BACKUP_TABLES from one consistent read of
// the database, a page at a time, gzip-compressed into a file beside the target that is renamed
// into place only once it is whole, synced and recorded, so that a failed or interrupted backup
// never leaves a file that looks complete. Taking a copy of every account and the audit trail is
// itself recorded in the audit trail (use case backup.create), after the dump and before the file
// appears: a copy that could not be recorded is not kept.
import { existsSync, fsyncSync, closeSync, openSync, renameSync, rmSync, statSync } from 'node:fs';
import { createWriteStream } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import type { Kysely } from 'kysely';
import type { Db, Dialect } from '../../db/connection.ts';
import { MIGRATION_NAMES } from '../../db/migrate.ts';
import type { Database } from '../../db/schema.ts';
import { ValidationError } from '../../shared/errors.ts';
import type { WriteContext } from '../audit/context.ts';
import { runUseCase, summaryList, type UseCase } from '../audit/pipeline.ts';
import { FORMAT, FORMAT_VERSION, LineEncoder, type Header } from './format.ts';
import { appliedMigrations, countRows, readConsistently, readPages, tableShape } from './repository.ts';
import { BACKUP_TABLES, OWN_ROWS } from './tables.ts';
import { sameList, shown, valueProblem, type TableShape } from './values.ts';

/** How far a backup or restore is: the table at work and the rows done, of all. */
export interface Progress {
  table: string;
  tables: number;
  tablesDone: number;
  rows: number;
  rowsDone: number;
}

export interface BackupOptions {
  /** Replace `path` when it exists. */
  force?: boolean;
  context: WriteContext;
  onProgress?: (progress: Progress) => void;
  /** Rows read per query (tests use small pages to cross page boundaries). */
  pageRows?: number;
}

export interface BackupSummary {
  /** Absolute. */
  path: string;
  createdAt: string;
  dialect: Dialect;
  migrations: readonly string[];
  tables: { name: string; rows: number }[];
  rows: number;
  /** The checksum in the end line: names this backup in the audit trail. */
  sha256: string;
  /** Compressed size on disk. */
  bytes: number;
}

const PAGE_ROWS = 1000;

function checkDestination(path: string, force: boolean): void {
  const folder = dirname(path);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new ValidationError(`The folder ${folder} does not exist: create it first`);
  if (!existsSync(path)) return;
  if (statSync(path).isDirectory()) throw new ValidationError(`${path} is a folder: name a file to write`);
  if (!force) throw new ValidationError(`${path} exists: name another file, or add --force to replace it`);
}

/** The shapes of the tables to back up; refuses a database this Accord did not migrate to its own list. */
async function sourceShapes(db: Db): Promise<TableShape[]> {
  const applied = await appliedMigrations(db.db);
  if (applied.length === 0) throw new ValidationError(`${db.label} holds no Accord tables: nothing to back up`);
  if (!sameList(applied, MIGRATION_NAMES)) {
    throw new ValidationError(`${db.label} is at migration ${applied.at(-1)}, this Accord at ${MIGRATION_NAMES.at(-1)}: run \`accord db migrate\`, or back up with the Accord that runs this database`);
  }
  const shapes: TableShape[] = [];
  for (const table of BACKUP_TABLES) {
    const shape = await tableShape(db.db, db.dialect, table);
    if (!shape) throw new ValidationError(`${db.label} has no table ${table}, though its migrations are current`);
    shapes.push(shape);
  }
  return shapes;
}

/** Refuses a value `accord restore` would refuse, so that no backup is written that cannot be restored. */
function checkRow(shape: TableShape, values: unknown[], index: number): void {
  shape.columns.forEach((column, i) => {
    const problem = valueProblem(column, values[i]);
    if (problem === null) return;
    const key = shape.key.map((k) => `${k}=${shown(values[shape.columns.findIndex((c) => c.name === k)])}`).join(', ');
    throw new Error(`${shape.name} row ${index}${key ? ` (${key})` : ''}, column ${column.name}: ${problem}; it cannot be backed up`);
  });
}

interface Dump {
  header: Header;
  shapes: TableShape[];
  pageRows: number;
  onProgress?: (progress: Progress) => void;
}

/** The file's lines as bytes, a page of rows per chunk; `end` receives the checksum. */
async function* backupBytes(trx: Kysely<Database>, dump: Dump, encoder: LineEncoder, end: (sha256: string) => void): AsyncGenerator<Buffer> {
  const { header, shapes } = dump;
  const total = header.tables.reduce((sum, t) => sum + t.rows, 0);
  let done = 0;
  yield encoder.line(header, () => 'the header');
  for (const [index, shape] of shapes.entries()) {
    const expected = header.tables[index]!.rows;
    yield encoder.line({ table: shape.name, columns: shape.columns.map((c) => c.name) }, () => `the columns of ${shape.name}`);
    let rows = 0;
    for await (const page of readPages(trx, shape, OWN_ROWS[shape.name], dump.pageRows)) {
      const lines = page.map((values) => {
        rows++;
        checkRow(shape, values, rows);
        return encoder.line(values, () => `${shape.name} row ${rows}`);
      });
      done += page.length;
      dump.onProgress?.({ table: shape.name, tables: shapes.length, tablesDone: index, rows: total, rowsDone: done });
      yield Buffer.concat(lines);
    }
    // The read is consistent, so this can only fail if the database breaks its promise.
    if (rows !== expected) throw new Error(`${shape.name} gave ${rows} rows, but ${expected} were counted in the same read`);
  }
  const last = encoder.end(shapes.length, total);
  end(last.sha256);
  yield last.bytes;
}

/** Counts every table, then writes the header and the rows, all in one consistent read. */
async function writeFile(db: Db, shapes: TableShape[], partial: string, options: BackupOptions): Promise<Omit<BackupSummary, 'path' | 'bytes'>> {
  return readConsistently(db.db, async (trx) => {
    const tables: { name: string; rows: number }[] = [];
    for (const shape of shapes) tables.push({ name: shape.name, rows: await countRows(trx, shape.name, OWN_ROWS[shape.name]) });
    const header: Header = { format: FORMAT, version: FORMAT_VERSION, createdAt: new Date().toISOString(), source: { dialect: db.dialect }, migrations: [...MIGRATION_NAMES], tables };
    let sha256 = '';
    const bytes = backupBytes(trx, { header, shapes, pageRows: options.pageRows ?? PAGE_ROWS, onProgress: options.onProgress }, new LineEncoder(), (digest) => {
      sha256 = digest;
    });
    await pipeline(Readable.from(bytes), createGzip(), createWriteStream(partial, { flags: 'wx' }));
    return { createdAt: header.createdAt, dialect: db.dialect, migrations: header.migrations, tables, rows: tables.reduce((sum, t) => sum + t.rows, 0), sha256 };
  });
}

/** Makes sure the file's bytes are on disk before the rename makes it look whole. */
function syncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** For a summary line: the tables holding rows, largest first (the record's `after` has them all). */
export function tableCounts(tables: { name: string; rows: number }[]): string {
  const held = tables.filter((t) => t.rows > 0).sort((a, b) => b.rows - a.rows);
  return summaryList(held.map((t) => `${t.name} (${t.rows})`));
}

/** Records that a copy of the data was taken: who, why, where, and the checksum that names it. Changes no data. */
const recordBackup: UseCase<BackupSummary, void> = {
  name: 'backup.create',
  topics: [],
  run: async (_trx, summary) => ({
    result: undefined,
    audit: [
      {
        action: 'backup',
        entityKind: 'backup',
        entityId: summary.sha256,
        summary: `backup of ${summary.rows} rows in ${summary.tables.length} tables written to ${summary.path}: ${tableCounts(summary.tables)}`,
        after: {
          file: summary.path,
          createdAt: summary.createdAt,
          dialect: summary.dialect,
          migration: summary.migrations.at(-1),
          sha256: summary.sha256,
          rows: Object.fromEntries(summary.tables.map((t) => [t.name, t.rows])),
        },
      },
    ],
  }),
};

/** Writes a backup of `db` to `path`; see the head of this file. */
export async function writeBackup(db: Db, path: string, options: BackupOptions): Promise<BackupSummary> {
  const target = resolve(path);
  checkDestination(target, options.force ?? false);
  const shapes = await sourceShapes(db);
  const partial = join(dirname(target), `.${basename(target)}.${process.pid}.partial`);
  try {
    const written = await writeFile(db, shapes, partial, options);
    syncFile(partial);
    const summary: BackupSummary = { ...written, path: target, bytes: statSync(partial).size };
    await runUseCase(db.db, recordBackup, summary, options.context);
    renameSync(partial, target);
    return summary;
  } catch (error) {
    rmSync(partial, { force: true });
    throw new Error(`the backup to ${target} stopped, nothing was written there: ${(error as Error).message}`, { cause: error });
  }
}
