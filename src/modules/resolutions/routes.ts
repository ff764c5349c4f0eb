// Reading resolutions and mandates: the list, one resolution whole, its text as imported, the
// mandates (filters, overdue at a date), their calendar, one mandate. Through the asker's view
// (what answers a mandate from the programme is shown as they may see it) and the response cache.
// Writes are in write-routes.ts.
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Deps } from '../../server/deps.ts';
import { readerOf } from '../../server/http/auth.ts';
import type { ReadTopic } from '../../server/http/cache.ts';
import { paginate } from '../../server/http/list.ts';
import { resolveAsOf, resolveLang } from '../../server/http/negotiate.ts';
import { asOfParam, listEnvelope, listQuery } from '../../server/http/query.ts';
import { cacheKey, errorResponses, readRoute } from '../../server/http/route-kit.ts';
import { aknOf } from './export.ts';
import { MANDATE_STATUSES } from '../../shared/vocabularies.ts';
import { calendarSchema, comparisonSchema, mandateSchema, resolutionDetailSchema, resolutionSummarySchema } from './schema.ts';
import { MANDATE_SORTS, mandateCalendar, mandateDetail, mandateItems, RESOLUTION_SORTS, requireResolution, resolutionComparison, resolutionDetail, resolutionItems } from './service.ts';

const READS: readonly ReadTopic[] = ['resolutions'];
/** What answers a mandate comes from the programme's records too. */
const MANDATE_READS: readonly ReadTopic[] = ['resolutions', 'requests', 'projects', 'events', 'exchanges'];
const TAG = 'Resolutions';
const q = (name: string, description: string) => ({ param: { name, in: 'query' as const }, description });
const idParam = (example: string) => ({
  id: z
    .string()
    .max(200)
    .openapi({ param: { name: 'id', in: 'path' }, example }),
});

const session = z
  .string()
  .regex(/^\d{1,3}$/, 'must be a session number')
  .optional();

export const mandateFilterQuery = {
  status: z.enum(MANDATE_STATUSES).optional().openapi(q('status', 'Only mandates in this status.')),
  dueBody: z.string().max(200).optional().openapi(q('dueBody', 'Only mandates due at a session of this body (General Assembly, Commission on Human Rights…).')),
  dueSession: session.openapi(q('dueSession', 'Only mandates due at this session.')),
  resolution: z.string().max(200).optional().openapi(q('resolution', 'Only the mandates of this resolution (its id).')),
  addressee: z.string().max(200).optional().openapi(q('addressee', 'Only mandates whose addressee holds these words (Secretary-General, High Commissioner, States…).')),
  overdue: z.enum(['true', 'false']).optional().openapi(q('overdue', 'Only mandates overdue at asOf (true), or not (false).')),
  asOf: asOfParam,
};

function mandateFilter(query: { status?: string; dueBody?: string; dueSession?: string; resolution?: string; addressee?: string; overdue?: 'true' | 'false' }) {
  return {
    status: query.status,
    dueBody: query.dueBody,
    dueSession: query.dueSession === undefined ? undefined : Number(query.dueSession),
    resolution: query.resolution,
    addressee: query.addressee,
    overdue: query.overdue === undefined ? undefined : query.overdue === 'true',
  };
}

