// Entering and correcting event series and events through the write path: the cooperation
// policy decides inside the transaction (administrators and OHCHR editors), every create and
// update rests on a source, an update or delete names the version it read, each write leaves
// one audit record. A shipped event (origin `reference`) is corrected, never deleted: its
// correction keeps the shipped value beside it (modules/edits/corrections.ts).
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
import { deletePartsOf } from '../cooperation/repository.ts';
import { linkedFromProblems, linkProblems, writeParts } from '../cooperation/parts.ts';
import { mayWriteCooperation } from '../cooperation/policy.ts';
import { withPartsChange } from '../cooperation/write.ts';
import { EVENT_FIELDS, SERIES_FIELDS } from './fields.ts';
import { deleteEventIfVersion, findEvent, findSeries, insertEvent, insertSeries, replaceOrganizers, updateEventIfVersion, updateSeriesIfVersion } from './repository.ts';
import { endBeforeStart, eventCreateSchema, eventUpdateSchema, type organizerInput, seriesCreateSchema, seriesUpdateSchema } from './schema.ts';
import { eventDetail, seriesDetail } from './service.ts';
import type { z } from '@hono/zod-openapi';

export interface Created {
  id: string;
  version: number;
}
export interface Updated {
  changed: string[];
  version: number;
}

/** What an event's fields name that only the registry knows: a State, a series, organizations. */
export async function eventProblems(trx: Kysely<Database>, body: { country?: string | null; seriesId?: string | null; organizers?: z.infer<typeof organizerInput>[] }): Promise<Problem[]> {
  const problems = [...(await stateProblem(trx, 'country', body.country))];
  if (body.seriesId && !(await findSeries(trx, body.seriesId))) problems.push({ field: 'seriesId', reason: `no event series "${body.seriesId}"` });
  for (const [i, o] of (body.organizers ?? []).entries()) {
    problems.push(...(await stateProblem(trx, `organizers.${i}.stateIso3`, o.stateIso3)), ...(await organizationProblem(trx, `organizers.${i}.organizationId`, o.organizationId)));
  }
  return problems;
}

export const organizerRows = (organizers: z.infer<typeof organizerInput>[]) =>
  organizers.map((o) => ({ role: o.role, name: o.name, organization_id: o.organizationId ?? null, state_iso3: o.stateIso3 ?? null }));

const now = () => new Date().toISOString();

