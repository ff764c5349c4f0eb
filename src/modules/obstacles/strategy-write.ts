// Entering a strategy for an obstacle, correcting it and deleting it, through the write
// pipeline as obstacles are (OHCHR editors and administrators, a source for every change,
// If-Match). A new strategy is shown to whoever may see its obstacle unless the body says
// otherwise. Its links name the requests, projects and events that carry it (rows of
// cooperation_link, so that a linked record is not deleted under it).
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { firstDay, lastDay } from '../../shared/dates.ts';
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
import { parseInput, requireVersion, throwIfProblems } from '../edits/validate.ts';
import { STRATEGY_ENTITY_KIND, STRATEGY_FIELDS } from './fields.ts';
import { deleteStrategyIfVersion, deleteStrategyLinks, findObstacle, findStrategy, insertStrategy, replaceStrategyLinks, strategyLinksOf, updateIfVersion } from './repository.ts';
import { strategyCreateSchema, type StrategyLinkInput, strategyUpdateSchema } from './schema.ts';
import { strategyViews } from './service.ts';
import { newId } from './write.ts';

/** An end that certainly comes before the start cannot be right. */
function spanProblems(start: string | null | undefined, end: string | null | undefined): Problem[] {
  return start && end && lastDay(end) < firstDay(start) ? [{ field: 'end', reason: `must not be before the start (${start})` }] : [];
}

async function linkProblems(db: Kysely<Database>, links: readonly StrategyLinkInput[] | undefined): Promise<Problem[]> {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  for (const [i, link] of (links ?? []).entries()) {
    const key = `${link.kind} ${link.ref}`;
    if (seen.has(key)) problems.push({ field: `links.${i}.ref`, reason: `${link.kind} "${link.ref}" is linked twice` });
    else if (!(await linkTargetExists(db, link.kind, link.ref))) problems.push({ field: `links.${i}.ref`, reason: `no ${link.kind} "${link.ref}"` });
    seen.add(key);
  }
  return problems;
}

const linkRows = (links: readonly StrategyLinkInput[]) => links.map((l) => ({ to_kind: l.kind, to_ref: l.ref, note: l.note ?? null }));

export type StrategyCreate = { obstacleId: string; body: unknown };

export const createStrategyUseCase: UseCase<StrategyCreate, { id: string; version: number }> = {
  name: 'strategies.create',
  topics: ['obstacles', 'sources'],
  async run(trx, { obstacleId, body: input }, context) {
    const obstacle = await findObstacle(trx, obstacleId);
    if (!obstacle) throw new NotFoundError('obstacle', obstacleId);
    const editor = editorOf(context);
    requireRight(editor, mayWriteCooperation(editor), `enter a strategy for the obstacle ${obstacleId}`);
    const body = parseInput(strategyCreateSchema, input, 'The new strategy');
    const id = newId('stg');
    const source = await prepareSource(trx, body.source);
    const access = await accessOfNew(trx, {
      confidentiality: body.confidentiality ?? (obstacle.confidentiality as never),
      audience: body.audience ?? (JSON.parse(obstacle.audience) as string[]),
    });
    throwIfProblems([...spanProblems(body.start, body.end), ...(await linkProblems(trx, body.links)), ...source.problems, ...access.problems], 'The strategy');
    const newSource = await storeSource(trx, source, access.stored);
    const now = new Date().toISOString();
    await insertStrategy(trx, {
      id,
      obstacle_id: obstacleId,
      kind: body.kind,
      description: body.description,
      status: body.status,
      outcome: body.outcome ?? null,
      start_date: body.start ?? null,
      end_date: body.end ?? null,
      sources: JSON.stringify([source.id]),
      ...access.stored,
      created_by: context.actor,
      created_at: now,
      updated_at: now,
    });
    await replaceStrategyLinks(trx, id, linkRows(body.links ?? []));
    const { source: _source, ...after } = body;
    return {
      result: { id, version: 1 },
      audit: [
        {
          action: 'create',
          entityKind: STRATEGY_ENTITY_KIND,
          entityId: id,
          after: { ...after, obstacle: obstacleId, confidentiality: access.stored.confidentiality, source: source.id },
          summary: `${id}: ${body.kind} strategy for ${obstacleId} (${body.status}, source ${source.id})`,
        },
      ],
      topics: touchedBy(['obstacles'], { newSource, namesChanged: false }),
    };
  },
};

