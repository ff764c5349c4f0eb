// `accord exchanges list|export`: exchanges between UN bodies and regional organizations and
// mechanisms; the work is in ../commands/exchanges.ts, loaded when the command runs.
import type { Command } from 'commander';
import { EXCHANGE_KINDS, EXCHANGE_UN_BODIES } from '../../shared/vocabularies.ts';
import { choice, parseLimit } from '../parse.ts';

export interface ExchangeFilterOptions {
  organization?: string;
  unBody?: string;
  kind?: string;
  year?: string;
  region?: string;
  series?: string;
  /** Restricted and internal exchanges too (the server's operator holds the database anyway); default: public ones only. */
  all?: boolean;
}

export interface ExchangeListOptions extends ExchangeFilterOptions {
  limit: number;
  sort?: string;
  format: 'table' | 'json';
}

function parseYear(value: string): string {
  if (!/^\d{4}$/.test(value)) throw new Error('must be a year of four digits');
  return value;
}

function filters(command: Command): Command {
  return command
    .option('--organization <id>', 'exchanges with this regional organization or one of its mechanisms, e.g. coe')
    .option('--un-body <body>', `one of ${EXCHANGE_UN_BODIES.join(', ')}`, choice(EXCHANGE_UN_BODIES, 'un-body'))
    .option('--kind <kind>', `one of ${EXCHANGE_KINDS.join(', ')}`, choice(EXCHANGE_KINDS, 'kind'))
    .option('--year <yyyy>', 'exchanges held (in part) in this year', parseYear)
    .option('--region <name>', 'exchanges with an organization of this region, as the registry names it (e.g. Europe)')
    .option('--series <id>', 'the exchanges of one series, e.g. un-osce-coe-tripartite')
    .option('--all', 'internal and restricted exchanges too (default: public exchanges only)');
}

export function defineExchanges(program: Command): void {
  const exchanges = program.command('exchanges').description('exchanges between UN bodies and regional organizations and mechanisms: meetings, consultations, joint activities…');
  filters(exchanges.command('list').description('exchanges by start date'))
    .option('--limit <n>', 'how many (1-10000)', parseLimit, 100)
    .option('--sort <fields>', 'start, end, title, kind or id; a leading - sorts descending')
    .option('--format <format>', 'table or json', choice(['table', 'json'] as const, 'format'), 'table')
    .action(async (options: ExchangeListOptions) => {
      const { runExchangeList } = await import('../commands/exchanges.ts');
      await runExchangeList(options);
    });
  filters(exchanges.command('export').description('exchanges as CSV on standard output'))
    .argument('<format>', 'csv', choice(['csv'] as const, 'format'))
    .action(async (_format: 'csv', options: ExchangeFilterOptions) => {
      const { runExchangeExport } = await import('../commands/exchanges.ts');
      await runExchangeExport(options);
    });
}
