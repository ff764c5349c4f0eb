// What a re-import changed, from its one audit record (datasets.import and recommendations.import
// record the datasets replaced, with their content hash and count, beside those stored): each
// dataset added, changed (a new content hash), unchanged or removed, with its counts before and
// after. The feed's entry for an import carries this as its payload: its "differences".
import type { AuditedChange } from './record.ts';

type Before = { id?: string; contentHash?: string; accepted?: number };
type Stored = { id?: string; contentHash?: string; accepted?: number; stored?: number };

export interface DatasetDifference {
  id: string;
  change: 'added' | 'changed' | 'unchanged' | 'removed';
  before: number | null;
  after: number | null;
}

function asArray<T>(value: unknown): T[] {
  return Array.isArray(value) ? (value as T[]) : [];
}

export function importDifferences(change: AuditedChange): Record<string, unknown> {
  const after = (change.after ?? {}) as { stored?: unknown; removed?: unknown; contentHash?: string; stored_count?: number };
  let before: Before[];
  let stored: Stored[];
  let removed: string[];
  if (Array.isArray(after.stored)) {
    // datasets.import: several datasets at once
    before = asArray<Before>(change.before);
    stored = asArray<Stored>(after.stored);
    removed = asArray<string>(after.removed);
  } else {
    // one dataset (recommendations): before and after are that dataset's
    const id = change.entityId ?? '';
    const was = change.before as Before | null;
    before = was ? [{ ...was, id }] : [];
    const now = change.after as { contentHash?: string; stored?: number } | null;
    stored = now ? [{ id, contentHash: now.contentHash, accepted: typeof now.stored === 'number' ? now.stored : undefined }] : [];
    removed = [];
  }
  const old = new Map(before.map((b) => [b.id, b]));
  const differences: DatasetDifference[] = stored.map((s) => {
    const previous = old.get(s.id);
    const kind = !previous ? 'added' : previous.contentHash === s.contentHash ? 'unchanged' : 'changed';
    return { id: String(s.id), change: kind, before: previous?.accepted ?? null, after: s.accepted ?? null };
  });
  for (const id of removed) differences.push({ id, change: 'removed', before: old.get(id)?.accepted ?? null, after: null });
  const count = (k: DatasetDifference['change']) => differences.filter((d) => d.change === k).length;
  return { kind: change.entityKind, counts: { added: count('added'), changed: count('changed'), unchanged: count('unchanged'), removed: count('removed') }, datasets: differences };
}
