// The feed's one query: entries after a cursor, oldest first, through the reader's view (which
// adds the confidentiality conditions on the entry, as it was, and on its record, as it is).
// With a facet filter the walk starts from that facet's index (facet, value, audit_id), so a
// page costs the same at any cursor; without one it walks the entries' primary key.
import type { ExpressionBuilder, Insertable, Kysely, Transaction } from 'kysely';
import type { ChangeEntryTable, ChangeFacetTable, ChangeSubjectTable, Database } from '../../db/schema.ts';
import type { ChangeFacet } from './subjects/repository.ts';

export interface ChangeQuery {
  /** oldest: entries with a greater id than `cursor` (0: from the start), oldest first;
   *  newest: entries with a smaller id (none: from the end), newest first. */
  order: 'oldest' | 'newest';
  cursor: number | null;
  limit: number;
  kinds?: readonly string[];
  facets?: Partial<Record<ChangeFacet, string>>;
}

export interface ChangeRow {
  audit_id: number;
  at: string;
  record_kind: string;
  record_id: string | null;
  action: string;
  summary: string;
  facets: string;
  payload: string | null;
  confidentiality: string;
}

/**
 * The record is visible now: its change_subject row passes the reader's view (the plugin adds the
 * condition inside the subquery). A correlated EXISTS with LIMIT 1, not a join: one primary-key
 * probe per entry. As a join (or an EXISTS without LIMIT, which SQLite turns into one) SQLite
 * built a Bloom filter over every record for each page, whatever the LIMIT: a p95 of 68 ms at
 * 50,000 changes (bench/changes-feed.ts).
 */
const nowVisible = (eb: ExpressionBuilder<Database & { e: ChangeEntryTable }, 'e'>) =>
  eb.exists(eb.selectFrom('change_subject as s').select('s.subject').whereRef('s.subject', '=', 'e.subject').limit(1));

const COLUMNS = ['e.audit_id', 'e.at', 'e.record_kind', 'e.record_id', 'e.action', 'e.summary', 'e.facets', 'e.payload', 'e.confidentiality'] as const;

export async function listChanges(reader: Kysely<Database>, query: ChangeQuery): Promise<ChangeRow[]> {
  const facets = Object.entries(query.facets ?? {}).filter((entry): entry is [string, string] => typeof entry[1] === 'string');
  // The column the page is keyed on: the first facet's when filtered (its index is in that order).
  const key = facets.length ? 'f0.audit_id' : 'e.audit_id';
  let q = reader.selectFrom('change_entry as e').where(nowVisible);
  facets.forEach(([facet, value], i) => {
    const alias = `f${i}`;
    q = q.innerJoin(`change_facet as ${alias}` as 'change_facet as f0', (join) =>
      join
        .onRef(`${alias}.audit_id` as 'f0.audit_id', '=', 'e.audit_id')
        .on(`${alias}.facet` as 'f0.facet', '=', facet)
        .on(`${alias}.value` as 'f0.value', '=', value),
    ) as unknown as typeof q;
  });
  if (query.kinds?.length) q = q.where('e.record_kind', 'in', query.kinds);
  if (query.order === 'oldest') q = q.where(key as 'e.audit_id', '>', query.cursor ?? 0);
  else if (query.cursor !== null) q = q.where(key as 'e.audit_id', '<', query.cursor);
  const rows = await q
    .select(COLUMNS)
    .orderBy(key as 'e.audit_id', query.order === 'oldest' ? 'asc' : 'desc')
    .limit(query.limit)
    .execute();
  return rows.map((r) => ({ ...r, audit_id: Number(r.audit_id) }));
}

export async function findChange(reader: Kysely<Database>, id: number): Promise<ChangeRow | undefined> {
  const row = await reader.selectFrom('change_entry as e').innerJoin('change_subject as s', 's.subject', 'e.subject').select(COLUMNS).where('e.audit_id', '=', id).executeTakeFirst();
  return row && { ...row, audit_id: Number(row.audit_id) };
}

// The pipeline's writes of the feed, in the transaction of the change (record.ts).

/** What the feed last knew of a record: its level and facets, kept across its changes. */
export function lastKnownSubject(trx: Transaction<Database>, subject: string) {
  return trx.selectFrom('change_subject').selectAll().where('subject', '=', subject).executeTakeFirst();
}

export async function insertChangeEntry(trx: Transaction<Database>, row: Insertable<ChangeEntryTable>): Promise<void> {
  await trx.insertInto('change_entry').values(row).execute();
}

export async function insertChangeFacets(trx: Transaction<Database>, rows: Insertable<ChangeFacetTable>[]): Promise<void> {
  if (rows.length) await trx.insertInto('change_facet').values(rows).execute();
}

/** The record's level and facets now: what the feed checks each entry against when it is read. */
export async function saveChangeSubject(trx: Transaction<Database>, row: Insertable<ChangeSubjectTable>): Promise<void> {
  const { subject: _key, ...now } = row;
  await trx
    .insertInto('change_subject')
    .values(row)
    .onConflict((oc) => oc.column('subject').doUpdateSet(now))
    .execute();
}
