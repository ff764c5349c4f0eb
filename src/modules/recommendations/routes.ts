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
import { FOLLOW_UP_STATUSES, NO_FOLLOW_UP, RECOMMENDATION_KINDS, RECOMMENDATION_RESPONSES } from '../../shared/vocabularies.ts';
import { recommendationDetailSchema, recommendationSearchSchema } from './schema.ts';
import { RECOMMENDATION_EXPORT_FORMATS, recommendationExport } from './export.ts';
import { recommendationDetail, searchRecommendations } from './service.ts';

/** What these answers read: a write to any of these topics renews them. */
const READS: readonly ReadTopic[] = ['recommendations', 'names', 'sources'];

/** A comma-separated list of values of one field: any of them matches. */
const oneOf = (what: string, pattern: RegExp, example: string) =>
  z
    .string()
    .max(500)
    .refine((v) => v.split(',').every((item) => pattern.test(item.trim())), `must be ${what}, or several separated by commas`)
    .optional()
    .openapi({ example, description: `${what}; several, separated by commas, match any of them` });

export const recommendationQuery = {
  q: z.string().max(300).optional().openapi({ description: 'Words of the text, in any of the six languages: every word must match (a Chinese word matches as written).', example: 'torture' }),
  state: oneOf('a State addressed, ISO alpha-3', /^[A-Z]{3}$/, 'KEN'),
  mechanism: oneOf('a mechanism code', /^[A-Z][A-Z0-9-]{0,49}$/, 'UPR'),
  recommender: oneOf('a recommending State, ISO alpha-3', /^[A-Z]{3}$/, 'FRA'),
  group: oneOf("the addressed State's regional group as the source codes it", /^[\p{L} ()-]{1,40}$/u, 'Africa'),
  organization: oneOf('an organization the addressed State belongs to, as the source lists it', /^[\p{L}\p{N} .()&'-]{1,60}$/u, 'AU'),
  theme: oneOf("a theme (the source's own tag)", /^[\p{L}\p{N} ,.()&'/-]{1,80}$/u, 'Torture and other CID treatment'),
  response: oneOf(RECOMMENDATION_RESPONSES.join(', '), new RegExp(`^(${RECOMMENDATION_RESPONSES.join('|')})$`), 'supported'),
  kind: oneOf(RECOMMENDATION_KINDS.join(', '), new RegExp(`^(${RECOMMENDATION_KINDS.join('|')})$`), 'recommendation'),
  cycle: oneOf('a UPR cycle', /^[1-9][0-9]?$/, '2'),
  session: oneOf('a UPR session', /^[1-9][0-9]{0,2}$/, '19'),
  year: oneOf('a year', /^[12][0-9]{3}$/, '2014'),
  followUp: oneOf(
    `the latest follow-up status the asker may see (${FOLLOW_UP_STATUSES.join(', ')}), or ${NO_FOLLOW_UP} for no follow-up recorded`,
    new RegExp(`^(${[...FOLLOW_UP_STATUSES, NO_FOLLOW_UP].join('|')})$`),
    'in-progress',
  ),
  instrument: oneOf('an instrument the text asks the State to ratify, accede to, sign or withdraw reservations to (its code)', /^[A-Z0-9][A-Za-z0-9-]{0,49}$/, 'CRPD'),
  sort: z.enum(['newest', 'oldest']).optional().openapi({ description: 'By date (then as stored): newest first (default) or oldest first.' }),
  limit: z.coerce.number().int().min(1).max(200).optional().openapi({ description: 'Items per page (default 50, at most 200).' }),
  after: z.string().max(100).optional().openapi({ description: 'The `next` of the previous page: the page after it.' }),
  facets: z.enum(['true', 'false']).optional().openapi({ description: 'Count the matches per value of each facet (default true on the first page).' }),
  lang: langParam,
};

const { limit: _limit, after: _after, facets: _facets, ...exportQuery } = recommendationQuery;

const exportRoute = createRoute({
  method: 'get',
  path: '/api/v1/recommendations/export/{format}',
  tags: ['Recommendations'],
  summary: 'Every recommendation a search matches, as CSV or JSON Lines, streamed with no cap',
  description: 'The same filters as the search. Each row carries `link`, the address of its page. CSV starts with a byte-order mark, so that spreadsheet programs read it as UTF-8.',
  request: {
    query: z.strictObject(exportQuery),
    params: z.object({ format: z.enum(RECOMMENDATION_EXPORT_FORMATS).openapi({ param: { name: 'format', in: 'path' }, example: 'csv' }) }),
  },
  responses: {
    200: { description: 'The export, as an attachment.', content: { 'text/csv': { schema: z.string() }, 'application/x-ndjson': { schema: z.string() } } },
    ...errorResponses,
  },
});

const CONTENT_TYPES = { csv: 'text/csv; charset=utf-8', jsonl: 'application/x-ndjson; charset=utf-8' } as const;

export function registerRecommendationRoutes(app: OpenAPIHono, { cache }: Deps, logError: (message: string) => void): void {
  app.openapi(exportRoute, async (c) => {
    const { format } = c.req.valid('param');
    const q = c.req.valid('query');
    const lang = resolveLang(c, q.lang);
    const chunks = recommendationExport(readerOf(c), q, lang, format, new URL(c.req.url).origin);
    const first = await chunks.next(); // before answering: a bad request gets its JSON error
    const head = (format === 'csv' ? '\uFEFF' : '') + (first.done ? '' : first.value);
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
      path: '/api/v1/recommendations/{id}',
      tag: 'Recommendations',
      summary: 'One recommendation, with every source row of the same text to the same State in the same session',
      query: { lang: langParam },
      params: {
        id: z
          .string()
          .max(100)
          .openapi({ param: { name: 'id', in: 'path' }, example: 'upr-7b539938deda5ea0a617ff76' }),
      },
      response: recommendationDetailSchema,
    }),
    async (c) => {
      const db = readerOf(c);
      const lang = resolveLang(c, c.req.valid('query').lang);
      return cache.json(c, cacheKey(c, lang), READS, () => recommendationDetail(db, c.req.valid('param').id, lang));
    },
  );
}
