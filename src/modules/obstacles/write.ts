// Entering an obstacle to ratification, correcting it and deleting one entered by mistake,
// through the write pipeline: OHCHR editors and administrators (cooperation/policy.ts), a source
// for every change, an update or delete naming the version it read (If-Match). Its instruments
// and evidence are given whole in a create or an update and checked with the other fields: an
// instrument, recommendation or event the registry does not hold is refused naming its place.
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { NotFoundError, type Problem, StaleVersionError } from '../../shared/errors.ts';
import { requireRight } from '../access/edit-rights.ts';
import { editorOf, type WriteContext } from '../audit/context.ts';
import { runUseCase, type UseCase } from '../audit/pipeline.ts';
import { mayWriteCooperation } from '../cooperation/policy.ts';
import { linkTargetExists } from '../cooperation/repository.ts';
import { accessOfNew } from '../edits/access.ts';
import { applyCorrection, touchedBy } from '../edits/apply.ts';
import { planUpdate } from '../edits/corrections.ts';
import { openCorrection } from '../edits/open.ts';
import { prepareSource, storeSource } from '../edits/source.ts';
import { parseInput, requireVersion, stateProblem, throwIfProblems } from '../edits/validate.ts';
import { OBSTACLE_ENTITY_KIND, OBSTACLE_FIELDS } from './fields.ts';
import {
  countStrategiesOf,
  deleteObstacleIfVersion,
  type EvidenceRow,
  evidenceOf,
  findObstacle,
  insertObstacle,
  instrumentsOf,
  recommendationExists,
  replaceEvidence,
  replaceInstruments,
  unknownInstruments,
  updateIfVersion,
} from './repository.ts';
import { type EvidenceInput, obstacleCreateSchema, obstacleUpdateSchema } from './schema.ts';
import { obstacleView } from './service.ts';

const ID_LETTERS = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** A record's id: a prefix and ten random letters and digits, never reused. */
export function newId(prefix: string): string {
  return `${prefix}-${[...randomBytes(10)].map((byte) => ID_LETTERS[byte % ID_LETTERS.length]).join('')}`;
}

async function instrumentProblems(db: Kysely<Database>, codes: readonly string[] | undefined): Promise<Problem[]> {
  if (!codes) return [];
  const problems: Problem[] = [];
  const unknown = new Set(await unknownInstruments(db, codes));
  const seen = new Set<string>();
  for (const [i, code] of codes.entries()) {
    if (unknown.has(code)) problems.push({ field: `instruments.${i}`, reason: `"${code}" is not an instrument of the registry` });
    else if (seen.has(code)) problems.push({ field: `instruments.${i}`, reason: `"${code}" is named twice` });
    seen.add(code);
  }
  return problems;
}

async function evidenceProblems(db: Kysely<Database>, evidence: readonly EvidenceInput[] | undefined): Promise<Problem[]> {
  const problems: Problem[] = [];
  for (const [i, e] of (evidence ?? []).entries()) {
    if (e.recommendation && !(await recommendationExists(db, e.recommendation))) problems.push({ field: `evidence.${i}.recommendation`, reason: `no recommendation "${e.recommendation}"` });
    if (e.event && !(await linkTargetExists(db, 'event', e.event))) problems.push({ field: `evidence.${i}.event`, reason: `no event "${e.event}"` });
  }
  return problems;
}

/** A resolved or withdrawn obstacle says when; one that stands has no such date, and none comes before it was identified. */
function statusProblems(status: string, statusDate: string | null | undefined, identified: string): Problem[] {
  if (status === 'stands') return statusDate ? [{ field: 'statusDate', reason: 'an obstacle that stands has no date of resolution or withdrawal' }] : [];
  if (!statusDate) return [{ field: 'statusDate', reason: `a ${status} obstacle says when it was ${status}` }];
  // Compared at the precision both have: '2019' is not before '2019-05'.
  const n = Math.min(statusDate.length, identified.length);
  if (statusDate.slice(0, n) < identified.slice(0, n)) return [{ field: 'statusDate', reason: `must not be before it was identified (${identified})` }];
  return [];
}

function evidenceRows(evidence: readonly EvidenceInput[]): EvidenceRow[] {
  return evidence.map((e) => ({
    kind: e.kind,
    title: e.title,
    url: e.url,
    date: e.date ?? null,
    recommendation_id: e.recommendation ?? null,
    event_id: e.event ?? null,
    note: e.note ?? null,
  }));
}

export const createObstacleUseCase: UseCase<unknown, { id: string; version: number }> = {
  name: 'obstacles.create',
  topics: ['obstacles', 'sources'],
  async run(trx, input, context) {
    const editor = editorOf(context);
    requireRight(editor, mayWriteCooperation(editor), 'enter an obstacle to ratification');
    const body = parseInput(obstacleCreateSchema, input, 'The new obstacle');
    const id = newId('obs');
    const status = body.status ?? 'stands';
    const source = await prepareSource(trx, body.source);
    const access = await accessOfNew(trx, body);
    throwIfProblems(
      [
        ...(await stateProblem(trx, 'state', body.state)),
        ...(await instrumentProblems(trx, body.instruments)),
        ...(await evidenceProblems(trx, body.evidence)),
        ...statusProblems(status, body.statusDate, body.identified),
        ...source.problems,
        ...access.problems,
      ],
      'The obstacle',
    );
    const newSource = await storeSource(trx, source, access.stored);
    const now = new Date().toISOString();
    await insertObstacle(trx, {
      id,
      state_iso3: body.state,
      category: body.category,
      description: body.description,
      identified: body.identified,
      identified_by: body.identifiedBy,
      status,
      status_date: body.statusDate ?? null,
      sources: JSON.stringify([source.id]),
      ...access.stored,
      created_by: context.actor,
      created_at: now,
      updated_at: now,
    });
    await replaceInstruments(trx, id, body.instruments);
    await replaceEvidence(trx, id, evidenceRows(body.evidence ?? []));
    const { source: _source, ...after } = body;
    return {
      result: { id, version: 1 },
      audit: [
        {
          action: 'create',
          entityKind: OBSTACLE_ENTITY_KIND,
          entityId: id,
          after: { ...after, status, confidentiality: access.stored.confidentiality, source: source.id },
          summary: `${id}: ${body.category} obstacle of ${body.state} to ${body.instruments.join(', ')} (${access.stored.confidentiality}, source ${source.id})`,
        },
      ],
      topics: touchedBy(['obstacles'], { newSource, namesChanged: false }),
    };
  },
};

