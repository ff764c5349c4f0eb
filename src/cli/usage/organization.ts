// `accord organization update`: corrections to an organization's own facts, recorded in the
// audit trail; the work is in ../commands/organization.ts.
import type { Command } from 'commander';
import { parsePartialDate, parsePositive } from '../parse.ts';

export interface OrganizationUpdateOptions {
  source: string;
  website?: string;
  founded?: string;
  hqCity?: string;
  hqCountry?: string;
  reason?: string;
  ifVersion?: number;
}

export function defineOrganization(program: Command): void {
  program
    .command('organization')
    .description('corrections to the registry, recorded in the audit trail')
    .command('update')
    .description("correct an organization's website, founding date or seat; the source it rests on joins its sources, and the shipped value stays beside it")
    .argument('<id>', 'the organization, e.g. au')
    .requiredOption('--source <id>', 'the source the correction rests on (an id of accord export sources / GET /api/v1/sources)')
    .option('--website <url>', 'its web address (http or https)')
    .option('--founded <date>', 'YYYY, YYYY-MM or YYYY-MM-DD', parsePartialDate)
    .option('--hq-city <city>', 'the city of its seat')
    .option('--hq-country <iso3>', 'the State of its seat (ISO alpha-3)')
    .option('--reason <text>', 'why, for the audit trail')
    .option('--if-version <n>', 'change it only if it is still at this version (else it fails, showing the current record)', parsePositive)
    .action(async (id: string, options: OrganizationUpdateOptions) => {
      const { runOrganizationUpdate } = await import('../commands/organization.ts');
      await runOrganizationUpdate(id, options);
    });
}
