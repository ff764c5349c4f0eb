// The `accord` command, started by src/main.ts. What each command is called, takes and says
// is in usage/<command>.ts and costs nothing to load; the work is in commands/<command>.ts
// and is imported by the command's action only, so `accord --help` loads no database,
// importer or server code.
import { Command } from 'commander';
import { AppError, formatProblems } from '../shared/errors.ts';
import type { CliContext } from './context.ts';
import { defineAudit } from './usage/audit.ts';
import { defineChanges, defineWebhooks } from './usage/changes.ts';
import { defineBackup, defineRestore } from './usage/backup.ts';
import { defineDb } from './usage/db.ts';
import { defineCooperation } from './usage/cooperation.ts';
import { defineEvents } from './usage/events.ts';
import { defineExchanges } from './usage/exchanges.ts';
import { defineResolutions } from './usage/resolutions.ts';
import { defineReport } from './usage/report.ts';
import { defineGaps } from './usage/gaps.ts';
import { defineExport } from './usage/export.ts';
import { defineIati } from './usage/iati.ts';
import { defineImport } from './usage/import.ts';
import { defineOrganization } from './usage/organization.ts';
import { defineExchangeRates, defineProjects } from './usage/projects.ts';
import { defineRecommendations } from './usage/recommendations.ts';
import { defineRecord } from './usage/record.ts';
import { defineServe } from './usage/serve.ts';
import { defineSnapshot } from './usage/snapshot.ts';
import { defineSync } from './usage/sync.ts';
import { defineUser } from './usage/user.ts';

/** Every command, in the order `accord --help` lists them: one entry per command. */
const COMMANDS: ((program: Command, context: CliContext) => void)[] = [
  defineServe,
  defineDb,
  defineSnapshot,
  defineImport,
  defineExport,
  defineRecommendations,
  defineIati,
  defineCooperation,
  defineEvents,
  defineExchanges,
  defineResolutions,
  defineReport,
  defineOrganization,
  defineProjects,
  defineExchangeRates,
  defineRecord,
  defineGaps,
  defineAudit,
  defineChanges,
  defineWebhooks,
  defineSync,
  defineUser,
  defineBackup,
  defineRestore,
];

export async function runCli(argv: string[], context: CliContext): Promise<void> {
  const program = new Command()
    .name('accord')
    .description('Accord: the registry of regional human-rights arrangements.\nDATABASE_URL chooses the database: unset = sqlite:var/accord.db, sqlite:<path>, or postgres://...')
    .showHelpAfterError();
  for (const define of COMMANDS) define(program, context);

  // `accord export … | head` closes the pipe early: that is the reader's choice, not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });

  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof AppError) {
      console.error(`accord: ${error.message}`);
      if (error.details.length) console.error(formatProblems(error.details));
    } else {
      console.error(`accord: ${(error as Error).message ?? error}`);
    }
    process.exitCode = 1;
  }
}
