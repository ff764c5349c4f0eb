// Membership events entered and corrected through the write path: a State joined, left, was
// suspended from or readmitted to an organization (a suspension ends by readmission), each
// dated as precisely as its source says (YYYY, YYYY-MM or YYYY-MM-DD) and resting on that
// source. Users' events take positions from USER_EVENT_SEQ_FROM on, so the shipped events
// (1, 2, … per State) never collide with them when the seed rewrites its own; a shipped event
// is corrected, never deleted (its source stays on record), a user's event may be deleted.
// The topic `memberships` changes (the treaty model reads memberships for eligibility).
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { NotFoundError, StaleVersionError } from '../../shared/errors.ts';
import type { Topic } from '../../shared/topics.ts';
import { type Editor, requireRight } from '../access/edit-rights.ts';
import { editorOf, type WriteContext } from '../audit/context.ts';
import { runUseCase, type UseCase } from '../audit/pipeline.ts';
import { accessOfNew } from '../edits/access.ts';
import { applyCorrection } from '../edits/apply.ts';
import { openCorrection } from '../edits/open.ts';
import { planUpdate } from '../edits/corrections.ts';
import { prepareSource, storeSource } from '../edits/source.ts';
import { parseInput, requireVersion, stateProblem, throwIfProblems } from '../edits/validate.ts';
import { MEMBERSHIP_EVENT_FIELDS } from './fields.ts';
import { mayEditMembershipEvent, membershipEventPermissions } from './policy.ts';
import { deleteMembershipEventIfVersion, findMembershipEvent, findOrganization, insertMembershipEvent, nextEventSeq, updateMembershipEventIfVersion, type MembershipEventKey } from './repository.ts';
import { membershipEventCreateSchema, membershipEventUpdateSchema, type MembershipEventCreateBody, type MembershipEventUpdateBody } from './schema.ts';
import { membershipEventView } from './service.ts';

/** Where users' events start among a State's events in an organization. */
export const USER_EVENT_SEQ_FROM = 1001;

const TOPICS: readonly Topic[] = ['memberships', 'sources'];
const touched = (newSource: boolean): Topic[] => (newSource ? ['memberships', 'sources'] : ['memberships']);
const idOf = (key: MembershipEventKey) => `${key.organizationId}/${key.iso3}/${key.seq}`;

async function stale(db: Kysely<Database>, key: MembershipEventKey): Promise<StaleVersionError> {
  const current = await membershipEventView(db, key);
  return new StaleVersionError(`membership event ${idOf(key)}`, current, current.version);
}

export type MembershipEventCreate = MembershipEventCreateBody & { organizationId: string };

export const createMembershipEventUseCase: UseCase<MembershipEventCreate, MembershipEventKey & { version: number }> = {
  name: 'memberships.create',
  topics: TOPICS,
  async run(trx, input, context) {
    const { organizationId, ...rest } = input;
    const organization = await findOrganization(trx, organizationId);
    if (!organization) throw new NotFoundError('organization', organizationId);
    const body = parseInput(membershipEventCreateSchema, rest, `The membership event in ${organizationId}`);
    const editor = editorOf(context);
    requireRight(editor, mayEditMembershipEvent(editor, { organizationId, iso3: body.iso3 }), `enter membership events of ${body.iso3} in ${organizationId}`);
    const source = await prepareSource(trx, body.source);
    const access = await accessOfNew(trx, body);
    throwIfProblems([...source.problems, ...(await stateProblem(trx, 'iso3', body.iso3)), ...access.problems], `The membership event of ${body.iso3} in ${organizationId}`);
    const newSource = await storeSource(trx, source, access.stored);
    const key = { organizationId, iso3: body.iso3, seq: await nextEventSeq(trx, organizationId, body.iso3, USER_EVENT_SEQ_FROM) };
    const event = { event: body.event, date: body.date, note: body.note ?? null };
    await insertMembershipEvent(trx, { organization_id: organizationId, iso3: body.iso3, seq: key.seq, ...event, sources: JSON.stringify([source.id]), origin: 'user', ...access.stored });
    return {
      result: { ...key, version: 1 },
      audit: [
        {
          action: 'create',
          entityKind: 'membership-event',
          entityId: idOf(key),
          after: { ...event, confidentiality: access.stored.confidentiality, source: source.id },
          summary: `${body.iso3} ${body.event} ${organizationId}${body.date ? ` on ${body.date}` : ' (undated)'} (source ${source.id})`,
        },
      ],
      topics: touched(newSource),
    };
  },
};

