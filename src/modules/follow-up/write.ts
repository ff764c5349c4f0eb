// Recording the follow-up of one recommendation, through the write pipeline: a status from a
// date on, the responsible entity, an action with its evidence, or a link to a cooperation
// project. Each adds a row and never changes one, so two editors writing at once both keep
// what they wrote and no version needs naming (If-Match is for corrections of a record; here
// a later entry supersedes an earlier one, which stays in the history). The policy is asked
// inside the transaction against the recommendation as stored; one audit record names the
// recommendation and the entry added; the topic `follow-up` changes (searches and their facets
// read it), not `recommendations`, so the facet index of the recommendations is kept. An entry recorded by mistake is withdrawn (`follow-up.withdraw`):
// its row stays, marked with when, by whom and why, and leaves every current fact.
import type { z } from '@hono/zod-openapi';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { ConflictError, NotFoundError, type Problem } from '../../shared/errors.ts';
import { requireRight } from '../access/edit-rights.ts';
import { editorOf, type WriteContext } from '../audit/context.ts';
import { runUseCase, type UseCase } from '../audit/pipeline.ts';
import { type AccessInput, accessOfNew } from '../edits/access.ts';
import { parseInput, throwIfProblems } from '../edits/validate.ts';
import { mayWriteFollowUp, writerView } from './policy.ts';
import { type FollowUpEntryRow, type FollowUpTable, followUpEntry, insertFollowUp, stateOfRecommendation, withdrawFollowUpEntry } from './repository.ts';
import { actionBody, entityBody, type FollowUpPartName, projectBody, statusBody, withdrawalBody } from './schema.ts';

/** What the audit trail calls a follow-up entry's recommendation. */
export const FOLLOW_UP_ENTITY_KIND = 'recommendation-follow-up';

export interface FollowUpInput {
  recommendation: string;
  body: unknown;
}

interface Part<S extends z.ZodType<AccessInput>> {
  name: string;
  /** How a summary names the entry. */
  what: string;
  table: FollowUpTable;
  schema: S;
  /** The columns of the row, and what only the stored recommendation can tell is wrong. */
  columns(body: z.infer<S>, state: string): { row: Record<string, string | null>; problems: Problem[]; summary: string };
}

function partUseCase<S extends z.ZodType<AccessInput>>(part: Part<S>): UseCase<FollowUpInput, { id: number; recommendation: string }> {
  return {
    name: part.name,
    topics: ['follow-up'],
    async run(trx, { recommendation, body: input }, context) {
      const state = await stateOfRecommendation(trx, recommendation);
      if (!state) throw new NotFoundError('recommendation', recommendation);
      const editor = editorOf(context);
      requireRight(editor, mayWriteFollowUp(editor, { state }), `record the follow-up of recommendations addressed to ${state}`);
      const body = parseInput(part.schema, input, `The ${part.what} of ${recommendation}`);
      const access = await accessOfNew(trx, body);
      const { row, problems, summary } = part.columns(body, state);
      throwIfProblems([...problems, ...access.problems], `The ${part.what} of ${recommendation}`);
      const stamp = { recorded_by: context.actor, recorded_at: new Date().toISOString(), ...access.stored };
      const id = await insertFollowUp(trx, part.table, { recommendation_id: recommendation, ...row, ...stamp } as never);
      return {
        result: { id, recommendation },
        audit: [
          {
            action: 'create',
            entityKind: FOLLOW_UP_ENTITY_KIND,
            entityId: recommendation,
            after: { [part.what]: { id, ...row }, confidentiality: access.stored.confidentiality, audience: JSON.parse(access.stored.audience) },
            summary: `${recommendation}: ${summary} (${access.stored.confidentiality})`,
          },
        ],
      };
    },
  };
}

export const recordStatusUseCase = partUseCase({
  name: 'follow-up.status',
  what: 'status',
  table: 'follow_up_status',
  schema: statusBody,
  columns: (b) => ({ row: { status: b.status, holds_from: b.holdsFrom, note: b.note ?? null }, problems: [], summary: `status ${b.status} from ${b.holdsFrom}` }),
});

/** A State named with an entity must be the State the recommendation is addressed to. */
export function entityStateProblems(given: string | undefined, state: string): Problem[] {
  return given && given !== state ? [{ field: 'state', reason: `the recommendation is addressed to ${state}, not ${given}` }] : [];
}

export const recordEntityUseCase = partUseCase({
  name: 'follow-up.entity',
  what: 'entity',
  table: 'follow_up_entity',
  schema: entityBody,
  columns: (b, state) => ({ row: { name: b.name, state_iso3: b.state ?? null }, problems: entityStateProblems(b.state, state), summary: `responsible entity ${JSON.stringify(b.name)}` }),
});

