// How a correction of a programme record and the change of its parts (links, documents, and a
// feature's own: an exchange's parties and actions) make one write: parts count as a change of
// the record, so they raise its version and join its one audit record. Shared by events and
// exchanges (write.ts); each writes its own parts and passes what changed.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Topic } from '../../shared/topics.ts';
import type { StoredAccess } from '../edits/access.ts';
import { type Applied, touchedBy } from '../edits/apply.ts';
import { type PreparedSource, storeSource } from '../edits/source.ts';
import type { UseCaseResult } from '../audit/pipeline.ts';

export interface PartsChange {
  changed: string[];
  before: Record<string, unknown>;
  after: Record<string, unknown>;
}

export interface PartsCorrection {
  entityKind: string;
  id: string;
  /** The record's sources as read (JSON list): the correction's source joins them. */
  sources: string;
  expected: number;
  source: PreparedSource;
  access: { stored: StoredAccess };
  /** The feature's own topic. */
  topics: readonly Topic[];
  /** Writes the columns if the row is still at `expected` (raising its version); false when someone else changed it first. */
  write(set: Record<string, unknown>): Promise<boolean>;
  stale(): Promise<Error>;
}

/** The result of a correction (`applied`) once the parts it also changed are counted in. */
export async function withPartsChange(trx: Kysely<Database>, c: PartsCorrection, applied: Applied, parts: PartsChange): Promise<UseCaseResult<{ changed: string[]; version: number }>> {
  if (parts.changed.length === 0) return { result: applied.result, audit: applied.audit, topics: touchedBy(c.topics, applied) };
  if (applied.audit.length === 0) {
    // Only parts changed: the record still gets a new version and names the source.
    const newSource = await storeSource(trx, c.source, c.access.stored);
    const sources = JSON.parse(c.sources) as string[];
    if (!(await c.write(sources.includes(c.source.id) ? {} : { sources: JSON.stringify([...sources, c.source.id]) }))) throw await c.stale();
    const audit = [
      {
        action: 'update' as const,
        entityKind: c.entityKind,
        entityId: c.id,
        before: parts.before,
        after: { ...parts.after, source: c.source.id },
        summary: `${c.id}: ${parts.changed.join(', ')} replaced (source ${c.source.id})`,
      },
    ];
    return { result: { changed: parts.changed, version: c.expected + 1 }, audit, topics: touchedBy(c.topics, { newSource, namesChanged: false }) };
  }
  const [entry] = applied.audit;
  const audit = [{ ...entry!, before: { ...(entry!.before as object), ...parts.before }, after: { ...(entry!.after as object), ...parts.after } }];
  return { result: { changed: [...applied.result.changed, ...parts.changed], version: applied.result.version }, audit, topics: touchedBy(c.topics, applied) };
}