export type MembershipEventUpdate = MembershipEventUpdateBody & MembershipEventKey & { expectedVersion?: number };

export const updateMembershipEventUseCase: UseCase<MembershipEventUpdate, { changed: string[]; version: number }> = {
  name: 'memberships.update',
  topics: TOPICS,
  async run(trx, input, context) {
    const { organizationId, iso3, seq, expectedVersion, ...rest } = input;
    const key = { organizationId, iso3, seq };
    const target = {
      kind: 'membership event',
      id: idOf(key),
      row: await findMembershipEvent(trx, key),
      allowed: (editor: Editor) => mayEditMembershipEvent(editor, key),
      attempt: `correct membership events of ${iso3} in ${organizationId}`,
      expectedVersion,
      stale: () => stale(trx, key),
    };
    const { row, expected, body, source, access, stamp } = await openCorrection(trx, context, target, membershipEventUpdateSchema, rest);
    throwIfProblems([...source.problems, ...access.problems], `The correction of ${idOf(key)}`);
    const applied = await applyCorrection(trx, {
      entityKind: 'membership-event',
      entityId: idOf(key),
      expected,
      plan: planUpdate(row, MEMBERSHIP_EVENT_FIELDS, body, stamp),
      access,
      source,
      stamp,
      write: (set) => updateMembershipEventIfVersion(trx, key, expected, set),
      stale: target.stale,
    });
    return { result: applied.result, audit: applied.audit, topics: touched(applied.newSource) };
  },
};

export type MembershipEventDelete = MembershipEventKey & { expectedVersion?: number };

export const deleteMembershipEventUseCase: UseCase<MembershipEventDelete, { deleted: boolean }> = {
  name: 'memberships.delete',
  topics: ['memberships'],
  async run(trx, input, context) {
    const key = { organizationId: input.organizationId, iso3: input.iso3, seq: input.seq };
    const row = await findMembershipEvent(trx, key);
    if (!row) throw new NotFoundError('membership event', idOf(key));
    const editor = editorOf(context);
    requireRight(editor, membershipEventPermissions(editor, { ...key, origin: row.origin }).delete, `delete the membership event ${idOf(key)} (a shipped event is corrected, not deleted)`);
    const expected = requireVersion(input.expectedVersion, 'membership event');
    if (expected !== row.row_version || !(await deleteMembershipEventIfVersion(trx, key, expected))) throw await stale(trx, key);
    return {
      result: { deleted: true },
      audit: [
        {
          action: 'delete',
          entityKind: 'membership-event',
          entityId: idOf(key),
          before: { event: row.event, date: row.date, note: row.note, sources: JSON.parse(row.sources) },
          summary: `${idOf(key)} deleted: ${row.iso3} ${row.event} ${row.organization_id}${row.date ? ` on ${row.date}` : ''}`,
        },
      ],
    };
  },
};

export function createMembershipEvent(db: Kysely<Database>, input: MembershipEventCreate, context: WriteContext) {
  return runUseCase(db, createMembershipEventUseCase, input, context);
}

export function updateMembershipEvent(db: Kysely<Database>, input: MembershipEventUpdate, context: WriteContext) {
  return runUseCase(db, updateMembershipEventUseCase, input, context);
}

export function deleteMembershipEvent(db: Kysely<Database>, input: MembershipEventDelete, context: WriteContext) {
  return runUseCase(db, deleteMembershipEventUseCase, input, context);
}
