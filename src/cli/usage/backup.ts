// `accord backup <file>` and `accord restore <file>` (docs/BACKUP.md); the work is in
// ../commands/backup.ts, loaded when one of them runs.
import type { Command } from 'commander';

export interface BackupCommandOptions {
  force?: boolean;
  reason?: string;
}

export interface RestoreCommandOptions {
  reason?: string;
}

export function defineBackup(program: Command): void {
  program
    .command('backup')
    .description(
      'write every table (audit trail and accounts included, sessions left out) to a portable file that `accord restore` loads into SQLite or PostgreSQL; it holds personal data and password hashes: keep it as you keep the database (docs/BACKUP.md)',
    )
    .argument('<file>', 'the file to write, e.g. accord-2026-05-01.backup.jsonl.gz')
    .option('--force', 'replace the file if it exists')
    .option('--reason <text>', 'why, for the audit trail (taking a copy is recorded)')
    .action(async (file: string, options: BackupCommandOptions) => {
      const { runBackup } = await import('../commands/backup.ts');
      await runBackup(file, options);
    });
}

export function defineRestore(program: Command): void {
  program
    .command('restore')
    .description('load a backup into the database of DATABASE_URL, which must be new or empty (it is migrated first); all or nothing, recorded in the audit trail')
    .argument('<file>', 'a file written by `accord backup`')
    .option('--reason <text>', 'why, for the audit trail')
    .action(async (file: string, options: RestoreCommandOptions) => {
      const { runRestore } = await import('../commands/backup.ts');
      await runRestore(file, options);
    });
}
