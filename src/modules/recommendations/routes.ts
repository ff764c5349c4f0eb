// GET /api/v1/recommendations (search with facets and keyset pages) and
// GET /api/v1/recommendations/{id} (one recommendation with every source row of the same text).
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Deps } from '../../server/deps.ts';
import { readerOf } from '../../server/http/auth.ts';
import type { ReadTopic } from '../../server/http/cache.ts';
import { resolveLang } from '../../server/http/negotiate.ts';
import { langParam } from '../../server/http/query.ts';
import { streamedBody } from '../../server/http/download.ts';
import { cacheKey, errorResponses, readRoute } from '../../server/http/route-kit.ts';
import { recommendationDetailSchema, recommendationFilterQuery, recommendationIdParam, recommendationSearchSchema } from './schema.ts';
import { RECOMMENDATION_EXPORT_FORMATS, recommendationExport } from './export.ts';
import { recommendationXlsx } from './xlsx-export.ts';
import { relatedRecommendations } from './related.ts';
import { recommendationSummary } from './summary.ts';
import { recommendationSummarySchema, relatedRecommendationsSchema } from './summary-schema.ts';
import { recommendationDetail, searchRecommendations } from './service.ts';

/** What these answers read: a write to any of these topics renews them (a search counts the follow-up). */
const READS: readonly ReadTopic[] = ['recommendations', 'follow-up', 'names', 'sources'];

export const recommendationQuery = {
  ...recommendationFilterQuery,
  limit: z.coerce.number().int().min(1).max(200).optional().openapi({ description: 'Items per page (default 50, at most 200).' }),
  after: z.string().max(100).optional().openapi({ description: 'The `next` of the previous page: the page after it.' }),
  facets: z.enum(['true', 'false']).optional().openapi({ description: 'Count the matches per value of each facet (default true on the first page).' }),
  lang: langParam,
};

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const { limit: _limit, after: _after, facets: _facets, ...exportQuery } = recommendationQuery;

const exportRoute = createRoute({
  method: 'get',
  path: '/api/v1/recommendations/export/{format}',
  tags: ['Recommendations'],
  summary: 'Every recommendation a search matches, as CSV, JSON Lines or XLSX, streamed with no cap',
  description:
    'The same filters as the search. Each row carries `link`, the address of its page. CSV starts with a byte-order mark, so that spreadsheet programs read it as UTF-8. XLSX goes on in a second sheet past 1,048,576 rows, and cuts a text longer than 32,767 characters (docs/RECOMMENDATIONS.md).',
  request: {
    query: z.strictObject(exportQuery),
    params: z.object({ format: z.enum([...RECOMMENDATION_EXPORT_FORMATS, 'xlsx']).openapi({ param: { name: 'format', in: 'path' }, example: 'csv' }) }),
  },
  responses: {
    200: {
      description: 'The export, as an attachment.',
      content: { 'text/csv': { schema: z.string() }, 'application/x-ndjson': { schema: z.string() }, [XLSX_TYPE]: { schema: z.string().openapi({ format: 'binary' }) } },
    },
    ...errorResponses,
  },
});

const CONTENT_TYPES = { csv: 'text/csv; charset=utf-8', jsonl: 'application/x-ndjson; charset=utf-8', xlsx: XLSX_TYPE } as const;

export function registerRecommendationRoutes(app: OpenAPIHono, { cache }: Deps, logError: (message: string) => void): void {
  app.openapi(exportRoute, async (c) => {
    const { format } = c.req.valid('param');
    const q = c.req.valid('query');
    const lang = resolveLang(c, q.lang);
    const site = new URL(c.req.url).origin;
    const chunks = format === 'xlsx' ? recommendationXlsx(readerOf(c), q, lang, site) : recommendationExport(readerOf(c), q, lang, format, site);
    const first = await chunks.next(); // before answering: a bad request gets its JSON error
    const head = typeof first.value === 'string' || first.done ? (format === 'csv' ? '\uFEFF' : '') + (first.value ?? '') : first.value;
    const body = streamedBody(head, chunks, (error) => logError(`[${c.get('requestId')}] recommendations export stopped: ${(error as Error).stack ?? error}`));
    const headers = { 'Content-Type': CONTENT_TYPES[format], 'Content-Disposition': `attachment; filename="accord-recommendations.${format}"`, 'Cache-Control': 'no-store' };
    return new Response(body, { status: 200, headers });
  });

  app.openapi(
    readRoute({
      path: '/api/v1/recommendations',
      tag: 'Recommendations',
      summary: 'Recommendations and decisions addressed to States: full-text search, facets, keyset pages',
      query: recommendationQuery,
      response: recommendationSearchSchema,
    }),
    async (c) => {
      const db = readerOf(c);
      const q = c.req.valid('query');
      const lang = resolveLang(c, q.lang);
      return cache.json(c, cacheKey(c, lang), READS, () => searchRecommendations(db, q, lang));
    },
  );

  app.openapi(
    readRoute({
      path: '/api/v1/recommendations/summary',
      tag: 'Recommendations',
      summary: 'What one State received, counted per year: by response, by mechanism and by its most frequent themes, voluntary pledges apart',
      query: {
        state: z
          .string()
          .regex(/^[A-Z]{3}$/, 'must be a State, ISO alpha-3')
          .openapi({ example: 'CUB', description: 'The State addressed, ISO alpha-3.' }),
      },
      response: recommendationSummarySchema,
    }),
    async (c) => {
      const db = readerOf(c);
      return cache.json(c, cacheKey(c, ''), [...READS, 'states'], () => recommendationSummary(db, c.req.valid('query').state));
    },
  );

  app.openapi(
    readRoute({
      path: '/api/v1/recommendations/{id}/related',
      tag: 'Recommendations',
      summary: 'Recommendations to the same State and to any State whose texts are the most similar (at most 10 each), from the full-text index',
      query: { lang: langParam },
      params: recommendationIdParam,
      response: relatedRecommendationsSchema,
    }),
    async (c) => {
      const db = readerOf(c);
      const lang = resolveLang(c, c.req.valid('query').lang);
      return cache.json(c, cacheKey(c, lang), READS, () => relatedRecommendations(db, c.req.valid('param').id, lang));
    },
  );

  app.openapi(
    readRoute({
      path: '/api/v1/recommendations/{id}',
      tag: 'Recommendations',
      summary: 'One recommendation, with every source row of the same text to the same State in the same session',
      query: { lang: langParam },
      params: recommendationIdParam,
      response: recommendationDetailSchema,
    }),
    async (c) => {
      const db = readerOf(c);
      const lang = resolveLang(c, c.req.valid('query').lang);
      return cache.json(c, cacheKey(c, lang), READS, () => recommendationDetail(db, c.req.valid('param').id, lang));
    },
  );
}
