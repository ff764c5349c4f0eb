// Writing exchanges and their series over HTTP: each route hands the body to its use case (the
// policy decides inside it, against the record as stored) after finding the record through the
// asker's view (a hidden exchange is a 404, never a 403 or a 412 that would reveal it).
// If-Match carries the version read; the answer's ETag is the new one.
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Deps } from '../../server/deps.ts';
import { readerOf } from '../../server/http/auth.ts';
import { requireSeen, VERSIONED, withVersion } from '../../server/http/record-writes.ts';
import { actionRoute, writeRoute } from '../../server/http/route-kit.ts';
import { ifMatchVersion } from '../../server/http/versions.ts';
import { writeContextOf } from '../../server/http/write-context.ts';
import { createdSchema, deletedSchema, updatedSchema } from '../edits/schema.ts';
import { findExchange, findSeries } from './repository.ts';
import { exchangeCreateSchema, exchangeUpdateSchema, seriesCreateSchema, seriesUpdateSchema } from './schema.ts';
import { createExchange, createSeries, deleteExchange, updateExchange, updateSeries } from './write.ts';

const TAG = 'Exchanges';
const idParam = {
  id: z
    .string()
    .max(100)
    .openapi({ param: { name: 'id', in: 'path' }, example: 'tripartite-2001-vienna' }),
};

export function registerExchangeWriteRoutes(app: OpenAPIHono, { db }: Deps): void {
  app.openapi(
    writeRoute({
      method: 'post',
      path: '/api/v1/exchange-series',
      tag: TAG,
      summary: 'Enter a recurring forum of exchanges (administrators and OHCHR editors)',
      body: seriesCreateSchema,
      response: createdSchema,
    }),
    async (c) => c.json(withVersion(c, await createSeries(db, c.req.valid('json'), writeContextOf(c))), 200),
  );

  app.openapi(
    writeRoute({
      method: 'patch',
      path: '/api/v1/exchange-series/{id}',
      tag: TAG,
      summary: 'Correct a series of exchanges, with the source (If-Match)',
      params: idParam,
      body: seriesUpdateSchema,
      response: updatedSchema,
      extra: VERSIONED,
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      requireSeen(await findSeries(readerOf(c), id), 'exchange series', id);
      return c.json(withVersion(c, await updateSeries(db, { id, expectedVersion: ifMatchVersion(c), body: c.req.valid('json') }, writeContextOf(c))), 200);
    },
  );

  app.openapi(
    writeRoute({
      method: 'post',
      path: '/api/v1/exchanges',
      tag: TAG,
      summary: 'Enter an exchange (administrators and OHCHR editors), with its parties and source',
      body: exchangeCreateSchema,
      response: createdSchema,
    }),
    async (c) => c.json(withVersion(c, await createExchange(db, c.req.valid('json'), writeContextOf(c))), 200),
  );

  app.openapi(
    writeRoute({
      method: 'patch',
      path: '/api/v1/exchanges/{id}',
      tag: TAG,
      summary: 'Correct an exchange, with the source (If-Match); a shipped exchange keeps its shipped value beside',
      params: idParam,
      body: exchangeUpdateSchema,
      response: updatedSchema,
      extra: VERSIONED,
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      requireSeen(await findExchange(readerOf(c), id), 'exchange', id);
      return c.json(withVersion(c, await updateExchange(db, { id, expectedVersion: ifMatchVersion(c), body: c.req.valid('json') }, writeContextOf(c))), 200);
    },
  );

  app.openapi(
    actionRoute({
      method: 'delete',
      path: '/api/v1/exchanges/{id}',
      tag: TAG,
      summary: 'Delete an exchange entered in Accord (If-Match); shipped exchanges are corrected instead',
      params: idParam,
      response: deletedSchema,
      extra: VERSIONED,
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      requireSeen(await findExchange(readerOf(c), id), 'exchange', id);
      return c.json(await deleteExchange(db, { id, expectedVersion: ifMatchVersion(c) }, writeContextOf(c)), 200);
    },
  );
}
