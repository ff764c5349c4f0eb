// Writing field presences and their coverage periods over HTTP: each route hands the body to its
// use case (policy, source and version checked there) and answers with the new version as ETag.
// If-Match carries the version read.
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Deps } from '../../server/deps.ts';
import { readerOf } from '../../server/http/auth.ts';
import { requireSeen, VERSIONED, withVersion } from '../../server/http/record-writes.ts';
import { actionRoute, writeRoute } from '../../server/http/route-kit.ts';
import { ifMatchVersion } from '../../server/http/versions.ts';
import { writeContextOf } from '../../server/http/write-context.ts';
import { createdSchema, deletedSchema, updatedSchema } from '../edits/schema.ts';
import { findCoveragePeriod, findPresence } from './repository.ts';
import { presenceIdParam } from './routes.ts';
import { coveragePeriodCreateSchema, coveragePeriodUpdateSchema, presenceCreateSchema, presenceUpdateSchema } from './schema.ts';
import { createCoveragePeriod, createPresence, deleteCoveragePeriod, updateCoveragePeriod, updatePresence } from './write.ts';

const TAG = 'Presences';
const periodParams = {
  ...presenceIdParam,
  seq: z
    .string()
    .regex(/^\d{1,9}$/, 'must be the number of the period')
    .transform(Number)
    .openapi({ param: { name: 'seq', in: 'path' }, type: 'integer', example: '1' }),
};

export function registerPresenceWriteRoutes(app: OpenAPIHono, { db }: Deps): void {
  app.openapi(
    writeRoute({ method: 'post', path: '/api/v1/presences', tag: TAG, summary: 'Enter a field presence (administrators and OHCHR editors)', body: presenceCreateSchema, response: createdSchema }),
    async (c) => c.json(withVersion(c, await createPresence(db, c.req.valid('json'), writeContextOf(c))), 200),
  );

  app.openapi(
    writeRoute({
      method: 'patch',
      path: '/api/v1/presences/{id}',
      tag: TAG,
      summary: "Correct a presence's facts, with the source of the correction (If-Match)",
      params: presenceIdParam,
      body: presenceUpdateSchema,
      response: updatedSchema,
      extra: VERSIONED,
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      requireSeen(await findPresence(readerOf(c), id), 'presence', id);
      return c.json(withVersion(c, await updatePresence(db, { ...c.req.valid('json'), id, expectedVersion: ifMatchVersion(c) }, writeContextOf(c))), 200);
    },
  );

  app.openapi(
    writeRoute({
      method: 'post',
      path: '/api/v1/presences/{id}/coverage-periods',
      tag: TAG,
      summary: 'Enter a coverage period: the presence covered a State from a date (until another)',
      params: presenceIdParam,
      body: coveragePeriodCreateSchema,
      response: createdSchema,
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      requireSeen(await findPresence(readerOf(c), id), 'presence', id);
      const created = await createCoveragePeriod(db, { ...c.req.valid('json'), presenceId: id }, writeContextOf(c));
      return c.json(withVersion(c, { id: `${id}/${created.seq}`, version: created.version }), 200);
    },
  );

  app.openapi(
    writeRoute({
      method: 'patch',
      path: '/api/v1/presences/{id}/coverage-periods/{seq}',
      tag: TAG,
      summary: 'Correct a coverage period (its State, dates or note), with the source (If-Match)',
      params: periodParams,
      body: coveragePeriodUpdateSchema,
      response: updatedSchema,
      extra: VERSIONED,
    }),
    async (c) => {
      const { id, seq } = c.req.valid('param');
      const key = { presenceId: id, seq };
      requireSeen(await findCoveragePeriod(readerOf(c), key), 'coverage period', `${id}/${seq}`);
      return c.json(withVersion(c, await updateCoveragePeriod(db, { ...c.req.valid('json'), ...key, expectedVersion: ifMatchVersion(c) }, writeContextOf(c))), 200);
    },
  );

  app.openapi(
    actionRoute({
      method: 'delete',
      path: '/api/v1/presences/{id}/coverage-periods/{seq}',
      tag: TAG,
      summary: 'Delete a coverage period entered in Accord (If-Match); shipped periods are corrected instead',
      params: periodParams,
      response: deletedSchema,
      extra: VERSIONED,
    }),
    async (c) => {
      const { id, seq } = c.req.valid('param');
      const key = { presenceId: id, seq };
      requireSeen(await findCoveragePeriod(readerOf(c), key), 'coverage period', `${id}/${seq}`);
      return c.json(await deleteCoveragePeriod(db, { ...key, expectedVersion: ifMatchVersion(c) }, writeContextOf(c)), 200);
    },
  );
}
