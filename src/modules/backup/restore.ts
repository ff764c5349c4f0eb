// Restoring a backup (docs/BACKUP.md) into an empty database of either kind. The file's header
// is checked before the target is touched; the target is then migrated (as `accord db migrate`
// would) and must hold no data. The restore is one use case, backup.restore, so one transaction:
// every row of the file is inserted as it is read, checked against the target's own columns, and
// any refusal (a damaged line, a wrong value, a checksum that does not match at the end) rolls it
// all back. Its audit record follows the restored ones, and every topic gets a new version.
import { basename, resolve } from 'node:path';
import type { Kysely } from 'kysely';
import type { Db, Dialect } from '../../db/connection.ts';
import { migrateToLatest, MIGRATION_NAMES } from '../../db/migrate.ts';
import { TABLES, type Database } from '../../db/schema.ts';
import { ValidationError } from '../../shared/errors.ts';
import { TOPICS } from '../../shared/topics.ts';
import type { WriteContext } from '../audit/context.ts';
import { runUseCase, summaryList, type UseCase } from '../audit/pipeline.ts';
import { tableCounts, type Progress } from './backup.ts';
import { backupFileError, openBackup, type BackupFile, type BackupItem } from './reader.ts';
import { appliedMigrations, continueSequences, insertRows, tableShape, tablesHoldingRows } from './repository.ts';
import { BACKUP_TABLES, isBackupTable, OWN_ROWS } from './tables.ts';
import { sameList, shown, valueProblem, type Column, type TableShape } from './values.ts';

export interface RestoreOptions {
  context: WriteContext;
  onProgress?: (progress: Progress) => void;
  /** For tests of the limit; MAX_LINE_BYTES otherwise. */
  maxLineBytes?: number;
}

export interface RestoreSummary {
  /** Absolute. */
  path: string;
  createdAt: string;
  sourceDialect: Dialect;
  tables: { name: string; rows: number }[];
  rows: number;
  sha256: string;
}

/** Parameters per INSERT, well under both databases' limits (SQLite 32766, PostgreSQL 65535). */
const PARAMETERS_PER_INSERT = 8000;
/** Bytes of rows held before they are inserted: long texts make fewer rows per INSERT. */
const BYTES_PER_INSERT = 4 * 1024 * 1024;

/** Where two migration lists part, in words. */
function migrationMismatch(file: readonly string[], here: readonly string[]): string | null {
  if (sameList(file, here)) return null;
  const i = file.findIndex((name, j) => name !== here[j]);
  if (i < 0) return `this Accord has migrations the backup does not (from ${here[file.length]})`;
  return `the backup's migration ${shown(file[i])} is not this Accord's ${here[i] ? `(which has ${here[i]} there)` : '(it has none there)'}`;
}

/** Checks of the header alone, before the target is touched. */
function checkHeader(file: BackupFile): void {
  const { header, path } = file;
  const mismatch = migrationMismatch(header.migrations, MIGRATION_NAMES);
  if (mismatch) {
    throw backupFileError(
      path,
      1,
      `the backup was made under migrations up to ${shown(header.migrations.at(-1))}, this Accord is at ${MIGRATION_NAMES.at(-1)}: ${mismatch}. Restore it with the Accord that made it, then upgrade`,
    );
  }
  const names = header.tables.map((t) => t.name);
  if (!sameList(names, BACKUP_TABLES))
    throw backupFileError(path, 1, `the header lists the tables ${summaryList(names.map((n) => shown(n, 40)))}; a backup of this version holds ${BACKUP_TABLES.join(', ')}`);
}

/** Migrates the target, then reads the shape of each of its tables. */
async function prepareTarget(db: Db): Promise<Map<string, TableShape>> {
  await migrateToLatest(db.db);
  const applied = await appliedMigrations(db.db);
  const mismatch = migrationMismatch(applied, MIGRATION_NAMES);
  if (mismatch) throw new ValidationError(`${db.label} is not at this Accord's migrations: ${mismatch}`);
  const shapes = new Map<string, TableShape>();
  for (const table of BACKUP_TABLES) {
    const shape = await tableShape(db.db, db.dialect, table);
    if (!shape) throw new ValidationError(`${db.label} has no table ${table}, though its migrations are current`);
    shapes.set(table, shape);
  }
  return shapes;
}

