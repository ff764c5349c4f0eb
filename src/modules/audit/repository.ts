// Audit records: written in the transaction of the change they describe, read by `accord
// audit`. There is no update or delete here, and the database refuses both (migration 009).
import type { Insertable, Kysely, Selectable } from 'kysely';
import type { AuditRecordTable, Database } from '../../db/schema.ts';

export type AuditRow = Selectable<AuditRecordTable>;

/** The ids of the records, in the order given (the change feed is keyed by them). */
export async function insertAuditRecords(db: Kysely<Database>, rows: Insertable<AuditRecordTable>[]): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += 200) {
    const inserted = await db
      .insertInto('audit_record')
      .values(rows.slice(i, i + 200))
      .returning('id')
      .execute();
    ids.push(...inserted.map((r) => Number(r.id)));
  }
  return ids;
}

export interface AuditFilter {
  actor?: string;
  useCase?: string;
  entityKind?: string;
  entityId?: string;
  requestId?: string;
  /** ISO timestamps or dates: records at or after `since`, before `until`. */
  since?: string;
  until?: string;
  /** Records older than this id (the next page). */
  beforeId?: number;
  limit: number;
}

/** Newest first. */
export async function listAuditRecords(db: Kysely<Database>, filter: AuditFilter): Promise<AuditRow[]> {
  let query = db.selectFrom('audit_record').selectAll();
  if (filter.actor !== undefined) query = query.where('actor', '=', filter.actor);
  if (filter.useCase !== undefined) query = query.where('use_case', '=', filter.useCase);
  if (filter.entityKind !== undefined) query = query.where('entity_kind', '=', filter.entityKind);
  if (filter.entityId !== undefined) query = query.where('entity_id', '=', filter.entityId);
  if (filter.requestId !== undefined) query = query.where('request_id', '=', filter.requestId);
  if (filter.since !== undefined) query = query.where('at', '>=', filter.since);
  if (filter.until !== undefined) query = query.where('at', '<', filter.until);
  if (filter.beforeId !== undefined) query = query.where('id', '<', filter.beforeId);
  return query.orderBy('id', 'desc').limit(filter.limit).execute();
}
