// `accord cooperation dashboard|state`: the programme's figures by year and region, and a State's
// cooperation history, as the API gives them; the work is in ../commands/cooperation.ts, loaded
// when a command runs.
import { type Command, InvalidArgumentError } from 'commander';
import type { Lang } from '../../shared/text.ts';
import { choice, parseLang } from '../parse.ts';

export interface CooperationReadOptions {
  lang: Lang;
  format: 'table' | 'json';
  /** Internal and restricted records too (the server's operator holds the database anyway); default: public records only. */
  all?: boolean;
}

export interface DashboardOptions extends CooperationReadOptions {
  region?: string;
  from?: string;
  to?: string;
}

function parseYear(value: string): string {
  if (!/^\d{4}$/.test(value)) throw new InvalidArgumentError('must be a year, YYYY');
  return value;
}

function reading(command: Command): Command {
  return command
    .option('--lang <lang>', 'language of names', parseLang, 'en')
    .option('--format <format>', "table or json (the API's answer)", choice(['table', 'json'] as const, 'format'), 'table')
    .option('--all', 'internal and restricted records too (default: public records only, as an anonymous reader sees them)');
}

export function defineCooperation(program: Command): void {
  const cooperation = program.command('cooperation').description("the technical-cooperation programme's dashboard and a State's cooperation history");
  reading(cooperation.command('dashboard').description('requests, projects, events, participants and budgets by year, for all regions or one'))
    .option('--region <m49>', 'only records of this M49 region, sub-region or intermediate region')
    .option('--from <year>', 'first year counted', parseYear)
    .option('--to <year>', 'last year counted', parseYear)
    .action(async (options: DashboardOptions) => (await import('../commands/cooperation.ts')).runDashboard(options));
  reading(cooperation.command('state').description("a State's requests, projects, events, the presences covering it and the recommendations they answer"))
    .argument('<iso3>', 'the State, e.g. PAK')
    .action(async (iso3: string, options: CooperationReadOptions) => (await import('../commands/cooperation.ts')).runStateCooperation(iso3, options));
}
