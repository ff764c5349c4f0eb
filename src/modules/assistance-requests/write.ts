// Entering a State's request for assistance, correcting it, and deleting one entered by mistake,
// through the write pipeline: OHCHR editors only (cooperation/policy.ts), a source for every
// change, an update or delete naming the version it read. A new request is restricted to OHCHR
// and the requesting State unless the body says otherwise. Its moves through the workflow are
// in workflow.ts.
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { StaleVersionError, type Problem } from '../../shared/errors.ts';
import { requireRight } from '../access/edit-rights.ts';
import { editorOf, type WriteContext } from '../audit/context.ts';
import { runUseCase, type UseCase } from '../audit/pipeline.ts';
import { linkedFromProblems, linkProblems, writeParts } from '../cooperation/parts.ts';
import { mayWriteCooperation } from '../cooperation/policy.ts';
import { deletePartsOf } from '../cooperation/repository.ts';
import { accessOfNew } from '../edits/access.ts';
import { applyCorrection, touchedBy } from '../edits/apply.ts';
import { planUpdate } from '../edits/corrections.ts';
import { openCorrection } from '../edits/open.ts';
import { prepareSource, storeSource } from '../edits/source.ts';
import { parseInput, requireVersion, stateProblem, throwIfProblems } from '../edits/validate.ts';
import { NotFoundError } from '../../shared/errors.ts';
import { REQUEST_ENTITY_KIND, REQUEST_FIELDS } from './fields.ts';
import { deleteRequestIfVersion, findRequest, insertRequest, insertStep, updateRequestIfVersion } from './repository.ts';
import { requestCreateSchema, requestUpdateSchema } from './schema.ts';
import { requestView } from './service.ts';

/** A request's id: `req-` and ten random letters and digits, never reused. */
const ID_LETTERS = 'abcdefghijklmnopqrstuvwxyz0123456789';

function newRequestId(): string {
  return `req-${[...randomBytes(10)].map((byte) => ID_LETTERS[byte % ID_LETTERS.length]).join('')}`;
}

/** A due day before the day the request was received cannot be right. */
function dueProblems(received: string, due: string | null | undefined): Problem[] {
  return due && due < received.slice(0, due.length) ? [{ field: 'due', reason: `must not be before the request was received (${received})` }] : [];
}

export const createRequestUseCase: UseCase<unknown, { id: string; version: number }> = {
  name: 'requests.create',
  topics: ['requests', 'sources'],
  async run(trx, input, context) {
    const editor = editorOf(context);
    requireRight(editor, mayWriteCooperation(editor), 'enter a request for assistance');
    const body = parseInput(requestCreateSchema, input, 'The new request');
    const id = newRequestId();
    const source = await prepareSource(trx, body.source);
    const stateProblems = await stateProblem(trx, 'state', body.state);
    const access = await accessOfNew(trx, { confidentiality: body.confidentiality ?? 'restricted', audience: body.audience ?? [`state:${body.state}`] });
    // The default audience names the State: an unknown State is said once, under `state`.
    const accessProblems = body.audience === undefined && stateProblems.length ? [] : access.problems;
    throwIfProblems(
      [...stateProblems, ...dueProblems(body.received, body.due), ...(await linkProblems(trx, { kind: 'request', id }, body.links)), ...source.problems, ...accessProblems],
      'The request',
    );
    const newSource = await storeSource(trx, source, access.stored);
    const now = new Date().toISOString();
    await insertRequest(trx, {
      id,
      state_iso3: body.state,
      authority: body.authority,
      received: body.received,
      subject: body.subject,
      status: 'received',
      status_date: body.received,
      due: body.due ?? null,
      sources: JSON.stringify([source.id]),
      ...access.stored,
      created_by: context.actor,
      created_at: now,
      updated_at: now,
    });
    await insertStep(trx, { request_id: id, status: 'received', date: body.received, reason: null, recorded_by: context.actor, recorded_at: now });
    const parts = await writeParts(trx, 'request', id, body);
    const { source: _source, ...after } = body;
    return {
      result: { id, version: 1 },
      audit: [
        {
          action: 'create',
          entityKind: REQUEST_ENTITY_KIND,
          entityId: id,
          after: { ...after, ...parts.after, confidentiality: access.stored.confidentiality, source: source.id },
          summary: `${id}: request of ${body.state} received ${body.received} (${access.stored.confidentiality}, source ${source.id})`,
        },
      ],
      topics: touchedBy(['requests'], { newSource, namesChanged: false }),
    };
  },
};

