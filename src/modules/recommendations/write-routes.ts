// POST /api/v1/imports/{kind}: a file of recommendations uploaded as the CSV body (text/csv),
// imported as `accord import <kind>` imports it, under the uploader's name in the audit trail.
// The body is written to a temporary file as it arrives (at most MAX_UPLOAD_BYTES; 413 beyond)
// and read from there by the importer, a record at a time, so no upload is held in memory.
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Deps } from '../../server/deps.ts';
import { writeContextOf } from '../../server/http/write-context.ts';
import { writeErrorResponses } from '../../server/http/route-kit.ts';
import { PayloadTooLargeError, ValidationError } from '../../shared/errors.ts';
import { CSV_ENCODINGS } from '../../shared/vocabularies.ts';
import { requireRight } from '../access/edit-rights.ts';
import { editorOf } from '../audit/context.ts';
import { mayImportRecommendations } from './policy.ts';

export const UPLOAD_PATH_PREFIX = '/api/v1/imports/';
export const MAX_UPLOAD_BYTES = 512 * 1024 * 1024;
export const UPLOAD_KINDS = ['upr-info', 'recommendations'] as const;

const reportSchema = z
  .object({
    files: z.array(
      z.object({
        file: z.string(),
        dataset: z.string().nullable(),
        status: z.enum(['imported', 'unchanged', 'rejected', 'skipped']),
        rows: z.number().int(),
        stored: z.number().int(),
        rejected: z.number().int(),
        alreadyStored: z.number().int(),
        note: z.string().optional(),
      }),
    ),
    problems: z.array(z.object({ file: z.string().optional(), row: z.number().int().optional(), field: z.string().optional(), reason: z.string() })),
  })
  .openapi('ImportReport');

const route = createRoute({
  method: 'post',
  path: '/api/v1/imports/{kind}',
  tags: ['Recommendations'],
  summary: 'Import an uploaded file of recommendations (administrators and OHCHR editors)',
  description: `The body is the CSV file itself (Content-Type: text/csv), at most ${MAX_UPLOAD_BYTES / 1048576} MB. upr-info: a UPR Info export; recommendations: Accord's template, with its source in sourceTitle, sourceUrl and sourceKind. The answer reports each file, and each rejected row by row, column and reason (the file is stored whole or not at all).`,
  request: {
    params: z.object({ kind: z.enum(UPLOAD_KINDS).openapi({ param: { name: 'kind', in: 'path' }, example: 'upr-info' }) }),
    query: z.strictObject({
      filename: z
        .string()
        .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}\.csv$/, 'must be a file name ending in .csv (letters, digits, . _ -)')
        .openapi({ example: 'upr_recs_sessions_18-20.csv', description: 'The name of the file uploaded: what the report and a template dataset are called by.' }),
      encoding: z.enum(CSV_ENCODINGS).optional(),
      skipInvalid: z.enum(['true', 'false']).optional(),
      allowFewer: z.enum(['true', 'false']).optional(),
      sourceTitle: z.string().max(500).optional(),
      sourceUrl: z.string().max(1000).optional(),
      sourceKind: z.string().max(20).optional(),
    }),
  },
  responses: { 200: { description: 'What was stored and what was refused.', content: { 'application/json': { schema: reportSchema } } }, ...writeErrorResponses },
});

/** The request's body into `path`, refused past the limit (the part written is removed with its folder). */
async function saveBody(c: Context, path: string): Promise<void> {
  const type = c.req.header('content-type') ?? '';
  if (!/^text\/csv\s*(;|$)/i.test(type)) throw new ValidationError('The body must be the CSV file', [{ parameter: 'Content-Type', reason: `must be text/csv, not ${type.slice(0, 60) || 'missing'}` }]);
  const body = c.req.raw.body;
  if (!body) throw new ValidationError('The body is empty: send the CSV file', [{ parameter: 'body', reason: 'empty' }]);
  let bytes = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      done(bytes > MAX_UPLOAD_BYTES ? new PayloadTooLargeError(MAX_UPLOAD_BYTES) : null, chunk);
    },
  });
  await pipeline(Readable.fromWeb(body as never), limit, createWriteStream(path));
}

export function registerUploadRoutes(app: OpenAPIHono, { db }: Deps): void {
  app.openapi(route, async (c) => {
    const context = writeContextOf(c);
    requireRight(editorOf(context), mayImportRecommendations(editorOf(context)), 'import files of recommendations');
    const { kind } = c.req.valid('param');
    const q = c.req.valid('query');
    const folder = await mkdtemp(join(tmpdir(), 'accord-upload-'));
    try {
      const path = join(folder, q.filename);
      await saveBody(c, path);
      const options = { encoding: q.encoding, skipInvalid: q.skipInvalid === 'true', allowFewer: q.allowFewer === 'true', context };
      const report =
        kind === 'upr-info'
          ? await (await import('../../importers/upr-info/import.ts')).importUprInfo(db, path, options)
          : await (await import('../../importers/recommendations-csv/import.ts')).importRecommendationTemplate(db, path, { title: q.sourceTitle, url: q.sourceUrl, kind: q.sourceKind }, options);
      return c.json({ files: report.files, problems: report.problems }, 200);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
}
