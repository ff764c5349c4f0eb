// Reading the audit trail (there is no writing here: records are written by the pipeline only).
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { csvHeader, csvLine } from '../../shared/csv.ts';
import { loadSources, type SourceView } from '../sources/repository.ts';
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

export interface HistoryEntry {
  id: number;
  /** The actor: user:<id> or system:<name>. */
  who: string;
  at: string;
  action: string;
  useCase: string;
  /** The fields before and after (for an update, only those that changed). */
  before: unknown;
  after: unknown;
  summary: string;
  reason: string | null;
  /** The source the change rests on, with its kind (null for a change that names none, e.g. a delete). */
  source: (SourceView & { id: string }) | null;
}

export interface HistoryPage {
  entries: HistoryEntry[];
  /** Pass as `beforeId` for the next (older) page; null on the last page. */
  nextBeforeId: number | null;
}

/** The id of the source an audit record's `after` names (the write path records it there). */
function sourceIdOf(after: unknown): string | null {
  const source = after !== null && typeof after === 'object' ? (after as { source?: unknown }).source : undefined;
  return typeof source === 'string' ? source : null;
}

/**
 * Who changed a record, when, what and on which source: its audit records, newest first, a page
 * at a time. `entityKind` as the use cases record it: organization, membership-event,
 * instrument, mechanism, treaty-action; `entityId` its id (`au`, `coe/FRA/1`, `ICCPR`, `edit:ICCPR/1`).
 */
export async function historyOf(db: Kysely<Database>, entityKind: string, entityId: string, page: { beforeId?: number; limit?: number } = {}): Promise<HistoryPage> {
  const limit = Math.min(Math.max(page.limit ?? 50, 1), 500);
  const [records, sources] = await Promise.all([listAuditRecords(db, { entityKind, entityId, beforeId: page.beforeId, limit: limit + 1 }), loadSources(db)]);
  const entries = records.slice(0, limit).map((row) => {
    const record = view(row);
    const sourceId = sourceIdOf(record.after);
    const source = sourceId === null ? undefined : sources.get(sourceId);
    return {
      id: record.id,
      who: record.actor,
      at: record.at,
      action: record.action,
      useCase: record.useCase,
      before: record.before,
      after: record.after,
      summary: record.summary,
      reason: record.reason,
      source: source ? { id: sourceId!, ...source } : null,
    };
  });
  return { entries, nextBeforeId: records.length > limit ? entries.at(-1)!.id : null };
}
