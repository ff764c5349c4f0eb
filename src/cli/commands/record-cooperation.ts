// `accord record create|update|delete` for the records of the technical-cooperation programme
// (requests, projects, funding agreements, events and their series), for exchanges with
// regional organizations and their series, and for the obstacles to ratification and their
// strategies: the same use cases and JSON
// bodies as the API, as the system actor cli. Without --if-version a command names the version it
// has just read, as for the registry's records.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { WriteContext } from '../../modules/audit/context.ts';
import { findRequest } from '../../modules/assistance-requests/repository.ts';
import { moveRequest } from '../../modules/assistance-requests/workflow.ts';
import { createRequest, deleteRequest, updateRequest } from '../../modules/assistance-requests/write.ts';
import { findEvent, findSeries } from '../../modules/events/repository.ts';
import { createEvent, createSeries, deleteEvent, updateEvent, updateSeries } from '../../modules/events/write.ts';
import { findExchange, findSeries as findExchangeSeries } from '../../modules/exchanges/repository.ts';
import { createExchange, createSeries as createExchangeSeries, deleteExchange, updateExchange, updateSeries as updateExchangeSeries } from '../../modules/exchanges/write.ts';
import { findAgreement } from '../../modules/funding-agreements/repository.ts';
import { type AgreementUpdate, createAgreement, deleteAgreement, updateAgreement } from '../../modules/funding-agreements/write.ts';
import { findProject } from '../../modules/projects/repository.ts';
import { createProject, deleteProject, type ProjectUpdate, updateProject } from '../../modules/projects/write.ts';
import { findObstacle, findStrategy } from '../../modules/obstacles/repository.ts';
import { createStrategy, deleteStrategy, updateStrategy } from '../../modules/obstacles/strategy-write.ts';
import { createObstacle, deleteObstacle, updateObstacle } from '../../modules/obstacles/write.ts';
import { NotFoundError, ValidationError } from '../../shared/errors.ts';

export const COOPERATION_CLI_KINDS = ['request', 'project', 'funding-agreement', 'event', 'event-series', 'exchange', 'exchange-series', 'obstacle', 'strategy'] as const;
export type CooperationCliKind = (typeof COOPERATION_CLI_KINDS)[number];

export function isCooperationKind(kind: string): kind is CooperationCliKind {
  return (COOPERATION_CLI_KINDS as readonly string[]).includes(kind);
}

/** The record's version as it is now; 404 when there is none. */
export async function cooperationVersionOf(db: Kysely<Database>, kind: CooperationCliKind, id: string): Promise<number> {
  const finders = {
    request: findRequest,
    project: findProject,
    'funding-agreement': findAgreement,
    event: findEvent,
    'event-series': findSeries,
    exchange: findExchange,
    'exchange-series': findExchangeSeries,
    obstacle: findObstacle,
    strategy: findStrategy,
  };
  const row = await finders[kind](db, id);
  if (!row) throw new NotFoundError(kind.replace('-', ' '), id);
  return row.row_version;
}

export async function createCooperationRecord(db: Kysely<Database>, kind: CooperationCliKind, body: unknown, ctx: WriteContext): Promise<{ id: string; version: number }> {
  switch (kind) {
    case 'request':
      return createRequest(db, body, ctx);
    case 'project':
      return createProject(db, body, ctx);
    case 'funding-agreement':
      return createAgreement(db, body, ctx);
    case 'event':
      return createEvent(db, body, ctx);
    case 'event-series':
      return createSeries(db, body, ctx);
    case 'exchange':
      return createExchange(db, body, ctx);
    case 'exchange-series':
      return createExchangeSeries(db, body, ctx);
    case 'obstacle':
      return createObstacle(db, body, ctx);
    case 'strategy':
      return createStrategyOf(db, body, ctx);
  }
}

/** A strategy names its obstacle in the body (`"obstacleId"`), as the API names it in the address. */
function createStrategyOf(db: Kysely<Database>, body: unknown, ctx: WriteContext) {
  const { obstacleId, ...strategy } = (body ?? {}) as Record<string, unknown>;
  if (typeof obstacleId !== 'string') throw new ValidationError('The strategy names no obstacle', [{ field: 'obstacleId', reason: 'the id of the obstacle it answers, e.g. "obs-k3v9q2m8xa"' }]);
  return createStrategy(db, { obstacleId, body: strategy }, ctx);
}

/** A request moved one step along its workflow (`{ "requestId", "status", "date", "reason" }`), at the
 *  request's version as it is now unless --if-version names one. */
export async function moveCooperationRequest(db: Kysely<Database>, body: Record<string, unknown>, expectedVersion: number | undefined, ctx: WriteContext): Promise<{ id: string; version: number }> {
  const { requestId, ...step } = body;
  if (typeof requestId !== 'string') throw new ValidationError('The step names no request', [{ field: 'requestId', reason: 'the id of the request to move, e.g. "request-1a2b3c4d"' }]);
  const version = expectedVersion ?? (await cooperationVersionOf(db, 'request', requestId));
  const moved = await moveRequest(db, { id: requestId, expectedVersion: version, body: step }, ctx);
  return { id: `${requestId} (${moved.status})`, version: moved.version };
}

export async function updateCooperationRecord(db: Kysely<Database>, kind: CooperationCliKind, id: string, body: Record<string, unknown>, expectedVersion: number, ctx: WriteContext) {
  switch (kind) {
    case 'request':
      return updateRequest(db, { id, expectedVersion, body }, ctx);
    case 'event':
      return updateEvent(db, { id, expectedVersion, body }, ctx);
    case 'event-series':
      return updateSeries(db, { id, expectedVersion, body }, ctx);
    case 'exchange':
      return updateExchange(db, { id, expectedVersion, body }, ctx);
    case 'exchange-series':
      return updateExchangeSeries(db, { id, expectedVersion, body }, ctx);
    case 'obstacle':
      return updateObstacle(db, { id, expectedVersion, body }, ctx);
    case 'strategy':
      return updateStrategy(db, { id, expectedVersion, body }, ctx);
    // These two parse the whole input, id and version included, with their update schema.
    case 'project':
      return updateProject(db, { ...body, id, expectedVersion } as ProjectUpdate, ctx);
    case 'funding-agreement':
      return updateAgreement(db, { ...body, id, expectedVersion } as AgreementUpdate, ctx);
  }
}

export async function deleteCooperationRecord(db: Kysely<Database>, kind: CooperationCliKind, id: string, expectedVersion: number, ctx: WriteContext): Promise<void> {
  switch (kind) {
    case 'request':
      await deleteRequest(db, { id, expectedVersion }, ctx);
      return;
    case 'project':
      await deleteProject(db, { id, expectedVersion }, ctx);
      return;
    case 'funding-agreement':
      await deleteAgreement(db, { id, expectedVersion }, ctx);
      return;
    case 'event':
      await deleteEvent(db, { id, expectedVersion }, ctx);
      return;
    case 'obstacle':
      await deleteObstacle(db, { id, expectedVersion }, ctx);
      return;
    case 'strategy':
      await deleteStrategy(db, { id, expectedVersion }, ctx);
      return;
    case 'event-series':
      throw new ValidationError('An event series is corrected, never deleted: its events would lose their series', [{ field: 'kind', reason: 'event-series records are not deleted' }]);
    case 'exchange':
      await deleteExchange(db, { id, expectedVersion }, ctx);
      return;
    case 'exchange-series':
      throw new ValidationError('An exchange series is corrected, never deleted: its exchanges would lose their series', [{ field: 'kind', reason: 'exchange-series records are not deleted' }]);
  }
}
