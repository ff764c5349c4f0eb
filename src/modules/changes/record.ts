// Written by the write pipeline, in the transaction of the change: one feed entry per audit
// record of a record the feed carries (subjects/repository.ts), with the record's confidentiality at the
// time, its facets and payload; and the record's current confidentiality in change_subject.
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { importDifferences } from './imports.ts';
import { insertChangeEntry, insertChangeFacets, lastKnownSubject, saveChangeSubject } from './repository.ts';
import { type Facets, followUpSubject, isFeedKind, readSubject, type SubjectState } from './subjects/repository.ts';

export const CHANGE_ACTIONS = ['created', 'updated', 'deleted', 'imported'] as const;
export type ChangeAction = (typeof CHANGE_ACTIONS)[number];

const ACTIONS: Record<string, ChangeAction> = { create: 'created', update: 'updated', delete: 'deleted', import: 'imported' };

export interface AuditedChange {
  id: number;
  at: string;
  action: string;
  entityKind: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  summary: string;
}

type Trx = Transaction<Database>;

/** What the entry says of the record: read from the table, or for a delete what was last known of it. */
async function stateOf(trx: Trx, change: AuditedChange, subjectKey: string): Promise<SubjectState | null> {
  if (change.entityKind === 'recommendation-follow-up') return change.entityId === null ? null : followUpSubject(trx, change.entityId, change.after);
  // Imports are of public sources: their facts are public, and so is what changed.
  if (change.entityKind === 'dataset') return { confidentiality: 'public', audience: '[]', facets: {}, payload: importDifferences(change) };
  if (change.entityKind === 'official-names') return { confidentiality: 'public', audience: '[]', facets: {}, payload: { kind: change.entityKind } };
  const now = await readSubject(trx, change.entityKind, change.entityId);
  if (now) return now;
  const known = await lastKnownSubject(trx, subjectKey);
  const before = (change.before ?? {}) as { confidentiality?: unknown; audience?: unknown };
  // A record deleted before the feed knew it: its level from the audit record, else not public.
  const confidentiality = known?.confidentiality ?? (typeof before.confidentiality === 'string' ? before.confidentiality : 'internal');
  const audience = known?.audience ?? JSON.stringify(Array.isArray(before.audience) ? before.audience : []);
  return { confidentiality, audience, facets: known ? (JSON.parse(known.facets) as Facets) : {}, payload: {} };
}

function subjectKeyOf(change: AuditedChange): string {
  // A follow-up entry and an import have no record of their own that changes level later.
  if (change.entityKind === 'recommendation-follow-up' || change.entityId === null) return `${change.entityKind}:#${change.id}`;
  return `${change.entityKind}:${change.entityId}`;
}

export async function recordChanges(trx: Trx, changes: AuditedChange[]): Promise<void> {
  for (const change of changes) {
    const action = ACTIONS[change.action];
    if (!action || !isFeedKind(change.entityKind)) continue;
    const subjectKey = subjectKeyOf(change);
    const state = await stateOf(trx, change, subjectKey);
    if (!state) continue;
    const { audience: _scopes, ...payload } = state.payload;
    const previous = change.entityKind === 'dataset' ? undefined : await lastKnownSubject(trx, subjectKey);
    await insertChangeEntry(trx, {
      audit_id: change.id,
      at: change.at,
      record_kind: change.entityKind,
      record_id: change.entityId,
      subject: subjectKey,
      action,
      summary: change.entityKind === 'dataset' ? importSummary(change, state.payload) : safeSummary(change, state, previous?.confidentiality),
      facets: JSON.stringify(state.facets),
      payload: action === 'deleted' ? null : JSON.stringify(payload),
      confidentiality: state.confidentiality,
      audience: state.audience,
    });
    const facetRows = Object.entries(state.facets).flatMap(([facet, values]) => (values ?? []).map((value) => ({ facet, value, audit_id: change.id })));
    await insertChangeFacets(trx, facetRows);
    await saveChangeSubject(trx, { subject: subjectKey, confidentiality: state.confidentiality, audience: state.audience, facets: JSON.stringify(state.facets) });
  }
}

/**
 * The audit record's line, unless the change moved the record between levels: an update's line
 * quotes the values before it ("title "A" → "B""), which were not meant for those who may read
 * the record now. Such a change is said by the fields it changed only.
 */
function safeSummary(change: AuditedChange, state: SubjectState, previousLevel: string | undefined): string {
  const before = change.before !== null && typeof change.before === 'object' ? (change.before as Record<string, unknown>) : {};
  const levelBefore = previousLevel ?? (typeof before.confidentiality === 'string' ? before.confidentiality : undefined);
  const moved = 'confidentiality' in before || 'audience' in before || (levelBefore !== undefined && levelBefore !== state.confidentiality);
  if (change.action !== 'update' || !moved) return change.summary;
  const fields = Object.keys((change.after ?? {}) as object).filter((f) => f !== 'source' && f !== 'audience');
  return `${change.entityKind} ${change.entityId ?? ''} updated (now ${state.confidentiality}): ${fields.join(', ')}`;
}

/** One line for a re-import: what it added, changed and removed. */
function importSummary(change: AuditedChange, payload: Record<string, unknown>): string {
  const counts = payload.counts as { added: number; changed: number; unchanged: number; removed: number } | undefined;
  if (!counts) return change.summary;
  const label = change.summary.split(':')[0];
  return `${label}: ${counts.added} dataset(s) added, ${counts.changed} changed, ${counts.removed} removed, ${counts.unchanged} unchanged`;
}
