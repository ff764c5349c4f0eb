// Sync over HTTP. Administrators manage peers and start runs (a run goes on in the background;
// its progress is read from its row). Anyone reads the records received and the disagreements
// found, through their own view: a peer's record is seen only by those who may see its level.
// Nothing here is cached, and no answer carries a peer's token.
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Deps } from '../../server/deps.ts';
import { readerOf, requireUser } from '../../server/http/auth.ts';
import { decodeCursor, encodeCursor } from '../../server/http/list.ts';
import { limitParam } from '../../server/http/query.ts';
import { actionRoute, readRoute, writeRoute } from '../../server/http/route-kit.ts';
import { writeContextOf } from '../../server/http/write-context.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../shared/errors.ts';
import { isAdmin } from '../access/principal.ts';
import { deletedSchema } from '../edits/schema.ts';
import { recheckDisagreements } from './disagreements.ts';
import { countRecords, findPeer, findRecord, findRun, lastRuns, listDisagreements, listPeers, listRecords, listRuns, peerView, recordCounts, runView, syncedRecordView } from './repository.ts';
import { continueRun } from './run.ts';
import { disagreementSchema, peerCreateSchema, peerSchema, peerUpdateSchema, runSchema, syncedRecordSchema } from './schema.ts';
import { addPeer, removePeer, startRun, updatePeer } from './write.ts';

const TAG = 'Sync';
const idParam = {
  id: z
    .string()
    .min(1, 'must be a peer id')
    .max(100, 'must be a peer id')
    .openapi({ param: { name: 'id', in: 'path' }, example: 'peer_0123456789ab' }),
};
const runParam = {
  runId: z
    .string()
    .regex(/^\d{1,15}$/, 'must be a run id')
    .transform(Number)
    .openapi({ param: { name: 'runId', in: 'path' }, type: 'integer', example: '1' }),
};
const kindParam = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,60}$/, 'must be a kind of record')
  .optional()
  .openapi({ description: 'Only records of this kind (treaty-action, membership-event, project…).' });
const peerFilter = z.string().min(1).max(100, 'must be a peer id').optional().openapi({ description: 'Only the records of this peer.' });
const cursorParam = z.string().max(1000, 'is too long').optional().openapi({ description: 'The `next` of the previous page.' });

/** Runs going on in this process, by peer: a second start for the same peer is a 409. */
const running = new Map<string, number>();

function requireAdmin(c: Parameters<typeof requireUser>[0]): void {
  if (!isAdmin(requireUser(c))) throw new ForbiddenError('Only administrators manage sync peers');
}

function keyCursor(text: string | undefined): [string, string, string] | undefined {
  if (text === undefined) return undefined;
  try {
    const key = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(key) && key.length === 3 && key.every((k) => typeof k === 'string')) return key as [string, string, string];
  } catch {}
  throw new ValidationError('The cursor is not one this API gave out', [{ parameter: 'cursor', reason: 'unknown cursor' }]);
}

async function onePeer(db: Deps['db'], id: string) {
  const row = await findPeer(db, id);
  if (!row) throw new NotFoundError('sync peer', id);
  const [lastRun] = await listRuns(db, id, { limit: 1 });
  return peerView(row, await countRecords(db, { peer: id }), lastRun);
}