async function stale(db: Kysely<Database>, id: string): Promise<StaleVersionError> {
  const current = await obstacleView(db, id, 'en');
  return new StaleVersionError(`obstacle ${id}`, current, current?.version ?? 0);
}

export type ObstacleUpdate = { id: string; expectedVersion?: number; body: unknown };

export const updateObstacleUseCase: UseCase<ObstacleUpdate, { changed: string[]; version: number }> = {
  name: 'obstacles.update',
  topics: ['obstacles', 'sources'],
  async run(trx, { id, expectedVersion, body: input }, context) {
    const target = {
      kind: 'obstacle',
      id,
      row: await findObstacle(trx, id),
      allowed: mayWriteCooperation,
      attempt: `correct the obstacle ${id}`,
      expectedVersion,
      stale: () => stale(trx, id),
    };
    const { row, expected, body, source, access, stamp } = await openCorrection(trx, context, target, obstacleUpdateSchema, input);
    const status = body.status ?? row.status;
    // A move back to `stands` clears the date unless the body names one.
    const statusDate = body.statusDate !== undefined ? body.statusDate : status === 'stands' && body.status ? null : row.status_date;
    throwIfProblems(
      [
        ...(await instrumentProblems(trx, body.instruments)),
        ...(await evidenceProblems(trx, body.evidence)),
        ...statusProblems(status, statusDate, body.identified ?? row.identified),
        ...source.problems,
        ...access.problems,
      ],
      `The correction of ${id}`,
    );
    const plan = planUpdate(row, OBSTACLE_FIELDS, { ...body, statusDate }, stamp);
    await writeParts(trx, id, body, plan);
    const applied = await applyCorrection(trx, {
      entityKind: OBSTACLE_ENTITY_KIND,
      entityId: id,
      expected,
      plan,
      access,
      source,
      stamp,
      write: (set) => updateIfVersion(trx, 'obstacle', id, expected, set),
      stale: target.stale,
    });
    return { result: applied.result, audit: applied.audit, topics: touchedBy(['obstacles'], applied) };
  },
};

/** Replaces the instruments and evidence a body gives, when they differ, and adds them to the plan. */
async function writeParts(trx: Kysely<Database>, id: string, body: { instruments?: string[]; evidence?: EvidenceInput[] }, plan: ReturnType<typeof planUpdate>) {
  if (body.instruments) {
    const before = (await instrumentsOf(trx, [id])).get(id) ?? [];
    const after = [...body.instruments].sort();
    if (JSON.stringify(before) !== JSON.stringify(after)) {
      await replaceInstruments(trx, id, after);
      plan.changed.push('instruments');
      plan.before.instruments = before as never;
      plan.after.instruments = after as never;
    }
  }
  if (body.evidence) {
    const before = await evidenceOf(trx, id);
    const after = evidenceRows(body.evidence);
    if (JSON.stringify(before) !== JSON.stringify(after)) {
      await replaceEvidence(trx, id, after);
      plan.changed.push('evidence');
      plan.before.evidence = before as never;
      plan.after.evidence = after as never;
    }
  }
}

export const deleteObstacleUseCase: UseCase<{ id: string; expectedVersion?: number }, { deleted: boolean }> = {
  name: 'obstacles.delete',
  topics: ['obstacles'],
  async run(trx, { id, expectedVersion }, context) {
    const row = await findObstacle(trx, id);
    if (!row) throw new NotFoundError('obstacle', id);
    const editor = editorOf(context);
    requireRight(editor, mayWriteCooperation(editor), `delete the obstacle ${id}`);
    const expected = requireVersion(expectedVersion, 'obstacle');
    if (expected !== row.row_version) throw await stale(trx, id);
    const strategies = await countStrategiesOf(trx, id);
    // Its strategies would be left without the obstacle they answer: the editor deletes them first.
    throwIfProblems(strategies ? [{ field: 'id', reason: `${strategies} ${strategies === 1 ? 'strategy answers' : 'strategies answer'} it: delete them first` }] : [], `The obstacle ${id}`);
    await replaceInstruments(trx, id, []);
    await replaceEvidence(trx, id, []);
    if (!(await deleteObstacleIfVersion(trx, id, expected))) throw await stale(trx, id);
    return {
      result: { deleted: true },
      audit: [{ action: 'delete', entityKind: OBSTACLE_ENTITY_KIND, entityId: id, before: row, summary: `${id}: obstacle of ${row.state_iso3} deleted` }],
    };
  },
};

export function createObstacle(db: Kysely<Database>, body: unknown, context: WriteContext) {
  return runUseCase(db, createObstacleUseCase, body, context);
}

export function updateObstacle(db: Kysely<Database>, input: ObstacleUpdate, context: WriteContext) {
  return runUseCase(db, updateObstacleUseCase, input, context);
}

export function deleteObstacle(db: Kysely<Database>, input: { id: string; expectedVersion?: number }, context: WriteContext) {
  return runUseCase(db, deleteObstacleUseCase, input, context);
}
