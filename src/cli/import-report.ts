// What the import command prints: a progress bar on a terminal, one summary line, the
// rejected rows (all of them in --report <file>), and a failing exit code when a file was
// refused, so that scripts notice even though the other files were stored.
import { writeFileSync } from 'node:fs';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { ImportAllReport } from '../importers/all.ts';
import type { CsvEncoding } from '../shared/vocabularies.ts';
import type { ImportKind, ImportOutcome } from '../importers/kinds.ts';
import { systemContext } from '../modules/audit/context.ts';
import type { DatasetImportOptions, DatasetImportReport } from '../importers/dataset-import.ts';
import { formatProblems, ValidationError, type Problem } from '../shared/errors.ts';
import { toCsv } from '../shared/csv.ts';

export interface ImportCommandOptions {
  skipInvalid?: boolean;
  report?: string;
  allowFewer?: boolean;
  asOf?: string;
  retrieved?: string;
  /** Why, for the audit trail. */
  reason?: string;
}

const datasetOptions = (o: ImportCommandOptions): DatasetImportOptions => ({
  skipInvalid: o.skipInvalid,
  allowFewer: o.allowFewer,
  asOf: o.asOf,
  retrieved: o.retrieved,
  onProgress: progressBar(),
  context: importerContext(o),
});

/** The command acts as the system actor `importer`, with the operating-system user and --reason. */
export const importerContext = (o: ImportCommandOptions) => systemContext('importer', o.reason ?? null);

const SHOWN_PROBLEMS = 50;

function progressBar(): DatasetImportOptions['onProgress'] {
  if (!process.stderr.isTTY) return undefined;
  return (done, total, file) => {
    process.stderr.write(`\r[${'#'.repeat(Math.round((done / Math.max(total, 1)) * 30)).padEnd(30)}] ${done}/${total} ${file.padEnd(40)}`);
    if (done === total) process.stderr.write('\n');
  };
}

function writeProblems(path: string | undefined, problems: Problem[]): void {
  if (!path) return;
  writeFileSync(
    path,
    toCsv(
      ['file', 'row', 'column', 'reason'],
      problems.map((p) => ({ file: p.file, row: p.row, column: p.field, reason: p.reason })),
    ),
  );
  console.error(`rejected rows written to ${path}`);
}

function printProblems(problems: Problem[], reportPath: string | undefined): void {
  if (problems.length === 0) return;
  const more = problems.length - SHOWN_PROBLEMS;
  console.log(formatProblems(problems.slice(0, SHOWN_PROBLEMS)) + (more > 0 ? `\n  … ${more} more${reportPath ? '' : ' (--report <file> writes them all)'}` : ''));
}

/** Whatever was asked to be stored and was not makes the command fail, so that scripts notice. */
function failIfRejected(files: number): void {
  if (files === 0) return;
  console.error(
    `accord: ${files} file(s) were refused and changed nothing (see the reasons above; --skip-invalid stores the valid rows of a file, --allow-fewer a file far smaller than what it replaces)`,
  );
  process.exitCode = 1;
}

const countOf = (report: DatasetImportReport) => (status: string) => report.files.filter((f) => f.status === status).length;

/** What a run of one kind stored and refused, one line per file or dataset, then the problems. */
export function printOutcome(outcome: ImportOutcome, options: ImportCommandOptions, started: number): void {
  if (outcome.shape === 'names') {
    console.log(outcome.summary);
    return;
  }
  if (outcome.shape === 'datasets') {
    printDatasets(outcome.report, options);
    return;
  }
  printFolder(outcome.report, options, started);
}

function printDatasets(report: DatasetImportReport & { skipped?: { file: string; reason: string }[]; notes?: { file: string; note: string }[] }, options: ImportCommandOptions): void {
  const count = countOf(report);
  const stored = report.files.filter((f) => f.status === 'imported').reduce((n, f) => n + f.accepted, 0);
  const rejected = report.files.reduce((n, f) => n + f.rejected, 0);
  console.log(`${report.files.length} files: ${count('imported')} imported, ${count('unchanged')} unchanged, ${count('rejected')} rejected; ${stored} facts stored, ${rejected} rows rejected`);
  for (const s of report.skipped ?? []) console.log(`skipped ${s.file}: ${s.reason}`);
  for (const n of report.notes ?? []) console.log(`${n.file} ${n.note}`);
  if (report.unmatchedNames.length) console.log(`names that matched no State: ${report.unmatchedNames.join('; ')}`);
  printProblems(report.problems, options.report);
  writeProblems(options.report, report.problems);
  failIfRejected(count('rejected'));
}

/** Every dataset of a folder: one line per dataset and per thing skipped. */
function printFolder(report: ImportAllReport, options: ImportCommandOptions, started: number): void {
  let rejectedFiles = 0;
  for (const t of report.treaty) {
    const count = countOf(t.report);
    rejectedFiles += count('rejected');
    console.log(
      `${t.folder}${t.table ? `/${t.table}` : ''} (${t.kind}): ${count('imported')} imported, ${count('unchanged')} unchanged, ${count('rejected')} rejected; ${t.report.problems.length} problem(s)`,
    );
  }
  for (const n of report.names) console.log(`${n.folder} (${n.kind}): ${n.summary}`);
  for (const s of report.skipped) console.log(`skipped ${s.path}: ${s.reason}`);
  const unmatched = [...new Set(report.treaty.flatMap((t) => t.report.unmatchedNames))].sort();
  if (unmatched.length) console.log(`names that matched no State: ${unmatched.join('; ')}`);
  const problems = report.treaty.flatMap((t) => t.report.problems);
  printProblems(problems, options.report);
  writeProblems(options.report, problems);
  console.log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  failIfRejected(rejectedFiles);
}

/** Runs one kind of import as the command line asked, and prints what it did. */
export async function runImportKind(
  db: Kysely<Database>,
  kind: ImportKind,
  path: string,
  options: ImportCommandOptions & { mapping?: string; encoding?: CsvEncoding; sourceTitle?: string; sourceUrl?: string; sourceKind?: string; fundingSource?: string },
): Promise<void> {
  const started = Date.now();
  // One date for a whole folder of datasets would be wrong: each takes its own from its source.json.
  const dates = kind.name === 'all' ? { asOf: undefined, retrieved: undefined } : {};
  let outcome: ImportOutcome;
  try {
    outcome = await kind.run(db, path, {
      ...datasetOptions({ ...options, ...dates }),
      mapping: options.mapping,
      encoding: options.encoding,
      sourceTitle: options.sourceTitle,
      sourceUrl: options.sourceUrl,
      sourceKind: options.sourceKind,
      fundingSource: options.fundingSource,
    });
  } catch (error) {
    if (error instanceof ValidationError) writeProblems(options.report, error.details);
    throw error;
  }
  printOutcome(outcome, options, started);
}