async function stale(db: Kysely<Database>, id: string): Promise<StaleVersionError> {
  const row = await findStrategy(db, id);
  const current = row ? (await strategyViews(db, [row.obstacle_id])).find((s) => s.id === id) : undefined;
  return new StaleVersionError(`strategy ${id}`, current, current?.version ?? 0);
}

export type StrategyUpdate = { id: string; expectedVersion?: number; body: unknown };

export const updateStrategyUseCase: UseCase<StrategyUpdate, { changed: string[]; version: number }> = {
  name: 'strategies.update',
  topics: ['obstacles', 'sources'],
  async run(trx, { id, expectedVersion, body: input }, context) {
    const target = {
      kind: 'strategy',
      id,
      row: await findStrategy(trx, id),
      allowed: mayWriteCooperation,
      attempt: `correct the strategy ${id}`,
      expectedVersion,
      stale: () => stale(trx, id),
    };
    const { row, expected, body, source, access, stamp } = await openCorrection(trx, context, target, strategyUpdateSchema, input);
    const start = body.start === undefined ? row.start_date : body.start;
    const end = body.end === undefined ? row.end_date : body.end;
    throwIfProblems([...spanProblems(start, end), ...(await linkProblems(trx, body.links)), ...source.problems, ...access.problems], `The correction of ${id}`);
    const plan = planUpdate(row, STRATEGY_FIELDS, body, stamp);
    if (body.links) {
      const before = (await strategyLinksOf(trx, [id])).get(id) ?? [];
      const after = linkRows(body.links);
      if (JSON.stringify(before) !== JSON.stringify(after)) {
        await replaceStrategyLinks(trx, id, after);
        plan.changed.push('links');
        plan.before.links = before as never;
        plan.after.links = after as never;
      }
    }
    const applied = await applyCorrection(trx, {
      entityKind: STRATEGY_ENTITY_KIND,
      entityId: id,
      expected,
      plan,
      access,
      source,
      stamp,
      write: (set) => updateIfVersion(trx, 'strategy', id, expected, set),
      stale: target.stale,
    });
    return { result: applied.result, audit: applied.audit, topics: touchedBy(['obstacles'], applied) };
  },
};

export const deleteStrategyUseCase: UseCase<{ id: string; expectedVersion?: number }, { deleted: boolean }> = {
  name: 'strategies.delete',
  topics: ['obstacles'],
  async run(trx, { id, expectedVersion }, context) {
    const row = await findStrategy(trx, id);
    if (!row) throw new NotFoundError('strategy', id);
    const editor = editorOf(context);
    requireRight(editor, mayWriteCooperation(editor), `delete the strategy ${id}`);
    const expected = requireVersion(expectedVersion, 'strategy');
    if (expected !== row.row_version) throw await stale(trx, id);
    if (!(await deleteStrategyIfVersion(trx, id, expected))) throw await stale(trx, id);
    await deleteStrategyLinks(trx, id);
    return {
      result: { deleted: true },
      audit: [{ action: 'delete', entityKind: STRATEGY_ENTITY_KIND, entityId: id, before: row, summary: `${id}: strategy for ${row.obstacle_id} deleted` }],
    };
  },
};

export function createStrategy(db: Kysely<Database>, input: StrategyCreate, context: WriteContext) {
  return runUseCase(db, createStrategyUseCase, input, context);
}

export function updateStrategy(db: Kysely<Database>, input: StrategyUpdate, context: WriteContext) {
  return runUseCase(db, updateStrategyUseCase, input, context);
}

export function deleteStrategy(db: Kysely<Database>, input: { id: string; expectedVersion?: number }, context: WriteContext) {
  return runUseCase(db, deleteStrategyUseCase, input, context);
}
