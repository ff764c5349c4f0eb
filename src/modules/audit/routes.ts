// The audit trail over HTTP, for administrators: filtered, paged newest first, or the whole
// selection as CSV, streamed page by page.
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Deps } from '../../server/deps.ts';
import { requireUser } from '../../server/http/auth.ts';
import { downloadResponse } from '../../server/http/download.ts';
import { readRoute } from '../../server/http/route-kit.ts';
import { ForbiddenError } from '../../shared/errors.ts';
import { accountsPolicy } from '../accounts/policy.ts';
import { auditCsvHeader, auditCsvLine, auditPages, auditTrail } from './service.ts';

const moment = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z?)?$/, 'must be a date YYYY-MM-DD or a UTC time YYYY-MM-DDThh:mm[:ss]Z')
  .optional();

const query = {
  entity: z.string().max(100).optional().openapi({ description: 'The kind of record: organization, user, dataset, session…' }),
  id: z.string().max(300).optional().openapi({ description: 'The id of the record (with entity).' }),
  actor: z.string().max(200).optional().openapi({ description: 'user:<id> or system:<name>' }),
  useCase: z.string().max(100).optional(),
  since: moment.openapi({ description: 'Records at or after this date or time (UTC).' }),
  until: moment.openapi({ description: 'Records before this date or time (UTC).' }),
  before: z
    .string()
    .regex(/^\d{1,15}$/, 'must be a record id')
    .transform(Number)
    .optional()
    .openapi({ type: 'integer', description: 'Records older than this id: the `next` of the previous page.' }),
  limit: z
    .string()
    .regex(/^\d{1,4}$/, 'must be a whole number from 1 to 1000')
    .transform(Number)
    .pipe(z.number().int().min(1, 'must be at least 1').max(1000, 'must be at most 1000'))
    .optional()
    .openapi({ type: 'integer' }),
  format: z.enum(['json', 'csv'], { error: 'must be json or csv' }).optional().openapi({ description: 'csv: every matching record (not one page), as a download.' }),
};

const recordSchema = z
  .object({
    id: z.number().int(),
    at: z.string(),
    actor: z.string(),
    osUser: z.string().nullable(),
    requestId: z.string(),
    reason: z.string().nullable(),
    useCase: z.string(),
    action: z.string(),
    entityKind: z.string(),
    entityId: z.string().nullable(),
    before: z.unknown(),
    after: z.unknown(),
    summary: z.string(),
  })
  .openapi('AuditRecord');

const pageSchema = z.object({ items: z.array(recordSchema), next: z.string().nullable() }).openapi('AuditPage');

/** `until` given as a day means "up to the end of that day". */
function untilOf(until: string | undefined): string | undefined {
  if (until === undefined || until.length > 10) return until;
  const next = new Date(`${until}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString();
}

export function registerAuditRoutes(app: OpenAPIHono, { db }: Deps): void {
  app.openapi(
    readRoute({ path: '/api/v1/audit', tag: 'Audit', summary: 'The audit trail (administrators): newest first, filtered; format=csv for all of it', query, response: pageSchema, signedIn: true }),
    async (c) => {
      if (!accountsPolicy.readAudit(requireUser(c))) throw new ForbiddenError('Only administrators read the audit trail');
      const q = c.req.valid('query');
      const filter = { entityKind: q.entity, entityId: q.id, actor: q.actor, useCase: q.useCase, since: q.since, until: untilOf(q.until) };
      c.header('Cache-Control', 'no-store');
      if (q.format === 'csv') {
        const encoder = new TextEncoder();
        const pages = auditPages(db, filter);
        const body = new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(encoder.encode(auditCsvHeader()));
          },
          async pull(controller) {
            const page = await pages.next();
            if (page.done) return controller.close();
            controller.enqueue(encoder.encode(page.value.map(auditCsvLine).join('')));
          },
        });
        return downloadResponse<z.infer<typeof pageSchema>>(body, {
          'Content-Type': 'text/csv; charset=utf-8',
          'Content-Disposition': 'attachment; filename="accord-audit.csv"',
          'Cache-Control': 'no-store',
        });
      }
      const limit = q.limit ?? 100;
      const items = await auditTrail(db, { ...filter, beforeId: q.before, limit });
      return c.json({ items, next: items.length === limit ? String(items.at(-1)?.id) : null }, 200);
    },
  );
}
