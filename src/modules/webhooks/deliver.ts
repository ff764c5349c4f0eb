// The delivery of changes to webhooks, in passes: each pass queues, for every active webhook,
// the public changes after its cursor that match its filters (one delivery per change and
// webhook: a unique index keeps two servers from queuing one twice), then sends the deliveries
// that are due. A delivery is a POST of the change as JSON, signed (signing.ts); a 2xx answer
// ends it; anything else (an error status, a refused or unreachable address, a timeout) is
// retried after 1, 2, 4, 8… times the back-off, up to a bounded number of attempts, and then
// marked failed. Each attempt is logged on the delivery (time, status, error, duration);
// secrets and bodies are never logged. Deliveries are the worker's own bookkeeping, like the
// sign-in throttle: not audited; what an administrator asks (redelivery) is.
// Webhooks receive what the anonymous public may read: a change whose record is no longer
// public when it is due is withheld.
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { publicView } from '../../db/visibility.ts';
import { changePage, oneChange } from '../changes/service.ts';
import { dueDeliveries, findWebhook, listWebhooks, queueDeliveries, updateDelivery, type WebhookRow } from './repository.ts';
import type { WebhookFilters } from './schema.ts';
import { SIGNATURE_HEADER, signature } from './signing.ts';
import { addressAllowed, guardedLookup } from './targets.ts';

export interface PassOptions {
  now?: () => Date;
  /** The wait after a first failed attempt; doubled after each further one. */
  backoffMs?: number;
  maxAttempts?: number;
  timeoutMs?: number;
  /** Deliveries sent per pass at most. */
  batch?: number;
}

export interface PassResult {
  queued: number;
  delivered: number;
  retried: number;
  failed: number;
}

export const DEFAULTS = { backoffMs: 30_000, maxAttempts: 6, timeoutMs: 10_000, batch: 50 };

type Db = Kysely<Database>;

async function queue(db: Db, webhook: WebhookRow, now: string): Promise<number> {
  const filters = JSON.parse(webhook.filters) as WebhookFilters;
  const page = await changePage(publicView(db), {
    order: 'oldest',
    cursor: Number(webhook.cursor),
    limit: 100,
    kinds: filters.kind,
    facets: { region: filters.region, organization: filters.organization, state: filters.state, instrument: filters.instrument },
  });
  if (page.items.length === 0) return 0;
  await queueDeliveries(
    db,
    webhook.id,
    page.items.map((item) => Number(item.id)),
    Number(page.next),
    now,
  );
  return page.items.length;
}

/** POSTs the body; the receiver's status, or an error. The answer's body is not read: the
 *  connection is closed on its status line, so a receiver cannot hold the worker with it. */
export function post(url: string, body: string, headers: Record<string, string>, timeoutMs: number): Promise<{ status: number }> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const host = target.hostname.replace(/^\[|\]$/g, '');
    if (isIP(host) && !addressAllowed(host)) return reject(new Error(`${host} is an address webhooks may not reach`));
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(target, { method: 'POST', headers: { ...headers, 'Content-Length': String(Buffer.byteLength(body)) }, lookup: guardedLookup as never, timeout: timeoutMs }, (res) => {
      resolve({ status: res.statusCode ?? 0 });
      res.destroy();
    });
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(body);
  });
}

interface LogEntry {
  at: string;
  status: number | null;
  error: string | null;
  ms: number;
}

async function attempt(
  db: Db,
  delivery: { id: number; webhook_id: string; change_id: number; attempts: number; log: string },
  options: Required<Omit<PassOptions, 'now'>>,
  now: Date,
): Promise<'delivered' | 'retried' | 'failed'> {
  const webhook = await findWebhook(db, delivery.webhook_id);
  const change = await oneChange(publicView(db), delivery.change_id);
  const started = performance.now();
  let status: number | null = null;
  let error: string | null = null;
  if (!webhook) error = 'the webhook is gone';
  else if (!change) error = 'withheld: the change is no longer public';
  else {
    const body = JSON.stringify({ webhook: webhook.id, delivery: String(delivery.id), change });
    const timestamp = Math.floor(now.getTime() / 1000);
    try {
      status = (
        await post(
          webhook.url,
          body,
          {
            'Content-Type': 'application/json',
            'User-Agent': 'Accord-Webhooks/1',
            'Accord-Delivery': String(delivery.id),
            'Accord-Event': 'change',
            [SIGNATURE_HEADER]: signature(webhook.secret, timestamp, body),
          },
          options.timeoutMs,
        )
      ).status;
      if (status < 200 || status > 299) error = `the receiver answered ${status}`;
    } catch (e) {
      error = (e as Error).message.slice(0, 300);
    }
  }
  const attempts = delivery.attempts + 1;
  const log = [...(JSON.parse(delivery.log) as LogEntry[]), { at: now.toISOString(), status, error, ms: Math.round(performance.now() - started) }].slice(-20);
  const final = error === null ? 'delivered' : !webhook || !change || attempts >= options.maxAttempts ? 'failed' : 'retried';
  const next = final === 'retried' ? new Date(now.getTime() + options.backoffMs * 2 ** (attempts - 1)).toISOString() : null;
  await updateDelivery(db, delivery.id, {
    status: final === 'retried' ? 'pending' : final,
    attempts,
    next_attempt_at: next,
    last_status: status,
    last_error: error,
    log: JSON.stringify(log),
    ...(final === 'delivered' ? { delivered_at: now.toISOString() } : {}),
  });
  return final;
}

/** One pass: queue what is new for each active webhook, then send what is due. */
export async function deliveryPass(db: Db, passOptions: PassOptions = {}): Promise<PassResult> {
  const options = { ...DEFAULTS, ...passOptions };
  const now = (passOptions.now ?? (() => new Date()))();
  const result: PassResult = { queued: 0, delivered: 0, retried: 0, failed: 0 };
  for (const webhook of await listWebhooks(db)) if (webhook.active === 1) result.queued += await queue(db, webhook, now.toISOString());
  const due = await dueDeliveries(db, now.toISOString(), options.batch);
  for (const delivery of due) result[await attempt(db, { ...delivery, id: Number(delivery.id), change_id: Number(delivery.change_id) }, options, now)]++;
  return result;
}

export interface DeliveryWorker {
  /** Ends the loop; resolves when the pass in flight (if any) has ended. */
  stop(): Promise<void>;
}

/** Runs a pass every `intervalMs` in the server process (never in a request's path). */
export function startDeliveryWorker(db: Db, options: PassOptions & { intervalMs?: number; logError?: (message: string) => void } = {}): DeliveryWorker {
  let stopped = false;
  let inFlight: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  const tick = () => {
    if (stopped) return;
    inFlight = deliveryPass(db, options)
      .then(() => undefined)
      .catch((error: Error) => options.logError?.(`webhook delivery pass failed: ${error.message}`))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, options.intervalMs ?? 5000);
      });
  };
  timer = setTimeout(tick, options.intervalMs ?? 5000);
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await inFlight;
    },
  };
}
