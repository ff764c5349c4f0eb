// `accord iati validate <file>`: every problem on its own line, a summary, exit code 1 on errors.
import { existsSync, readFileSync } from 'node:fs';
import { formatIatiProblem } from '../../modules/iati/problems.ts';
import { validateIatiActivities } from '../../modules/iati/validate.ts';
import { ValidationError } from '../../shared/errors.ts';

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