async function refuseUnlessEmpty(trx: Kysely<Database>, label: string): Promise<void> {
  const held = await tablesHoldingRows(trx, TABLES, OWN_ROWS);
  if (held.length === 0) return;
  throw new ValidationError(
    `${label} is not empty: a backup is restored only into an empty database (a new DATABASE_URL). Tables holding rows: ${summaryList(held.map((h) => `${h.table} (${h.rows})`))}`,
  );
}

/** The columns of a table line, checked against the target's: each once, none missing, none unknown. */
function tableColumns(path: string, item: Extract<BackupItem, { kind: 'table' }>, shape: TableShape): Column[] {
  const fail = (reason: string) => backupFileError(path, item.line, `table ${shape.name}: ${reason}`);
  const known = new Map(shape.columns.map((c) => [c.name, c]));
  const seen = new Set<string>();
  const columns = item.columns.map((name) => {
    const column = known.get(name);
    if (!column) throw fail(`${shown(name, 40)} is not one of its columns`);
    if (seen.has(name)) throw fail(`the column ${name} is named twice`);
    seen.add(name);
    return column;
  });
  const missing = shape.columns.filter((c) => !seen.has(c.name)).map((c) => c.name);
  if (missing.length) throw fail(`the columns ${missing.join(', ')} are missing`);
  return columns;
}

/** One table's rows: checked, gathered and inserted a batch at a time. */
class TableLoad {
  rows = 0;
  private batch: unknown[][] = [];
  private bytes = 0;
  private firstLine = 0;
  private lastLine = 0;
  private readonly batchRows: number;

  constructor(
    private readonly trx: Kysely<Database>,
    private readonly path: string,
    private readonly shape: TableShape,
    private readonly columns: Column[],
    private readonly expected: number,
  ) {
    this.batchRows = Math.max(1, Math.floor(PARAMETERS_PER_INSERT / columns.length));
  }

  async add(item: Extract<BackupItem, { kind: 'row' }>): Promise<void> {
    const fail = (reason: string) => backupFileError(this.path, item.line, `table ${this.shape.name}: ${reason}`);
    if (this.rows === this.expected) throw fail(`more rows than the ${this.expected} the header counts`);
    if (item.values.length !== this.columns.length) throw fail(`a row of ${item.values.length} values, for ${this.columns.length} columns`);
    this.columns.forEach((column, i) => {
      const problem = valueProblem(column, item.values[i]);
      if (problem) throw backupFileError(this.path, item.line, `table ${this.shape.name}, column ${column.name}: ${problem}`);
    });
    this.rows++;
    if (this.batch.length === 0) this.firstLine = item.line;
    this.lastLine = item.line;
    this.batch.push(item.values);
    this.bytes += item.bytes;
    if (this.batch.length >= this.batchRows || this.bytes >= BYTES_PER_INSERT) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.batch.length === 0) return;
    try {
      await insertRows(
        this.trx,
        this.shape.name,
        this.columns.map((c) => c.name),
        this.batch,
      );
    } catch (error) {
      throw backupFileError(this.path, null, `lines ${this.firstLine}-${this.lastLine}, table ${this.shape.name}: the database refused the rows (${(error as Error).message})`);
    }
    this.batch = [];
    this.bytes = 0;
  }

  async finish(line: number): Promise<void> {
    await this.flush();
    if (this.rows !== this.expected) throw backupFileError(this.path, line, `table ${this.shape.name} ends after ${this.rows} rows, but the header counts ${this.expected}: the file is damaged`);
  }
}

interface RestoreInput {
  file: BackupFile;
  shapes: Map<string, TableShape>;
  dialect: Dialect;
  label: string;
  onProgress?: (progress: Progress) => void;
}

