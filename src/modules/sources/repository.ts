import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { SourceKind } from '../../shared/source-kinds.ts';

export interface SourceView {
  title: string;
  url: string;
  retrieved: string;
  kind: SourceKind | null;
  /** The date its information is current to, when it states one. */
  asOf: string | null;
  /** For a faithful copy of an official document: what it copies. */
  copyOf: string | null;
}

const COLUMNS = ['id', 'title', 'url', 'retrieved', 'kind', 'as_of', 'copy_of'] as const;

function view(r: { title: string; url: string; retrieved: string; kind: string | null; as_of: string | null; copy_of: string | null }): SourceView {
  return { title: r.title, url: r.url, retrieved: r.retrieved, kind: r.kind as SourceKind | null, asOf: r.as_of, copyOf: r.copy_of };
}

export async function loadSources(db: Kysely<Database>): Promise<Map<string, SourceView>> {
  const rows = await db.selectFrom('source').select(COLUMNS).execute();
  return new Map(rows.map((r) => [r.id, view(r)]));
}

/** The sources of these ids the reader may see: for a page of records, cheaper than all of them. */
export async function loadSourcesOf(db: Kysely<Database>, ids: readonly string[]): Promise<Map<string, SourceView>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('source')
    .select(COLUMNS)
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, view(r)]));
}

/** Every source the reader may see, with its id; only those of `kind` when given. */
export async function listSourceEntries(db: Kysely<Database>, kind?: SourceKind) {
  let query = db.selectFrom('source').select(COLUMNS).orderBy('id');
  if (kind) query = query.where('kind', '=', kind);
  const rows = await query.execute();
  return rows.map((r) => ({ id: r.id, ...view(r) }));
}

/** A source as importers record it: every field, the dates it speaks for and was read. */
export interface SourceRecord {
  id: string;
  title: string;
  url: string;
  /** The day it was read; empty when nobody stated it. */
  retrieved: string;
  kind: SourceKind;
  asOf: string | null;
  copyOf: string | null;
}

/** Inserts the source, or brings the stored one up to date. */
/** `access`: who may see it (a source entered with a restricted record is restricted); public when not given. */
export async function saveSource(db: Kysely<Database>, source: SourceRecord, access: { confidentiality: string; audience: string } = { confidentiality: 'public', audience: '[]' }): Promise<void> {
  const row = { title: source.title, url: source.url, retrieved: source.retrieved, kind: source.kind, as_of: source.asOf, copy_of: source.copyOf, ...access };
  await db
    .insertInto('source')
    .values({ id: source.id, ...row })
    .onConflict((oc) => oc.column('id').doUpdateSet(row))
    .execute();
}

/** Whether the registry holds this source exactly as given (every field). */
export async function sourceStoredAsIs(db: Kysely<Database>, source: SourceRecord): Promise<boolean> {
  const row = await db.selectFrom('source').selectAll().where('id', '=', source.id).executeTakeFirst();
  return (
    row !== undefined &&
    row.title === source.title &&
    row.url === source.url &&
    row.retrieved === source.retrieved &&
    row.kind === source.kind &&
    row.as_of === source.asOf &&
    row.copy_of === source.copyOf
  );
}

export async function sourceExists(db: Kysely<Database>, id: string): Promise<boolean> {
  return (await db.selectFrom('source').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}
