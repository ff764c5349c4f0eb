// `accord audit`: the audit trail, filtered; the work is in ../commands/audit.ts.
import type { Command } from 'commander';
import { choice, parseLimit, parsePositive, parseTime } from '../parse.ts';

export interface AuditCommandOptions {
  actor?: string;
  useCase?: string;
  entity?: string;
  request?: string;
  since?: string;
  until?: string;
  before?: number;
  limit: number;
  format: 'table' | 'json' | 'csv';
}

export function defineAudit(program: Command): void {
  program
    .command('audit')
    .description('the audit trail: every change to the data, newest first (who, when, what, why); records cannot be changed')
    .option('--actor <actor>', 'only changes by this actor, e.g. system:importer')
    .option('--use-case <name>', 'only this use case, e.g. datasets.import, reference.seed')
    .option('--entity <kind[:id]>', 'only changes to this kind of entity, or to one entity (dataset:untc-html:IV-4)')
    .option('--request <id>', 'only the changes of one request or command run')
    .option('--since <date>', 'changes at or after this date or ISO time', parseTime)
    .option('--until <date>', 'changes before this date or ISO time', parseTime)
    .option('--before <id>', 'only records older than this one (the next page)', parsePositive)
    .option('--limit <n>', 'how many records (1-10000)', parseLimit, 50)
    .option('--format <format>', 'table, json or csv', choice(['table', 'json', 'csv'] as const, 'format'), 'table')
    .action(async (options: AuditCommandOptions) => {
      const { runAudit } = await import('../commands/audit.ts');
      await runAudit(options);
    });
}
