// POST /api/v1/iati/activities: an IATI activity file uploaded as the body (application/xml or
// text/xml), imported as `accord import iati` imports it, under the uploader's name in the audit
// trail. The body is read whole (validation needs it whole: libxml2 builds its tree), at most
// MAX_IATI_UPLOAD_BYTES, refused with 413 beyond that as soon as the bytes pass the limit.
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Deps } from '../../server/deps.ts';
import { writeErrorResponses } from '../../server/http/route-kit.ts';
import { writeContextOf } from '../../server/http/write-context.ts';
import { errorSchema } from '../../server/http/query.ts';
import { PayloadTooLargeError, ValidationError } from '../../shared/errors.ts';
import { requireRight } from '../access/edit-rights.ts';
import { editorOf } from '../audit/context.ts';
import { mayWriteCooperation } from '../cooperation/policy.ts';
import { importIatiFile } from './import.ts';

export const IATI_IMPORT_PATH = '/api/v1/iati/activities';
/** Validation holds about ten times the file (docs/IATI.md, "Large files"): 32 MiB is some 6,000 activities. */
export const MAX_IATI_UPLOAD_BYTES = 32 * 1024 * 1024;

const reportSchema = z
  .object({
    file: z.string(),
    activities: z.number().int(),
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    projects: z.array(z.object({ identifier: z.string(), id: z.string(), outcome: z.enum(['created', 'updated', 'unchanged']) })),
  })
  .openapi('IatiImportReport');

const route = createRoute({
  method: 'post',
  path: IATI_IMPORT_PATH,
  tags: ['Cooperation'],
  summary: 'Import an IATI 2.0x activity file as projects (OHCHR editors and administrators)',
  description:
    `The body is the activity file itself (Content-Type: application/xml or text/xml), at most ${MAX_IATI_UPLOAD_BYTES / 1048576} MiB. ` +
    'The whole file is validated first (well-formed, the IATI 2.03 schema, then version, codelists and the IATI rules) and each activity mapped to a project; ' +
    'any problem refuses the whole file (422 `iati_file_refused`, `details` giving each rule, element path and line) and nothing is stored. ' +
    'Then every activity creates a project, or updates the project holding its iati-identifier, in one transaction. docs/IATI.md, "Import".',
  request: {
    query: z.strictObject({
      filename: z
        .string()
        .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/, 'must be a file name (letters, digits, . _ -)')
        .optional()
        .openapi({ example: 'ohchr-activities.xml', description: 'The name of the file: the source is titled "imported from IATI file <name>" (default upload.xml).' }),
      sourceUrl: z.string().max(1000).openapi({ description: 'Where the file was published or read from (an http(s) address).', example: 'https://example.org/iati/activities.xml' }),
      sourceKind: z.string().max(20).optional().openapi({ description: 'official (the default: a publisher reports its own activities), secondary or tertiary.' }),
      fundingSource: z
        .string()
        .max(40)
        .optional()
        .openapi({ description: 'Where the money of the budgets and transactions comes from (IATI does not say): regular-budget or voluntary-contributions. Required when the file has any.' }),
    }),
  },
  responses: {
    200: { description: 'What each activity became.', content: { 'application/json': { schema: reportSchema } } },
    ...writeErrorResponses,
    422: {
      description: 'The file was refused, and nothing of it stored: `details` gives each problem with its rule, the path of the element and its line.',
      content: { 'application/json': { schema: errorSchema } },
    },
  },
});

/** The body's bytes, refused past the limit without reading further. */
async function readBody(c: Context): Promise<Uint8Array> {
  const type = c.req.header('content-type') ?? '';
  if (!/^(application|text)\/xml\s*(;|$)/i.test(type))
    throw new ValidationError('The body must be the IATI activity file', [{ parameter: 'Content-Type', reason: `must be application/xml or text/xml, not ${type.slice(0, 60) || 'missing'}` }]);
  if (Number(c.req.header('content-length') ?? 0) > MAX_IATI_UPLOAD_BYTES) throw new PayloadTooLargeError(MAX_IATI_UPLOAD_BYTES);
  const body = c.req.raw.body;
  if (!body) throw new ValidationError('The body is empty: send the IATI activity file', [{ parameter: 'body', reason: 'empty' }]);
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
    bytes += chunk.byteLength;
    if (bytes > MAX_IATI_UPLOAD_BYTES) throw new PayloadTooLargeError(MAX_IATI_UPLOAD_BYTES);
    chunks.push(chunk);
  }
  if (bytes === 0) throw new ValidationError('The body is empty: send the IATI activity file', [{ parameter: 'body', reason: 'empty' }]);
  return Buffer.concat(chunks);
}

export function registerIatiImportRoutes(app: OpenAPIHono, { db }: Deps): void {
  app.openapi(route, async (c) => {
    const context = writeContextOf(c);
    // Asked before the body is read: who may not import learns so without uploading anything.
    requireRight(editorOf(context), mayWriteCooperation(editorOf(context)), 'import IATI activity files');
    const q = c.req.valid('query');
    const bytes = await readBody(c);
    const report = await importIatiFile(db, bytes, { fileName: q.filename ?? 'upload.xml', sourceUrl: q.sourceUrl, sourceKind: q.sourceKind, fundingSource: q.fundingSource, context });
    return c.json(report, 200);
  });
}
