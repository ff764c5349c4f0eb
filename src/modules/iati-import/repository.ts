// What an IATI import reads besides the file: the States by their ISO alpha-2 code (IATI's
// recipient-country), and the source an earlier write of the same import stored.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { USER_SOURCE_PREFIX } from '../edits/source.ts';

export async function stateCodes(db: Kysely<Database>): Promise<Map<string, string>> {
  const rows = await db.selectFrom('state').select(['iso2', 'iso3']).execute();
  return new Map(rows.map((r) => [r.iso2.toUpperCase(), r.iso3]));
}

/** The id of a source entered through the write path with exactly these fields, if one is stored. */
export async function findSameSource(db: Kysely<Database>, s: { title: string; url: string; kind: string; retrieved: string }): Promise<string | undefined> {
  const row = await db
    .selectFrom('source')
    .select('id')
    .where('id', 'like', `${USER_SOURCE_PREFIX}%`)
    .where('title', '=', s.title)
    .where('url', '=', s.url)
    .where('kind', '=', s.kind)
    .where('retrieved', '=', s.retrieved)
    .where('as_of', 'is', null)
    .orderBy('id')
    .executeTakeFirst();
  return row?.id;
}

/** Runs `work` in one transaction: every activity of a file is written, or none is. The use cases
 *  run inside it (runUseCase joins a transaction it is given). */
export function inOneTransaction<T>(db: Kysely<Database>, work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  return db.transaction().execute(work);
}
