// Webhooks over HTTP, for administrators: list, add (the secret answered once), change, remove,
// rotate the secret (the new one answered once), the delivery log, and a redelivery on request.
// Reads are never cached and never show a secret.
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Deps } from '../../server/deps.ts';
import { requireUser } from '../../server/http/auth.ts';
import { actionRoute, readRoute, writeRoute } from '../../server/http/route-kit.ts';
import { writeContextOf } from '../../server/http/write-context.ts';
import { ForbiddenError, NotFoundError } from '../../shared/errors.ts';
import { isAdmin } from '../access/principal.ts';
import { deletedSchema } from '../edits/schema.ts';
import { deliveryView, findWebhook, listDeliveries, listWebhooks, webhookView } from './repository.ts';
import { deliverySchema, secretSchema, webhookCreateSchema, webhookCreatedSchema, webhookSchema, webhookUpdateSchema } from './schema.ts';
import { createWebhook, deleteWebhook, redeliver, rotateSecret, updateWebhook } from './write.ts';

const TAG = 'Webhooks';
// Any id up to 100 characters: one that names no webhook is a 404, whatever its form.
const idParam = {
  id: z
    .string()
    .min(1, 'must be a webhook id')
    .max(100, 'must be a webhook id')
    .openapi({ param: { name: 'id', in: 'path' }, example: 'wh_0123456789abcdef' }),
};
const deliveryParams = {
  ...idParam,
  deliveryId: z
    .string()
    .regex(/^\d{1,15}$/, 'must be a delivery id')
    .transform(Number)
    .openapi({ param: { name: 'deliveryId', in: 'path' }, type: 'integer', example: '1' }),
};

function requireAdmin(c: Parameters<typeof requireUser>[0]): void {
  if (!isAdmin(requireUser(c))) throw new ForbiddenError('Only administrators manage webhooks');
}

export function registerWebhookRoutes(app: OpenAPIHono, { db }: Deps): void {
  app.openapi(
    readRoute({ path: '/api/v1/webhooks', tag: TAG, summary: 'Webhooks (administrators)', query: {}, response: z.object({ items: z.array(webhookSchema) }).openapi('WebhookList'), signedIn: true }),
    async (c) => {
      requireAdmin(c);
      c.header('Cache-Control', 'no-store');
      return c.json({ items: (await listWebhooks(db)).map(webhookView) }, 200);
    },
  );

  app.openapi(readRoute({ path: '/api/v1/webhooks/{id}', tag: TAG, summary: 'One webhook (administrators)', query: {}, params: idParam, response: webhookSchema, signedIn: true }), async (c) => {
    requireAdmin(c);
    const id = c.req.valid('param').id;
    const row = await findWebhook(db, id);
    if (!row) throw new NotFoundError('webhook', id);
    c.header('Cache-Control', 'no-store');
    return c.json(webhookView(row), 200);
  });

  app.openapi(
    readRoute({
      path: '/api/v1/webhooks/{id}/deliveries',
      tag: TAG,
      summary: "A webhook's deliveries, newest first, with each attempt (administrators)",
      query: {
        before: z
          .string()
          .regex(/^\d{1,15}$/, 'must be a delivery id')
          .transform(Number)
          .optional()
          .openapi({ type: 'integer', description: 'The `next` of the previous page.' }),
      },
      params: idParam,
      response: z.object({ items: z.array(deliverySchema), next: z.string().nullable() }).openapi('WebhookDeliveries'),
      signedIn: true,
    }),
    async (c) => {
      requireAdmin(c);
      const id = c.req.valid('param').id;
      if (!(await findWebhook(db, id))) throw new NotFoundError('webhook', id);
      const limit = 50;
      const rows = await listDeliveries(db, id, { beforeId: c.req.valid('query').before, limit: limit + 1 });
      const items = rows.slice(0, limit).map(deliveryView);
      c.header('Cache-Control', 'no-store');
      return c.json({ items, next: rows.length > limit ? (items.at(-1)?.id ?? null) : null }, 200);
    },
  );

  app.openapi(
    writeRoute({
      method: 'post',
      path: '/api/v1/webhooks',
      tag: TAG,
      summary: 'Add a webhook (administrators); its secret is in this answer only',
      body: webhookCreateSchema,
      response: webhookCreatedSchema,
    }),
    async (c) => {
      c.header('Cache-Control', 'no-store');
      return c.json(await createWebhook(db, c.req.valid('json'), writeContextOf(c)), 200);
    },
  );

  app.openapi(
    writeRoute({
      method: 'patch',
      path: '/api/v1/webhooks/{id}',
      tag: TAG,
      summary: "Change a webhook's address, filters or state (administrators)",
      params: idParam,
      body: webhookUpdateSchema,
      response: webhookSchema,
    }),
    async (c) => c.json(await updateWebhook(db, c.req.valid('param').id, c.req.valid('json'), writeContextOf(c)), 200),
  );

  app.openapi(
    actionRoute({ method: 'delete', path: '/api/v1/webhooks/{id}', tag: TAG, summary: 'Remove a webhook and its delivery log (administrators)', params: idParam, response: deletedSchema }),
    async (c) => c.json(await deleteWebhook(db, c.req.valid('param').id, writeContextOf(c)), 200),
  );

  app.openapi(
    actionRoute({
      method: 'post',
      path: '/api/v1/webhooks/{id}/secret',
      tag: TAG,
      summary: 'Rotate the secret (administrators): the new one is in this answer only; the old one stops at once',
      params: idParam,
      response: secretSchema,
    }),
    async (c) => {
      c.header('Cache-Control', 'no-store');
      return c.json(await rotateSecret(db, c.req.valid('param').id, writeContextOf(c)), 200);
    },
  );

  app.openapi(
    actionRoute({
      method: 'post',
      path: '/api/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver',
      tag: TAG,
      summary: 'Send a delivery again, with a new round of attempts (administrators)',
      params: deliveryParams,
      response: z.object({ id: z.string(), status: z.string() }).openapi('Redelivery'),
    }),
    async (c) => {
      const { id, deliveryId } = c.req.valid('param');
      return c.json(await redeliver(db, id, deliveryId, writeContextOf(c)), 200);
    },
  );
}
