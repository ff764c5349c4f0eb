// `accord changes list` and `accord webhooks …`: the feed as the anonymous public reads it, and
// webhooks written through the write path as the system actor `cli`.
import { publicView } from '../../db/visibility.ts';
import { systemContext } from '../../modules/audit/context.ts';
import { atomFeed } from '../../modules/changes/feeds.ts';
import { changePage, type ChangeView } from '../../modules/changes/service.ts';
import { listWebhooks, webhookView } from '../../modules/webhooks/repository.ts';
import { createWebhook, deleteWebhook, rotateSecret } from '../../modules/webhooks/write.ts';
import type { ChangesListOptions, WebhookAddOptions } from '../usage/changes.ts';
import { withRegistry } from '../with-db.ts';

function line(c: ChangeView): string {
  return `#${c.id}  ${c.at}  ${c.kind} ${c.recordId ?? ''} ${c.action}\n      ${c.summary}`;
}

export function runChangesList(options: ChangesListOptions): Promise<void> {
  return withRegistry(async (db) => {
    const page = await changePage(publicView(db.db), {
      order: 'oldest',
      cursor: options.since ?? null,
      limit: options.limit,
      kinds: options.kind?.split(','),
      facets: { region: options.region, organization: options.organization, state: options.state, instrument: options.instrument },
    });
    if (options.format === 'json') process.stdout.write(`${JSON.stringify(page, null, 2)}\n`);
    else if (options.format === 'atom') process.stdout.write(atomFeed(page, 'http://localhost', `http://localhost/api/v1/changes.atom?order=oldest${options.since ? `&since=${options.since}` : ''}`));
    else process.stdout.write(page.items.length ? `${page.items.map(line).join('\n')}\nnext: --since ${page.next}${page.more ? ' (more follow)' : ''}\n` : `no changes after ${page.next}\n`);
  });
}

const filtersOf = (o: WebhookAddOptions) =>
  Object.fromEntries(Object.entries({ kind: o.kind?.split(','), region: o.region, organization: o.organization, state: o.state, instrument: o.instrument }).filter(([, v]) => v !== undefined));

export function runWebhooksList(): Promise<void> {
  return withRegistry(async (db) => {
    const hooks = (await listWebhooks(db.db)).map(webhookView);
    process.stdout.write(hooks.length ? `${hooks.map((h) => `${h.id}  ${h.active ? 'active' : 'paused'}  ${h.url}  ${JSON.stringify(h.filters)}`).join('\n')}\n` : 'no webhooks\n');
  });
}

export function runWebhooksAdd(url: string, options: WebhookAddOptions): Promise<void> {
  return withRegistry(async (db) => {
    const made = await createWebhook(db.db, { url, description: options.description ?? null, filters: filtersOf(options) }, systemContext('cli'));
    process.stdout.write(`${made.id} added\nsecret (shown this once): ${made.secret}\n`);
  });
}

export function runWebhooksRemove(id: string): Promise<void> {
  return withRegistry(async (db) => {
    await deleteWebhook(db.db, id, systemContext('cli'));
    process.stdout.write(`${id} removed\n`);
  });
}

export function runWebhooksRotate(id: string): Promise<void> {
  return withRegistry(async (db) => {
    const { secret } = await rotateSecret(db.db, id, systemContext('cli'));
    process.stdout.write(`${id}: new secret (shown this once): ${secret}\n`);
  });
}
