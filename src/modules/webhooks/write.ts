// Webhooks written through the write path (use cases webhooks.*): administrators only, and the
// system actors (the CLI). Each write leaves its audit record; the secret never enters one, nor
// any answer but the one that made it. The address is checked (targets.ts) before the
// transaction, since it asks the DNS; the use case checks its form again.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { NotFoundError, ValidationError } from '../../shared/errors.ts';
import { requireRight } from '../access/edit-rights.ts';
import { isAdmin } from '../access/principal.ts';
import type { Editor } from '../access/edit-rights.ts';
import { editorOf, type WriteContext } from '../audit/context.ts';
import { runUseCase, type UseCase } from '../audit/pipeline.ts';
import { parseInput } from '../edits/validate.ts';
import { deleteWebhookWithDeliveries, findDelivery, findWebhook, insertWebhook, latestChangeId, updateDelivery, updateWebhookRow, webhookView } from './repository.ts';
import { webhookCreateSchema, webhookUpdateSchema, type WebhookView } from './schema.ts';
import { newSecret } from './signing.ts';
import { checkTarget, urlProblem } from './targets.ts';

export function mayManageWebhooks(editor: Editor): boolean {
  return editor.kind === 'system' || isAdmin(editor);
}

function checkUrlForm(url: string): void {
  const problem = urlProblem(url);
  if (problem) throw new ValidationError('The webhook address is refused', [{ field: 'url', reason: problem }]);
}

/** What the audit trail keeps of a webhook: everything but its secret. */
const audited = (view: WebhookView) => ({ url: view.url, description: view.description, filters: view.filters, active: view.active });

