// Reading exchanges and their series: the list (filters, sort, pages), one exchange, the series,
// and the CSV export, through the asker's view and the response cache (keyed by what the asker
// may see). Writes are in write-routes.ts.
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Deps } from '../../server/deps.ts';
import { readerOf } from '../../server/http/auth.ts';
import type { ReadTopic } from '../../server/http/cache.ts';
import { streamedBody } from '../../server/http/download.ts';
import { langParam, listEnvelope, listQuery } from '../../server/http/query.ts';
import { cacheKey, errorResponses, readRoute } from '../../server/http/route-kit.ts';
import { resolveLang } from '../../server/http/negotiate.ts';
import { NotFoundError } from '../../shared/errors.ts';
import { EXCHANGE_KINDS, EXCHANGE_UN_BODIES } from '../../shared/vocabularies.ts';
import { exchangeCsvChunks } from './export.ts';
import { exchangeDetailSchema, exchangeItemSchema, exchangeSeriesDetailSchema, exchangeSeriesSchema } from './schema.ts';
import { paginate } from '../../server/http/list.ts';
import { EXCHANGE_SORTS, exchangeDetail, exchangeItems, seriesDetail, seriesList } from './service.ts';

const READS: readonly ReadTopic[] = ['exchanges', 'organizations', 'mechanisms', 'names', 'sources'];
const TAG = 'Exchanges';
const q = (name: string, description: string) => ({ param: { name, in: 'query' as const }, description });

export const exchangeFilterQuery = {
  organization: z.string().max(100).optional().openapi(q('organization', 'Only exchanges with this regional organization, or one of its mechanisms (e.g. coe, oas).')),
  unBody: z.enum(EXCHANGE_UN_BODIES).optional().openapi(q('unBody', 'Only exchanges with this kind of UN body.')),
  kind: z.enum(EXCHANGE_KINDS).optional().openapi(q('kind', 'Only exchanges of this kind.')),
  year: z
    .string()
    .regex(/^\d{4}$/, 'must be a year of four digits')
    .optional()
    .openapi(q('year', 'Only exchanges held (in part) in this year.')),
  region: z.string().max(200).optional().openapi(q('region', "Only exchanges with an organization of this region, as the registry names it (an organization's `region`, e.g. Europe).")),
  series: z.string().max(100).optional().openapi(q('series', 'Only the exchanges of this series.')),
};
const idParam = (example: string) => ({
  id: z
    .string()
    .max(100)
    .openapi({ param: { name: 'id', in: 'path' }, example }),
});

export function registerExchangeRoutes(app: OpenAPIHono, { cache }: Deps, logError: (message: string) => void): void {
  app.openapi(
    readRoute({
      path: '/api/v1/exchanges',
      tag: TAG,
      summary: 'Exchanges between UN bodies and regional organizations and mechanisms (sort: start, end, title, kind, id)',
      query: { ...listQuery, ...exchangeFilterQuery },
      response: listEnvelope(exchangeItemSchema, 'ExchangeList'),
    }),
    async (c) => {
      const { limit, cursor, sort, lang: asked, ...filter } = c.req.valid('query');
      const lang = resolveLang(c, asked);
      return cache.json(c, cacheKey(c, lang), READS, async () => paginate(await exchangeItems(readerOf(c), filter, lang), { limit, cursor, sort, lang }, EXCHANGE_SORTS, 'start,id'));
    },
  );

  app.openapi(
    readRoute({
      path: '/api/v1/exchanges/{id}',
      tag: TAG,
      summary: 'One exchange: parties, outcomes, follow-up, documents, links, sources',
      query: { lang: langParam },
      params: idParam('tripartite-2001-vienna'),
      response: exchangeDetailSchema,
    }),
    async (c) => {
      const lang = resolveLang(c, c.req.valid('query').lang);
      return cache.json(c, cacheKey(c, lang), READS, () => exchangeDetail(readerOf(c), c.req.valid('param').id, lang));
    },
  );

  app.openapi(
    readRoute({
      path: '/api/v1/exchange-series',
      tag: TAG,
      summary: 'Recurring fora of exchanges (the tripartite meetings…)',
      query: { lang: langParam },
      response: z.object({ items: z.array(exchangeSeriesSchema) }).openapi('ExchangeSeriesList'),
    }),
    async (c) => cache.json(c, cacheKey(c, resolveLang(c, c.req.valid('query').lang)), READS, async () => ({ items: await seriesList(readerOf(c)) })),
  );

  app.openapi(
    readRoute({
      path: '/api/v1/exchange-series/{id}',
      tag: TAG,
      summary: 'One series with its exchanges in order',
      query: { lang: langParam },
      params: idParam('un-osce-coe-tripartite'),
      response: exchangeSeriesDetailSchema,
    }),
    async (c) => {
      const lang = resolveLang(c, c.req.valid('query').lang);
      return cache.json(c, cacheKey(c, lang), READS, () => seriesDetail(readerOf(c), c.req.valid('param').id, lang));
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/exchanges/export/{file}',
      tags: [TAG],
      summary: 'Download the exchanges the filters keep (exchanges.csv)',
      request: {
        query: z.strictObject({ ...exchangeFilterQuery, lang: langParam }),
        params: z.object({
          file: z
            .string()
            .max(100)
            .openapi({ param: { name: 'file', in: 'path' }, example: 'exchanges.csv' }),
        }),
      },
      responses: { 200: { description: 'The CSV file, as an attachment.', content: { 'text/csv': { schema: z.string() } } }, ...errorResponses },
    }),
    async (c) => {
      const file = c.req.valid('param').file;
      if (file !== 'exchanges.csv') throw new NotFoundError('export', file);
      const { lang: asked, ...filter } = c.req.valid('query');
      const chunks = exchangeCsvChunks(readerOf(c), filter, resolveLang(c, asked));
      const first = await chunks.next();
      const body = streamedBody(`\uFEFF${first.done ? '' : first.value}`, chunks, (error) => logError(`[${c.get('requestId')}] export ${file} stopped: ${(error as Error).stack ?? error}`));
      return c.body(body, 200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="accord-${file}"`, 'Cache-Control': 'no-store' });
    },
  );
}
