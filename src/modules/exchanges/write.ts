// Entering and correcting exchanges and their series through the write path: the cooperation
// policy decides inside the transaction (administrators and OHCHR editors), every create and
// update rests on a source, an update or delete names the version it read, each write leaves
// one audit record. A shipped exchange (origin `reference`) is corrected, never deleted: its
// correction keeps the shipped value beside it (modules/edits/corrections.ts). Parties and
// follow-up actions, like links and documents, are given whole and replace the exchange's own.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { ConflictError, NotFoundError, type Problem, StaleVersionError } from '../../shared/errors.ts';
import { requireRight } from '../access/edit-rights.ts';
import { editorOf, type WriteContext } from '../audit/context.ts';
import { runUseCase, type UseCase } from '../audit/pipeline.ts';
import { accessOfNew } from '../edits/access.ts';
import { applyCorrection, touchedBy } from '../edits/apply.ts';
import { planUpdate } from '../edits/corrections.ts';
import { openCorrection } from '../edits/open.ts';
import { prepareSource, storeSource } from '../edits/source.ts';
import { organizationProblem, parseInput, requireVersion, stateProblem, throwIfProblems } from '../edits/validate.ts';
import { findMechanism } from '../mechanisms/repository.ts';
import { deletePartsOf } from '../cooperation/repository.ts';
import { linkedFromProblems, linkProblems, writeParts } from '../cooperation/parts.ts';
import { mayWriteCooperation } from '../cooperation/policy.ts';
import { withPartsChange } from '../cooperation/write.ts';
import { endBeforeStart } from '../events/schema.ts';
import { EXCHANGE_FIELDS, SERIES_FIELDS } from './fields.ts';
import {
  actionsOf,
  deleteExchangeIfVersion,
  findExchange,
  findSeries,
  insertExchange,
  insertSeries,
  partiesOf,
  replaceActions,
  replaceParties,
  updateExchangeIfVersion,
  updateSeriesIfVersion,
} from './repository.ts';
import { type ActionInput, exchangeCreateSchema, exchangeUpdateSchema, type PartyInput, seriesCreateSchema, seriesUpdateSchema } from './schema.ts';
import { exchangeDetail, seriesDetail } from './service.ts';

export interface Created {
  id: string;
  version: number;
}
export interface Updated {
  changed: string[];
  version: number;
}

const now = () => new Date().toISOString();

/** What an exchange's fields name that only the registry knows, and the rule that an exchange
 *  is between the UN and a regional organization or mechanism: at least one party on each side. */
async function exchangeProblems(trx: Kysely<Database>, body: { country?: string | null; seriesId?: string | null; parties?: PartyInput[] }): Promise<Problem[]> {
  const problems = [...(await stateProblem(trx, 'country', body.country))];
  if (body.seriesId && !(await findSeries(trx, body.seriesId))) problems.push({ field: 'seriesId', reason: `no exchange series "${body.seriesId}"` });
  if (!body.parties) return problems;
  for (const [i, p] of body.parties.entries()) {
    problems.push(...(await organizationProblem(trx, `parties.${i}.organizationId`, p.organizationId)));
    if (p.mechanism && !(await findMechanism(trx, p.mechanism))) problems.push({ field: `parties.${i}.mechanism`, reason: `no mechanism "${p.mechanism}" in the registry` });
  }
  if (!body.parties.some((p) => p.side === 'un')) problems.push({ field: 'parties', reason: 'name at least one UN party' });
  if (!body.parties.some((p) => p.side === 'regional')) problems.push({ field: 'parties', reason: 'name at least one regional organization or mechanism' });
  return problems;
}

const partyRows = (parties: PartyInput[]) =>
  parties.map((p) => ({ side: p.side, un_body: p.unBody ?? null, name: p.name ?? null, organization_id: p.organizationId ?? null, mechanism_code: p.mechanism ?? null }));
const actionRows = (actions: ActionInput[]) => actions.map((a) => ({ description: a.description, owner: a.owner, due: a.due ?? null, status: a.status ?? 'open', done_on: a.doneOn ?? null }));

/** Writes the parties and actions a body gives, and its links and documents; says which changed, before and after. */
async function writeExchangeParts(trx: Kysely<Database>, id: string, body: { parties?: PartyInput[]; actions?: ActionInput[]; links?: never[] | unknown; documents?: unknown }) {
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  if (body.parties) {
    const old = (await partiesOf(trx, [id])).map(({ id: _i, exchange_id: _e, ...p }) => p);
    const next = partyRows(body.parties);
    if (JSON.stringify(old) !== JSON.stringify(next)) {
      await replaceParties(trx, id, next);
      before.parties = old;
      after.parties = next;
    }
  }
  if (body.actions) {
    const old = (await actionsOf(trx, id)).map(({ id: _i, exchange_id: _e, ...a }) => a);
    const next = actionRows(body.actions);
    if (JSON.stringify(old) !== JSON.stringify(next)) {
      await replaceActions(trx, id, next);
      before.actions = old;
      after.actions = next;
    }
  }
  const shared = await writeParts(trx, 'exchange', id, body as Parameters<typeof writeParts>[3]);
  return { changed: [...Object.keys(after), ...shared.changed], before: { ...before, ...shared.before }, after: { ...after, ...shared.after } };
}