async function stale(db: Kysely<Database>, id: string): Promise<StaleVersionError> {
  const current = await requestView(db, id, 'en');
  return new StaleVersionError(`request ${id}`, current, current?.version ?? 0);
}

export type RequestUpdate = { id: string; expectedVersion?: number; body: unknown };

export const updateRequestUseCase: UseCase<RequestUpdate, { changed: string[]; version: number }> = {
  name: 'requests.update',
  topics: ['requests', 'sources'],
  async run(trx, { id, expectedVersion, body: input }, context) {
    const target = {
      kind: 'request',
      id,
      row: await findRequest(trx, id),
      allowed: mayWriteCooperation,
      attempt: `correct the request ${id}`,
      expectedVersion,
      stale: () => stale(trx, id),
    };
    const { row, expected, body, source, access, stamp } = await openCorrection(trx, context, target, requestUpdateSchema, input);
    const received = body.received ?? row.received;
    const due = body.due === undefined ? row.due : body.due;
    throwIfProblems([...dueProblems(received, due), ...(await linkProblems(trx, { kind: 'request', id }, body.links)), ...source.problems, ...access.problems], `The correction of ${id}`);
    const plan = planUpdate(row, REQUEST_FIELDS, body, stamp);
    const parts = await writeParts(trx, 'request', id, body);
    plan.changed.push(...parts.changed);
    Object.assign(plan.before, parts.before);
    Object.assign(plan.after, parts.after);
    const applied = await applyCorrection(trx, {
      entityKind: REQUEST_ENTITY_KIND,
      entityId: id,
      expected,
      plan,
      access,
      source,
      stamp,
      write: (set) => updateRequestIfVersion(trx, id, expected, set),
      stale: target.stale,
    });
    return { result: applied.result, audit: applied.audit, topics: touchedBy(['requests'], applied) };
  },
};

export const deleteRequestUseCase: UseCase<{ id: string; expectedVersion?: number }, { deleted: boolean }> = {
  name: 'requests.delete',
  topics: ['requests'],
  async run(trx, { id, expectedVersion }, context) {
    const row = await findRequest(trx, id);
    if (!row) throw new NotFoundError('request', id);
    const editor = editorOf(context);
    requireRight(editor, mayWriteCooperation(editor), `delete the request ${id}`);
    const expected = requireVersion(expectedVersion, 'request');
    // Compared first: a version that is not one of ours (NaN) never reaches the database.
    if (expected !== row.row_version) throw await stale(trx, id);
    throwIfProblems(await linkedFromProblems(trx, 'request', id), `The request ${id}`);
    if (!(await deleteRequestIfVersion(trx, id, expected))) throw await stale(trx, id);
    await deletePartsOf(trx, 'request', id);
    return {
      result: { deleted: true },
      audit: [{ action: 'delete', entityKind: REQUEST_ENTITY_KIND, entityId: id, before: row, summary: `${id}: request of ${row.state_iso3} deleted` }],
    };
  },
};

export function createRequest(db: Kysely<Database>, body: unknown, context: WriteContext) {
  return runUseCase(db, createRequestUseCase, body, context);
}

export function updateRequest(db: Kysely<Database>, input: RequestUpdate, context: WriteContext) {
  return runUseCase(db, updateRequestUseCase, input, context);
}

export function deleteRequest(db: Kysely<Database>, input: { id: string; expectedVersion?: number }, context: WriteContext) {
  return runUseCase(db, deleteRequestUseCase, input, context);
}
