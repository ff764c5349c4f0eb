// Writing requests for assistance over HTTP: enter, correct (If-Match), move through the
// workflow (If-Match), delete one entered by mistake (If-Match). Each hands its body to the use
// case, which checks the policy against the request as stored.
import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from '@hono/zod-openapi';
import type { Deps } from '../../server/deps.ts';
import { readerOf } from '../../server/http/auth.ts';
import { requireSeen, VERSIONED, withVersion } from '../../server/http/record-writes.ts';
import { actionRoute, writeRoute } from '../../server/http/route-kit.ts';
import { ifMatchVersion } from '../../server/http/versions.ts';
import { writeContextOf } from '../../server/http/write-context.ts';
import { REQUEST_STATUSES } from '../../shared/vocabularies.ts';
import { createdSchema, deletedSchema, updatedSchema } from '../edits/schema.ts';
import { findRequest } from './repository.ts';
import { requestIdParam } from './routes.ts';
import { requestCreateSchema, requestStepSchema, requestUpdateSchema } from './schema.ts';
import { moveRequest } from './workflow.ts';
import { createRequest, deleteRequest, updateRequest } from './write.ts';

const TAG = 'Cooperation';
const movedSchema = z.object({ status: z.enum(REQUEST_STATUSES), version: z.number().int() }).openapi('AssistanceRequestMoved');

export function registerRequestWriteRoutes(app: OpenAPIHono, { db }: Deps): void {
  app.openapi(
    writeRoute({ method: 'post', path: '/api/v1/requests', tag: TAG, summary: 'Enter a request for assistance (OHCHR editors)', body: requestCreateSchema, response: createdSchema }),
    async (c) => c.json(withVersion(c, await createRequest(db, c.req.valid('json'), writeContextOf(c))), 200),
  );

  app.openapi(
    writeRoute({
      method: 'patch',
      path: '/api/v1/requests/{id}',
      tag: TAG,
      summary: 'Correct a request, with the source of the correction (If-Match)',
      params: requestIdParam,
      body: requestUpdateSchema,
      response: updatedSchema,
      extra: VERSIONED,
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      requireSeen(await findRequest(readerOf(c), id), 'request', id);
      const updated = await updateRequest(db, { id, expectedVersion: ifMatchVersion(c), body: c.req.valid('json') }, writeContextOf(c));
      return c.json(withVersion(c, updated), 200);
    },
  );

  app.openapi(
    writeRoute({
      method: 'post',
      path: '/api/v1/requests/{id}/steps',
      tag: TAG,
      summary: 'Move a request through its workflow: received → under assessment → accepted / declined → answered → closed (If-Match)',
      params: requestIdParam,
      body: requestStepSchema,
      response: movedSchema,
      extra: VERSIONED,
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      requireSeen(await findRequest(readerOf(c), id), 'request', id);
      const moved = await moveRequest(db, { id, expectedVersion: ifMatchVersion(c), body: c.req.valid('json') }, writeContextOf(c));
      return c.json(withVersion(c, moved), 200);
    },
  );

  app.openapi(
    actionRoute({
      method: 'delete',
      path: '/api/v1/requests/{id}',
      tag: TAG,
      summary: 'Delete a request entered by mistake (If-Match)',
      params: requestIdParam,
      response: deletedSchema,
      extra: VERSIONED,
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      requireSeen(await findRequest(readerOf(c), id), 'request', id);
      return c.json(await deleteRequest(db, { id, expectedVersion: ifMatchVersion(c) }, writeContextOf(c)), 200);
    },
  );
}
