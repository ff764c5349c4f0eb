// The report on regional arrangements over HTTP: generated from the settings in the address (no
// state), and its drafts (settings kept, sections rewritten, versions frozen; read here, written
// in write-routes.ts). Every answer is read through the asker's view and is the asker's own:
// `Cache-Control: private, no-store`, never the shared response cache.
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Deps } from '../../server/deps.ts';
import { principalOf, readerOf } from '../../server/http/auth.ts';
import { errorResponses, readRoute, writeErrorResponses } from '../../server/http/route-kit.ts';
import { errorSchema } from '../../server/http/query.ts';
import { versionEtag } from '../../server/http/versions.ts';
import { comparisonSchema, draftDocumentSchema, draftSummarySchema, draftViewSchema, versionViewSchema } from './drafts/schema.ts';
import { compareDraft, draftDocument, draftList, draftView, latestVersion, requireDraft, requireVersion, versionRef } from './drafts/service.ts';
import { assembleDocument } from './compose/index.ts';
import type { ReportDocument } from './document/model.ts';
import { checkSettings, generateReport, reportFileName, type ReportSettings } from './generate.ts';
import { settingsOf as settingsOfRow } from './drafts/service.ts';
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

const DRAFTS_TAG = 'Report drafts';

export const draftIdParam = {
  id: z
    .string()
    .max(100)
    .openapi({ param: { name: 'id', in: 'path' }, example: 'rd-k3v9q2m8xa' }),
};

const signedInResponses = { 401: writeErrorResponses[401], 403: writeErrorResponses[403] } as const;

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

  app.openapi(
    readRoute({
      path: '/api/v1/report-drafts',
      tag: DRAFTS_TAG,
      summary: "Drafts of the report the asker may open: their own (an administrator's list: every draft)",
      query: {},
      response: z.object({ items: z.array(draftSummarySchema) }).openapi('ReportDraftList'),
      signedIn: true,
    }),
    async (c) => c.json({ items: await draftList(readerOf(c), principalOf(c)) }, 200, PRIVATE),
  );

  app.openapi(
    readRoute({
      path: '/api/v1/report-drafts/{id}',
      tag: DRAFTS_TAG,
      summary: 'A draft: its settings, each section as generated now beside the text rewritten over it (dataChanged: the data beneath changed since), its versions',
      query: {},
      params: draftIdParam,
      response: draftViewSchema,
      signedIn: true,
    }),
    async (c) => {
      const row = await requireDraft(readerOf(c), principalOf(c), c.req.valid('param').id);
      return c.json(await draftView(readerOf(c), row), 200, { ...PRIVATE, ETag: versionEtag(row.row_version) });
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/report-drafts/{id}/document',
      tags: [DRAFTS_TAG],
      summary: "The draft's document generated now, its rewritten sections in their place (json: with warnings for those whose data changed); html, docx, pdf",
      request: { query: z.strictObject({ format: formatParam }), params: z.object(draftIdParam) },
      responses: { 200: { description: 'The document; html, docx and pdf as a file.', content: reportContent(draftDocumentSchema) }, ...errorResponses, ...signedInResponses, ...renderResponses },
    }),
    async (c) => {
      const row = await requireDraft(readerOf(c), principalOf(c), c.req.valid('param').id);
      const current = await draftDocument(readerOf(c), row);
      const format = formatOf(c.req.valid('query').format);
      if (format === 'json') return c.json(current, 200, PRIVATE);
      return fileAnswer(c, current.document, format, reportFileName(settingsOfRow(row), format, `-${row.id}`));
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/report-drafts/{id}/versions/{number}',
      tags: [DRAFTS_TAG],
      summary: 'A version of the draft exactly as it was saved (never generated again): json, html, docx, pdf',
      request: {
        query: z.strictObject({ format: formatParam }),
        params: z.object({
          ...draftIdParam,
          number: z
            .string()
            .regex(/^\d{1,6}$/, 'must be a version number')
            .openapi({ param: { name: 'number', in: 'path' }, example: '1', type: 'integer' }),
        }),
      },
      responses: { 200: { description: 'The version; html, docx and pdf as a file.', content: reportContent(versionViewSchema) }, ...errorResponses, ...signedInResponses, ...renderResponses },
    }),
    async (c) => {
      const { id, number } = c.req.valid('param');
      const row = await requireDraft(readerOf(c), principalOf(c), id);
      const version = await requireVersion(readerOf(c), row, Number(number));
      const format = formatOf(c.req.valid('query').format);
      if (format === 'json') return c.json(version, 200, PRIVATE);
      return fileAnswer(c, version.document, format, reportFileName(version.settings, format, `-${row.id}-v${version.number}`));
    },
  );

  app.openapi(
    readRoute({
      path: '/api/v1/report-drafts/{id}/compare',
      tag: DRAFTS_TAG,
      summary: 'Two versions of a draft (or a version and the draft now: current) section by section, word by word; by default the latest version and the draft now',
      query: {
        from: z
          .string()
          .max(10)
          .optional()
          .openapi({ param: { name: 'from', in: 'query' }, example: '1', description: 'A version number, or current (default: the latest version).' }),
        to: z
          .string()
          .max(10)
          .optional()
          .openapi({ param: { name: 'to', in: 'query' }, example: 'current', description: 'A version number, or current (default).' }),
      },
      params: draftIdParam,
      response: comparisonSchema,
      signedIn: true,
    }),
    async (c) => {
      const row = await requireDraft(readerOf(c), principalOf(c), c.req.valid('param').id);
      const { from, to } = c.req.valid('query');
      const fromRef = from === undefined ? await latestVersion(readerOf(c), row) : versionRef(from, 'from');
      return c.json(await compareDraft(readerOf(c), row, fromRef, versionRef(to ?? 'current', 'to')), 200, PRIVATE);
    },
  );
}
