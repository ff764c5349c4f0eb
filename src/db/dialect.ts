// Which database a Kysely instance speaks to, for the few queries that must differ (full-text search).
import { type Kysely, SqliteAdapter } from 'kysely';
import type { Dialect } from './connection.ts';

// biome-ignore lint/suspicious/noExplicitAny: any database schema
export function dialectOf(db: Kysely<any>): Dialect {
  return db.getExecutor().adapter instanceof SqliteAdapter ? 'sqlite' : 'postgres';
}
