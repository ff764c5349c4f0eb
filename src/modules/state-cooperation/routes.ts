// GET /api/v1/states/{iso3}/cooperation: a State's cooperation history, as the asker may see it
// (read through their view, cached per audience).
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Deps } from '../../server/deps.ts';
import { readerOf } from '../../server/http/auth.ts';
import type { ReadTopic } from '../../server/http/cache.ts';
import { resolveLang } from '../../server/http/negotiate.ts';
import { langParam } from '../../server/http/query.ts';
import { cacheKey, readRoute } from '../../server/http/route-kit.ts';
import { stateCooperationSchema } from './schema.ts';
import { stateCooperation } from './service.ts';

const READS: readonly ReadTopic[] = ['requests', 'projects', 'events', 'presences', 'recommendations', 'states', 'names'];

export function registerStateCooperationRoutes(app: OpenAPIHono, { cache }: Deps): void {
  app.openapi(
    readRoute({
      path: '/api/v1/states/{iso3}/cooperation',
      tag: 'Cooperation',
      summary: "A State's cooperation history: its requests, projects, events, the presences covering it over time, and the recommendations they answer",
      query: { lang: langParam },
      params: {
        iso3: z
          .string()
          .max(100)
          .openapi({ param: { name: 'iso3', in: 'path' }, example: 'PAK', description: 'ISO alpha-3 (alpha-2 accepted).' }),
      },
      response: stateCooperationSchema,
    }),
    async (c) => {
      const { iso3 } = c.req.valid('param');
      const lang = resolveLang(c, c.req.valid('query').lang);
      return cache.json(c, cacheKey(c, lang), READS, () => stateCooperation(readerOf(c), iso3, lang));
    },
  );
}