export const recordActionUseCase = partUseCase({
  name: 'follow-up.action',
  what: 'action',
  table: 'follow_up_action',
  schema: actionBody,
  columns: (b) => ({
    row: { date: b.date, description: b.description, evidence_url: b.evidenceUrl ?? null, evidence_text: b.evidenceText ?? null },
    problems: [],
    summary: `action of ${b.date}`,
  }),
});

export const recordProjectUseCase = partUseCase({
  name: 'follow-up.project',
  what: 'project',
  table: 'follow_up_project',
  schema: projectBody,
  columns: (b) => ({ row: { title: b.title, url: b.url, project_ref: b.projectId ?? null }, problems: [], summary: `cooperation project ${JSON.stringify(b.title)}` }),
});

export const FOLLOW_UP_PARTS = { statuses: recordStatusUseCase, entities: recordEntityUseCase, actions: recordActionUseCase, projects: recordProjectUseCase } as const;
export type FollowUpPart = keyof typeof FOLLOW_UP_PARTS;

export function recordFollowUp(db: Kysely<Database>, part: FollowUpPart, input: FollowUpInput, context: WriteContext) {
  return runUseCase(db, FOLLOW_UP_PARTS[part], input, context);
}

export interface WithdrawInput {
  recommendation: string;
  part: FollowUpPartName;
  /** The entry's id, as the follow-up lists it. */
  entry: number;
  body: unknown;
}

/** Per part: its table, how a summary names it, and how an entry as stored is described. */
const WITHDRAWABLE: Record<FollowUpPartName, { table: FollowUpTable; what: string; describe: (row: Record<string, unknown>) => string }> = {
  statuses: { table: 'follow_up_status', what: 'status', describe: (r) => `status ${r.status} from ${r.holds_from}` },
  entities: { table: 'follow_up_entity', what: 'entity', describe: (r) => `responsible entity ${JSON.stringify(r.name)}` },
  actions: { table: 'follow_up_action', what: 'action', describe: (r) => `action of ${r.date}` },
  projects: { table: 'follow_up_project', what: 'project', describe: (r) => `cooperation project ${JSON.stringify(r.title)}` },
};

/** The entry as the audit record keeps it: every column but the recommendation (the record's entity id). */
function auditedEntry({ recommendation_id: _recommendation, ...entry }: FollowUpEntryRow) {
  return { ...entry, id: Number(entry.id) };
}

// Follow-up rows carry no version (they were never meant to change): a second withdrawal of the
// same entry is refused (409) by the entry's own state instead, checked again by the UPDATE so
// that two at once cannot both succeed.
export const withdrawFollowUpUseCase: UseCase<WithdrawInput, { recommendation: string; part: FollowUpPartName; id: number }> = {
  name: 'follow-up.withdraw',
  topics: ['follow-up'],
  async run(trx, { recommendation, part, entry, body: input }, context) {
    const { table, what, describe } = WITHDRAWABLE[part];
    const state = await stateOfRecommendation(trx, recommendation);
    if (!state) throw new NotFoundError('recommendation', recommendation);
    const editor = editorOf(context);
    // The same right as adding to this follow-up: withdrawing is how a mistaken addition is undone.
    requireRight(editor, mayWriteFollowUp(editor, { state }), `withdraw follow-up of recommendations addressed to ${state}`);
    const { reason } = parseInput(withdrawalBody, input, `The withdrawal of ${what} ${entry} of ${recommendation}`);
    // Looked up as the writer sees it: an entry they may not see is not found, never refused (a 403 would say it exists).
    const row = await followUpEntry(writerView(trx, editor), table, recommendation, entry);
    if (!row) throw new NotFoundError(`${what} entry of recommendation ${recommendation}`, String(entry));
    if (row.withdrawn_at !== null) throw new ConflictError(`The ${what} ${entry} of ${recommendation} was already withdrawn on ${row.withdrawn_at.slice(0, 10)}: nothing was changed`);
    const withdrawal = { withdrawn_at: new Date().toISOString(), withdrawn_by: context.actor, withdrawn_reason: reason };
    if ((await withdrawFollowUpEntry(trx, table, recommendation, entry, withdrawal)) === 0) {
      throw new ConflictError(`The ${what} ${entry} of ${recommendation} was withdrawn by another write at the same moment: nothing was changed`);
    }
    return {
      result: { recommendation, part, id: entry },
      audit: [
        {
          // The row changes (it is marked), nothing is removed: an update.
          action: 'update',
          entityKind: FOLLOW_UP_ENTITY_KIND,
          entityId: recommendation,
          before: { [what]: auditedEntry(row) },
          after: { [what]: { ...auditedEntry(row), ...withdrawal } },
          summary: `${recommendation}: ${what} ${entry} (${describe(row)}) withdrawn: ${reason}`,
        },
      ],
    };
  },
};
