// The links and documents of the programme's records, and the checks of what a link names.
import type { Kysely } from 'kysely';
import type { CooperationDocumentTable, CooperationLinkTable, Database } from '../../db/schema.ts';
import type { CooperationRecordKind } from '../../shared/vocabularies.ts';

type LinkRow = Omit<CooperationLinkTable, 'id'>;
type DocumentRow = Omit<CooperationDocumentTable, 'id'>;

export async function linksOf(db: Kysely<Database>, kind: CooperationRecordKind, id: string) {
  return db.selectFrom('cooperation_link').select(['to_kind', 'to_ref', 'note']).where('from_kind', '=', kind).where('from_id', '=', id).orderBy('id').execute();
}

/** The links of many records at once: record id → its links. */
export async function linksOfMany(db: Kysely<Database>, kind: CooperationRecordKind, ids: readonly string[]) {
  const result = new Map<string, { to_kind: string; to_ref: string; note: string | null }[]>();
  if (ids.length === 0) return result;
  const rows = await db.selectFrom('cooperation_link').select(['from_id', 'to_kind', 'to_ref', 'note']).where('from_kind', '=', kind).where('from_id', 'in', ids).orderBy('id').execute();
  for (const { from_id, ...link } of rows) result.set(from_id, [...(result.get(from_id) ?? []), link]);
  return result;
}

/** The records that link to this target, whatever their kind; the caller shows only those its reader may see. */
export async function linksTo(db: Kysely<Database>, toKind: string, toRef: string) {
  return db.selectFrom('cooperation_link').select(['from_kind', 'from_id', 'note']).where('to_kind', '=', toKind).where('to_ref', '=', toRef).orderBy('id').execute();
}

/** The links to any of these targets of one kind, with the target each names. */
export async function linksToMany(db: Kysely<Database>, toKind: string, toRefs: readonly string[]) {
  if (toRefs.length === 0) return [];
  return db.selectFrom('cooperation_link').select(['from_kind', 'from_id', 'to_ref', 'note']).where('to_kind', '=', toKind).where('to_ref', 'in', toRefs).orderBy('id').execute();
}

export async function replaceLinks(db: Kysely<Database>, kind: CooperationRecordKind, id: string, links: readonly Omit<LinkRow, 'from_kind' | 'from_id'>[]): Promise<void> {
  await db.deleteFrom('cooperation_link').where('from_kind', '=', kind).where('from_id', '=', id).execute();
  if (links.length)
    await db
      .insertInto('cooperation_link')
      .values(links.map((l) => ({ ...l, from_kind: kind, from_id: id })))
      .execute();
}

export async function documentsOf(db: Kysely<Database>, kind: CooperationRecordKind, id: string) {
  return db.selectFrom('cooperation_document').select(['title', 'url', 'category', 'lang', 'date']).where('owner_kind', '=', kind).where('owner_id', '=', id).orderBy('id').execute();
}

export async function replaceDocuments(db: Kysely<Database>, kind: CooperationRecordKind, id: string, documents: readonly Omit<DocumentRow, 'owner_kind' | 'owner_id'>[]): Promise<void> {
  await db.deleteFrom('cooperation_document').where('owner_kind', '=', kind).where('owner_id', '=', id).execute();
  if (documents.length)
    await db
      .insertInto('cooperation_document')
      .values(documents.map((d) => ({ ...d, owner_kind: kind, owner_id: id })))
      .execute();
}

/** Deletes a record's links and documents (the record itself is deleted by its own repository). */
export async function deletePartsOf(db: Kysely<Database>, kind: CooperationRecordKind, id: string): Promise<void> {
  await db.deleteFrom('cooperation_link').where('from_kind', '=', kind).where('from_id', '=', id).execute();
  await db.deleteFrom('cooperation_document').where('owner_kind', '=', kind).where('owner_id', '=', id).execute();
}

/** Whether the target a link names exists (as the writer's view sees it). */
export async function linkTargetExists(db: Kysely<Database>, kind: string, ref: string): Promise<boolean> {
  switch (kind) {
    case 'recommendation':
      return (await db.selectFrom('recommendation').select('id').where('id', '=', ref).limit(1).executeTakeFirst()) !== undefined;
    case 'instrument':
      return (await db.selectFrom('instrument').select('code').where('code', '=', ref).executeTakeFirst()) !== undefined;
    case 'request':
      return (await db.selectFrom('assistance_request').select('id').where('id', '=', ref).executeTakeFirst()) !== undefined;
    case 'project':
      return (await db.selectFrom('project').select('id').where('id', '=', ref).executeTakeFirst()) !== undefined;
    case 'event':
      return (await db.selectFrom('event').select('id').where('id', '=', ref).executeTakeFirst()) !== undefined;
    case 'exchange':
      return (await db.selectFrom('exchange').select('id').where('id', '=', ref).executeTakeFirst()) !== undefined;
    default:
      return false;
  }
}

/** Of these records of the programme, the ids the reader may see (the reader's view filters them). */
export async function visibleRecordIds(db: Kysely<Database>, kind: CooperationRecordKind, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const table = kind === 'request' ? 'assistance_request' : kind;
  const rows = await db.selectFrom(table).select('id').where('id', 'in', ids).execute();
  return new Set(rows.map((r) => r.id));
}

/** When each of these records began, as far as the records tell: a request's receipt, a project's
 *  actual (else planned) start, an event's or exchange's first day. Absent ids have no such day. */
export async function recordStartDays(db: Kysely<Database>, kind: CooperationRecordKind, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows =
    kind === 'request'
      ? await db.selectFrom('assistance_request').select(['id', 'received as day']).where('id', 'in', ids).execute()
      : kind === 'project'
        ? await db
            .selectFrom('project')
            .select(['id', (eb) => eb.fn.coalesce('actual_start', 'planned_start').as('day')])
            .where('id', 'in', ids)
            .execute()
        : await db.selectFrom(kind).select(['id', 'start_date as day']).where('id', 'in', ids).execute();
  return new Map(rows.filter((r) => r.day !== null).map((r) => [r.id, r.day as string]));
}
