// The follow-up of one recommendation as a reader sees it: the rows their view holds (a
// confidential entry they may not see is absent, and the latest status is the latest they may
// see), who recorded each (named to signed-in readers only: the public sees when, not who),
// and whether the asker may add to it. Withdrawn entries stay in the lists, marked (who withdrew
// them is named as who recorded them is), but the latest status and entity are live ones only.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { NotFoundError } from '../../shared/errors.ts';
import type { FollowUpStatus } from '../../shared/vocabularies.ts';
import type { Editor } from '../access/edit-rights.ts';
import { accessView } from '../edits/access.ts';
import { userNames } from '../records/repository.ts';
import { mayWriteFollowUp } from './policy.ts';
import { followUpRowsOf, stateOfRecommendation } from './repository.ts';
import type { FollowUpPartName, FollowUpView } from './schema.ts';

interface Stamped {
  id: number | string;
  recorded_by: string;
  recorded_at: string;
  confidentiality: string;
  audience: string;
  withdrawn_at: string | null;
  withdrawn_by: string | null;
  withdrawn_reason: string | null;
}

/** The first live entry of a list (latest first): what the current status or entity is. */
const firstLive = <T extends { withdrawn: unknown }>(entries: T[]): T | null => entries.find((e) => e.withdrawn === null) ?? null;

/** The entry of one part as `followUpOf` lists it: what a withdrawal answers. */
export async function followUpEntryOf(reader: Kysely<Database>, asker: Editor, id: string, part: FollowUpPartName, entry: number) {
  const seen = (await followUpOf(reader, asker, id))[part].find((e) => e.id === entry);
  if (!seen) throw new NotFoundError(`follow-up entry of ${id}`, String(entry));
  return seen;
}

export async function followUpOf(reader: Kysely<Database>, asker: Editor, id: string): Promise<FollowUpView> {
  const state = await stateOfRecommendation(reader, id);
  if (!state) throw new NotFoundError('recommendation', id);
  const rows = await followUpRowsOf(reader, id);
  const signedIn = asker.kind === 'user';
  const all: Stamped[] = [...rows.statuses, ...rows.entities, ...rows.actions, ...rows.projects];
  const names = signedIn
    ? await userNames(
        reader,
        all.map((r) => r.recorded_by),
      )
    : new Map<string, string>();
  const stamp = (r: Stamped) => ({
    id: Number(r.id),
    recordedBy: signedIn ? r.recorded_by : null,
    recordedByName: names.get(r.recorded_by) ?? null,
    recordedAt: r.recorded_at,
    ...accessView(r),
    withdrawn: r.withdrawn_at === null ? null : { at: r.withdrawn_at, by: signedIn ? r.withdrawn_by : null, reason: r.withdrawn_reason ?? '' },
  });
  const statuses = rows.statuses.map((r) => ({ status: r.status as FollowUpStatus, holdsFrom: r.holds_from, note: r.note, ...stamp(r) }));
  const entities = rows.entities.map((r) => ({ name: r.name, state: r.state_iso3, ...stamp(r) }));
  return {
    recommendation: id,
    state,
    status: firstLive(statuses),
    statuses,
    entity: firstLive(entities),
    entities,
    actions: rows.actions.map((r) => ({ date: r.date, description: r.description, evidenceUrl: r.evidence_url, evidenceText: r.evidence_text, ...stamp(r) })),
    projects: rows.projects.map((r) => ({ title: r.title, url: r.url, projectId: r.project_ref, ...stamp(r) })),
    canWrite: mayWriteFollowUp(asker, { state }),
  };
}
