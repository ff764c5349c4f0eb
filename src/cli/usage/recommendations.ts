// `accord recommendations relink`; the work is in ../commands/recommendations.ts, loaded when it runs.
import type { Command } from 'commander';

export function defineRecommendations(program: Command): void {
  program
    .command('recommendations')
    .description('recommendations as stored')
    .command('relink')
    .description(
      'read again, in every stored recommendation, the instruments it asks the State to ratify, accede to or sign (after the list of names data/reference/instrument-mentions.csv changed); reviews are kept',
    )
    .option('--reason <text>', 'why, for the audit trail (accord audit)')
    .action(async (options: { reason?: string }) => {
      const { relink } = await import('../commands/recommendations.ts');
      await relink(options);
    });
}
