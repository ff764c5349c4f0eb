// OHCHR field presences and their coverage periods, entered and corrected through the write path
// as organizations and membership events are (organizations/write.ts, membership-write.ts): the
// policy decides inside the transaction (administrators and OHCHR editors only), every change
// rests on a source, an update or delete names the version it read, and a correction of a shipped
// record keeps the shipped value beside it. A period is dated as precisely as its source says
// (`from` may be null only when no source gives the start; `until` null while it lasts) and must
// end after it starts. Users' periods take numbers from USER_PERIOD_SEQ_FROM on, clear of the
// shipped ones the seed numbers 1, 2, …; a shipped period is corrected, never deleted. Only the
// topic `presences` changes (with `names` and `sources` when they do).
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { NotFoundError, type Problem, StaleVersionError } from '../../shared/errors.ts';
import { today } from '../../shared/dates.ts';
import { requireRight } from '../access/edit-rights.ts';
import { editorOf, type WriteContext } from '../audit/context.ts';
import { runUseCase, type UseCase } from '../audit/pipeline.ts';
import { accessOfNew } from '../edits/access.ts';
import { applyCorrection, touchedBy } from '../edits/apply.ts';
import { planUpdate } from '../edits/corrections.ts';
import { planNames } from '../edits/name-corrections.ts';
import { enteredNames } from '../edits/names.ts';
import { openCorrection } from '../edits/open.ts';
import { prepareSource, storeSource } from '../edits/source.ts';
import { parseInput, requireVersion, stateProblem, throwIfProblems } from '../edits/validate.ts';
import { insertNames } from '../names/repository.ts';
import { COVERAGE_FIELDS, PRESENCE_FIELDS, PRESENCE_NAME_FIELDS } from './fields.ts';
import { endsAfterStart, type Span } from './periods.ts';
import { coveragePeriodPermissions, mayEditPresences } from './policy.ts';
import {
  type CoverageKey,
  deleteCoveragePeriodIfVersion,
  findCoveragePeriod,
  findPresence,
  insertCoveragePeriod,
  insertPresence,
  nextCoverageSeq,
  updateCoveragePeriodIfVersion,
  updatePresenceIfVersion,
} from './repository.ts';
import {
  type CoveragePeriodCreateBody,
  type CoveragePeriodUpdateBody,
  coveragePeriodCreateSchema,
  coveragePeriodUpdateSchema,
  type PresenceCreateBody,
  type PresenceUpdateBody,
  presenceCreateSchema,
  presenceUpdateSchema,
} from './schema.ts';
import { periodView, presenceView } from './service.ts';
import { loadSources } from '../sources/repository.ts';

/** Where users' coverage periods start among a presence's periods. */
export const USER_PERIOD_SEQ_FROM = 1001;

const periodId = (key: CoverageKey) => `${key.presenceId}/${key.seq}`;

/** An end before its start: named by the field that ends. */
function orderProblems(span: Span, field: string, startField: string): Problem[] {
  return endsAfterStart(span) ? [] : [{ field, reason: `must be after ${startField} (${span.from})` }];
}

/** The value after the change: the body's when it gives one, else the stored one. */
const after = <T>(given: T | undefined, stored: T): T => (given === undefined ? stored : given);

async function stalePresence(db: Kysely<Database>, id: string): Promise<StaleVersionError> {
  const current = await presenceView(db, id, 'en', today());
  return new StaleVersionError(`presence ${id}`, current, current.version);
}

/** A 412 with the period as it is now, or a 404 when someone else deleted it meanwhile. */
async function stalePeriod(db: Kysely<Database>, key: CoverageKey): Promise<Error> {
  const row = await findCoveragePeriod(db, key);
  if (!row) return new NotFoundError('coverage period', periodId(key));
  const current = periodView(row, await loadSources(db));
  return new StaleVersionError(`coverage period ${periodId(key)}`, current, current.version);
}

