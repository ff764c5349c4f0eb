// GET /api/v1/recommendations/{id}/follow-up: the follow-up of one recommendation as the asker
// may see it. Not cached: it says whether the asker may add to it, and who recorded each entry
// to signed-in readers only.
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Deps } from '../../server/deps.ts';
import { principalOf, readerOf } from '../../server/http/auth.ts';
import { readRoute } from '../../server/http/route-kit.ts';
import { recommendationIdParam } from '../recommendations/schema.ts';
import { followUpSchema } from './schema.ts';
import { followUpOf } from './service.ts';

export function registerFollowUpRoutes(app: OpenAPIHono, _deps: Deps): void {
  app.openapi(
    readRoute({
      path: '/api/v1/recommendations/{id}/follow-up',
      tag: 'Recommendations',
      summary: "A recommendation's follow-up: its statuses over time, responsible entity, actions and cooperation projects (what the asker may see)",
      query: {},
      params: recommendationIdParam,
      response: followUpSchema,
    }),
    async (c) => {
      c.header('Cache-Control', 'no-store');
      return c.json(await followUpOf(readerOf(c), principalOf(c), c.req.valid('param').id), 200);
    },
  );
}
