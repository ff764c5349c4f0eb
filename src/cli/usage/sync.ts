// `accord sync …`: peers (other Accords whose change feed this one pulls), runs, and what they
// sent; the work is in ../commands/sync.ts. A peer's token is read from an environment
// variable, never from the command line (which other users of the machine can see).
import type { Command } from 'commander';
import { parseLimit, parsePositive } from '../parse.ts';

export interface SyncAddOptions {
  tokenEnv?: string;
  pageSize?: number;
}

export interface SyncRunOptions {
  all?: boolean;
  maxPages?: number;
}

export interface SyncListOptions {
  peer?: string;
  kind?: string;
  limit: number;
}

export function defineSync(program: Command): void {
  const sync = program.command('sync').description('pull records from other Accords through their change feed (docs/SYNC.md)');
  sync
    .command('peers')
    .description('the peers, with their cursor, records held and last run (never their tokens)')
    .action(async () => {
      const { runSyncPeers } = await import('../commands/sync.ts');
      await runSyncPeers();
    });
  sync
    .command('add <name> <baseUrl>')
    .description('add a peer: its name here and its address (https://accord.example.org)')
    .option('--token-env <variable>', 'the environment variable holding an API token the peer issued')
    .option('--page-size <n>', 'changes asked for per page (1-1000, default 500)', parsePositive)
    .action(async (name: string, baseUrl: string, options: SyncAddOptions) => {
      const { runSyncAdd } = await import('../commands/sync.ts');
      await runSyncAdd(name, baseUrl, options);
    });
  sync
    .command('remove <id>')
    .description('remove a peer with the records it sent and its runs')
    .action(async (id: string) => {
      const { runSyncRemove } = await import('../commands/sync.ts');
      await runSyncRemove(id);
    });
  sync
    .command('run [id]')
    .description("pull a peer's changes from its cursor to the end of its feed (or --all active peers); resumes where the last run stopped")
    .option('--all', 'every active peer, one after the other')
    .option('--max-pages <n>', 'stop after this many pages; the next run goes on from there', parsePositive)
    .action(async (id: string | undefined, options: SyncRunOptions) => {
      const { runSyncRun } = await import('../commands/sync.ts');
      await runSyncRun(id, options);
    });
  sync
    .command('records')
    .description('records received from peers, with their origin (the public view)')
    .option('--peer <id>', 'only this peer')
    .option('--kind <kind>', 'only this kind of record')
    .option('--limit <n>', 'how many (1-1000)', parseLimit, 50)
    .action(async (options: SyncListOptions) => {
      const { runSyncRecords } = await import('../commands/sync.ts');
      await runSyncRecords(options);
    });
  sync
    .command('disagreements')
    .description("facts on which a peer's records and ours differ (the public view)")
    .option('--peer <id>', 'only this peer')
    .option('--kind <kind>', 'only this kind of record')
    .option('--limit <n>', 'how many (1-1000)', parseLimit, 50)
    .action(async (options: SyncListOptions) => {
      const { runSyncDisagreements } = await import('../commands/sync.ts');
      await runSyncDisagreements(options);
    });
}
