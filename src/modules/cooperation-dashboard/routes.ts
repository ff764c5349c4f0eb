// GET /api/v1/cooperation/dashboard: the programme's figures by year and region, counted over
// the records the asker may see (the view of readerOf). Answers are cached per audience
// (cacheKey names what the asker may see), and so are the cubes they are added up from (keyed by
// the data's versions and the audience), so no count passes from one audience to another.
import type { OpenAPIHono } from '@hono/zod-openapi';
import { visibilityKey } from '../access/principal.ts';
import type { Deps } from '../../server/deps.ts';
import { principalOf, readerOf } from '../../server/http/auth.ts';
import type { ReadTopic } from '../../server/http/cache.ts';
import { resolveLang } from '../../server/http/negotiate.ts';
import { cacheKey, readRoute } from '../../server/http/route-kit.ts';
import { versionsOf } from '../../server/http/versions-reading.ts';
import { buildCube, cubeFor } from './cube.ts';
import { dashboardQuery, dashboardSchema } from './schema.ts';
import { dashboard } from './service.ts';

const READS = ['requests', 'projects', 'events', 'states', 'names'] as const satisfies readonly ReadTopic[];

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
      const db = readerOf(c);
      const cube = async () => {
        const versions = await versionsOf(c);
        const key = [versions.databaseId, ...READS.map((t) => `${t}=${versions.topics.get(t) ?? ''}`), visibilityKey(principalOf(c))].join('|');
        return cubeFor(key, () => buildCube(db));
      };
      return cache.json(c, cacheKey(c, lang), READS, () => dashboard(db, cube, { region: q.region, from: q.from, to: q.to }, lang));
    },
  );
}
