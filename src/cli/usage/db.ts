// `accord db migrate|seed`; the work is in ../commands/db.ts, loaded when one of them runs.
import type { Command } from 'commander';

export interface SeedOptions {
  force?: boolean;
  snapshot: boolean;
  reason?: string;
}

export function defineDb(program: Command): void {
  const db = program.command('db').description('database maintenance');
  db.command('migrate')
    .description('apply the migrations not yet applied')
    .action(async () => {
      const { migrate } = await import('../commands/db.ts');
      await migrate();
    });
  db.command('seed')
    .description('migrate, load the reference data (data/reference) and the snapshot of treaty data (data/snapshot); each skipped when unchanged')
    .option('--force', 'reload the reference data even when unchanged')
    .option('--no-snapshot', 'do not load the shipped snapshot of treaty data and official names')
    .option('--reason <text>', 'why, for the audit trail (accord audit)')
    .action(async (options: SeedOptions) => {
      const { seed } = await import('../commands/db.ts');
      await seed(options);
    });
}
