// `accord record create|update|delete`: the registry's editing use cases as the system actor cli,
// with the API's JSON bodies. The operator edits the record as it is now: without --if-version
// the command names the version it has just read.
import { readFileSync } from 'node:fs';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { systemContext, type WriteContext } from '../../modules/audit/context.ts';
import { createInstrument, updateInstrument } from '../../modules/instruments/write.ts';
import { createMechanism, updateMechanism } from '../../modules/mechanisms/write.ts';
import { createMembershipEvent, deleteMembershipEvent, updateMembershipEvent } from '../../modules/organizations/membership-write.ts';
import { createOrganization, updateOrganization } from '../../modules/organizations/write.ts';
import { createCoveragePeriod, createPresence, deleteCoveragePeriod, updateCoveragePeriod, updatePresence } from '../../modules/presences/write.ts';
import { coveragePeriodKey, enteredActKey, membershipEventKey, versionOf } from '../../modules/records/lookup.ts';
import { createTreatyAction, deleteTreatyAction, updateTreatyAction } from '../../modules/treaty-status/entered-actions.ts';
import { NotFoundError, ValidationError } from '../../shared/errors.ts';
import type { CliRecordKind, RecordWriteOptions } from '../usage/record.ts';
import {
  type CooperationCliKind,
  cooperationVersionOf,
  createCooperationRecord,
  deleteCooperationRecord,
  isCooperationKind,
  moveCooperationRequest,
  updateCooperationRecord,
} from './record-cooperation.ts';
import { withRegistry } from '../with-db.ts';