export const createSeriesUseCase: UseCase<unknown, Created> = {
  name: 'exchange-series.create',
  topics: ['exchanges', 'sources'],
  async run(trx, input, context) {
    const editor = editorOf(context);
    requireRight(editor, mayWriteCooperation(editor), 'enter an exchange series');
    const body = parseInput(seriesCreateSchema, input, 'The new exchange series');
    const id = body.id ?? `exchange-series-${randomUUID()}`;
    const source = await prepareSource(trx, body.source);
    const access = await accessOfNew(trx, body);
    const problems = [...source.problems, ...access.problems];
    if (await findSeries(trx, id)) problems.push({ field: 'id', reason: `an exchange series "${id}" already exists` });
    throwIfProblems(problems, `The exchange series ${id}`);
    const newSource = await storeSource(trx, source, access.stored);
    const at = now();
    await insertSeries(trx, {
      id,
      title: body.title,
      description: body.description ?? null,
      note: body.note ?? null,
      sources: JSON.stringify([source.id]),
      origin: 'user',
      created_by: context.actor,
      created_at: at,
      updated_at: at,
      ...access.stored,
    });
    const { source: _s, ...after } = body;
    return {
      result: { id, version: 1 },
      audit: [{ action: 'create', entityKind: 'exchange-series', entityId: id, after: { ...after, source: source.id }, summary: `exchange series ${id} created: ${body.title} (source ${source.id})` }],
      topics: touchedBy(['exchanges'], { newSource, namesChanged: false }),
    };
  },
};

export const updateSeriesUseCase: UseCase<{ id: string; expectedVersion?: number; body: unknown }, Updated> = {
  name: 'exchange-series.update',
  topics: ['exchanges', 'sources'],
  async run(trx, { id, expectedVersion, body: input }, context) {
    const stale = async () => {
      const current = await seriesDetail(trx, id);
      return new StaleVersionError(`exchange series ${id}`, current, current.version);
    };
    const target = { kind: 'exchange series', id, row: await findSeries(trx, id), allowed: mayWriteCooperation, attempt: `correct the exchange series ${id}`, expectedVersion, stale };
    const { row, expected, body, source, access, stamp } = await openCorrection(trx, context, target, seriesUpdateSchema, input);
    throwIfProblems([...source.problems, ...access.problems], `The correction of ${id}`);
    const applied = await applyCorrection(trx, {
      entityKind: 'exchange-series',
      entityId: id,
      expected,
      plan: planUpdate(row, SERIES_FIELDS, body, stamp),
      access,
      source,
      stamp,
      write: (set) => updateSeriesIfVersion(trx, id, expected, set),
      stale,
    });
    return { result: applied.result, audit: applied.audit, topics: touchedBy(['exchanges'], applied) };
  },
};

export const createExchangeUseCase: UseCase<unknown, Created> = {
  name: 'exchanges.create',
  topics: ['exchanges', 'sources'],
  async run(trx, input, context) {
    const editor = editorOf(context);
    requireRight(editor, mayWriteCooperation(editor), 'enter an exchange');
    const body = parseInput(exchangeCreateSchema, input, 'The new exchange');
    const id = body.id ?? `exchange-${randomUUID()}`;
    const source = await prepareSource(trx, body.source);
    const access = await accessOfNew(trx, body);
    const problems = [...source.problems, ...access.problems, ...(await exchangeProblems(trx, body)), ...(await linkProblems(trx, { kind: 'exchange', id }, body.links))];
    if (await findExchange(trx, id)) problems.push({ field: 'id', reason: `an exchange "${id}" already exists` });
    throwIfProblems(problems, `The exchange ${id}`);
    const newSource = await storeSource(trx, source, access.stored);
    const at = now();
    await insertExchange(trx, {
      id,
      kind: body.kind,
      title: body.title,
      series_id: body.seriesId ?? null,
      series_number: body.seriesNumber ?? null,
      start_date: body.start,
      end_date: body.end ?? null,
      city: body.city ?? null,
      country_iso3: body.country ?? null,
      topic: body.topic ?? null,
      description: body.description ?? null,
      outcomes: body.outcomes ?? null,
      note: body.note ?? null,
      sources: JSON.stringify([source.id]),
      origin: 'user',
      created_by: context.actor,
      created_at: at,
      updated_at: at,
      ...access.stored,
    });
    await writeExchangeParts(trx, id, body);
    const { source: _s, ...after } = body;
    return {
      result: { id, version: 1 },
      audit: [
        { action: 'create', entityKind: 'exchange', entityId: id, after: { ...after, source: source.id }, summary: `exchange ${id} created: ${body.title}, ${body.start} (source ${source.id})` },
      ],
      topics: touchedBy(['exchanges'], { newSource, namesChanged: false }),
    };
  },
};

