// GET /api/v1/cooperation/dashboard: the programme's figures by year and region, counted over
// the records the asker may see (the view of readerOf). Answers are cached per audience
// (cacheKey names what the asker may see), and so are the cubes they are added up from (keyed by
// the data's versions and the audience), so no count passes from one audience to another.
import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { visibilityKey } from '../access/principal.ts';
import type { Deps } from '../../server/deps.ts';
import { principalOf, readerOf } from '../../server/http/auth.ts';
import type { ReadTopic } from '../../server/http/cache.ts';
import { resolveLang } from '../../server/http/negotiate.ts';
import { langParam } from '../../server/http/query.ts';
import { cacheKey, readRoute } from '../../server/http/route-kit.ts';
import { versionsOf } from '../../server/http/versions-reading.ts';
import { buildCube, cubeFor } from './cube.ts';
import { dashboardSchema } from './schema.ts';
import { dashboard } from './service.ts';

const year = z
  .string()
  .regex(/^\d{4}$/, 'must be a year, YYYY')
  .optional();

export const dashboardQuery = {
  region: z
    .string()
    .regex(/^\d{3}$/, 'must be a UN M49 code of three digits')
    .optional()
    .openapi({ param: { name: 'region', in: 'query' }, example: '142', description: 'Only records of this M49 region, sub-region or intermediate region (of their State, or their own).' }),
  from: year.openapi({ param: { name: 'from', in: 'query' }, example: '1990', description: 'First year counted.' }),
  to: year.openapi({ param: { name: 'to', in: 'query' }, example: '2010', description: 'Last year counted.' }),
  lang: langParam,
};

const READS = ['requests', 'projects', 'events', 'states', 'names'] as const satisfies readonly ReadTopic[];
/** What the cube is built from (names are looked up per answer, so a renamed State keeps the cube). */
const CUBE_READS = ['requests', 'projects', 'events', 'states'] as const;

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
        const key = [versions.databaseId, ...CUBE_READS.map((t) => `${t}=${versions.topics.get(t) ?? ''}`), visibilityKey(principalOf(c))].join('|');
        return cubeFor(key, () => buildCube(db));
      };
      return cache.json(c, cacheKey(c, lang), READS, () => dashboard(db, cube, { region: q.region, from: q.from, to: q.to }, lang));
    },
  );
}
