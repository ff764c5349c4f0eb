import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { ResponseCache } from './http/cache.ts';

/** What every route needs: the database and the response cache. */
export interface Deps {
  db: Kysely<Database>;
  cache: ResponseCache;
}