export function registerSyncRoutes(app: OpenAPIHono, { db }: Deps): void {
  app.openapi(
    readRoute({
      path: '/api/v1/sync/peers',
      tag: TAG,
      summary: 'Peers this instance pulls records from (administrators)',
      query: {},
      response: z.object({ items: z.array(peerSchema) }).openapi('SyncPeerList'),
      signedIn: true,
    }),
    async (c) => {
      requireAdmin(c);
      const [rows, counts, runs] = [await listPeers(db), await recordCounts(db), await lastRuns(db)];
      c.header('Cache-Control', 'no-store');
      return c.json({ items: rows.map((row) => peerView(row, counts.get(row.id) ?? 0, runs.get(row.id))) }, 200);
    },
  );

  app.openapi(
    readRoute({ path: '/api/v1/sync/peers/{id}', tag: TAG, summary: 'One peer, with its last run (administrators)', query: {}, params: idParam, response: peerSchema, signedIn: true }),
    async (c) => {
      requireAdmin(c);
      c.header('Cache-Control', 'no-store');
      return c.json(await onePeer(db, c.req.valid('param').id), 200);
    },
  );

  app.openapi(
    writeRoute({
      method: 'post',
      path: '/api/v1/sync/peers',
      tag: TAG,
      summary: 'Add a peer: another Accord and an API token it issued (administrators)',
      body: peerCreateSchema,
      response: peerSchema,
    }),
    async (c) => {
      const row = await addPeer(db, c.req.valid('json'), writeContextOf(c));
      return c.json(await onePeer(db, row.id), 200);
    },
  );

  app.openapi(
    writeRoute({
      method: 'patch',
      path: '/api/v1/sync/peers/{id}',
      tag: TAG,
      summary: "Change a peer's name, address, token, page size or state (administrators)",
      params: idParam,
      body: peerUpdateSchema,
      response: peerSchema,
    }),
    async (c) => {
      const row = await updatePeer(db, c.req.valid('param').id, c.req.valid('json'), writeContextOf(c));
      return c.json(await onePeer(db, row.id), 200);
    },
  );

  app.openapi(
    actionRoute({
      method: 'delete',
      path: '/api/v1/sync/peers/{id}',
      tag: TAG,
      summary: 'Remove a peer with the records it sent and its runs (administrators)',
      params: idParam,
      response: deletedSchema,
    }),
    async (c) => {
      const id = c.req.valid('param').id;
      if (running.has(id)) throw new ConflictError(`A sync of ${id} is running; remove the peer when it has ended`);
      return c.json(await removePeer(db, id, writeContextOf(c)), 200);
    },
  );

  app.openapi(
    actionRoute({
      method: 'post',
      path: '/api/v1/sync/peers/{id}/runs',
      tag: TAG,
      summary: "Start a sync from the peer's cursor (administrators); it goes on in the background: read its progress at /api/v1/sync/runs/{runId}",
      params: idParam,
      response: runSchema,
    }),
    async (c) => {
      requireAdmin(c);
      const id = c.req.valid('param').id;
      if (running.has(id)) throw new ConflictError(`A sync of ${id} is already running (run ${running.get(id)})`);
      const context = writeContextOf(c);
      const runId = await startRun(db, id, context);
      running.set(id, runId);
      void continueRun(db, runId, context)
        .catch((error: Error) => console.error(`sync run ${runId} stopped: ${error.message}`))
        .finally(() => running.delete(id));
      c.header('Cache-Control', 'no-store');
      return c.json(runView((await findRun(db, runId))!), 200);
    },
  );

  app.openapi(
    readRoute({
      path: '/api/v1/sync/peers/{id}/runs',
      tag: TAG,
      summary: "A peer's runs, newest first (administrators)",
      query: {
        before: z
          .string()
          .regex(/^\d{1,15}$/, 'must be a run id')
          .transform(Number)
          .optional()
          .openapi({ type: 'integer', description: 'The `next` of the previous page.' }),
      },
      params: idParam,
      response: z.object({ items: z.array(runSchema), next: z.string().nullable() }).openapi('SyncRunList'),
      signedIn: true,
    }),
    async (c) => {
      requireAdmin(c);
      const id = c.req.valid('param').id;
      if (!(await findPeer(db, id))) throw new NotFoundError('sync peer', id);
      const limit = 50;
      const rows = await listRuns(db, id, { beforeId: c.req.valid('query').before, limit: limit + 1 });
      const items = rows.slice(0, limit).map(runView);
      c.header('Cache-Control', 'no-store');
      return c.json({ items, next: rows.length > limit ? (items.at(-1)?.id ?? null) : null }, 200);
    },
  );

  app.openapi(
    readRoute({ path: '/api/v1/sync/runs/{runId}', tag: TAG, summary: 'One run and its progress (administrators)', query: {}, params: runParam, response: runSchema, signedIn: true }),
    async (c) => {
      requireAdmin(c);
      const runId = c.req.valid('param').runId;
      const row = await findRun(db, runId);
      if (!row) throw new NotFoundError('sync run', String(runId));
      c.header('Cache-Control', 'no-store');
      return c.json(runView(row), 200);
    },
  );

  app.openapi(
    actionRoute({
      method: 'post',
      path: '/api/v1/sync/peers/{id}/check',
      tag: TAG,
      summary: "Compare the peer's records with our facts again now (administrators); a run does it when it ends",
      params: idParam,
      response: z.object({ disagreements: z.number().int() }).openapi('SyncCheck'),
    }),
    async (c) => {
      requireAdmin(c);
      const id = c.req.valid('param').id;
      if (!(await findPeer(db, id))) throw new NotFoundError('sync peer', id);
      return c.json({ disagreements: await recheckDisagreements(db, id) }, 200);
    },
  );

  app.openapi(
    readRoute({
      path: '/api/v1/sync/records',
      tag: TAG,
      summary: 'Records received from peers, each with its origin, in (peer, kind, id) order',
      query: { peer: peerFilter, kind: kindParam, limit: limitParam, cursor: cursorParam },
      response: z.object({ items: z.array(syncedRecordSchema), total: z.number().int(), next: z.string().nullable() }).openapi('SyncedRecordList'),
    }),
    async (c) => {
      const { peer, kind, limit = 50, cursor } = c.req.valid('query');
      const reader = readerOf(c);
      const rows = await listRecords(reader, { peer, kind, after: keyCursor(cursor), limit: limit + 1 });
      const items = rows.slice(0, limit);
      const last = items.at(-1);
      const next = rows.length > limit && last ? Buffer.from(JSON.stringify([last.peer_id, last.record_kind, last.record_id])).toString('base64url') : null;
      c.header('Cache-Control', 'no-store');
      return c.json({ items: items.map(syncedRecordView), total: await countRecords(reader, { peer, kind }), next }, 200);
    },
  );

  app.openapi(
    readRoute({
      path: '/api/v1/sync/records/{id}/{kind}/{recordId}',
      tag: TAG,
      summary: 'One record received from a peer, with its origin',
      query: {},
      params: {
        ...idParam,
        // Any kind up to 60 characters: one no peer sent is a 404, whatever its form.
        kind: z
          .string()
          .min(1)
          .max(60, 'must be a kind of record')
          .openapi({ param: { name: 'kind', in: 'path' }, example: 'event' }),
        recordId: z
          .string()
          .min(1)
          .max(300)
          .openapi({ param: { name: 'recordId', in: 'path' }, example: 'workshop-12' }),
      },
      response: syncedRecordSchema,
    }),
    async (c) => {
      const { id, kind, recordId } = c.req.valid('param');
      const row = await findRecord(readerOf(c), id, kind, recordId);
      if (!row) throw new NotFoundError('record received', `${id}/${kind}/${recordId}`);
      c.header('Cache-Control', 'no-store');
      return c.json(syncedRecordView(row), 200);
    },
  );

  app.openapi(
    readRoute({
      path: '/api/v1/data-quality/peer-disagreements',
      tag: 'Data quality',
      summary: "Facts on which a peer's records and ours differ, found after each sync",
      query: { peer: peerFilter, kind: kindParam, limit: limitParam, cursor: cursorParam },
      response: z.object({ items: z.array(disagreementSchema), total: z.number().int(), next: z.string().nullable() }).openapi('SyncDisagreementList'),
    }),
    async (c) => {
      const { peer, kind, limit = 50, cursor } = c.req.valid('query');
      const offset = cursor === undefined ? 0 : decodeCursor(cursor);
      const { items, total } = await listDisagreements(readerOf(c), { peer, kind, offset, limit });
      const next = offset + items.length < total ? encodeCursor(offset + items.length) : null;
      c.header('Cache-Control', 'no-store');
      return c.json({ items, total, next }, 200);
    },
  );
}
