// `accord report regional-arrangements|drafts|versions|version`: the report on regional
// arrangements generated from the data into a file, and the drafts kept by the web app and the
// API; the work is in ../commands/report.ts, loaded when the command runs.
import type { Command } from 'commander';
import { choice, parseDate, parsePositive } from '../parse.ts';

const FORMATS = ['docx', 'pdf', 'html', 'json'] as const;
export type ReportFileFormat = (typeof FORMATS)[number];

export interface ReportOptions {
  session: string;
  asOf: string;
  periodStart?: string;
  regions?: string;
  format: ReportFileFormat;
  lang: string;
  symbol?: string;
  agendaItem?: string;
  out: string;
  /** Restricted and internal records too; default: public ones only. */
  all?: boolean;
}

export interface DraftListOptions {
  format: 'table' | 'json';
}

export interface VersionOptions {
  format: ReportFileFormat;
  out: string;
}

const FORMAT = ['--format <format>', FORMATS.join(', '), choice(FORMATS, 'format'), 'docx'] as const;

export function defineReport(program: Command): void {
  const report = program.command('report').description("the Secretary-General's report on regional arrangements, generated from the data; its drafts and versions");
  report
    .command('regional-arrangements')
    .description('generate the report into a file (PDF needs Chromium)')
    .requiredOption('--session <n>', 'the General Assembly session, e.g. 61')
    .requiredOption('--as-of <date>', "the report's date: every figure is as of it", parseDate)
    .option('--period-start <date>', 'the first day of the period reported on (default: the day after the same date a year before)', parseDate)
    .option('--regions <codes>', 'first-level M49 regions, e.g. 002,150 (default: every region)')
    .option(...FORMAT)
    .option('--lang <lang>', 'ar, en, es, fr, ru or zh', 'en')
    .option('--symbol <symbol>', 'the document symbol (default: a visible placeholder)')
    .option('--agenda-item <text>', 'the agenda item (default: a visible placeholder)')
    .option('--all', 'count restricted and internal records too (default: public ones only)')
    .requiredOption('--out <file>', 'the file to write')
    .action(async (options: ReportOptions) => {
      const { runReport } = await import('../commands/report.ts');
      await runReport(options);
    });
  report
    .command('drafts')
    .description('the drafts of the report, the latest changed first')
    .option('--format <format>', 'table or json', choice(['table', 'json'] as const, 'format'), 'table')
    .action(async (options: DraftListOptions) => {
      const { runDraftList } = await import('../commands/report.ts');
      await runDraftList(options);
    });
  report
    .command('versions')
    .description('the versions saved of a draft')
    .argument('<draft>', 'the draft, e.g. rd-k3v9q2m8xa')
    .action(async (draft: string) => {
      const { runVersionList } = await import('../commands/report.ts');
      await runVersionList(draft);
    });
  report
    .command('version')
    .description('a version of a draft, exactly as saved, into a file')
    .argument('<draft>', 'the draft, e.g. rd-k3v9q2m8xa')
    .argument('<n>', 'the version number', parsePositive)
    .option(...FORMAT)
    .requiredOption('--out <file>', 'the file to write')
    .action(async (draft: string, n: number, options: VersionOptions) => {
      const { runVersion } = await import('../commands/report.ts');
      await runVersion(draft, n, options);
    });
}
