import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
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
  const database = new SQLite(target);
  database.pragma('journal_mode = WAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
  return { db, dialect, label: `sqlite:${target}`, destroy: () => db.destroy() };
}
