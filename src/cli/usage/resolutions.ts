// `accord resolutions list|mandates|calendar|mandate`: resolutions imported from their text
// (`accord import resolution`), their mandates and what is due when; the work is in
// ../commands/resolutions.ts, loaded when the command runs.
import type { Command } from 'commander';
import { MANDATE_STATUSES } from '../../shared/vocabularies.ts';
import { choice, parseDate, parseLimit } from '../parse.ts';

export interface ResolutionListOptions {
  q?: string;
  limit: number;
  format: 'table' | 'json';
}

export interface MandateListOptions {
  status?: string;
  addressee?: string;
  resolution?: string;
  overdue?: boolean;
  asOf?: string;
  limit: number;
  format: 'table' | 'json';
  /** What answers a mandate from restricted and internal records too; default: public ones only. */
  all?: boolean;
}

export interface MandateUpdateOptions {
  body?: string;
  ifVersion?: string;
  reason?: string;
}

const FORMAT = ['--format <format>', 'table or json', choice(['table', 'json'] as const, 'format'), 'table'] as const;

export function defineResolutions(program: Command): void {
  const resolutions = program.command('resolutions').description('resolutions imported from their text, their mandates and what is due at which session');
  resolutions
    .command('list')
    .description('resolutions, newest adopted first')
    .option('--q <words>', 'words of the title or symbol')
    .option('--limit <n>', 'how many (1-10000)', parseLimit, 100)
    .option(...FORMAT)
    .action(async (options: ResolutionListOptions) => {
      const { runResolutionList } = await import('../commands/resolutions.ts');
      await runResolutionList(options);
    });
  const mandateFilters = (command: Command) =>
    command
      .option('--status <status>', `one of ${MANDATE_STATUSES.join(', ')}`, choice(MANDATE_STATUSES, 'status'))
      .option('--addressee <words>', 'words of the addressee: Secretary-General, High Commissioner, States…')
      .option('--resolution <id>', 'the mandates of one resolution (its id)')
      .option('--as-of <date>', 'the date overdue is told at (default today)', parseDate)
      .option('--all', 'what answers a mandate from restricted and internal records too (default: public ones)')
      .option(...FORMAT);
  mandateFilters(resolutions.command('mandates').description('mandates by the date they are due by'))
    .option('--overdue', 'only those overdue at --as-of')
    .option('--limit <n>', 'how many (1-10000)', parseLimit, 100)
    .action(async (options: MandateListOptions) => {
      const { runMandateList } = await import('../commands/resolutions.ts');
      await runMandateList(options);
    });
  mandateFilters(resolutions.command('calendar').description('what is due at which session of which body, with what is overdue')).action(async (options: MandateListOptions) => {
    const { runMandateCalendar } = await import('../commands/resolutions.ts');
    await runMandateCalendar(options);
  });
  resolutions
    .command('mandate')
    .description('move a mandate: status, due session, answers (the JSON body of PATCH /api/v1/mandates/{id})')
    .argument('<id>', 'the mandate, e.g. local-ga-59-regional-arrangements-2004-12-20.op13')
    .option('--body <file>', 'the JSON body, or - for standard input', '-')
    .option('--if-version <n>', 'the version read (default: the version as it is now)')
    .option('--reason <text>', 'why, for the audit trail (accord audit)')
    .action(async (id: string, options: MandateUpdateOptions) => {
      const { runMandateUpdate } = await import('../commands/resolutions.ts');
      await runMandateUpdate(id, options);
    });
}