export const createWebhookUseCase: UseCase<unknown, WebhookView & { secret: string }> = {
  name: 'webhooks.create',
  topics: [],
  async run(trx, input, context) {
    const editor = editorOf(context);
    requireRight(editor, mayManageWebhooks(editor), 'manage webhooks (administrators only)');
    const body = parseInput(webhookCreateSchema, input, 'The webhook');
    checkUrlForm(body.url);
    const now = new Date().toISOString();
    const id = `wh_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
    const secret = newSecret();
    // A new subscription starts from now: it is sent the changes made after it.
    const cursor = await latestChangeId(trx);
    await insertWebhook(trx, {
      id,
      url: body.url,
      description: body.description ?? null,
      filters: JSON.stringify(body.filters ?? {}),
      secret,
      active: body.active === false ? 0 : 1,
      cursor,
      created_by: context.actor,
      created_at: now,
      updated_at: now,
    });
    const view = webhookView((await findWebhook(trx, id))!);
    return { result: { ...view, secret }, audit: [{ action: 'create', entityKind: 'webhook', entityId: id, after: audited(view), summary: `webhook ${id} to ${new URL(view.url).host} added` }] };
  },
};

export const updateWebhookUseCase: UseCase<{ id: string; body: unknown }, WebhookView> = {
  name: 'webhooks.update',
  topics: [],
  async run(trx, { id, body: input }, context) {
    const editor = editorOf(context);
    requireRight(editor, mayManageWebhooks(editor), 'manage webhooks (administrators only)');
    const row = await findWebhook(trx, id);
    if (!row) throw new NotFoundError('webhook', id);
    const body = parseInput(webhookUpdateSchema, input, 'The webhook');
    if (body.url !== undefined) checkUrlForm(body.url);
    const before = webhookView(row);
    const set = {
      ...(body.url !== undefined ? { url: body.url } : {}),
      ...(body.description !== undefined ? { description: body.description } : {}),
      ...(body.filters !== undefined ? { filters: JSON.stringify(body.filters) } : {}),
      ...(body.active !== undefined ? { active: body.active ? 1 : 0 } : {}),
    };
    if (Object.keys(set).length === 0) return { result: before, audit: [] };
    await updateWebhookRow(trx, id, { ...set, updated_at: new Date().toISOString(), row_version: row.row_version + 1 });
    const after = webhookView((await findWebhook(trx, id))!);
    return {
      result: after,
      audit: [{ action: 'update', entityKind: 'webhook', entityId: id, before: audited(before), after: audited(after), summary: `webhook ${id} changed: ${Object.keys(set).join(', ')}` }],
    };
  },
};

export const deleteWebhookUseCase: UseCase<{ id: string }, { deleted: boolean }> = {
  name: 'webhooks.delete',
  topics: [],
  async run(trx, { id }, context) {
    const editor = editorOf(context);
    requireRight(editor, mayManageWebhooks(editor), 'manage webhooks (administrators only)');
    const row = await findWebhook(trx, id);
    if (!row) throw new NotFoundError('webhook', id);
    await deleteWebhookWithDeliveries(trx, id);
    return { result: { deleted: true }, audit: [{ action: 'delete', entityKind: 'webhook', entityId: id, before: audited(webhookView(row)), summary: `webhook ${id} removed` }] };
  },
};

export const rotateSecretUseCase: UseCase<{ id: string }, { id: string; secret: string }> = {
  name: 'webhooks.rotate-secret',
  topics: [],
  async run(trx, { id }, context) {
    const editor = editorOf(context);
    requireRight(editor, mayManageWebhooks(editor), 'manage webhooks (administrators only)');
    const row = await findWebhook(trx, id);
    if (!row) throw new NotFoundError('webhook', id);
    const secret = newSecret();
    await updateWebhookRow(trx, id, { secret, updated_at: new Date().toISOString(), row_version: row.row_version + 1 });
    return {
      result: { id, secret },
      audit: [{ action: 'update', entityKind: 'webhook', entityId: id, before: { secret: 'previous (not kept)' }, after: { secret: 'new (not kept)' }, summary: `webhook ${id}: secret rotated` }],
    };
  },
};

export const redeliverUseCase: UseCase<{ id: string; deliveryId: number }, { id: string; status: string }> = {
  name: 'webhooks.redeliver',
  topics: [],
  async run(trx, { id, deliveryId }, context) {
    const editor = editorOf(context);
    requireRight(editor, mayManageWebhooks(editor), 'manage webhooks (administrators only)');
    const delivery = await findDelivery(trx, id, deliveryId);
    if (!delivery) throw new NotFoundError('delivery', `${id}/${deliveryId}`);
    // Sent again from the next pass, with a fresh round of attempts; its log keeps the earlier ones.
    await updateDelivery(trx, deliveryId, { status: 'pending', attempts: 0, next_attempt_at: new Date().toISOString() });
    return {
      result: { id: String(deliveryId), status: 'pending' },
      audit: [
        {
          action: 'update',
          entityKind: 'webhook-delivery',
          entityId: `${id}/${deliveryId}`,
          before: { status: delivery.status },
          after: { status: 'pending' },
          summary: `webhook ${id}: change ${delivery.change_id} to be sent again`,
        },
      ],
    };
  },
};

type Db = Kysely<Database>;

/** The policy first (401/403 before anything of the body is looked at, the DNS included). */
function requireManager(context: WriteContext): void {
  const editor = editorOf(context);
  requireRight(editor, mayManageWebhooks(editor), 'manage webhooks (administrators only)');
}

export async function createWebhook(db: Db, input: unknown, context: WriteContext) {
  requireManager(context);
  const url = (input as { url?: unknown } | null)?.url;
  if (typeof url === 'string') await checkTarget(url);
  return runUseCase(db, createWebhookUseCase, input, context);
}

export async function updateWebhook(db: Db, id: string, input: unknown, context: WriteContext) {
  requireManager(context);
  const url = (input as { url?: unknown } | null)?.url;
  if (typeof url === 'string') await checkTarget(url);
  return runUseCase(db, updateWebhookUseCase, { id, body: input }, context);
}

export const deleteWebhook = (db: Db, id: string, context: WriteContext) => runUseCase(db, deleteWebhookUseCase, { id }, context);
export const rotateSecret = (db: Db, id: string, context: WriteContext) => runUseCase(db, rotateSecretUseCase, { id }, context);
export const redeliver = (db: Db, id: string, deliveryId: number, context: WriteContext) => runUseCase(db, redeliverUseCase, { id, deliveryId }, context);