export const createPresenceUseCase: UseCase<PresenceCreateBody, { id: string; version: number }> = {
  name: 'presences.create',
  topics: ['presences', 'names', 'sources'],
  async run(trx, input, context) {
    const editor = editorOf(context);
    requireRight(editor, mayEditPresences(editor), 'enter field presences');
    const body = parseInput(presenceCreateSchema, input, 'The new presence');
    const source = await prepareSource(trx, body.source);
    const access = await accessOfNew(trx, body);
    const span = { from: body.opened ?? null, until: body.closed ?? null };
    const problems = [...source.problems, ...(await stateProblem(trx, 'seatIso3', body.seatIso3)), ...orderProblems(span, 'closed', 'opened'), ...access.problems];
    if (await findPresence(trx, body.id)) problems.push({ field: 'id', reason: `a presence "${body.id}" already exists` });
    throwIfProblems(problems, `The presence ${body.id}`);
    const newSource = await storeSource(trx, source, access.stored);
    await insertPresence(trx, {
      id: body.id,
      kind: body.kind,
      seat_city: body.seatCity ?? null,
      seat_iso3: body.seatIso3 ?? null,
      opened: span.from,
      closed: span.until,
      mandate: body.mandate ?? null,
      unverified: '[]',
      sources: JSON.stringify([source.id]),
      origin: 'user',
      ...access.stored,
    });
    await insertNames(trx, enteredNames('presence', body.id, { name: body.name }, source.id, { actor: context.actor, at: new Date().toISOString() }));
    const { source: _input, ...fields } = body;
    return {
      result: { id: body.id, version: 1 },
      audit: [{ action: 'create', entityKind: 'presence', entityId: body.id, after: { ...fields, source: source.id }, summary: `${body.id} created: ${body.name.en} (source ${source.id})` }],
      topics: touchedBy(['presences', 'names'], { newSource, namesChanged: false }),
    };
  },
};

export type PresenceUpdate = PresenceUpdateBody & { id: string; expectedVersion?: number };

export const updatePresenceUseCase: UseCase<PresenceUpdate, { changed: string[]; version: number }> = {
  name: 'presences.update',
  topics: ['presences', 'names', 'sources'],
  async run(trx, input, context) {
    const { id, expectedVersion, ...rest } = input;
    const target = {
      kind: 'presence',
      id,
      row: await findPresence(trx, id),
      allowed: mayEditPresences,
      attempt: `correct the presence ${id}`,
      expectedVersion,
      stale: () => stalePresence(trx, id),
    };
    const { row, expected, body, source, access, stamp } = await openCorrection(trx, context, target, presenceUpdateSchema, rest);
    const names = await planNames(trx, 'presence', row.id, PRESENCE_NAME_FIELDS, body);
    const span = { from: after(body.opened, row.opened), until: after(body.closed, row.closed) };
    const problems = [...source.problems, ...names.problems, ...(await stateProblem(trx, 'seatIso3', body.seatIso3)), ...access.problems];
    throwIfProblems([...problems, ...orderProblems(span, body.closed !== undefined ? 'closed' : 'opened', 'opened')], `The correction of ${id}`);
    const applied = await applyCorrection(trx, {
      entityKind: 'presence',
      entityId: row.id,
      expected,
      plan: planUpdate(row, PRESENCE_FIELDS, body, stamp),
      names: names.plan,
      access,
      source,
      stamp,
      write: (set) => updatePresenceIfVersion(trx, row.id, expected, set),
      stale: target.stale,
    });
    return { result: applied.result, audit: applied.audit, topics: touchedBy(['presences'], applied) };
  },
};

export type CoveragePeriodCreate = CoveragePeriodCreateBody & { presenceId: string };

export const createCoveragePeriodUseCase: UseCase<CoveragePeriodCreate, CoverageKey & { version: number }> = {
  name: 'coverage-periods.create',
  topics: ['presences', 'sources'],
  async run(trx, input, context) {
    const { presenceId, ...rest } = input;
    if (!(await findPresence(trx, presenceId))) throw new NotFoundError('presence', presenceId);
    const editor = editorOf(context);
    requireRight(editor, mayEditPresences(editor), `enter the coverage of ${presenceId}`);
    const body = parseInput(coveragePeriodCreateSchema, rest, `The coverage period of ${presenceId}`);
    const source = await prepareSource(trx, body.source);
    const access = await accessOfNew(trx, body);
    const span = { from: body.from, until: body.until ?? null };
    throwIfProblems(
      [...source.problems, ...(await stateProblem(trx, 'iso3', body.iso3)), ...orderProblems(span, 'until', 'from'), ...access.problems],
      `The coverage of ${body.iso3} by ${presenceId}`,
    );
    const newSource = await storeSource(trx, source, access.stored);
    const key = { presenceId, seq: await nextCoverageSeq(trx, presenceId, USER_PERIOD_SEQ_FROM) };
    const fields = { iso3: body.iso3, from_date: span.from, until_date: span.until, note: body.note ?? null };
    await insertCoveragePeriod(trx, { presence_id: presenceId, seq: key.seq, ...fields, sources: JSON.stringify([source.id]), origin: 'user', ...access.stored });
    return {
      result: { ...key, version: 1 },
      audit: [
        {
          action: 'create',
          entityKind: 'coverage-period',
          entityId: periodId(key),
          after: { iso3: body.iso3, from: span.from, until: span.until, note: fields.note, confidentiality: access.stored.confidentiality, source: source.id },
          summary: `${presenceId} covers ${body.iso3} from ${span.from ?? 'an unknown start'}${span.until ? ` until ${span.until}` : ''} (source ${source.id})`,
        },
      ],
      topics: touchedBy(['presences'], { newSource, namesChanged: false }),
    };
  },
};