async function staleExchange(db: Kysely<Database>, id: string): Promise<StaleVersionError> {
  const current = await exchangeDetail(db, id);
  return new StaleVersionError(`exchange ${id}`, current, current.version);
}

export const updateExchangeUseCase: UseCase<{ id: string; expectedVersion?: number; body: unknown }, Updated> = {
  name: 'exchanges.update',
  topics: ['exchanges', 'sources'],
  async run(trx, { id, expectedVersion, body: input }, context) {
    const stale = () => staleExchange(trx, id);
    const target = { kind: 'exchange', id, row: await findExchange(trx, id), allowed: mayWriteCooperation, attempt: `correct the exchange ${id}`, expectedVersion, stale };
    const { row, expected, body, source, access, stamp } = await openCorrection(trx, context, target, exchangeUpdateSchema, input);
    const problems = [...source.problems, ...access.problems, ...(await exchangeProblems(trx, body)), ...(await linkProblems(trx, { kind: 'exchange', id }, body.links))];
    const start = body.start ?? row.start_date;
    const end = body.end === undefined ? row.end_date : body.end;
    if (endBeforeStart(start, end)) problems.push({ field: 'end', reason: `must not be before the start (${start})` });
    throwIfProblems(problems, `The correction of ${id}`);
    const applied = await applyCorrection(trx, {
      entityKind: 'exchange',
      entityId: id,
      expected,
      plan: planUpdate(row, EXCHANGE_FIELDS, body, stamp),
      access,
      source,
      stamp,
      write: (set) => updateExchangeIfVersion(trx, id, expected, set),
      stale,
    });
    const parts = await writeExchangeParts(trx, id, body);
    const whole = {
      entityKind: 'exchange',
      id,
      sources: row.sources,
      expected,
      source,
      access,
      topics: ['exchanges'] as const,
      write: (set: Record<string, unknown>) => updateExchangeIfVersion(trx, id, expected, set),
      stale,
    };
    return withPartsChange(trx, whole, applied, parts);
  },
};

export const deleteExchangeUseCase: UseCase<{ id: string; expectedVersion?: number }, { deleted: boolean }> = {
  name: 'exchanges.delete',
  topics: ['exchanges'],
  async run(trx, { id, expectedVersion }, context) {
    const row = await findExchange(trx, id);
    if (!row) throw new NotFoundError('exchange', id);
    const editor = editorOf(context);
    requireRight(editor, mayWriteCooperation(editor), `delete the exchange ${id}`);
    const expected = requireVersion(expectedVersion, 'exchange');
    if (expected !== row.row_version) throw await staleExchange(trx, id);
    if (row.origin !== 'user') throw new ConflictError(`The exchange ${id} is shipped with Accord: correct it instead of deleting it`);
    throwIfProblems(await linkedFromProblems(trx, 'exchange', id), `The exchange ${id}`);
    await deletePartsOf(trx, 'exchange', id);
    if (!(await deleteExchangeIfVersion(trx, id, expected))) throw await staleExchange(trx, id);
    return {
      result: { deleted: true },
      audit: [{ action: 'delete', entityKind: 'exchange', entityId: id, before: { title: row.title, start: row.start_date, end: row.end_date }, summary: `exchange ${id} deleted: ${row.title}` }],
    };
  },
};

export const createSeries = (db: Kysely<Database>, input: unknown, context: WriteContext) => runUseCase(db, createSeriesUseCase, input, context);
export const updateSeries = (db: Kysely<Database>, input: { id: string; expectedVersion?: number; body: unknown }, context: WriteContext) => runUseCase(db, updateSeriesUseCase, input, context);
export const createExchange = (db: Kysely<Database>, input: unknown, context: WriteContext) => runUseCase(db, createExchangeUseCase, input, context);
export const updateExchange = (db: Kysely<Database>, input: { id: string; expectedVersion?: number; body: unknown }, context: WriteContext) => runUseCase(db, updateExchangeUseCase, input, context);
export const deleteExchange = (db: Kysely<Database>, input: { id: string; expectedVersion?: number }, context: WriteContext) => runUseCase(db, deleteExchangeUseCase, input, context);
