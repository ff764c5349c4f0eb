// The end every correction of a record shares, whatever its kind: nothing to change records
// nothing; else the new source is stored, the row written only if it is still at the version
// read (else the caller's 412; a change of names alone raises the version too), the names
// written, and one audit record names each changed field before and after, with the source.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Topic } from '../../shared/topics.ts';
import type { AuditEntry } from '../audit/pipeline.ts';
import type { AccessPlan } from './access.ts';
import type { PlannedUpdate } from './corrections.ts';
import { type NamePlan, writeNames } from './name-corrections.ts';
import { type PreparedSource, storeSource } from './source.ts';

export interface Correction {
  entityKind: string;
  entityId: string;
  /** How the summary names the record (default: its id). */
  label?: string;
  /** The version the change was made on (already checked against the row). */
  expected: number;
  plan: PlannedUpdate;
  /** For a record with names (stored in entity_name under entityKind and entityId). */
  names?: NamePlan;
  access: AccessPlan;
  source: PreparedSource;
  /** Who made the change and when: what a corrected name records. */
  stamp: { by: string; at: string };
  /** Writes the columns if the row is still at `expected`; false when someone else changed it first. */
  write(set: Record<string, unknown>): Promise<boolean>;
  /** The error that says so, with the record as it is now. */
  stale(): Promise<Error>;
}

export interface Applied {
  result: { changed: string[]; version: number };
  audit: AuditEntry[];
  /** Whether a new source was stored (the topic `sources` then changed). */
  newSource: boolean;
  /** Whether names changed (the topic `names` then changed). */
  namesChanged: boolean;
}

export async function applyCorrection(trx: Kysely<Database>, c: Correction): Promise<Applied> {
  const names = c.names ?? { changed: [], before: {}, after: {}, writes: [] };
  const changed = [...c.plan.changed, ...names.changed, ...c.access.changed];
  if (changed.length === 0) return { result: { changed, version: c.expected }, audit: [], newSource: false, namesChanged: false };
  const newSource = await storeSource(trx, c.source, c.access.stored);
  if (!(await c.write({ ...c.plan.set, ...c.access.set }))) throw await c.stale();
  if (c.names) await writeNames(trx, c.entityKind, c.entityId, c.names, { source: c.source.id, actor: c.stamp.by, at: c.stamp.at });
  const before: Record<string, unknown> = { ...c.plan.before, ...names.before, ...c.access.before };
  const after: Record<string, unknown> = { ...c.plan.after, ...names.after, ...c.access.after };
  const what = changed.map((f) => `${f} ${JSON.stringify(before[f])} → ${JSON.stringify(after[f])}`).join('; ');
  return {
    result: { changed, version: c.expected + 1 },
    audit: [
      { action: 'update', entityKind: c.entityKind, entityId: c.entityId, before, after: { ...after, source: c.source.id }, summary: `${c.label ?? c.entityId}: ${what} (source ${c.source.id})` },
    ],
    newSource,
    namesChanged: names.changed.length > 0,
  };
}

/** The topics a run touched: its own, `names` when names changed and `sources` when it stored a new source. */
export function touchedBy(own: readonly Topic[], what: { newSource: boolean; namesChanged: boolean }): Topic[] {
  return [...own, ...(what.namesChanged ? (['names'] as const) : []), ...(what.newSource ? (['sources'] as const) : [])];
}
