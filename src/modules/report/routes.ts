// The report on regional arrangements over HTTP: generated from the settings in the address (no
// state), and its drafts (settings kept, sections rewritten, versions frozen; read here, written
// in write-routes.ts). Every answer is read through the asker's view and is the asker's own:
// `Cache-Control: private, no-store`, never the shared response cache.
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Deps } from '../../server/deps.ts';
import { readerOf } from '../../server/http/auth.ts';
import { errorResponses } from '../../server/http/route-kit.ts';
import { errorSchema } from '../../server/http/query.ts';
import { assembleDocument } from './compose/index.ts';
import type { ReportDocument } from './document/model.ts';
import { checkSettings, generateReport, reportFileName, type ReportSettings } from './generate.ts';
import { type FileFormat, renderReport, type ReportFormat } from './render.ts';
import { formatParam, generatedReportSchema, reportContent, settingsQuery } from './schema.ts';

const TAG = 'Report';
export const PRIVATE = { 'Cache-Control': 'private, no-store' } as const;

/** The 503s of a route that may render with Chromium. */
export const renderResponses = {
  503: { description: 'PDF: the server has no Chromium, or every render slot is taken (then Retry-After says when to try again).', content: { 'application/json': { schema: errorSchema } } },
} as const;

/** A document as a file of `format`, an attachment named `fileName`. */
export async function fileAnswer(c: Context, doc: ReportDocument, format: FileFormat, fileName: string): Promise<Response> {
  const rendered = await renderReport(doc, format);
  const disposition = format === 'html' ? 'inline' : 'attachment';
  return c.body(rendered.bytes as Uint8Array<ArrayBuffer>, 200, {
    ...PRIVATE,
    'Content-Type': rendered.contentType,
    'Content-Disposition': `${disposition}; filename="${fileName}"`,
    ...(rendered.svgOnly ? { 'X-Report-Figures': 'svg-only' } : {}),
  });
}

export function formatOf(format: ReportFormat | undefined): ReportFormat {
  return format ?? 'json';
}

export function registerReportRoutes(app: OpenAPIHono, _deps: Deps): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/reports/regional-arrangements',
      tags: [TAG],
      summary: "The Secretary-General's report on regional arrangements, generated now from the data as the asker sees them (json: head, sections, document; html; docx; pdf)",
      request: { query: z.strictObject({ ...settingsQuery, format: formatParam }), params: z.object({}) },
      responses: {
        200: { description: 'The report; html, docx and pdf as a file.', content: reportContent(generatedReportSchema) },
        ...errorResponses,
        ...renderResponses,
      },
    }),
    async (c) => {
      const { format, ...raw } = c.req.valid('query');
      const settings: ReportSettings = checkSettings(raw);
      const { head, sections } = await generateReport(readerOf(c), settings);
      const document = assembleDocument(head, sections);
      const chosen = formatOf(format);
      if (chosen === 'json') return c.json({ head, sections, document }, 200, PRIVATE);
      return fileAnswer(c, document, chosen, reportFileName(settings, chosen));
    },
  );
}
