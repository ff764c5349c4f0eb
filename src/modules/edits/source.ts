// The source a change rests on: one the registry holds, named by its id, or a new one stored
// in the change's own transaction (only when something changes: a refused or empty change
// leaves no orphan source). New sources get ids `user:<random>`, which the seed keeps: it
// deletes only the sources of data/reference that are gone.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Problem } from '../../shared/errors.ts';
import { saveSource, sourceExists, type SourceRecord } from '../sources/repository.ts';
import type { StoredAccess } from './access.ts';
import type { SourceInput } from './schema.ts';

/** The prefix of the ids of sources entered through the write path. */
export const USER_SOURCE_PREFIX = 'user:';

export interface PreparedSource {
  id: string;
  /** A source to store with the change; null when it is one the registry holds. */
  create: SourceRecord | null;
  /** What is wrong with it (an id the registry does not hold): the change must not be stored. */
  problems: Problem[];
}

/** The source's id, and the record to store when it is new. */
export async function prepareSource(db: Kysely<Database>, input: SourceInput): Promise<PreparedSource> {
  if (typeof input === 'string') {
    const known = await sourceExists(db, input);
    return { id: input, create: null, problems: known ? [] : [{ field: 'source', reason: `no source with id "${input}" (see /api/v1/sources)` }] };
  }
  const id = `${USER_SOURCE_PREFIX}${randomUUID()}`;
  return { id, create: { id, title: input.title, url: input.url, kind: input.kind, retrieved: input.retrieved, asOf: input.asOf ?? null, copyOf: null }, problems: [] };
}

/** Stores the new source, if there is one; says whether it did (the topic `sources` then changed).
 *  A new source is seen by those who may see the record it was entered with: its title and
 *  address often name the record, so a restricted record's source is as restricted. */
export async function storeSource(db: Kysely<Database>, source: PreparedSource, access: StoredAccess): Promise<boolean> {
  if (!source.create) return false;
  await saveSource(db, source.create, access);
  return true;
}
