// `accord recommendations relink`, `export` and `assign`; the work is in
// ../commands/recommendations.ts, loaded when it runs.
import type { Command } from 'commander';
// Types only: the schema (zod) is loaded by the command when it runs, not before every command.
import type { recommendationFilterQuery } from '../../modules/recommendations/schema.ts';
import type { Lang } from '../../shared/text.ts';
import { CONFIDENTIALITY_LEVELS, FOLLOW_UP_STATUSES } from '../../shared/vocabularies.ts';
import { choice, parseLang } from '../parse.ts';

export type FilterName = keyof typeof recommendationFilterQuery;
/** The search options as given; the command checks each as the API checks its parameter. */
export type RecommendationFilterOptions = Partial<Record<FilterName, string>>;
export interface RecommendationExportOptions extends RecommendationFilterOptions {
  lang: Lang;
  site: string;
  out?: string;
}

export interface RecommendationAssignOptions extends RecommendationFilterOptions {
  status?: string;
  holdsFrom?: string;
  note?: string;
  entity?: string;
  entityState?: string;
  confidentiality?: string;
  audience?: string;
  dryRun?: boolean;
  reason?: string;
}

/** The options of the search: the API's parameter each stands for, its flags, what it selects. */
export const FILTER_OPTIONS: [FilterName, string, string][] = [
  ['q', '--q <words>', 'words of the text, in any of the six languages: every word must match'],
  ['state', '--state <ISO3,…>', 'States addressed (ISO alpha-3)'],
  ['mechanism', '--mechanism <codes>', 'mechanisms (UPR, or a code of the registry)'],
  ['recommender', '--recommender <ISO3,…>', 'recommending States'],
  ['group', '--group <groups>', "the addressed State's regional group as the source codes it"],
  ['organization', '--organization <names>', 'organizations the addressed State belongs to, as the source lists them'],
  ['theme', '--theme <themes>', "themes (the source's own tags)"],
  ['response', '--response <responses>', 'the State’s responses'],
  ['kind', '--kind <kinds>', 'recommendation, voluntary-pledge or decision'],
  ['cycle', '--cycle <numbers>', 'UPR cycles'],
  ['session', '--session <numbers>', 'UPR sessions'],
  ['year', '--year <years>', 'years'],
  ['followUp', '--follow-up <statuses>', 'the latest public follow-up status, or none'],
  ['instrument', '--instrument <codes>', 'instruments the text asks the State to ratify, accede to, sign or withdraw reservations to'],
  ['sort', '--sort <order>', 'newest (default) or oldest'],
];

/** The search options, on a command that takes them. */
function withFilterOptions(command: Command): Command {
  for (const [, flags, description] of FILTER_OPTIONS) command.option(flags, description);
  return command;
}

export function defineRecommendations(program: Command): void {
  const recommendations = program.command('recommendations').description('recommendations as stored');
  recommendations
    .command('relink')
    .description(
      'read again, in every stored recommendation, the instruments it asks the State to ratify, accede to or sign (after the list of names data/reference/instrument-mentions.csv changed); reviews are kept',
    )
    .option('--reason <text>', 'why, for the audit trail (accord audit)')
    .action(async (options: { reason?: string }) => {
      const { relink } = await import('../commands/recommendations.ts');
      await relink(options);
    });
  const exportCommand = recommendations
    .command('export')
    .description(
      'every recommendation a search matches, with no cap, streamed (the API’s /api/v1/recommendations/export); several values of an option, separated by commas, match any of them; follow-up as the public sees it',
    )
    .argument('<format>', 'csv, jsonl or xlsx', choice(['csv', 'jsonl', 'xlsx'] as const, 'format'));
  withFilterOptions(exportCommand)
    .option('--lang <lang>', 'language of names', parseLang, 'en')
    .option('--site <url>', 'where the web app answers: each row links to its page there', 'http://127.0.0.1:3000')
    .option('--out <file>', 'write to a file instead of standard output (written whole or not at all)')
    .action(async (format: 'csv' | 'jsonl' | 'xlsx', options: RecommendationExportOptions) => {
      const { exportRecommendations } = await import('../commands/recommendations.ts');
      await exportRecommendations(format, options);
    });
  withFilterOptions(
    recommendations
      .command('assign')
      .description(
        'record one follow-up status, or one responsible entity, or both, for every recommendation a search matches, in one write audited as one action listing every recommendation (the API’s POST /api/v1/follow-up/assignments)',
      ),
  )
    .option('--status <status>', FOLLOW_UP_STATUSES.join(', '))
    .option('--holds-from <date>', 'the day the status holds from, YYYY-MM-DD (with --status)')
    .option('--note <text>', 'a note on the status')
    .option('--entity <name>', 'the national entity responsible')
    .option('--entity-state <ISO3>', 'the State of that entity (each recommendation must be addressed to it)')
    .option('--confidentiality <level>', `${CONFIDENTIALITY_LEVELS.join(', ')} (default public)`)
    .option('--audience <scopes>', 'for restricted: the organizations and States that may see it, separated by commas')
    .option('--dry-run', 'count what the search matches and write nothing')
    .option('--reason <text>', 'why, for the audit trail (accord audit)')
    .action(async (options: RecommendationAssignOptions) => {
      const { assignFollowUp } = await import('../commands/recommendations.ts');
      await assignFollowUp(options);
    });
}
