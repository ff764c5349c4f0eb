// Reading the audit trail (there is no writing here: records are written by the pipeline only).
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { csvHeader, csvLine } from '../../shared/csv.ts';
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

export const AUDIT_CSV_COLUMNS = ['id', 'at', 'actor', 'osUser', 'requestId', 'reason', 'useCase', 'action', 'entityKind', 'entityId', 'summary', 'before', 'after'] as const;

export function auditCsvHeader(): string {
  return csvHeader([...AUDIT_CSV_COLUMNS]);
}

/** One record as a CSV line; before and after as JSON text. */
export function auditCsvLine(record: AuditView): string {
  return csvLine([...AUDIT_CSV_COLUMNS], { ...record, before: record.before === null ? '' : JSON.stringify(record.before), after: record.after === null ? '' : JSON.stringify(record.after) });
}

/** Every record that matches, newest first, a page at a time (a CSV export of the whole trail
 *  never holds it in memory). */
export async function* auditPages(db: Kysely<Database>, filter: Omit<AuditFilter, 'limit' | 'beforeId'>, pageSize = 1000): AsyncGenerator<AuditView[]> {
  let beforeId: number | undefined;
  for (;;) {
    const page = await auditTrail(db, { ...filter, beforeId, limit: pageSize });
    if (page.length === 0) return;
    yield page;
    if (page.length < pageSize) return;
    beforeId = page.at(-1)?.id;
  }
}
