// For any record of the registry: what the asker may do to it (the web app shows its buttons
// from this), and its history of changes (who, when, what, on which source) for signed-in users
// who may see the record. Neither is cached: both depend on the asker.
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Deps } from '../../server/deps.ts';
import { principalOf, readerOf, requireUser } from '../../server/http/auth.ts';
import { readRoute } from '../../server/http/route-kit.ts';
import { historyOf } from '../audit/service.ts';
import { permissionsOn, RECORD_KINDS } from './lookup.ts';
import { userNames } from './repository.ts';

const TAG = 'Records';
const recordQuery = {
  entity: z.enum(RECORD_KINDS, { error: `must be one of ${RECORD_KINDS.join(', ')}` }).openapi({ param: { name: 'entity', in: 'query' }, example: 'organization' }),
  id: z
    .string()
    .min(1)
    .max(300)
    .openapi({ param: { name: 'id', in: 'query' }, example: 'au', description: 'au; coe/FRA/1 (a membership event); ICCPR; edit:ISTANBUL/1 (an entered treaty act)' }),
};

const permissionsSchema = z.object({ update: z.boolean(), delete: z.boolean() }).openapi('Permissions');

const historySchema = z
  .object({
    items: z.array(
      z.object({
        id: z.number().int(),
        who: z.string().openapi({ description: 'user:<id> or system:<name>' }),
        whoName: z.string().nullable().openapi({ description: "The account's display name (null for a system actor or an erased account)." }),
        at: z.string(),
        action: z.string(),
        useCase: z.string(),
        before: z.unknown(),
        after: z.unknown(),
        summary: z.string(),
        reason: z.string().nullable(),
        source: z.object({ id: z.string(), title: z.string(), url: z.string(), kind: z.string().nullable() }).passthrough().nullable(),
      }),
    ),
    next: z.string().nullable(),
  })
  .openapi('RecordHistory');

export function registerRecordRoutes(app: OpenAPIHono, { db }: Deps): void {
  app.openapi(readRoute({ path: '/api/v1/permissions', tag: TAG, summary: 'What the asker may do to one record (update, delete)', query: recordQuery, response: permissionsSchema }), async (c) => {
    const q = c.req.valid('query');
    c.header('Cache-Control', 'no-store');
    return c.json(await permissionsOn(readerOf(c), principalOf(c), q.entity, q.id), 200);
  });

  app.openapi(
    readRoute({
      path: '/api/v1/history',
      tag: TAG,
      summary: "A record's changes, newest first (signed-in users who may see the record)",
      query: {
        ...recordQuery,
        before: z
          .string()
          .regex(/^\d{1,15}$/, 'must be a record id')
          .transform(Number)
          .optional()
          .openapi({ type: 'integer', description: 'The `next` of the previous page.' }),
      },
      response: historySchema,
      signedIn: true,
    }),
    async (c) => {
      requireUser(c);
      const q = c.req.valid('query');
      // 404 unless the asker's view holds the record: a hidden record's history is hidden too.
      await permissionsOn(readerOf(c), principalOf(c), q.entity, q.id);
      const page = await historyOf(db, q.entity, q.id, { beforeId: q.before });
      const names = await userNames(
        db,
        page.entries.map((e) => e.who),
      );
      c.header('Cache-Control', 'no-store');
      return c.json({ items: page.entries.map((e) => ({ ...e, whoName: names.get(e.who) ?? null })), next: page.nextBeforeId === null ? null : String(page.nextBeforeId) }, 200);
    },
  );
}
