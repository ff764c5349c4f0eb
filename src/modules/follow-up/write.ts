// Recording the follow-up of one recommendation, through the write pipeline: a status from a
// date on, the responsible entity, an action with its evidence, or a link to a cooperation
// project. Each adds a row and never changes one, so two editors writing at once both keep
// what they wrote and no version needs naming (If-Match is for corrections of a record; here
// a later entry supersedes an earlier one, which stays in the history). The policy is asked
// inside the transaction against the recommendation as stored; one audit record names the
// recommendation and the entry added; the topic `recommendations` changes (searches and their
// facets read the follow-up).
import type { z } from '@hono/zod-openapi';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { NotFoundError, type Problem } from '../../shared/errors.ts';
import { requireRight } from '../access/edit-rights.ts';
import { editorOf, type WriteContext } from '../audit/context.ts';
import { runUseCase, type UseCase } from '../audit/pipeline.ts';
import { type AccessInput, accessOfNew } from '../edits/access.ts';
import { parseInput, throwIfProblems } from '../edits/validate.ts';
import { mayWriteFollowUp } from './policy.ts';
import { type FollowUpTable, insertFollowUp, stateOfRecommendation } from './repository.ts';
import { actionBody, entityBody, projectBody, statusBody } from './schema.ts';

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
    topics: ['recommendations'],
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
