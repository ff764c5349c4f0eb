// Writing the parts of an event: its organizers and its participation counts (each replaced
// whole, in one write that names the event's version and a source, and raises the version),
// its participants (personal data: each row restricted on its own, readable by OHCHR and the
// audience given, none by default; erased by blanking the person and keeping what the counts
// rest on) and its follow-up actions. The cooperation policy decides, inside the transaction.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { ConflictError, NotFoundError, type Problem, StaleVersionError } from '../../shared/errors.ts';
import { requireRight } from '../access/edit-rights.ts';
import { editorOf, type WriteContext } from '../audit/context.ts';
import { runUseCase, type UseCase } from '../audit/pipeline.ts';
import { touchedBy } from '../edits/apply.ts';
import { prepareSource, storeSource } from '../edits/source.ts';
import { audienceProblems, parseInput, requireVersion, stateProblem, throwIfProblems } from '../edits/validate.ts';
import { mayWriteCooperation } from '../cooperation/policy.ts';
import {
  eraseParticipant,
  findAction,
  findEvent,
  findParticipant,
  insertAction,
  insertParticipant,
  organizersOf,
  participationOf,
  replaceOrganizers,
  replaceParticipation,
  updateAction,
  updateEventIfVersion,
} from './repository.ts';
import { actionCreateBody, actionUpdateBody, organizersBody, participantBody, participationBody } from './schema.ts';
import { eventDetail } from './service.ts';
import { eventProblems, organizerRows } from './write.ts';

/** The event, if it exists and the editor may write the programme. */
async function openEvent(trx: Transaction<Database>, id: string, context: WriteContext, attempt: string) {
  const row = await findEvent(trx, id);
  if (!row) throw new NotFoundError('event', id);
  const editor = editorOf(context);
  requireRight(editor, mayWriteCooperation(editor), attempt);
  return row;
}

interface VersionedPart {
  id: string;
  expectedVersion?: number;
  body: unknown;
}

/** Replaces a part of the event whole: the version it read, a source, one audit record. */
function replacePart<B extends { source: Parameters<typeof prepareSource>[1] }>(options: {
  name: string;
  part: string;
  parse: (input: unknown, what: string) => B;
  problems: (trx: Transaction<Database>, body: B) => Promise<Problem[]>;
  before: (trx: Transaction<Database>, id: string) => Promise<unknown>;
  write: (trx: Transaction<Database>, id: string, body: B) => Promise<unknown>;
  shippedReadOnly?: boolean;
}): UseCase<VersionedPart, { changed: string[]; version: number }> {
  return {
    name: options.name,
    topics: ['events', 'sources'],
    async run(trx, { id, expectedVersion, body: input }, context) {
      const row = await openEvent(trx, id, context, `change the ${options.part} of the event ${id}`);
      const expected = requireVersion(expectedVersion, 'event');
      const stale = async () => {
        const current = await eventDetail(trx, id);
        return new StaleVersionError(`event ${id}`, current, current.version);
      };
      if (expected !== row.row_version) throw await stale();
      if (options.shippedReadOnly && row.origin !== 'user') throw new ConflictError(`The ${options.part} of the shipped event ${id} are corrected in data/reference, not here`);
      const body = options.parse(input, `The ${options.part} of ${id}`);
      const source = await prepareSource(trx, body.source);
      throwIfProblems([...source.problems, ...(await options.problems(trx, body))], `The ${options.part} of ${id}`);
      const before = await options.before(trx, id);
      const after = await options.write(trx, id, body);
      if (JSON.stringify(before) === JSON.stringify(after)) return { result: { changed: [], version: expected }, audit: [] };
      const newSource = await storeSource(trx, source, { confidentiality: row.confidentiality, audience: row.audience });
      const sources = JSON.parse(row.sources) as string[];
      const set = sources.includes(source.id) ? {} : { sources: JSON.stringify([...sources, source.id]) };
      if (!(await updateEventIfVersion(trx, id, expected, set))) throw await stale();
      return {
        result: { changed: [options.part], version: expected + 1 },
        audit: [
          {
            action: 'update',
            entityKind: 'event',
            entityId: id,
            before: { [options.part]: before },
            after: { [options.part]: after, source: source.id },
            summary: `event ${id}: ${options.part} replaced (source ${source.id})`,
          },
        ],
        topics: touchedBy(['events'], { newSource, namesChanged: false }),
      };
    },
  };
}

