// `accord projects export <format>` and `accord exchange-rates add|list`: names, arguments and
// options; the work is in ../commands/projects.ts, loaded when a command runs.
import type { Command } from 'commander';
import type { Lang } from '../../shared/text.ts';
import { choice, parseDate, parseLang } from '../parse.ts';

export interface ProjectExportOptions {
  lang: Lang;
  out?: string;
  state?: string;
  region?: string;
  status?: string;
  fundingSource?: string;
  year?: string;
}

export interface RateAddOptions {
  currency: string;
  base: string;
  rate: string;
  asOf: string;
  source: string;
  sourceUrl?: string;
  sourceKind?: string;
  retrieved?: string;
  reason?: string;
}

export function defineProjects(program: Command): void {
  program
    .command('projects')
    .description('technical-cooperation projects')
    .command('export')
    .description('the projects (all of them: the CLI acts as a system actor) as CSV or XLSX, one row each, amounts exact per currency')
    .argument('<format>', 'csv or xlsx', choice(['csv', 'xlsx'] as const, 'format'))
    .option('--lang <lang>', 'language of names', parseLang, 'en')
    .option('--state <iso3>', 'only projects in this State')
    .option('--region <m49>', 'only projects of this M49 region')
    .option('--status <status>', 'only projects of this status')
    .option('--funding-source <source>', 'regular-budget, voluntary-contributions or donor-agreement')
    .option('--year <yyyy>', 'only projects running in this year')
    .option('--out <file>', 'write to a file instead of standard output (needed for xlsx)')
    .action(async (format: 'csv' | 'xlsx', options: ProjectExportOptions) => {
      const { runProjectExport } = await import('../commands/projects.ts');
      await runProjectExport(format, options);
    });
}

export function defineExchangeRates(program: Command): void {
  const rates = program.command('exchange-rates').description('the exchange rates administrators enter (never fetched), recorded in the audit trail');
  rates
    .command('add')
    .description('enter a rate: 1 <currency> = <rate> <base> on a day, with its source')
    .requiredOption('--currency <code>', 'ISO 4217, e.g. EUR')
    .requiredOption('--base <code>', 'ISO 4217, e.g. USD')
    .requiredOption('--rate <decimal>', 'e.g. 1.0850 (exact: written as a decimal)')
    .requiredOption('--as-of <date>', 'the day the rate is for (YYYY-MM-DD)', parseDate)
    .requiredOption('--source <id-or-title>', 'a source id the registry holds, or the title of a new source (then --source-url)')
    .option('--source-url <url>', 'the address of a new source')
    .option('--source-kind <kind>', 'official, secondary or tertiary (new source)', 'official')
    .option('--retrieved <date>', 'the day the new source was read (default today)', parseDate)
    .option('--reason <text>', 'why, for the audit trail')
    .action(async (options: RateAddOptions) => {
      const { runRateAdd } = await import('../commands/projects.ts');
      await runRateAdd(options);
    });
  rates
    .command('list')
    .description('the rates entered, with their sources')
    .option('--currency <code>', 'only this currency')
    .option('--base <code>', 'only this base')
    .action(async (options: { currency?: string; base?: string }) => {
      const { runRateList } = await import('../commands/projects.ts');
      await runRateList(options);
    });
}
