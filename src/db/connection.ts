import { mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { DatabaseUnavailableError } from '../shared/errors.ts';
import type { Database } from './schema.ts';

export type Dialect = 'sqlite' | 'postgres';

export interface Db {
  db: Kysely<Database>;
  dialect: Dialect;
  /** A description safe to print: never contains a password. */
  label: string;
  destroy(): Promise<void>;
}

export const DEFAULT_DATABASE_URL = 'sqlite:var/accord.db';

/** Parses DATABASE_URL: unset → var/accord.db; `sqlite:<path>`; `postgres://…`. */
export function parseDatabaseUrl(url: string | undefined): { dialect: Dialect; target: string } {
  const value = url && url.trim() !== '' ? url.trim() : DEFAULT_DATABASE_URL;
  if (value.startsWith('postgres://') || value.startsWith('postgresql://')) {
    return { dialect: 'postgres', target: value };
  }
  if (value.startsWith('sqlite:')) {
    const path = value.slice('sqlite:'.length);
    if (path === '') throw new Error('DATABASE_URL "sqlite:" needs a file path, e.g. sqlite:var/accord.db');
    return { dialect: 'sqlite', target: path };
  }
  throw new Error('DATABASE_URL must start with sqlite: or postgres:// (got something else)');
}

function label(error: Error & { code?: string }): string {
  return error.code ? `${error.code}: ${error.message}` : error.message;
}

/** Hides the password of a postgres URL, for logs and messages. */
export function redactUrl(url: string): string {
  return url.replace(/(\/\/[^:/@]+):[^@]*@/, '$1:***@');
}

export function openDb(url: string | undefined): Db {
  const { dialect, target } = parseDatabaseUrl(url);
  if (dialect === 'postgres') {
    // count(*) and bigint come back as strings from pg: read int8 as a JS number in one place.
    pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));
    const pool = new pg.Pool({ connectionString: target, max: 10 });
    // An idle connection that the server closes (a restart, an administrator, a dropped test
    // database) is reported here; without a listener pg would crash the process. The pool
    // opens a new connection for the next query, and a failing query still fails its request.
    pool.on('error', (error) => console.error(`PostgreSQL closed an idle connection (${label(error)}); a new one will be opened when needed`));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect, label: redactUrl(target), destroy: () => db.destroy() };
  }
  if (target !== ':memory:') mkdirSync(dirname(resolve(target)), { recursive: true });
  const database = target === ':memory:' ? openSqlite(target) : new WatchedSqliteFile(target);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
  return { db, dialect, label: `sqlite:${target}`, destroy: () => db.destroy() };
}

function openSqlite(path: string, options: SQLite.Options = {}): SQLite.Database {
  const database = new SQLite(path, options);
  database.pragma('journal_mode = WAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  return database;
}

/**
 * A SQLite file watched by its path. A running server keeps its file open: when the file is
 * deleted, or replaced by a database built again (`rm var/accord.db && accord db seed`), the
 * open handle would go on answering from the deleted one. Before each statement outside a
 * transaction the path is checked; once the file is gone or another, every query fails with
 * 503 until the server is restarted. The handle is neither switched nor closed then: SQLite,
 * closing it, would checkpoint and delete `<path>-wal`, which now belongs to the new database.
 */
class WatchedSqliteFile {
  private readonly database: SQLite.Database;
  private readonly inode: number;
  private replaced = false;

  constructor(private readonly path: string) {
    this.database = openSqlite(path);
    this.inode = statSync(path).ino;
  }

  prepare(sql: string): SQLite.Statement {
    if (!this.database.inTransaction) this.check();
    return this.database.prepare(sql);
  }

  close(): void {
    if (!this.replaced && this.isTheSameFile()) this.database.close();
  }

  private isTheSameFile(): boolean {
    try {
      return statSync(this.path).ino === this.inode;
    } catch {
      return false;
    }
  }

  private check(): void {
    if (!this.replaced && this.isTheSameFile()) return;
    this.replaced = true;
    throw new DatabaseUnavailableError(`The database file ${this.path} was removed or replaced while Accord was running: restart it`);
  }
}

// PostgreSQL's codes for a database that cannot be used at all: it does not exist (dropped),
// its tables are gone (42P01), it is shutting down or not accepting connections; and the
// socket errors of a stopped server.
const UNAVAILABLE_CODES = new Set(['3D000', '42P01', '57P01', '57P02', '57P03', '08000', '08001', '08003', '08006', 'ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EHOSTUNREACH']);

/** Whether an error is a unique or primary key violation: a row another writer inserted first. */
export function isUniqueViolation(error: unknown): boolean {
  const { code } = (error ?? {}) as { code?: unknown };
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** Whether an error says the database cannot be reached, rather than that a query was wrong. */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (error instanceof DatabaseUnavailableError) return true;
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (code === 'SQLITE_ERROR' && typeof message === 'string' && message.startsWith('no such table')) return true;
  return typeof code === 'string' && UNAVAILABLE_CODES.has(code);
}
