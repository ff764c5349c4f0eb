// Reading obstacles to ratification and their strategies: the list (filters, sort, pages), one
// obstacle with its evidence, strategies and what became of each instrument since, and the
// ratification gap analyses of a State and of an instrument, as JSON and CSV. Each asker sees
// what their view lets through; answers are cached per visibility.
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Deps } from '../../server/deps.ts';
import { readerOf } from '../../server/http/auth.ts';
import type { ReadTopic } from '../../server/http/cache.ts';
import { paginate } from '../../server/http/list.ts';
import { resolveAsOf, resolveLang } from '../../server/http/negotiate.ts';
import { asOfParam, langParam, listEnvelope, listQuery } from '../../server/http/query.ts';
import { requireSeen } from '../../server/http/record-writes.ts';
import { cacheKey, errorResponses, readRoute } from '../../server/http/route-kit.ts';
import { instrumentGapsCsv, stateGapsCsv } from './gap-csv.ts';
import { instrumentGapsSchema, stateGapsSchema } from './gap-schema.ts';
import { instrumentGaps, stateGaps } from './gaps.ts';
import { obstacleListQuery, obstacleSchema, type ObstacleSummary, obstacleSummarySchema, strategySchema } from './schema.ts';
import { listObstacleSummaries, obstacleView, strategyViews } from './service.ts';

const TAG = 'Obstacles';

/** What these answers read: the treaty record (ratified since?), names, and the records linked. */
const READS: readonly ReadTopic[] = ['obstacles', 'treaty-model', 'treaty-data', 'instruments', 'states', 'names', 'sources', 'requests', 'projects', 'events', 'recommendations'];

const pathParam = (name: string, example: string) => ({
  [name]: z
    .string()
    .max(100)
    .openapi({ param: { name, in: 'path' }, example }),
});

export const obstacleIdParam = pathParam('id', 'obs-k3v9q2m8xa') as { id: z.ZodString };
export const strategyIdParams = { ...obstacleIdParam, ...(pathParam('strategyId', 'stg-p2m8xak3v9') as { strategyId: z.ZodString }) };
const iso3Param = pathParam('iso3', 'USA') as { iso3: z.ZodString };
const codeParam = pathParam('code', 'ICMW') as { code: z.ZodString };
const regionQuery = z
  .string()
  .regex(/^\d{3}$/, 'must be an M49 code of three digits')
  .optional()
  .openapi({ description: 'Only the States of this M49 region, subregion or intermediate region.' });

