// `accord changes list` (the public change feed) and `accord webhooks list|add|remove|rotate`;
// the work is in ../commands/changes.ts.
import { type Command, InvalidArgumentError } from 'commander';
import { choice, parseLimit } from '../parse.ts';

export interface ChangesListOptions {
  since?: number;
  limit: number;
  format: 'table' | 'json' | 'atom';
  kind?: string;
  region?: string;
  organization?: string;
  state?: string;
  instrument?: string;
}

export interface WebhookAddOptions {
  description?: string;
  kind?: string;
  region?: string;
  organization?: string;
  state?: string;
  instrument?: string;
}

function parseCursor(value: string): number {
  if (!/^\d{1,15}$/.test(value)) throw new InvalidArgumentError('must be a cursor: the next of an earlier page (a whole number)');
  return Number(value);
}

const filters = (command: Command) =>
  command
    .option('--kind <kinds>', 'only these kinds of record, comma-separated (event,project,…)')
    .option('--region <m49>', 'only changes concerning this M49 region or sub-region (002)')
    .option('--organization <id>', 'only changes concerning this organization (au)')
    .option('--state <iso3>', 'only changes concerning this State (KEN)')
    .option('--instrument <code>', 'only changes concerning this instrument (ICCPR)');

export function defineChanges(program: Command): void {
  const changes = program.command('changes').description('the change feed: public changes, oldest first after a cursor (docs/CHANGES.md)');
  filters(
    changes
      .command('list')
      .description('public changes after --since (default: from the first), as the API and the feeds give them')
      .option('--since <cursor>', 'the changes after this cursor (the next of an earlier page)', parseCursor)
      .option('--limit <n>', 'how many changes (1-1000)', parseLimit, 100)
      .option('--format <format>', 'table, json or atom', choice(['table', 'json', 'atom'] as const, 'format'), 'table'),
  ).action(async (options: ChangesListOptions) => {
    const { runChangesList } = await import('../commands/changes.ts');
    await runChangesList(options);
  });
}

export function defineWebhooks(program: Command): void {
  const webhooks = program.command('webhooks').description('subscriptions to the public change feed, delivered signed by `accord serve` (docs/CHANGES.md)');
  webhooks
    .command('list')
    .description('the webhooks, with their filters (never their secrets)')
    .action(async () => {
      const { runWebhooksList } = await import('../commands/changes.ts');
      await runWebhooksList();
    });
  filters(webhooks.command('add <url>').description('add a webhook (http(s), public addresses only); prints its secret once').option('--description <text>', 'what it is for')).action(
    async (url: string, options: WebhookAddOptions) => {
      const { runWebhooksAdd } = await import('../commands/changes.ts');
      await runWebhooksAdd(url, options);
    },
  );
  webhooks
    .command('remove <id>')
    .description('remove a webhook and its delivery log')
    .action(async (id: string) => {
      const { runWebhooksRemove } = await import('../commands/changes.ts');
      await runWebhooksRemove(id);
    });
  webhooks
    .command('rotate <id>')
    .description('give a webhook a new secret (printed once); the old one stops at once')
    .action(async (id: string) => {
      const { runWebhooksRotate } = await import('../commands/changes.ts');
      await runWebhooksRotate(id);
    });
}