export const replaceOrganizersUseCase = replacePart({
  name: 'events.organizers',
  part: 'organizers',
  parse: (input, what) => parseInput(organizersBody, input, what),
  problems: (trx, body) => eventProblems(trx, { organizers: body.organizers }),
  before: async (trx, id) => (await organizersOf(trx, [id])).map((o) => ({ role: o.role, name: o.name, organizationId: o.organization_id, stateIso3: o.state_iso3 })),
  write: async (trx, id, body) => {
    await replaceOrganizers(trx, id, organizerRows(body.organizers));
    return body.organizers.map((o) => ({ role: o.role, name: o.name, organizationId: o.organizationId ?? null, stateIso3: o.stateIso3 ?? null }));
  },
  shippedReadOnly: true,
});

export const replaceParticipationUseCase = replacePart({
  name: 'events.participation',
  part: 'participation',
  parse: (input, what) => parseInput(participationBody, input, what),
  problems: async (trx, body) => (await Promise.all(body.counts.map((c, i) => stateProblem(trx, `counts.${i}.country`, c.country)))).flat(),
  before: async (trx, id) => (await participationOf(trx, id)).map((r) => ({ country: r.country_iso3, institution: r.institution, gender: r.gender, headcount: Number(r.headcount) })),
  write: async (trx, id, body) => {
    const rows = body.counts.map((c) => ({ country_iso3: c.country ?? null, institution: c.institution ?? null, gender: c.gender ?? null, headcount: c.headcount }));
    await replaceParticipation(trx, id, rows);
    return rows.map((r) => ({ country: r.country_iso3, institution: r.institution, gender: r.gender, headcount: r.headcount }));
  },
});

export const addParticipantUseCase: UseCase<{ eventId: string; body: unknown }, { id: number }> = {
  name: 'events.participant-add',
  topics: ['events'],
  async run(trx, { eventId, body: input }, context) {
    await openEvent(trx, eventId, context, `enter a participant of the event ${eventId}`);
    const body = parseInput(participantBody, input, 'The participant');
    const audience = body.audience ?? [];
    throwIfProblems([...(await stateProblem(trx, 'country', body.country)), ...(await audienceProblems(trx, 'internal', audience))], 'The participant');
    const id = await insertParticipant(trx, {
      event_id: eventId,
      name: body.name,
      position: body.position ?? null,
      country_iso3: body.country ?? null,
      institution: body.institution ?? null,
      gender: body.gender ?? null,
      confidentiality: 'restricted',
      audience: JSON.stringify(audience),
      recorded_by: context.actor,
      recorded_at: new Date().toISOString(),
    });
    // The audit record names the row, never the person: the trail outlives an erasure.
    const after = { country: body.country ?? null, institution: body.institution ?? null, gender: body.gender ?? null, audience };
    return { result: { id }, audit: [{ action: 'create', entityKind: 'event-participant', entityId: `${eventId}/${id}`, after, summary: `participant ${id} of event ${eventId} entered` }] };
  },
};