function csv(body: string, name: string) {
  return new Response(`\uFEFF${body}`, { status: 200, headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${name}"`, 'Cache-Control': 'no-store' } });
}

export function registerObstacleRoutes(app: OpenAPIHono, { cache }: Deps): void {
  app.openapi(
    readRoute({
      path: '/api/v1/obstacles',
      tag: TAG,
      summary: 'Obstacles to ratification the asker may see, by State, instrument, category, status and region',
      query: { ...listQuery, ...obstacleListQuery },
      response: listEnvelope(obstacleSummarySchema, 'ObstacleList'),
    }),
    async (c) => {
      const q = c.req.valid('query');
      const lang = resolveLang(c, q.lang);
      return cache.json(c, cacheKey(c, lang), READS, async () =>
        paginate(
          await listObstacleSummaries(readerOf(c), { state: q.state, instrument: q.instrument?.toUpperCase(), category: q.category, status: q.status, region: q.region }, lang),
          { ...q, lang },
          {
            identified: (o: ObstacleSummary) => o.identified,
            state: (o) => o.stateName,
            category: (o) => o.category,
            status: (o) => o.status,
            id: (o) => o.id,
          },
          '-identified,id',
        ),
      );
    },
  );

  app.openapi(
    readRoute({
      path: '/api/v1/obstacles/{id}',
      tag: TAG,
      summary: 'One obstacle: evidence, strategies, sources, and per instrument whether the State has since become party and which strategies preceded it',
      query: { lang: langParam },
      params: obstacleIdParam,
      response: obstacleSchema,
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const lang = resolveLang(c, c.req.valid('query').lang);
      return cache.json(c, cacheKey(c, lang), READS, async () => requireSeen(await obstacleView(readerOf(c), id, lang), 'obstacle', id));
    },
  );

  app.openapi(
    readRoute({
      path: '/api/v1/obstacles/{id}/strategies',
      tag: TAG,
      summary: 'The strategies to overcome one obstacle, with the requests, projects and events that carry them',
      query: {},
      params: obstacleIdParam,
      response: z.object({ items: z.array(strategySchema) }).openapi('StrategyList'),
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      return cache.json(c, cacheKey(c, 'en'), READS, async () => {
        requireSeen(await obstacleView(readerOf(c), id, 'en'), 'obstacle', id);
        return { items: await strategyViews(readerOf(c), [id]) };
      });
    },
  );

  app.openapi(
    readRoute({
      path: '/api/v1/states/{iso3}/ratification-gaps',
      tag: TAG,
      summary: 'The principal instruments a State is not party to at a date, with obstacles, recommendations to ratify, strategies and its region',
      query: { asOf: asOfParam, lang: langParam },
      params: iso3Param,
      response: stateGapsSchema,
    }),
    async (c) => {
      const q = c.req.valid('query');
      const lang = resolveLang(c, q.lang);
      const asOf = resolveAsOf(q.asOf);
      return cache.json(c, cacheKey(c, lang, asOf), READS, () => stateGaps(readerOf(c), c.req.valid('param').iso3.toUpperCase(), asOf, lang));
    },
  );

  app.openapi(
    readRoute({
      path: '/api/v1/instruments/{code}/ratification-gaps',
      tag: TAG,
      summary: 'The States not party to an instrument at a date, grouped by the category of the obstacles recorded (and those with none recorded)',
      query: { asOf: asOfParam, lang: langParam, region: regionQuery },
      params: codeParam,
      response: instrumentGapsSchema,
    }),
    async (c) => {
      const q = c.req.valid('query');
      const lang = resolveLang(c, q.lang);
      const asOf = resolveAsOf(q.asOf);
      return cache.json(c, cacheKey(c, lang, asOf), READS, () => instrumentGaps(readerOf(c), c.req.valid('param').code.toUpperCase(), asOf, q.region, lang));
    },
  );

  const csvResponses = { 200: { description: 'The CSV file, as an attachment.', content: { 'text/csv': { schema: z.string() } } }, ...errorResponses };

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/states/{iso3}/ratification-gaps/csv',
      tags: [TAG],
      summary: "A State's ratification gaps as CSV: one line per principal instrument it is not party to, then those no source speaks for",
      request: { query: z.strictObject({ asOf: asOfParam, lang: langParam }), params: z.object(iso3Param) },
      responses: csvResponses,
    }),
    async (c) => {
      const q = c.req.valid('query');
      const iso3 = c.req.valid('param').iso3.toUpperCase();
      const view = await stateGaps(readerOf(c), iso3, resolveAsOf(q.asOf), resolveLang(c, q.lang));
      return csv(stateGapsCsv(view), `accord-ratification-gaps-${view.state.iso3}-${view.asOf}.csv`) as never;
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/instruments/{code}/ratification-gaps/csv',
      tags: [TAG],
      summary: 'The States not party to an instrument as CSV, one line per State and obstacle category',
      request: { query: z.strictObject({ asOf: asOfParam, lang: langParam, region: regionQuery }), params: z.object(codeParam) },
      responses: csvResponses,
    }),
    async (c) => {
      const q = c.req.valid('query');
      const code = c.req.valid('param').code.toUpperCase();
      const view = await instrumentGaps(readerOf(c), code, resolveAsOf(q.asOf), q.region, resolveLang(c, q.lang));
      return csv(instrumentGapsCsv(view), `accord-ratification-gaps-${view.instrument.code}-${view.asOf}.csv`) as never;
    },
  );
}