/** The JSON body from a file or standard input; the use case validates its fields. */
export function readBody(path: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(path === '-' ? 0 : path, 'utf8');
  } catch (error) {
    throw new ValidationError(`Cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, [{ field: 'body', reason: 'a JSON file, or - for standard input' }]);
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    throw new ValidationError(`${path} is not JSON: ${(error as Error).message}`, [{ field: 'body', reason: 'must be a JSON object' }]);
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new ValidationError(`${path} is not a JSON object`, [{ field: 'body', reason: 'must be a JSON object' }]);
  return body as Record<string, unknown>;
}

function keyOf<T>(key: T | null, kind: string, id: string): T {
  if (!key) throw new NotFoundError(kind, id);
  return key;
}

type RegistryKind = Exclude<CliRecordKind, CooperationCliKind | 'request-step'>;

/** The registry's kinds, as records/lookup.ts knows them; a request step is only ever created. */
function registryKind(kind: CliRecordKind): RegistryKind {
  if (kind === 'request-step' || isCooperationKind(kind)) throw new ValidationError(`A ${kind} is only entered`, [{ field: 'kind', reason: 'a request moves on by a new request-step' }]);
  return kind;
}

function context(options: RecordWriteOptions): WriteContext {
  return systemContext('cli', options.reason ?? null);
}

/** The body as the use case's input: each use case parses its input with its zod schema and
 *  names every field at fault, as the API does, so nothing is trusted here. */
function unchecked<T>(value: unknown): T {
  return value as T;
}

async function create(db: Kysely<Database>, kind: CliRecordKind, body: Record<string, unknown>, ctx: WriteContext, ifVersion?: number): Promise<{ id: string; version: number }> {
  if (kind === 'request-step') return moveCooperationRequest(db, body, ifVersion, ctx);
  if (isCooperationKind(kind)) return createCooperationRecord(db, kind, body, ctx);
  switch (kind) {
    case 'organization':
      return createOrganization(db, unchecked(body), ctx);
    case 'instrument': {
      const made = await createInstrument(db, unchecked(body), ctx);
      return { id: made.code, version: made.version };
    }
    case 'mechanism': {
      const made = await createMechanism(db, unchecked(body), ctx);
      return { id: made.code, version: made.version };
    }
    case 'membership-event': {
      const made = await createMembershipEvent(db, unchecked(body), ctx);
      return { id: `${made.organizationId}/${made.iso3}/${made.seq}`, version: made.version };
    }
    case 'treaty-action': {
      const made = await createTreatyAction(db, unchecked(body), ctx);
      return { id: made.id, version: made.version };
    }
    case 'presence':
      return createPresence(db, unchecked(body), ctx);
    case 'coverage-period': {
      const made = await createCoveragePeriod(db, unchecked(body), ctx);
      return { id: `${made.presenceId}/${made.seq}`, version: made.version };
    }
  }
}

async function update(db: Kysely<Database>, kind: RegistryKind, id: string, body: Record<string, unknown>, expectedVersion: number, ctx: WriteContext) {
  switch (kind) {
    case 'organization':
      return updateOrganization(db, unchecked({ ...body, id, expectedVersion }), ctx);
    case 'instrument':
      return updateInstrument(db, unchecked({ ...body, code: id, expectedVersion }), ctx);
    case 'mechanism':
      return updateMechanism(db, unchecked({ ...body, code: id, expectedVersion }), ctx);
    case 'membership-event':
      return updateMembershipEvent(db, unchecked({ ...body, ...keyOf(membershipEventKey(id), kind, id), expectedVersion }), ctx);
    case 'treaty-action':
      return updateTreatyAction(db, unchecked({ ...body, ...keyOf(enteredActKey(id), kind, id), expectedVersion }), ctx);
    case 'presence':
      return updatePresence(db, unchecked({ ...body, id, expectedVersion }), ctx);
    case 'coverage-period':
      return updateCoveragePeriod(db, unchecked({ ...body, ...keyOf(coveragePeriodKey(id), kind, id), expectedVersion }), ctx);
  }
}

export function runRecordCreate(kind: CliRecordKind, options: RecordWriteOptions): Promise<void> {
  const body = readBody(options.body ?? '-');
  return withRegistry(async (db) => {
    const made = await create(db.db, kind, body, context(options), options.ifVersion);
    console.log(`${kind} ${made.id} entered, version ${made.version} (see accord audit --entity ${kind}:${made.id})`);
  });
}

export function runRecordUpdate(kind: CliRecordKind, id: string, options: RecordWriteOptions): Promise<void> {
  const body = readBody(options.body ?? '-');
  return withRegistry(async (db) => {
    const { changed, version } = await (isCooperationKind(kind)
      ? updateCooperationRecord(db.db, kind, id, body, options.ifVersion ?? (await cooperationVersionOf(db.db, kind, id)), context(options))
      : update(db.db, registryKind(kind), id, body, options.ifVersion ?? (await versionOf(db.db, registryKind(kind), id)), context(options)));
    console.log(changed.length ? `${kind} ${id}: ${changed.join(', ')} corrected, now version ${version}` : `${kind} ${id}: nothing to change`);
  });
}

export function runRecordDelete(kind: CliRecordKind, id: string, options: RecordWriteOptions): Promise<void> {
  return withRegistry(async (db) => {
    const ctx = context(options);
    if (isCooperationKind(kind)) {
      await deleteCooperationRecord(db.db, kind, id, options.ifVersion ?? (await cooperationVersionOf(db.db, kind, id)), ctx);
      console.log(`${kind} ${id} deleted`);
      return;
    }
    const expectedVersion = options.ifVersion ?? (await versionOf(db.db, registryKind(kind), id));
    if (kind === 'membership-event') await deleteMembershipEvent(db.db, { ...keyOf(membershipEventKey(id), kind, id), expectedVersion }, ctx);
    else if (kind === 'treaty-action') await deleteTreatyAction(db.db, { ...keyOf(enteredActKey(id), kind, id), expectedVersion }, ctx);
    else if (kind === 'coverage-period') await deleteCoveragePeriod(db.db, { ...keyOf(coveragePeriodKey(id), kind, id), expectedVersion }, ctx);
    else
      throw new ValidationError(`A shipped or entered ${kind} is corrected, never deleted`, [
        { field: 'kind', reason: 'only membership-event, treaty-action, coverage-period, request, project, funding-agreement, event, obstacle and strategy records are deleted' },
      ]);
    console.log(`${kind} ${id} deleted`);
  });
}
