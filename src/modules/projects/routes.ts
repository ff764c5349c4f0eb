// Reading projects: the list (filters, paging, sorting), the totals across currencies, the
// exports, and one project with all its parts. Everything through the asker's view: a project
// the asker may not see is absent from lists, totals and exports, and a 404 by its id.
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Deps } from '../../server/deps.ts';
import { readerOf } from '../../server/http/auth.ts';
import type { ReadTopic } from '../../server/http/cache.ts';
import { streamedBody } from '../../server/http/download.ts';
import { paginate } from '../../server/http/list.ts';
import { resolveAsOf, resolveLang } from '../../server/http/negotiate.ts';
import { asOfParam, langParam, listEnvelope, listQuery } from '../../server/http/query.ts';
import { cacheKey, errorResponses, readRoute } from '../../server/http/route-kit.ts';
import { currencyCode } from '../money/schema.ts';
import { PROJECT_EXPORT_FORMATS, projectCsv, projectXlsx } from './export.ts';
import { projectFilterQuery } from './filters.ts';
import { projectSummaries, projectView } from './service.ts';
import { CONVERT_AT, projectTotals, totalsSchema } from './totals.ts';
import { projectSchema, projectSummarySchema, type ProjectSummaryView } from './view-schema.ts';

const TAG = 'Projects';
const READS: readonly ReadTopic[] = ['projects', 'states', 'names', 'sources'];
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const idParam = {
  id: z
    .string()
    .max(100)
    .openapi({ param: { name: 'id', in: 'path' }, example: 'example-project' }),
};

const exportRoute = createRoute({
  method: 'get',
  path: '/api/v1/projects/export/{format}',
  tags: [TAG],
  summary: 'The projects the filters keep, one row each, as CSV or XLSX',
  description: 'Amounts per currency, exact. CSV starts with a byte-order mark, so that spreadsheet programs read it as UTF-8.',
  request: {
    query: z.strictObject({ ...projectFilterQuery, lang: langParam }),
    params: z.object({ format: z.enum(PROJECT_EXPORT_FORMATS).openapi({ param: { name: 'format', in: 'path' }, example: 'csv' }) }),
  },
  responses: {
    200: { description: 'The export, as an attachment.', content: { 'text/csv': { schema: z.string() }, [XLSX_TYPE]: { schema: z.string().openapi({ format: 'binary' }) } } },
    ...errorResponses,
  },
});

export function registerProjectRoutes(app: OpenAPIHono, { cache }: Deps, logError: (message: string) => void): void {
  app.openapi(
    readRoute({
      path: '/api/v1/projects',
      tag: TAG,
      summary: 'Technical-cooperation projects (filters: state, region, status, fundingSource, year)',
      query: { ...listQuery, ...projectFilterQuery },
      response: listEnvelope(projectSummarySchema, 'ProjectList'),
    }),
    async (c) => {
      const reader = readerOf(c);
      const { limit, cursor, sort, lang: asked, ...filter } = c.req.valid('query');
      const lang = resolveLang(c, asked);
      return cache.json(c, cacheKey(c, lang), READS, async () =>
        paginate(
          await projectSummaries(reader, lang, filter),
          { limit, cursor, sort, lang },
          {
            id: (p: ProjectSummaryView) => p.id,
            title: (p) => p.title,
            status: (p) => p.status,
            plannedStart: (p) => p.plannedStart,
            actualStart: (p) => p.actualStart,
            plannedEnd: (p) => p.plannedEnd,
          },
          'title',
        ),
      );
    },
  );

  app.openapi(
    readRoute({
      path: '/api/v1/project-totals',
      tag: TAG,
      summary: 'Budget and disbursements of the projects the filters keep, in one currency, naming the exchange rates used',
      query: {
        ...projectFilterQuery,
        base: currencyCode.openapi({ param: { name: 'base', in: 'query' }, example: 'USD', description: 'The currency to total in.' }),
        asOf: asOfParam,
        convertAt: z
          .enum(CONVERT_AT)
          .optional()
          .openapi({ param: { name: 'convertAt', in: 'query' }, description: '`asOf` (default): every amount at the rates of that day; `valueDate`: each at the rate of its own value date.' }),
      },
      response: totalsSchema,
    }),
    async (c) => {
      const reader = readerOf(c);
      const { base, asOf, convertAt, ...filter } = c.req.valid('query');
      const day = resolveAsOf(asOf);
      return cache.json(c, cacheKey(c, 'en', day), [...READS, 'exchange-rates'], () => projectTotals(reader, filter, { base, asOf: day, convertAt: convertAt ?? 'asOf' }));
    },
  );

  app.openapi(exportRoute, async (c) => {
    const { format } = c.req.valid('param');
    const { lang: asked, ...filter } = c.req.valid('query');
    const lang = resolveLang(c, asked);
    const site = new URL(c.req.url).origin;
    const chunks = format === 'xlsx' ? projectXlsx(readerOf(c), filter, lang, site) : projectCsv(readerOf(c), filter, lang, site);
    const first = await chunks.next(); // before answering: a failure gets its JSON error
    const head = typeof first.value === 'string' || first.done ? (format === 'csv' ? '\uFEFF' : '') + (first.value ?? '') : first.value;
    const body = streamedBody(head, chunks as AsyncGenerator<string | Uint8Array>, (error) => logError(`[${c.get('requestId')}] projects export stopped: ${(error as Error).stack ?? error}`));
    const type = format === 'xlsx' ? XLSX_TYPE : 'text/csv; charset=utf-8';
    return new Response(body, { status: 200, headers: { 'Content-Type': type, 'Content-Disposition': `attachment; filename="accord-projects.${format}"`, 'Cache-Control': 'no-store' } });
  });

  app.openapi(readRoute({ path: '/api/v1/projects/{id}', tag: TAG, summary: 'One project with all its parts', query: { lang: langParam }, params: idParam, response: projectSchema }), async (c) => {
    const reader = readerOf(c);
    const lang = resolveLang(c, c.req.valid('query').lang);
    return cache.json(c, cacheKey(c, lang), READS, () => projectView(reader, c.req.valid('param').id, lang));
  });
}
