// Writing obstacles and strategies over HTTP: enter, correct (If-Match), delete (If-Match).
// Each hands its body to the use case, which checks the policy against the record as stored;
// a record the asker may not see is a 404 before anything else.
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Deps } from '../../server/deps.ts';
import { readerOf } from '../../server/http/auth.ts';
import { requireSeen, VERSIONED, withVersion } from '../../server/http/record-writes.ts';
import { actionRoute, writeRoute } from '../../server/http/route-kit.ts';
import { ifMatchVersion } from '../../server/http/versions.ts';
import { writeContextOf } from '../../server/http/write-context.ts';
import { NotFoundError } from '../../shared/errors.ts';
import { createdSchema, deletedSchema, updatedSchema } from '../edits/schema.ts';
import { findObstacle, findStrategy } from './repository.ts';
import { obstacleIdParam, strategyIdParams } from './routes.ts';
import { obstacleCreateSchema, obstacleUpdateSchema, strategyCreateSchema, strategyUpdateSchema } from './schema.ts';
import { createStrategy, deleteStrategy, updateStrategy } from './strategy-write.ts';
import { createObstacle, deleteObstacle, updateObstacle } from './write.ts';

const TAG = 'Obstacles';

export function registerObstacleWriteRoutes(app: OpenAPIHono, { db }: Deps): void {
  app.openapi(
    writeRoute({ method: 'post', path: '/api/v1/obstacles', tag: TAG, summary: 'Enter an obstacle to ratification (OHCHR editors)', body: obstacleCreateSchema, response: createdSchema }),
    async (c) => c.json(withVersion(c, await createObstacle(db, c.req.valid('json'), writeContextOf(c))), 200),
  );

  app.openapi(
    writeRoute({
      method: 'patch',
      path: '/api/v1/obstacles/{id}',
      tag: TAG,
      summary: 'Correct an obstacle, or say it is resolved or withdrawn, with the source (If-Match)',
      params: obstacleIdParam,
      body: obstacleUpdateSchema,
      response: updatedSchema,
      extra: VERSIONED,
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      requireSeen(await findObstacle(readerOf(c), id), 'obstacle', id);
      return c.json(withVersion(c, await updateObstacle(db, { id, expectedVersion: ifMatchVersion(c), body: c.req.valid('json') }, writeContextOf(c))), 200);
    },
  );

  app.openapi(
    actionRoute({
      method: 'delete',
      path: '/api/v1/obstacles/{id}',
      tag: TAG,
      summary: 'Delete an obstacle entered by mistake (If-Match)',
      params: obstacleIdParam,
      response: deletedSchema,
      extra: VERSIONED,
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      requireSeen(await findObstacle(readerOf(c), id), 'obstacle', id);
      return c.json(await deleteObstacle(db, { id, expectedVersion: ifMatchVersion(c) }, writeContextOf(c)), 200);
    },
  );

  app.openapi(
    writeRoute({
      method: 'post',
      path: '/api/v1/obstacles/{id}/strategies',
      tag: TAG,
      summary: 'Enter a strategy to overcome an obstacle (OHCHR editors)',
      params: obstacleIdParam,
      body: strategyCreateSchema,
      response: createdSchema,
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      requireSeen(await findObstacle(readerOf(c), id), 'obstacle', id);
      return c.json(withVersion(c, await createStrategy(db, { obstacleId: id, body: c.req.valid('json') }, writeContextOf(c))), 200);
    },
  );

  /** The strategy, as the asker may see it, of this obstacle (another obstacle's is a 404). */
  const seenStrategy = async (c: Parameters<typeof readerOf>[0], id: string, strategyId: string) => {
    const found = await findStrategy(readerOf(c), strategyId);
    if (!found || found.obstacle_id !== id) throw new NotFoundError('strategy', strategyId);
  };

  app.openapi(
    writeRoute({
      method: 'patch',
      path: '/api/v1/obstacles/{id}/strategies/{strategyId}',
      tag: TAG,
      summary: 'Correct a strategy: its status, outcome, dates or links, with the source (If-Match)',
      params: strategyIdParams,
      body: strategyUpdateSchema,
      response: updatedSchema,
      extra: VERSIONED,
    }),
    async (c) => {
      const { id, strategyId } = c.req.valid('param');
      await seenStrategy(c, id, strategyId);
      return c.json(withVersion(c, await updateStrategy(db, { id: strategyId, expectedVersion: ifMatchVersion(c), body: c.req.valid('json') }, writeContextOf(c))), 200);
    },
  );

  app.openapi(
    actionRoute({
      method: 'delete',
      path: '/api/v1/obstacles/{id}/strategies/{strategyId}',
      tag: TAG,
      summary: 'Delete a strategy entered by mistake (If-Match)',
      params: strategyIdParams,
      response: deletedSchema,
      extra: VERSIONED,
    }),
    async (c) => {
      const { id, strategyId } = c.req.valid('param');
      await seenStrategy(c, id, strategyId);
      return c.json(await deleteStrategy(db, { id: strategyId, expectedVersion: ifMatchVersion(c) }, writeContextOf(c)), 200);
    },
  );
}