export const eraseParticipantUseCase: UseCase<{ eventId: string; participantId: number }, { erased: boolean }> = {
  name: 'events.participant-erase',
  topics: ['events'],
  async run(trx, { eventId, participantId }, context) {
    await openEvent(trx, eventId, context, `erase a participant of the event ${eventId}`);
    const row = await findParticipant(trx, eventId, participantId);
    if (!row) throw new NotFoundError('participant', `${eventId}/${participantId}`);
    if (!(await eraseParticipant(trx, participantId, new Date().toISOString()))) return { result: { erased: false }, audit: [] };
    return {
      result: { erased: true },
      audit: [
        {
          action: 'update',
          entityKind: 'event-participant',
          entityId: `${eventId}/${participantId}`,
          before: { erased: false },
          after: { erased: true },
          summary: `participant ${participantId} of event ${eventId} erased (name and position removed)`,
        },
      ],
    };
  },
};

export const addActionUseCase: UseCase<{ eventId: string; body: unknown }, { id: number }> = {
  name: 'events.action-add',
  topics: ['events'],
  async run(trx, { eventId, body: input }, context) {
    await openEvent(trx, eventId, context, `enter a follow-up action of the event ${eventId}`);
    const body = parseInput(actionCreateBody, input, 'The follow-up action');
    const row = { event_id: eventId, description: body.description, owner: body.owner, due: body.due ?? null, status: body.status ?? 'open', done_on: body.doneOn ?? null };
    const id = await insertAction(trx, row);
    return {
      result: { id },
      audit: [{ action: 'create', entityKind: 'event-action', entityId: `${eventId}/${id}`, after: body, summary: `follow-up action ${id} of event ${eventId}: ${body.description.slice(0, 80)}` }],
    };
  },
};

export const updateActionUseCase: UseCase<{ eventId: string; actionId: number; body: unknown }, { changed: string[] }> = {
  name: 'events.action-update',
  topics: ['events'],
  async run(trx, { eventId, actionId, body: input }, context) {
    await openEvent(trx, eventId, context, `change a follow-up action of the event ${eventId}`);
    const row = await findAction(trx, eventId, actionId);
    if (!row) throw new NotFoundError('follow-up action', `${eventId}/${actionId}`);
    const body = parseInput(actionUpdateBody, input, 'The follow-up action');
    const columns = { description: 'description', owner: 'owner', due: 'due', status: 'status', doneOn: 'done_on' } as const;
    const set: Record<string, unknown> = {};
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const [field, column] of Object.entries(columns) as [keyof typeof columns, (typeof columns)[keyof typeof columns]][]) {
      const value = body[field];
      if (value === undefined || value === row[column]) continue;
      set[column] = value;
      before[field] = row[column];
      after[field] = value;
    }
    const changed = Object.keys(after);
    if (changed.length === 0) return { result: { changed }, audit: [] };
    await updateAction(trx, actionId, set);
    return {
      result: { changed },
      audit: [
        { action: 'update', entityKind: 'event-action', entityId: `${eventId}/${actionId}`, before, after, summary: `follow-up action ${actionId} of event ${eventId}: ${changed.join(', ')} changed` },
      ],
    };
  },
};

export const replaceOrganizersOf = (db: Kysely<Database>, input: VersionedPart, context: WriteContext) => runUseCase(db, replaceOrganizersUseCase, input, context);
export const replaceParticipationOf = (db: Kysely<Database>, input: VersionedPart, context: WriteContext) => runUseCase(db, replaceParticipationUseCase, input, context);
export const addParticipant = (db: Kysely<Database>, input: { eventId: string; body: unknown }, context: WriteContext) => runUseCase(db, addParticipantUseCase, input, context);
export const erasePerson = (db: Kysely<Database>, input: { eventId: string; participantId: number }, context: WriteContext) => runUseCase(db, eraseParticipantUseCase, input, context);
export const addAction = (db: Kysely<Database>, input: { eventId: string; body: unknown }, context: WriteContext) => runUseCase(db, addActionUseCase, input, context);
export const changeAction = (db: Kysely<Database>, input: { eventId: string; actionId: number; body: unknown }, context: WriteContext) => runUseCase(db, updateActionUseCase, input, context);
