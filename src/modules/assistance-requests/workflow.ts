// A request's moves through its workflow (docs/COOPERATION.md, "Requests"): received → under
// assessment → accepted or declined (with a reason) → answered by a project or an event →
// closed; REQUEST_TRANSITIONS says which moves are allowed. Each move is a step kept in order,
// and the request row keeps the latest, so lists and the overdue filter read one row. A move
// names the version it read (If-Match): two editors moving the same request at once cannot
// both succeed from the same status.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { ConflictError, NotFoundError, type Problem, StaleVersionError } from '../../shared/errors.ts';
import { REQUEST_TRANSITIONS, type RequestStatus } from '../../shared/vocabularies.ts';
import { requireRight } from '../access/edit-rights.ts';
import { editorOf, type WriteContext } from '../audit/context.ts';
import { runUseCase, type UseCase } from '../audit/pipeline.ts';
import { mayWriteCooperation } from '../cooperation/policy.ts';
import { linksOf, linksTo } from '../cooperation/repository.ts';
import { parseInput, requireVersion, throwIfProblems } from '../edits/validate.ts';
import { REQUEST_ENTITY_KIND } from './fields.ts';
import { findRequest, insertStep, type RequestRow, stepsOf, updateRequestIfVersion } from './repository.ts';
import { requestStepSchema, type RequestStepBody } from './schema.ts';
import { requestView } from './service.ts';

/** Whether a project or an event answers the request: linked either way. */
async function isAnswered(db: Kysely<Database>, id: string): Promise<boolean> {
  const [outgoing, incoming] = await Promise.all([linksOf(db, 'request', id), linksTo(db, 'request', id)]);
  return outgoing.some((l) => l.to_kind === 'project' || l.to_kind === 'event') || incoming.some((l) => l.from_kind === 'project' || l.from_kind === 'event');
}

async function stepProblems(db: Kysely<Database>, row: RequestRow, step: RequestStepBody): Promise<Problem[]> {
  const problems: Problem[] = [];
  const from = row.status as RequestStatus;
  if (!REQUEST_TRANSITIONS[from].includes(step.status)) {
    const allowed = REQUEST_TRANSITIONS[from];
    problems.push({ field: 'status', reason: `a ${from} request can go to ${allowed.length ? allowed.join(', ') : 'no other status'}, not ${step.status}` });
  } else if (step.status === 'answered' && !(await isAnswered(db, row.id))) {
    problems.push({ field: 'status', reason: 'link the project or event that answers the request first' });
  }
  if (step.date < row.status_date.slice(0, step.date.length)) problems.push({ field: 'date', reason: `must not be before the last step (${row.status_date})` });
  if (step.status === 'declined' && !step.reason) problems.push({ field: 'reason', reason: 'a declined request says why' });
  return problems;
}

export type RequestMove = { id: string; expectedVersion?: number; body: unknown };

export const moveRequestUseCase: UseCase<RequestMove, { status: RequestStatus; version: number }> = {
  name: 'requests.move',
  topics: ['requests'],
  async run(trx, { id, expectedVersion, body: input }, context) {
    const row = await findRequest(trx, id);
    if (!row) throw new NotFoundError('request', id);
    const editor = editorOf(context);
    requireRight(editor, mayWriteCooperation(editor), `move the request ${id}`);
    const expected = requireVersion(expectedVersion, 'request');
    if (expected !== row.row_version) throw new StaleVersionError(`request ${id}`, await requestView(trx, id, 'en'), row.row_version);
    const step = parseInput(requestStepSchema, input, `The step of ${id}`);
    throwIfProblems(await stepProblems(trx, row, step), `The step of ${id}`);
    const last = (await stepsOf(trx, id)).at(-1);
    if (!(await updateRequestIfVersion(trx, id, expected, { status: step.status, status_date: step.date }))) {
      throw new ConflictError(`The request ${id} was changed at the same moment; nothing was written`);
    }
    await insertStep(trx, { request_id: id, status: step.status, date: step.date, reason: step.reason ?? null, recorded_by: context.actor, recorded_at: new Date().toISOString() });
    return {
      result: { status: step.status, version: expected + 1 },
      audit: [
        {
          action: 'update',
          entityKind: REQUEST_ENTITY_KIND,
          entityId: id,
          before: { status: row.status, statusDate: row.status_date, reason: last?.reason ?? null },
          after: { status: step.status, statusDate: step.date, reason: step.reason ?? null },
          summary: `${id}: ${row.status} → ${step.status} on ${step.date}`,
        },
      ],
    };
  },
};

export function moveRequest(db: Kysely<Database>, input: RequestMove, context: WriteContext) {
  return runUseCase(db, moveRequestUseCase, input, context);
}
