// GET /api/v1/exports/{entity}.{csv|json}: what `accord export` writes, as a download streamed
// page by page (never through the response cache, which keeps whole answers in memory). A
// request that cannot be answered fails before the first byte with the usual JSON error; a
// failure after it (the data changed meanwhile) breaks the connection, so that the download
// fails instead of ending as a file that looks complete.
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { resolveAsOf, resolveLang } from '../../server/http/negotiate.ts';
import { asOfParam, langParam } from '../../server/http/query.ts';
import { readerOf } from '../../server/http/auth.ts';
import { downloadResponse, streamedBody } from '../../server/http/download.ts';
import { errorResponses } from '../../server/http/route-kit.ts';
import { NotFoundError } from '../../shared/errors.ts';
import { EXPORT_ENTITIES, EXPORT_FORMATS, exportChunks, type ExportEntity, type ExportFormat } from './service.ts';

const CONTENT_TYPES: Record<ExportFormat, string> = { csv: 'text/csv; charset=utf-8', json: 'application/json; charset=utf-8' };

/** `treaty-actions.csv` → the entity and the format; anything else is no export. */
function parseFile(file: string): { entity: ExportEntity; format: ExportFormat } {
  const dot = file.lastIndexOf('.');
  const entity = file.slice(0, dot) as ExportEntity;
  const format = file.slice(dot + 1) as ExportFormat;
  if (dot < 0 || !EXPORT_ENTITIES.includes(entity) || !EXPORT_FORMATS.includes(format)) throw new NotFoundError('export', file);
  return { entity, format };
}

const route = createRoute({
  method: 'get',
  path: '/api/v1/exports/{file}',
  tags: ['Exports'],
  summary: 'Download an export (what `accord export` writes), streamed',
  description:
    `The file is an export and a format: ${EXPORT_ENTITIES.map((e) => `${e}.csv`).join(', ')}, or the same with .json. ` +
    'CSV starts with a byte-order mark, so that spreadsheet programs read it as UTF-8. members needs organization.',
  request: {
    query: z.strictObject({
      lang: langParam,
      asOf: asOfParam,
      organization: z
        .string()
        .max(100, 'is too long')
        .optional()
        .openapi({ param: { name: 'organization', in: 'query' }, description: 'The organization whose members are exported (members only).' }),
    }),
    params: z.object({
      file: z
        .string()
        .max(100)
        .openapi({ param: { name: 'file', in: 'path' }, example: 'states.json' }),
    }),
  },
  responses: {
    200: {
      description: 'The export, as an attachment.',
      content: { 'text/csv': { schema: z.string() }, 'application/json': { schema: z.unknown().openapi({ description: 'The JSON `accord export --format json` writes.' }) } },
    },
    ...errorResponses,
  },
});

export function registerExportRoutes(app: OpenAPIHono, { logError }: { logError: (message: string) => void }): void {
  app.openapi(route, async (c) => {
    const { entity, format } = parseFile(c.req.valid('param').file);
    const q = c.req.valid('query');
    const chunks = exportChunks(readerOf(c), { entity, format, lang: resolveLang(c, q.lang), asOf: resolveAsOf(q.asOf), organization: q.organization });
    // Awaited before answering, so that a bad request (an unknown organization) gets its JSON error.
    const first = await chunks.next();
    const head = (format === 'csv' ? '\uFEFF' : '') + (first.done ? '' : first.value);
    const body = streamedBody(head, chunks, (error) => logError(`[${c.get('requestId')}] export ${entity}.${format} stopped: ${(error as Error).stack ?? error}`));
    return downloadResponse(body, { 'Content-Type': CONTENT_TYPES[format], 'Content-Disposition': `attachment; filename="accord-${entity}.${format}"`, 'Cache-Control': 'no-store' });
  });
}
