// What every treaty-data importer does with the files it reads: skip a file whose content is
// already stored, collect every rejected row (file, row, column, reason) and every name that
// matched nothing, then store the changed files in one transaction. A file with a rejected
// row changes nothing (its dataset stays as it was) unless skipInvalid, which stores its
// valid rows; the report says which files were rejected and why. Nothing is ever replaced by
// less without being asked: a file that yields no rows is refused, and so is one that would
// replace a dataset by less than half the rows it holds, unless allowFewer.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { systemContext } from '../modules/audit/context.ts';
import { runUseCase } from '../modules/audit/pipeline.ts';
import type { DatasetFacts } from '../modules/datasets/facts.ts';
import { storedDatasets } from '../modules/datasets/repository.ts';
import { importDatasetsUseCase, type DatasetInput } from '../modules/datasets/write.ts';
import type { Problem } from '../shared/errors.ts';
import { checkFile, notRegularFile, notRegularFileProblem } from './read-utf8.ts';
import type { SourceOptions } from './source-description.ts';

export interface ReadDataset {
  dataset: DatasetInput;
  /** The rows read, with the table of the module they belong to. */
  facts: DatasetFacts[];
  problems: Problem[];
  unmatched: string[];
}

export interface FileReport {
  file: string;
  dataset: string;
  status: 'imported' | 'unchanged' | 'rejected';
  accepted: number;
  rejected: number;
}

export interface DatasetImportReport {
  files: FileReport[];
  /** Every rejected row: file, row, column and reason. */
  problems: Problem[];
  /** Participant names that matched no State or organization. */
  unmatchedNames: string[];
}

export interface DatasetImportOptions extends SourceOptions {
  skipInvalid?: boolean;
  /** Store a file even when it holds less than half the rows of the dataset it replaces. */
  allowFewer?: boolean;
  onProgress?: (done: number, total: number, file: string) => void;
}

function contentHash(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** A problem with the file as a whole (no row, or its header): the file can store nothing. */
const wholeFile = (p: Problem) => p.row === undefined || p.row === 1;

/** A file that stores nothing, or far less than what it replaces, is a mistake until said otherwise. */
function shrinkProblems(file: string, result: ReadDataset, storedRows: number, options: DatasetImportOptions): Problem[] {
  if (result.problems.some(wholeFile)) return []; // already refused as a whole, and why
  const rows = result.dataset.accepted;
  if (rows === 0) return [{ file, reason: `holds no ${result.problems.length ? 'valid ' : ''}rows of treaty facts: a dataset is never replaced by nothing` }];
  if (storedRows > 0 && rows * 2 < storedRows && !options.allowFewer) {
    return [{ file, reason: `would replace ${storedRows} stored rows of ${result.dataset.id} by ${rows}; if that is right, import it again with --allow-fewer` }];
  }
  return [];
}

/** The number of distinct rows with a problem (a row with two bad cells is one rejected row). */
export function rejectedRows(problems: Problem[]): number {
  return new Set(problems.map((p) => `${p.file}|${p.row ?? 0}`)).size;
}

export async function importDatasets(
  db: Kysely<Database>,
  /** The import kind, for the audit trail (`untc-html`, `csv`…). */
  kind: string,
  /** alsoHashed: what else makes this import differ from a stored one (e.g. the column mapping). */
  files: { path: string; datasetId: string; alsoHashed?: string }[],
  /** Reads one file; `hash` is what to store as the dataset's content hash. */
  read: (path: string, hash: string) => ReadDataset,
  options: DatasetImportOptions = {},
): Promise<DatasetImportReport> {
  const stored = await storedDatasets(db);
  const report: DatasetImportReport = { files: [], problems: [], unmatchedNames: [] };
  const toStore: ReadDataset[] = [];
  const seen = new Map<string, string>();
  files.forEach(({ path, datasetId, alsoHashed }, index) => {
    const file = basename(path);
    options.onProgress?.(index, files.length, file);
    const refuse = (problem: Problem) => {
      report.problems.push(problem);
      report.files.push({ file, dataset: datasetId, status: 'rejected', accepted: 0, rejected: 0 });
    };
    // A folder or a named pipe called like a table (a folder 4-1.csv) is refused by name, never
    // opened (a pipe would wait forever for a writer); the other files are imported.
    const kind = existsSync(path) ? notRegularFile(path) : null;
    if (kind) {
      refuse(notRegularFileProblem(file, kind));
      return;
    }
    checkFile(path, file, 'a treaty table');
    // Two files for one dataset (a page saved twice): which is right, nobody can tell.
    if (seen.has(datasetId)) {
      refuse({ file, reason: `holds the same dataset (${datasetId}) as ${seen.get(datasetId)}, read just before: keep one of them` });
      return;
    }
    seen.set(datasetId, file);
    const hash = alsoHashed ? `${contentHash(path)}+${alsoHashed}` : contentHash(path);
    const before = stored.get(datasetId);
    if (before?.contentHash === hash) {
      report.files.push({ file, dataset: datasetId, status: 'unchanged', accepted: 0, rejected: 0 });
      return;
    }
    const result = read(path, hash);
    result.problems.push(...shrinkProblems(file, result, before?.accepted ?? 0, options));
    report.problems.push(...result.problems);
    report.unmatchedNames.push(...result.unmatched);
    const refused = result.problems.some(wholeFile);
    const status = refused || (result.problems.length > 0 && !options.skipInvalid) ? 'rejected' : 'imported';
    report.files.push({ file, dataset: datasetId, status, accepted: result.dataset.accepted, rejected: result.dataset.rejected });
    if (status === 'imported') toStore.push(result);
  });
  options.onProgress?.(files.length, files.length, '');
  report.unmatchedNames = [...new Set(report.unmatchedNames)].sort();
  await runUseCase(db, importDatasetsUseCase, { label: `import ${kind}`, items: toStore }, options.context ?? systemContext('importer'));
  return report;
}