export type CoveragePeriodUpdate = CoveragePeriodUpdateBody & CoverageKey & { expectedVersion?: number };

export const updateCoveragePeriodUseCase: UseCase<CoveragePeriodUpdate, { changed: string[]; version: number }> = {
  name: 'coverage-periods.update',
  topics: ['presences', 'sources'],
  async run(trx, input, context) {
    const { presenceId, seq, expectedVersion, ...rest } = input;
    const key = { presenceId, seq };
    const target = {
      kind: 'coverage period',
      id: periodId(key),
      row: await findCoveragePeriod(trx, key),
      allowed: mayEditPresences,
      attempt: `correct the coverage of ${presenceId}`,
      expectedVersion,
      stale: () => stalePeriod(trx, key),
    };
    const { row, expected, body, source, access, stamp } = await openCorrection(trx, context, target, coveragePeriodUpdateSchema, rest);
    const span = { from: after(body.from, row.from_date), until: after(body.until, row.until_date) };
    const order = orderProblems(span, body.until !== undefined ? 'until' : 'from', 'from');
    throwIfProblems([...source.problems, ...(await stateProblem(trx, 'iso3', body.iso3)), ...order, ...access.problems], `The correction of ${periodId(key)}`);
    const applied = await applyCorrection(trx, {
      entityKind: 'coverage-period',
      entityId: periodId(key),
      expected,
      plan: planUpdate(row, COVERAGE_FIELDS, body, stamp),
      access,
      source,
      stamp,
      write: (set) => updateCoveragePeriodIfVersion(trx, key, expected, set),
      stale: target.stale,
    });
    return { result: applied.result, audit: applied.audit, topics: touchedBy(['presences'], applied) };
  },
};

export type CoveragePeriodDelete = CoverageKey & { expectedVersion?: number };

export const deleteCoveragePeriodUseCase: UseCase<CoveragePeriodDelete, { deleted: boolean }> = {
  name: 'coverage-periods.delete',
  topics: ['presences'],
  async run(trx, input, context) {
    const key = { presenceId: input.presenceId, seq: input.seq };
    const row = await findCoveragePeriod(trx, key);
    if (!row) throw new NotFoundError('coverage period', periodId(key));
    const editor = editorOf(context);
    requireRight(editor, coveragePeriodPermissions(editor, row).delete, `delete the coverage period ${periodId(key)} (a shipped period is corrected, not deleted)`);
    const expected = requireVersion(input.expectedVersion, 'coverage period');
    if (expected !== row.row_version || !(await deleteCoveragePeriodIfVersion(trx, key, expected))) throw await stalePeriod(trx, key);
    return {
      result: { deleted: true },
      audit: [
        {
          action: 'delete',
          entityKind: 'coverage-period',
          entityId: periodId(key),
          before: { iso3: row.iso3, from: row.from_date, until: row.until_date, note: row.note, sources: JSON.parse(row.sources) },
          summary: `${periodId(key)} deleted: ${row.presence_id} covering ${row.iso3}`,
        },
      ],
    };
  },
};

export function createPresence(db: Kysely<Database>, input: PresenceCreateBody, context: WriteContext) {
  return runUseCase(db, createPresenceUseCase, input, context);
}

export function updatePresence(db: Kysely<Database>, input: PresenceUpdate, context: WriteContext) {
  return runUseCase(db, updatePresenceUseCase, input, context);
}

export function createCoveragePeriod(db: Kysely<Database>, input: CoveragePeriodCreate, context: WriteContext) {
  return runUseCase(db, createCoveragePeriodUseCase, input, context);
}

export function updateCoveragePeriod(db: Kysely<Database>, input: CoveragePeriodUpdate, context: WriteContext) {
  return runUseCase(db, updateCoveragePeriodUseCase, input, context);
}

export function deleteCoveragePeriod(db: Kysely<Database>, input: CoveragePeriodDelete, context: WriteContext) {
  return runUseCase(db, deleteCoveragePeriodUseCase, input, context);
}
