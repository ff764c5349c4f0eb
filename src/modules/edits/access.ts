// Confidentiality and audience on a create or an update: stored in the record's own columns,
// checked against the registry (every scope names an organization or State it holds; a
// restricted record names at least one); and as the record's read view shows them.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Problem } from '../../shared/errors.ts';
import type { ConfidentialityLevel } from '../../shared/vocabularies.ts';
import { audienceProblems } from './validate.ts';

export interface AccessInput {
  confidentiality?: ConfidentialityLevel;
  audience?: string[];
}

export interface StoredAccess {
  confidentiality: string;
  audience: string;
}

/** Who may see a record, as its read view gives it. Only a reader who may see the record reads
 *  its view (db/visibility.ts), so its level tells them nothing they could not see. The audience
 *  of a restricted record is shown as stored: whoever sees the record is in it or is OHCHR, and
 *  sees who else it is shared with, as the recipients of a document do (a restricted
 *  organization named beside the reader's own scope included: the writer shared the record with
 *  both). Public and internal records show none: a stored audience has no effect on them (one is
 *  kept when a restricted record is made public without naming one) and could name a restricted
 *  organization to readers who may not see it. The response cache keys answers by what the
 *  reader may see (route-kit.ts cacheKey), and everyone under one key sees the same records,
 *  so with the same levels and audiences. */
export function accessView(row: StoredAccess): { confidentiality: ConfidentialityLevel; audience: string[] } {
  const confidentiality = row.confidentiality as ConfidentialityLevel;
  return { confidentiality, audience: confidentiality === 'restricted' ? (JSON.parse(row.audience) as string[]) : [] };
}

export interface AccessPlan {
  /** The columns to write (empty when neither changes). */
  set: Partial<StoredAccess>;
  changed: string[];
  before: Record<string, unknown>;
  after: Record<string, unknown>;
  problems: Problem[];
  /** Who may see the record once the change is made. */
  stored: StoredAccess;
}

/** What a create stores: public unless the input says otherwise. `self` is the scope of the
 *  record being created (a new organization's), which its audience may name though it is not stored yet. */
export async function accessOfNew(db: Kysely<Database>, input: AccessInput, self?: string): Promise<{ stored: StoredAccess; problems: Problem[] }> {
  const level = input.confidentiality ?? 'public';
  const audience = input.audience ?? [];
  return { stored: { confidentiality: level, audience: JSON.stringify(audience) }, problems: await audienceProblems(db, level, audience, self) };
}

/** What an update changes of who may see the record; the result is checked whole (a restricted record keeps an audience). */
export async function planAccess(db: Kysely<Database>, row: StoredAccess, input: AccessInput): Promise<AccessPlan> {
  const plan: AccessPlan = { set: {}, changed: [], before: {}, after: {}, problems: [], stored: { confidentiality: row.confidentiality, audience: row.audience } };
  if (input.confidentiality === undefined && input.audience === undefined) return plan;
  const level = input.confidentiality ?? (row.confidentiality as ConfidentialityLevel);
  const audience = input.audience ?? (JSON.parse(row.audience) as string[]);
  plan.problems = await audienceProblems(db, level, audience);
  if (level !== row.confidentiality) {
    plan.set.confidentiality = level;
    plan.changed.push('confidentiality');
    plan.before.confidentiality = row.confidentiality;
    plan.after.confidentiality = level;
  }
  if (JSON.stringify(audience) !== row.audience) {
    plan.set.audience = JSON.stringify(audience);
    plan.changed.push('audience');
    plan.before.audience = JSON.parse(row.audience);
    plan.after.audience = audience;
  }
  plan.stored = { confidentiality: plan.set.confidentiality ?? row.confidentiality, audience: plan.set.audience ?? row.audience };
  return plan;
}
