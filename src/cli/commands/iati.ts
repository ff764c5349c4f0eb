// `accord iati validate <file>`: every problem on its own line, a summary, exit code 1 on errors.
// `accord iati export`: the public projects as an activity file.
import { existsSync, readFileSync } from 'node:fs';
import { formatIatiProblem } from '../../modules/iati/problems.ts';
import { validateIatiActivities } from '../../modules/iati/validate.ts';
import { publicView } from '../../db/visibility.ts';
import { iatiActivities } from '../../modules/iati-export/export.ts';
import { reportingOrgProblems } from '../../modules/iati-export/reporting-org.ts';
import { ValidationError } from '../../shared/errors.ts';
import { writeChunks, writeToFile } from '../export.ts';
import type { IatiExportOptions } from '../usage/iati.ts';
import { withRegistry } from '../with-db.ts';

export async function validateIatiCommand(file: string, options: { today?: string }): Promise<void> {
  if (options.today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(options.today)) throw new ValidationError(`--today must be a date YYYY-MM-DD, not '${options.today}'`);
  if (!existsSync(file)) throw new ValidationError(`no file ${file}`);
  const result = await validateIatiActivities(readFileSync(file), { today: options.today });
  for (const p of result.problems) console.log(formatIatiProblem(p));
  const errors = result.problems.filter((p) => p.severity === 'error').length;
  const warnings = result.problems.length - errors;
  // The summary goes to stderr, so that stdout holds only problem lines for other tools to read.
  console.error(`${file}: ${result.activities} activities, ${errors} errors, ${warnings} warnings: ${result.ok ? 'valid' : 'refused'}`);
  if (!result.ok) process.exitCode = 1;
}

export async function exportIatiCommand(options: IatiExportOptions): Promise<void> {
  const reporting = { ref: options.reportingOrgRef, type: options.reportingOrgType, name: options.reportingOrgName };
  const names = { ref: '--reporting-org-ref', type: '--reporting-org-type', name: '--reporting-org-name' };
  const problems = reportingOrgProblems(reporting, names);
  if (problems.length) throw new ValidationError(problems.map((p) => `${p.field}: ${p.reason}`).join('; '));
  await withRegistry(async ({ db }) => {
    // What anyone may read: an IATI file is published.
    const chunks = iatiActivities(publicView(db), reporting);
    if (options.out) await writeToFile(chunks, options.out);
    else await writeChunks(chunks, process.stdout);
  });
}
