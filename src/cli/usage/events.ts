// `accord events list|export`: the events of the technical-cooperation programme; the work is in
// ../commands/events.ts, loaded when the command runs.
import type { Command } from 'commander';
import { EVENT_KINDS } from '../../shared/vocabularies.ts';
import { choice, parseLimit, parsePartialDate } from '../parse.ts';

export interface EventFilterOptions {
  from?: string;
  to?: string;
  kind?: string;
  series?: string;
  country?: string;
  region?: string;
  /** Restricted and internal events too (the server's operator holds the database anyway); default: public events only. */
  all?: boolean;
}

export interface EventListOptions extends EventFilterOptions {
  limit: number;
  format: 'table' | 'json';
}

export interface EventExportOptions extends EventFilterOptions {
  counts?: boolean;
}

function filters(command: Command): Command {
  return command
    .option('--from <date>', 'events ending on or after this date (YYYY[-MM[-DD]])', parsePartialDate)
    .option('--to <date>', 'events starting on or before this date', parsePartialDate)
    .option('--kind <kind>', `one of ${EVENT_KINDS.join(', ')}`, choice(EVENT_KINDS, 'kind'))
    .option('--series <id>', 'the events of one series, e.g. asia-pacific-workshops')
    .option('--country <iso3>', 'events held in this State')
    .option('--region <m49>', 'events of this M49 region (held in one of its States, or serving it)')
    .option('--all', 'internal and restricted events too (default: public events only)');
}

export function defineEvents(program: Command): void {
  const events = program.command('events').description('events of the technical-cooperation programme: workshops, training courses, meetings');
  filters(events.command('list').description('events by start date'))
    .option('--limit <n>', 'how many (1-10000)', parseLimit, 100)
    .option('--format <format>', 'table or json', choice(['table', 'json'] as const, 'format'), 'table')
    .action(async (options: EventListOptions) => {
      const { runEventList } = await import('../commands/events.ts');
      await runEventList(options);
    });
  filters(events.command('export').description('events as CSV on standard output (participants are never exported)'))
    .argument('<format>', 'csv', choice(['csv'] as const, 'format'))
    .option('--counts', 'the participation counts (by country, institution and gender) instead of the events')
    .action(async (_format: 'csv', options: EventExportOptions) => {
      const { runEventExport } = await import('../commands/events.ts');
      await runEventExport(options);
    });
}
