// `accord gaps <iso3>`: a State's ratification gaps (docs/OBSTACLES.md), as the API's
// /states/{iso3}/ratification-gaps gives them; the work is in ../commands/gaps.ts.
import type { Command } from 'commander';
import type { Lang } from '../../shared/text.ts';
import { choice, parseDate, parseLang } from '../parse.ts';

export interface GapsOptions {
  format: 'table' | 'json' | 'csv';
  asOf?: string;
  lang: Lang;
  /** Internal and restricted obstacles too (the server's operator holds the database anyway); default: public ones only. */
  all?: boolean;
}

export function defineGaps(program: Command): void {
  program
    .command('gaps')
    .description('the principal human-rights instruments a State is not party to, with obstacles recorded, recommendations to ratify, strategies and its region')
    .argument('<iso3>', 'the State, e.g. USA')
    .option('--format <format>', 'table, json or csv', choice(['table', 'json', 'csv'] as const, 'format'), 'table')
    .option('--as-of <date>', 'the date (YYYY-MM-DD; default today)', parseDate)
    .option('--lang <lang>', 'names in ar, en, es, fr, ru or zh', parseLang, 'en')
    .option('--all', 'internal and restricted obstacles and strategies too (default: public ones only)')
    .action(async (iso3: string, options: GapsOptions) => {
      const { runGaps } = await import('../commands/gaps.ts');
      await runGaps(iso3, options);
    });
}
