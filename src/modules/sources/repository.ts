import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

export interface SourceView {
  title: string;
  url: string;
  retrieved: string;
}

export async function loadSources(db: Kysely<Database>): Promise<Map<string, SourceView>> {
  const rows = await db.selectFrom('source').select(['id', 'title', 'url', 'retrieved']).execute();
  return new Map(rows.map((r) => [r.id, { title: r.title, url: r.url, retrieved: r.retrieved }]));
}

export async function listSourceEntries(db: Kysely<Database>) {
  return db.selectFrom('source').select(['id', 'title', 'url', 'retrieved']).orderBy('id').execute();
}
