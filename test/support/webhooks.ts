// Webhooks for the tests that walk every route: one made by the administrator, to a public
// address literal (no name to resolve, nothing ever sent: no delivery pass runs in those tests),
// and a delivery of it written as the worker writes one, to redeliver.
import type { TestApp } from './app.ts';
import { ask } from './askers.ts';

export const WEBHOOK_BODY = { url: 'https://203.0.113.10/accord-hook', description: 'A test subscriber', filters: { kind: ['event'] } };

export async function newWebhook(t: TestApp, admin: Record<string, string>): Promise<string> {
  const answer = await ask(t, 'POST', '/api/v1/webhooks', admin, WEBHOOK_BODY);
  if (answer.status !== 200) throw new Error(`POST /api/v1/webhooks: ${answer.status} ${answer.text}`);
  return String(answer.body.id);
}

/** A failed delivery of the latest change (or of change 1), as the worker records one. */
export async function newDelivery(t: TestApp, webhookId: string): Promise<string> {
  const now = new Date().toISOString();
  const latest = await t.db.db
    .selectFrom('change_entry')
    .select((eb) => eb.fn.max('audit_id').as('id'))
    .executeTakeFirst();
  const row = await t.db.db
    .insertInto('webhook_delivery')
    .values({
      webhook_id: webhookId,
      change_id: Number(latest?.id ?? 1),
      status: 'failed',
      attempts: 3,
      next_attempt_at: null,
      last_status: 500,
      last_error: 'the receiver answered 500',
      log: '[]',
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return String(row.id);
}

/** The feed id of the change that made a record. */
export async function changeIdOf(t: TestApp, recordId: string): Promise<string> {
  const row = await t.db.db.selectFrom('change_entry').select('audit_id').where('record_id', '=', recordId).orderBy('audit_id').executeTakeFirstOrThrow();
  return String(row.audit_id);
}