/** Reads every item of the file into the target, in the header's order; returns the end line. */
async function loadTables(trx: Kysely<Database>, input: RestoreInput): Promise<Extract<BackupItem, { kind: 'end' }>> {
  const { file, shapes } = input;
  const expected = file.header.tables;
  const total = expected.reduce((sum, t) => sum + t.rows, 0);
  let index = -1;
  let load: TableLoad | undefined;
  let done = 0;
  for await (const item of file.items) {
    if (item.kind === 'row') {
      if (!load) throw backupFileError(file.path, item.line, 'a row before any table line');
      await load.add(item);
      done++;
      if (done % 1000 === 0) input.onProgress?.({ table: expected[index]!.name, tables: expected.length, tablesDone: index, rows: total, rowsDone: done });
      continue;
    }
    await load?.finish(item.line);
    if (item.kind === 'end') {
      if (index + 1 < expected.length) throw backupFileError(file.path, item.line, `the file ends before the table ${expected[index + 1]!.name}: it is damaged`);
      if (item.tables !== expected.length || item.rows !== total)
        throw backupFileError(file.path, item.line, `the end line counts ${item.tables} tables and ${item.rows} rows, the header ${expected.length} and ${total}`);
      return item;
    }
    index++;
    const want = expected[index];
    if (!isBackupTable(item.table)) throw backupFileError(file.path, item.line, `${shown(item.table, 40)} is not a table of an Accord backup`);
    if (!want) throw backupFileError(file.path, item.line, `table ${item.table} follows the last table the header lists`);
    if (item.table !== want.name) throw backupFileError(file.path, item.line, `table ${item.table} where the header's order has ${want.name}`);
    const shape = shapes.get(item.table)!;
    load = new TableLoad(trx, file.path, shape, tableColumns(file.path, item, shape), want.rows);
  }
  throw backupFileError(file.path, null, 'ends without its end line'); // the reader refuses this first
}

const restore: UseCase<RestoreInput, RestoreSummary> = {
  name: 'backup.restore',
  topics: TOPICS,
  async run(trx, input) {
    await refuseUnlessEmpty(trx, input.label);
    const end = await loadTables(trx, input);
    await continueSequences(trx, input.dialect, [...input.shapes.values()]);
    const { header, path } = input.file;
    const summary: RestoreSummary = { path: resolve(path), createdAt: header.createdAt, sourceDialect: header.source.dialect, tables: header.tables, rows: end.rows, sha256: end.sha256 };
    const counts = tableCounts(summary.tables);
    return {
      result: summary,
      audit: [
        {
          action: 'restore',
          entityKind: 'backup',
          entityId: end.sha256,
          summary: `restored ${basename(path)}, a ${header.source.dialect} backup made ${header.createdAt}: ${end.rows} rows in ${header.tables.length} tables: ${counts}`,
          after: {
            file: summary.path,
            createdAt: header.createdAt,
            sourceDialect: header.source.dialect,
            migration: header.migrations.at(-1),
            sha256: end.sha256,
            rows: Object.fromEntries(header.tables.map((t) => [t.name, t.rows])),
          },
        },
      ],
    };
  },
};

/** Restores the backup at `path` into `db`; see the head of this file. */
export async function restoreBackup(db: Db, path: string, options: RestoreOptions): Promise<RestoreSummary> {
  let file: BackupFile | undefined;
  try {
    file = await openBackup(path, { maxLineBytes: options.maxLineBytes });
    checkHeader(file);
    const shapes = await prepareTarget(db);
    return await runUseCase(db.db, restore, { file, shapes, dialect: db.dialect, label: db.label, onProgress: options.onProgress }, options.context);
  } catch (error) {
    // One transaction: whatever failed, no row of the file stayed (the target may have been migrated).
    throw new Error(`nothing was restored: ${(error as Error).message}`, { cause: error });
  } finally {
    file?.close();
  }
}
