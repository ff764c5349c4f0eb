// Reading the audit trail (there is no writing here: records are written by the pipeline only).
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { listAuditRecords, type AuditFilter, type AuditRow } from './repository.ts';

export interface AuditView {
  id: number;
  at: string;
  actor: string;
  osUser: string | null;
  requestId: string;
  reason: string | null;
  useCase: string;
  action: string;
  entityKind: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  summary: string;
}

function view(row: AuditRow): AuditView {
  return {
    id: Number(row.id),
    at: row.at,
    actor: row.actor,
    osUser: row.os_user,
    requestId: row.request_id,
    reason: row.reason,
    useCase: row.use_case,
    action: row.action,
    entityKind: row.entity_kind,
    entityId: row.entity_id,
    before: row.before === null ? null : JSON.parse(row.before),
    after: row.after === null ? null : JSON.parse(row.after),
    summary: row.summary,
  };
}

/** Newest first; `beforeId` gives the next page. */
export async function auditTrail(db: Kysely<Database>, filter: AuditFilter): Promise<AuditView[]> {
  return (await listAuditRecords(db, filter)).map(view);
}
