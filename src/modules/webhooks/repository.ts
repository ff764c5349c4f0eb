// All SQL of webhooks and their deliveries.
import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { Database, WebhookDeliveryTable, WebhookTable } from '../../db/schema.ts';
import type { DeliveryView, WebhookFilters, WebhookView } from './schema.ts';

export type WebhookRow = Selectable<WebhookTable>;
export type DeliveryRow = Selectable<WebhookDeliveryTable>;
type Db = Kysely<Database>;

export function webhookView(row: WebhookRow): WebhookView {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    filters: JSON.parse(row.filters) as WebhookFilters,
    active: row.active === 1,
    cursor: String(row.cursor),
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function deliveryView(row: DeliveryRow): DeliveryView {
  return {
    id: String(row.id),
    change: String(row.change_id),
    status: row.status as DeliveryView['status'],
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    lastStatus: row.last_status,
    lastError: row.last_error,
    createdAt: row.created_at,
    deliveredAt: row.delivered_at,
    log: JSON.parse(row.log) as DeliveryView['log'],
  };
}

export function findWebhook(db: Db, id: string): Promise<WebhookRow | undefined> {
  return db.selectFrom('webhook').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listWebhooks(db: Db): Promise<WebhookRow[]> {
  return db.selectFrom('webhook').selectAll().orderBy('created_at').orderBy('id').execute();
}

export function findDelivery(db: Db, webhookId: string, id: number): Promise<DeliveryRow | undefined> {
  return db.selectFrom('webhook_delivery').selectAll().where('webhook_id', '=', webhookId).where('id', '=', id).executeTakeFirst();
}

/** Newest first, a page at a time. */
export function listDeliveries(db: Db, webhookId: string, page: { beforeId?: number; limit: number }): Promise<DeliveryRow[]> {
  let q = db.selectFrom('webhook_delivery').selectAll().where('webhook_id', '=', webhookId);
  if (page.beforeId !== undefined) q = q.where('id', '<', page.beforeId);
  return q.orderBy('id', 'desc').limit(page.limit).execute();
}

export async function latestChangeId(db: Db): Promise<number> {
  const row = await db
    .selectFrom('change_entry')
    .select((eb) => eb.fn.max('audit_id').as('id'))
    .executeTakeFirst();
  return Number(row?.id ?? 0);
}

export async function insertWebhook(db: Db, row: Insertable<WebhookTable>): Promise<void> {
  await db.insertInto('webhook').values(row).execute();
}

export async function updateWebhookRow(db: Db, id: string, set: Updateable<WebhookTable>): Promise<void> {
  await db.updateTable('webhook').set(set).where('id', '=', id).execute();
}

export async function deleteWebhookWithDeliveries(db: Db, id: string): Promise<void> {
  await db.deleteFrom('webhook_delivery').where('webhook_id', '=', id).execute();
  await db.deleteFrom('webhook').where('id', '=', id).execute();
}

export async function updateDelivery(db: Db, id: number, set: Updateable<WebhookDeliveryTable>): Promise<void> {
  await db.updateTable('webhook_delivery').set(set).where('id', '=', id).execute();
}

/** Queues a delivery of each change (once: a change already queued for the webhook is skipped) and
 *  moves the webhook's cursor past them, in one transaction, so a pass that stops halfway neither
 *  loses nor repeats a change. */
export async function queueDeliveries(db: Db, webhookId: string, changeIds: number[], nextCursor: number, now: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('webhook_delivery')
      .values(changeIds.map((changeId) => ({ webhook_id: webhookId, change_id: changeId, status: 'pending', attempts: 0, next_attempt_at: now, log: '[]', created_at: now })))
      .onConflict((oc) => oc.columns(['webhook_id', 'change_id']).doNothing())
      .execute();
    await trx.updateTable('webhook').set({ cursor: nextCursor }).where('id', '=', webhookId).where('cursor', '<', nextCursor).execute();
  });
}

/** The deliveries due by `now`, the longest waiting first. */
export async function dueDeliveries(db: Db, now: string, limit: number) {
  const rows = await db
    .selectFrom('webhook_delivery')
    .select(['id', 'webhook_id', 'change_id', 'attempts', 'log'])
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', now)
    .orderBy('next_attempt_at')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows;
}
