// GET /api/v1/cooperation/dashboard: the programme's figures by year and region, counted over
// the records the asker may see (the view of readerOf), and cached per audience (cacheKey names
// what the asker may see), so no count passes from one audience to another.
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Deps } from '../../server/deps.ts';
import { readerOf } from '../../server/http/auth.ts';
import type { ReadTopic } from '../../server/http/cache.ts';
import { resolveLang } from '../../server/http/negotiate.ts';
import { cacheKey, readRoute } from '../../server/http/route-kit.ts';
import { dashboardQuery, dashboardSchema } from './schema.ts';
import { dashboard } from './service.ts';

const READS: readonly ReadTopic[] = ['requests', 'projects', 'events', 'states', 'names'];

export function registerDashboardRoutes(app: OpenAPIHono, { cache }: Deps): void {
  app.openapi(
    readRoute({
      path: '/api/v1/cooperation/dashboard',
      tag: 'Cooperation',
      summary: "The programme's requests, projects, events, participants and budgets by year and region, and per State, as the asker may see them",
      query: dashboardQuery,
      response: dashboardSchema,
    }),
    async (c) => {
      const q = c.req.valid('query');
      const lang = resolveLang(c, q.lang);
      return cache.json(c, cacheKey(c, lang), READS, () => dashboard(readerOf(c), { region: q.region, from: q.from, to: q.to }, lang));
    },
  );
}