export function registerResolutionRoutes(app: OpenAPIHono, { cache }: Deps): void {
  app.openapi(
    readRoute({
      path: '/api/v1/resolutions',
      tag: TAG,
      summary: 'Resolutions imported from their text (sort: adoptedOn, key, title, session, doubts)',
      query: {
        ...listQuery,
        q: z.string().max(200).optional().openapi(q('q', 'Words of the title or symbol.')),
        body: z.string().max(200).optional().openapi(q('body', 'Only resolutions of this body (General Assembly, Security Council).')),
        session: session.openapi(q('session', 'Only resolutions of this session.')),
      },
      response: listEnvelope(resolutionSummarySchema, 'ResolutionList'),
    }),
    async (c) => {
      const { limit, cursor, sort, lang: asked, session: s, ...filter } = c.req.valid('query');
      const lang = resolveLang(c, asked);
      return cache.json(c, cacheKey(c, lang), READS, async () =>
        paginate(await resolutionItems(readerOf(c), { ...filter, session: s === undefined ? undefined : Number(s) }), { limit, cursor, sort, lang }, RESOLUTION_SORTS, '-adoptedOn,key'),
      );
    },
  );

  app.openapi(
    readRoute({
      path: '/api/v1/resolutions/{id}',
      tag: TAG,
      summary: 'One resolution: header, paragraphs with anchors, footnotes, annexes, citations, the parser’s doubts, mandates, family',
      query: { asOf: asOfParam },
      params: idParam('local-ga-59-regional-arrangements-2004-12-20'),
      response: resolutionDetailSchema,
    }),
    async (c) => {
      const asOf = resolveAsOf(c.req.valid('query').asOf);
      return cache.json(c, cacheKey(c, '', asOf), MANDATE_READS, () => resolutionDetail(readerOf(c), c.req.valid('param').id, asOf));
    },
  );

  app.openapi(
    readRoute({
      path: '/api/v1/resolutions/{id}/compare',
      tag: TAG,
      summary: 'Two texts of a family paragraph by paragraph, with a word-level comparison of each pair',
      query: {
        with: z
          .string()
          .max(200)
          .optional()
          .openapi({ ...q('with', 'The other resolution (its id); default: the latest earlier text it recalls that is stored.'), example: 'A-RES-78-235' }),
      },
      params: idParam('A-RES-80-212'),
      response: comparisonSchema,
    }),
    async (c) => cache.json(c, cacheKey(c, ''), READS, () => resolutionComparison(readerOf(c), c.req.valid('param').id, c.req.valid('query').with)),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/resolutions/{id}/akn',
      tags: [TAG],
      summary: 'The resolution as Akoma Ntoso 3.0 (AKN4UN naming), valid against the OASIS schema; a download',
      request: { query: z.strictObject({}), params: z.object(idParam('local-ga-59-regional-arrangements-2004-12-20')) },
      responses: { 200: { description: 'The Akoma Ntoso document, as an attachment.', content: { 'application/xml': { schema: z.string() } } }, ...errorResponses },
    }),
    async (c) => {
      const row = await requireResolution(readerOf(c), c.req.valid('param').id);
      return c.body(aknOf(row), 200, { 'Content-Type': 'application/xml; charset=utf-8', 'Content-Disposition': `attachment; filename="${row.id}.akn.xml"`, 'Cache-Control': 'no-store' });
    },
  );

  app.openapi(
    readRoute({
      path: '/api/v1/mandates',
      tag: TAG,
      summary: 'Mandates: what operative paragraphs ask of whom, by when (sort: due, dueSession, status, addressee, resolution, id)',
      query: { ...listQuery, ...mandateFilterQuery },
      response: listEnvelope(mandateSchema, 'MandateList'),
    }),
    async (c) => {
      const { limit, cursor, sort, lang: asked, asOf: day, ...query } = c.req.valid('query');
      const lang = resolveLang(c, asked);
      const asOf = resolveAsOf(day);
      return cache.json(c, cacheKey(c, lang, asOf), MANDATE_READS, async () =>
        paginate(await mandateItems(readerOf(c), mandateFilter(query), asOf), { limit, cursor, sort, lang }, MANDATE_SORTS, 'due,id'),
      );
    },
  );

  app.openapi(
    readRoute({
      path: '/api/v1/mandate-calendar',
      tag: TAG,
      summary: 'What is due at which session of which body, in time order, with what is overdue at asOf',
      query: mandateFilterQuery,
      response: calendarSchema,
    }),
    async (c) => {
      const { asOf: day, ...query } = c.req.valid('query');
      const asOf = resolveAsOf(day);
      return cache.json(c, cacheKey(c, '', asOf), MANDATE_READS, () => mandateCalendar(readerOf(c), mandateFilter(query), asOf));
    },
  );

  app.openapi(
    readRoute({
      path: '/api/v1/mandates/{id}',
      tag: TAG,
      summary: 'One mandate: its paragraph, addressee, due session, status, what answers it',
      query: { asOf: asOfParam },
      params: idParam('local-ga-59-regional-arrangements-2004-12-20.op13'),
      response: mandateSchema,
    }),
    async (c) => {
      const asOf = resolveAsOf(c.req.valid('query').asOf);
      return cache.json(c, cacheKey(c, '', asOf), MANDATE_READS, () => mandateDetail(readerOf(c), c.req.valid('param').id, asOf));
    },
  );
}