export const createSeriesUseCase: UseCase<unknown, Created> = {
  name: 'event-series.create',
  topics: ['events', 'sources'],
  async run(trx, input, context) {
    const editor = editorOf(context);
    requireRight(editor, mayWriteCooperation(editor), 'enter an event series');
    const body = parseInput(seriesCreateSchema, input, 'The new event series');
    const id = body.id ?? `series-${randomUUID()}`;
    const source = await prepareSource(trx, body.source);
    const access = await accessOfNew(trx, body);
    const problems = [...source.problems, ...access.problems];
    if (await findSeries(trx, id)) problems.push({ field: 'id', reason: `an event series "${id}" already exists` });
    throwIfProblems(problems, `The event series ${id}`);
    const newSource = await storeSource(trx, source, access.stored);
    const at = now();
    await insertSeries(trx, {
      id,
      kind: body.kind,
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
      audit: [{ action: 'create', entityKind: 'event-series', entityId: id, after: { ...after, source: source.id }, summary: `event series ${id} created: ${body.title} (source ${source.id})` }],
      topics: touchedBy(['events'], { newSource, namesChanged: false }),
    };
  },
};

export const updateSeriesUseCase: UseCase<{ id: string; expectedVersion?: number; body: unknown }, Updated> = {
  name: 'event-series.update',
  topics: ['events', 'sources'],
  async run(trx, { id, expectedVersion, body: input }, context) {
    const stale = async () => {
      const current = await seriesDetail(trx, id);
      return new StaleVersionError(`event series ${id}`, current, current.version);
    };
    const target = { kind: 'event series', id, row: await findSeries(trx, id), allowed: mayWriteCooperation, attempt: `correct the event series ${id}`, expectedVersion, stale };
    const { row, expected, body, source, access, stamp } = await openCorrection(trx, context, target, seriesUpdateSchema, input);
    throwIfProblems([...source.problems, ...access.problems], `The correction of ${id}`);
    const applied = await applyCorrection(trx, {
      entityKind: 'event-series',
      entityId: id,
      expected,
      plan: planUpdate(row, SERIES_FIELDS, body, stamp),
      access,
      source,
      stamp,
      write: (set) => updateSeriesIfVersion(trx, id, expected, set),
      stale,
    });
    return { result: applied.result, audit: applied.audit, topics: touchedBy(['events'], applied) };
  },
};

export const createEventUseCase: UseCase<unknown, Created> = {
  name: 'events.create',
  topics: ['events', 'sources'],
  async run(trx, input, context) {
    const editor = editorOf(context);
    requireRight(editor, mayWriteCooperation(editor), 'enter an event');
    const body = parseInput(eventCreateSchema, input, 'The new event');
    const id = body.id ?? `event-${randomUUID()}`;
    const source = await prepareSource(trx, body.source);
    const access = await accessOfNew(trx, body);
    const problems = [...source.problems, ...access.problems, ...(await eventProblems(trx, body)), ...(await linkProblems(trx, { kind: 'event', id }, body.links))];
    if (await findEvent(trx, id)) problems.push({ field: 'id', reason: `an event "${id}" already exists` });
    throwIfProblems(problems, `The event ${id}`);
    const newSource = await storeSource(trx, source, access.stored);
    const at = now();
    await insertEvent(trx, {
      id,
      kind: body.kind,
      title: body.title,
      series_id: body.seriesId ?? null,
      series_number: body.seriesNumber ?? null,
      start_date: body.start,
      end_date: body.end ?? null,
      city: body.city ?? null,
      country_iso3: body.country ?? null,
      region_code: body.region ?? null,
      agenda: body.agenda ?? null,
      conclusions: body.conclusions ?? null,
      note: body.note ?? null,
      sources: JSON.stringify([source.id]),
      origin: 'user',
      created_by: context.actor,
      created_at: at,
      updated_at: at,
      ...access.stored,
    });
    await replaceOrganizers(trx, id, organizerRows(body.organizers ?? []));
    await writeParts(trx, 'event', id, body);
    const { source: _s, ...after } = body;
    return {
      result: { id, version: 1 },
      audit: [{ action: 'create', entityKind: 'event', entityId: id, after: { ...after, source: source.id }, summary: `event ${id} created: ${body.title}, ${body.start} (source ${source.id})` }],
      topics: touchedBy(['events'], { newSource, namesChanged: false }),
    };
  },
};

async function staleEvent(db: Kysely<Database>, id: string): Promise<StaleVersionError> {
  const current = await eventDetail(db, id);
  return new StaleVersionError(`event ${id}`, current, current.version);
}

export const updateEventUseCase: UseCase<{ id: string; expectedVersion?: number; body: unknown }, Updated> = {
  name: 'events.update',
  topics: ['events', 'sources'],
  async run(trx, { id, expectedVersion, body: input }, context) {
    const stale = () => staleEvent(trx, id);
    const target = { kind: 'event', id, row: await findEvent(trx, id), allowed: mayWriteCooperation, attempt: `correct the event ${id}`, expectedVersion, stale };
    const { row, expected, body, source, access, stamp } = await openCorrection(trx, context, target, eventUpdateSchema, input);
    const problems = [...source.problems, ...access.problems, ...(await eventProblems(trx, body)), ...(await linkProblems(trx, { kind: 'event', id }, body.links))];
    const start = body.start ?? row.start_date;
    const end = body.end === undefined ? row.end_date : body.end;
    if (endBeforeStart(start, end)) problems.push({ field: 'end', reason: `must not be before the start (${start})` });
    throwIfProblems(problems, `The correction of ${id}`);
    const applied = await applyCorrection(trx, {
      entityKind: 'event',
      entityId: id,
      expected,
      plan: planUpdate(row, EVENT_FIELDS, body, stamp),
      access,
      source,
      stamp,
      write: (set) => updateEventIfVersion(trx, id, expected, set),
      stale,
    });
    const parts = await writeParts(trx, 'event', id, body);
    const whole = {
      entityKind: 'event',
      id,
      sources: row.sources,
      expected,
      source,
      access,
      topics: ['events'] as const,
      write: (set: Record<string, unknown>) => updateEventIfVersion(trx, id, expected, set),
      stale,
    };
    return withPartsChange(trx, whole, applied, parts);
  },
};

export const deleteEventUseCase: UseCase<{ id: string; expectedVersion?: number }, { deleted: boolean }> = {
  name: 'events.delete',
  topics: ['events'],
  async run(trx, { id, expectedVersion }, context) {
    const row = await findEvent(trx, id);
    if (!row) throw new NotFoundError('event', id);
    const editor = editorOf(context);
    requireRight(editor, mayWriteCooperation(editor), `delete the event ${id}`);
    const expected = requireVersion(expectedVersion, 'event');
    if (expected !== row.row_version) throw await staleEvent(trx, id);
    if (row.origin !== 'user') throw new ConflictError(`The event ${id} is shipped with Accord: correct it instead of deleting it`);
    throwIfProblems(await linkedFromProblems(trx, 'event', id), `The event ${id}`);
    await deletePartsOf(trx, 'event', id);
    if (!(await deleteEventIfVersion(trx, id, expected))) throw await staleEvent(trx, id);
    return {
      result: { deleted: true },
      audit: [{ action: 'delete', entityKind: 'event', entityId: id, before: { title: row.title, start: row.start_date, end: row.end_date }, summary: `event ${id} deleted: ${row.title}` }],
    };
  },
};

export const createSeries = (db: Kysely<Database>, input: unknown, context: WriteContext) => runUseCase(db, createSeriesUseCase, input, context);
export const updateSeries = (db: Kysely<Database>, input: { id: string; expectedVersion?: number; body: unknown }, context: WriteContext) => runUseCase(db, updateSeriesUseCase, input, context);
export const createEvent = (db: Kysely<Database>, input: unknown, context: WriteContext) => runUseCase(db, createEventUseCase, input, context);
export const updateEvent = (db: Kysely<Database>, input: { id: string; expectedVersion?: number; body: unknown }, context: WriteContext) => runUseCase(db, updateEventUseCase, input, context);
export const deleteEvent = (db: Kysely<Database>, input: { id: string; expectedVersion?: number }, context: WriteContext) => runUseCase(db, deleteEventUseCase, input, context);
