// `accord backup <file>` and `accord restore <file>`, as the system actor cli: progress on
// standard error for runs longer than a moment, one summary line on standard output.
import { resolve } from 'node:path';
import { parseDatabaseUrl } from '../../db/connection.ts';
import { systemContext } from '../../modules/audit/context.ts';
import { writeBackup, type Progress } from '../../modules/backup/backup.ts';
import { restoreBackup } from '../../modules/backup/restore.ts';
import { ValidationError } from '../../shared/errors.ts';
import type { BackupCommandOptions, RestoreCommandOptions } from '../usage/backup.ts';
import { withDb } from '../with-db.ts';

/** At most one progress line a second, and none for a run shorter than that. */
function progressLines(verb: string): (progress: Progress) => void {
  let next = Date.now() + 1000;
  return (p) => {
    if (Date.now() < next) return;
    next = Date.now() + 1000;
    process.stderr.write(`${verb}: ${p.rowsDone}/${p.rows} rows, table ${p.tablesDone + 1}/${p.tables} (${p.table})\n`);
  };
}

const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;
const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** A backup written over the SQLite file it reads (or its journal) would destroy the database. */
function refuseDatabaseFile(file: string): void {
  const { dialect, target } = parseDatabaseUrl(process.env.DATABASE_URL);
  if (dialect !== 'sqlite' || target === ':memory:') return;
  const database = resolve(target);
  if ([database, `${database}-wal`, `${database}-shm`, `${database}-journal`].includes(resolve(file))) throw new ValidationError(`${file} is the database itself: name another file`);
}

export function runBackup(file: string, options: BackupCommandOptions): Promise<void> {
  refuseDatabaseFile(file);
  const started = Date.now();
  return withDb(async (db) => {
    const s = await writeBackup(db, file, { force: options.force, context: systemContext('cli', options.reason ?? null), onProgress: progressLines('backup') });
    console.log(`backup of ${db.label} written to ${s.path}: ${s.tables.length} tables, ${s.rows} rows, ${megabytes(s.bytes)}, in ${seconds(started)} (sha256 ${s.sha256.slice(0, 12)}…)`);
  });
}

export function runRestore(file: string, options: RestoreCommandOptions): Promise<void> {
  const started = Date.now();
  return withDb(async (db) => {
    const s = await restoreBackup(db, file, { context: systemContext('cli', options.reason ?? null), onProgress: progressLines('restore') });
    console.log(
      `restored ${s.path} into ${db.label}: ${s.tables.length} tables, ${s.rows} rows from a ${s.sourceDialect} backup made ${s.createdAt}, in ${seconds(started)} (see accord audit --use-case backup.restore)`,
    );
  });
}
