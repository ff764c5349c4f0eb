// What every treaty-data importer does with the files it reads: skip a file whose content is
// already stored, collect every rejected row (file, row, column, reason) and every name that
// matched nothing, then store the changed files in one transaction. A file with a rejected
// row changes nothing (its dataset stays as it was) unless skipInvalid, which stores its
// valid rows; the report says which files were rejected and why.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { datasetHashes, replaceDatasets, type DatasetInput, type SnapshotInput, type TreatyEventInput } from '../modules/treaty-status/datasets.ts';
import type { Problem } from '../server/errors.ts';
import { checkFile } from './read-utf8.ts';

export interface ReadDataset {
  dataset: DatasetInput;
  events: TreatyEventInput[];
  snapshots?: SnapshotInput[];
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

export interface DatasetImportOptions {
  skipInvalid?: boolean;
  onProgress?: (done: number, total: number, file: string) => void;
}

function contentHash(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** The number of distinct rows with a problem (a row with two bad cells is one rejected row). */
export function rejectedRows(problems: Problem[]): number {
  return new Set(problems.map((p) => `${p.file}|${p.row ?? 0}`)).size;
}

export async function importDatasets(
  db: Kysely<Database>,
  /** alsoHashed: what else makes this import differ from a stored one (e.g. the column mapping). */
  files: { path: string; datasetId: string; alsoHashed?: string }[],
  /** Reads one file; `hash` is what to store as the dataset's content hash. */
  read: (path: string, hash: string) => ReadDataset,
  options: DatasetImportOptions = {},
): Promise<DatasetImportReport> {
  const stored = await datasetHashes(db);
  const report: DatasetImportReport = { files: [], problems: [], unmatchedNames: [] };
  const toStore: ReadDataset[] = [];
  files.forEach(({ path, datasetId, alsoHashed }, index) => {
    const file = basename(path);
    options.onProgress?.(index, files.length, file);
    checkFile(path, file, 'a treaty table');
    const hash = alsoHashed ? `${contentHash(path)}+${alsoHashed}` : contentHash(path);
    if (stored.get(datasetId) === hash) {
      report.files.push({ file, dataset: datasetId, status: 'unchanged', accepted: 0, rejected: 0 });
      return;
    }
    const result = read(path, hash);
    report.problems.push(...result.problems);
    report.unmatchedNames.push(...result.unmatched);
    const status = result.problems.length > 0 && !options.skipInvalid ? 'rejected' : 'imported';
    report.files.push({ file, dataset: datasetId, status, accepted: result.dataset.accepted, rejected: result.dataset.rejected });
    if (status === 'imported') toStore.push(result);
  });
  options.onProgress?.(files.length, files.length, '');
  report.unmatchedNames = [...new Set(report.unmatchedNames)].sort();
  await replaceDatasets(db, toStore);
  return report;
}
