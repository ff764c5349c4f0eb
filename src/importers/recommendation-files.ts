// Files of recommendations, whatever their format (UPR Info's exports, Accord's CSV template),
// each file a dataset, each stored whole or not at all. A format says how to read its header
// and rows, what its dataset is called and where it comes from; the rest is done here.
//
// A file is read twice, a record at a time, so that its size does not matter: first to check
// every row and to learn what the file is (which sessions, recommendations or pledges, the hash
// of its rows), then, if nothing is wrong (or --skip-invalid), to store it in one transaction.
// The dataset is named by what the rows are, not by the file's name (the shared copy calls a
// file of sessions 18-20 "17-20"): `upr-info:recommendations:sessions-18-20`. So the same rows
// saved twice in other encodings are one dataset, stored once; a re-import of an unchanged file
// changes nothing. A row another dataset already holds is stored once, there.
import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { systemContext } from '../modules/audit/context.ts';
import { runUseCase } from '../modules/audit/pipeline.ts';
import { storedDatasets } from '../modules/datasets/repository.ts';
import { type RecommendationInput, refreshPlannerStatistics } from '../modules/recommendations/repository.ts';
import { importRecommendationsUseCase } from '../modules/recommendations/write.ts';
import { referenceLinker } from '../modules/recommendation-instruments/reference-linker.ts';
import { ValidationError, type Problem } from '../shared/errors.ts';
import type { CsvEncoding } from '../shared/vocabularies.ts';
import { readCsvRows } from './csv-stream.ts';
import type { SourceOptions } from './source-description.ts';
import type { SourceRecord } from '../modules/sources/repository.ts';
import type { RecommendationRow } from '../modules/recommendations/repository.ts';

export interface RecommendationImportOptions extends SourceOptions {
  /** For one file: the encoding it was saved in (default UTF-8). */
  encoding?: CsvEncoding;
  /** Store a file's valid rows although some are rejected. */
  skipInvalid?: boolean;
  /** Store a file even when it holds less than half the rows of the dataset it replaces. */
  allowFewer?: boolean;
  /** While a file is stored: rows stored, rows to store, the file. */
  onProgress?: (done: number, total: number, file: string) => void;
}

export interface RecommendationFileReport {
  file: string;
  dataset: string | null;
  /** skipped: in a folder, a table that is not an export (the list of sessions, the review years). */
  status: 'imported' | 'unchanged' | 'rejected' | 'skipped';
  /** Rows read (the header not counted). */
  rows: number;
  stored: number;
  rejected: number;
  /** Rows another dataset already holds: stored once, there. */
  alreadyStored: number;
  note?: string;
}

export interface RecommendationImportReport {
  files: RecommendationFileReport[];
  /** Every rejected row: file, row, column and reason (the first 1,000 of each file; the counts are whole). */
  problems: Problem[];
}

const MAX_PROBLEMS_PER_FILE = 1000;
const BATCH = 1000;

/** What the first reading of a file learnt. */
export interface Scan {
  rows: number;
  valid: number;
  rejected: number;
  problems: Problem[];
  hash: string;
  sessions: [number, number] | null;
  kinds: Set<string>;
}

/** A row as a format reads it: what to store (`key`: what makes it the same recommendation), or why not. */
export type ReadRow = { ok: true; row: Omit<RecommendationRow, 'id' | 'dataset_id' | 'source_id'> & { key: string } } | { ok: false; problems: Problem[] };

/** How to read one format of file. */
export interface RecommendationFormat {
  /** What the import is called (`upr-info`): the dataset kind. */
  name: string;
  /** What its files are, for the message about a file that is not one ("a UPR Info export"). */
  what: string;
  /** The prefix of the ids of its rows (`upr`). */
  idPrefix: string;
  headerProblems(file: string, header: string[]): Problem[];
  readRow(file: string, row: number, cell: (column: string) => string): ReadRow;
  /** The dataset a file's rows make. */
  datasetId(scan: Scan, file: string): string;
  /** The dataset's label and its source. */
  describe(scan: Scan, file: string, path: string, datasetId: string, options: RecommendationImportOptions): { label: string; source: SourceRecord };
}

function filesOf(path: string): string[] {
  if (!statSync(path, { throwIfNoEntry: false })?.isDirectory()) return [path];
  const found: string[] = [];
  for (const entry of readdirSync(path, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.isDirectory()) found.push(...filesOf(join(path, entry.name)));
    else if (entry.name.toLowerCase().endsWith('.csv')) found.push(join(path, entry.name));
  }
  return found;
}

/** Each row as the header names its cells. */
async function* csvRecords(path: string, file: string, encoding: CsvEncoding) {
  let header: string[] | null = null;
  for await (const { row, cells } of readCsvRows(path, file, encoding)) {
    if (!header) {
      header = cells.map((c) => c.trim());
      yield { row, header, cell: null };
      continue;
    }
    const h = header;
    yield { row, header: h, cell: (column: string) => cells[h.indexOf(column)] ?? '' };
  }
}

/** The values a row has several of, as filters and facets count them: its themes and the State's memberships. */
export function tagsOf(row: Pick<RecommendationRow, 'themes_source' | 'state_orgs'>): RecommendationInput['tags'] {
  return [...JSON.parse(row.themes_source).map((value: string) => ({ kind: 'theme', value })), ...JSON.parse(row.state_orgs).map((value: string) => ({ kind: 'organization', value }))];
}

async function scan(path: string, file: string, format: RecommendationFormat, options: RecommendationImportOptions): Promise<Scan> {
  const result: Scan = { rows: 0, valid: 0, rejected: 0, problems: [], hash: '', sessions: null, kinds: new Set() };
  const hash = createHash('sha256');
  for await (const { row, header, cell } of csvRecords(path, file, options.encoding ?? 'utf-8')) {
    if (!cell) {
      const missing = format.headerProblems(file, header);
      if (missing.length) return { ...result, problems: missing, rejected: 1 };
      continue;
    }
    result.rows += 1;
    const read = format.readRow(file, row, cell);
    if (!read.ok) {
      result.rejected += 1;
      if (result.problems.length < MAX_PROBLEMS_PER_FILE) result.problems.push(...read.problems);
      continue;
    }
    result.valid += 1;
    hash.update(`${read.row.key}\n`);
    result.kinds.add(read.row.kind);
    const s = read.row.session ?? 0;
    result.sessions = result.sessions ? [Math.min(result.sessions[0], s), Math.max(result.sessions[1], s)] : [s, s];
  }
  return { ...result, hash: hash.digest('hex') };
}

/** The rows to store, a batch at a time, each with its id (the content key, numbered when a file repeats a row). */
async function* batchesOf(
  path: string,
  file: string,
  format: RecommendationFormat,
  dataset: { id: string; sourceId: string },
  options: RecommendationImportOptions,
): AsyncGenerator<RecommendationInput[]> {
  const seen = new Map<string, number>();
  let batch: RecommendationInput[] = [];
  for await (const { row: line, cell } of csvRecords(path, file, options.encoding ?? 'utf-8')) {
    if (!cell) continue;
    const read = format.readRow(file, line, cell);
    if (!read.ok) continue;
    const { key, ...rest } = read.row;
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    const id = `${format.idPrefix}-${key}${n === 1 ? '' : `-${n}`}`;
    const row = { id, dataset_id: dataset.id, source_id: dataset.sourceId, ...rest };
    batch.push({ row, tags: tagsOf(row) });
    if (batch.length === BATCH) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}

export async function importRecommendationFiles(db: Kysely<Database>, path: string, format: RecommendationFormat, options: RecommendationImportOptions = {}): Promise<RecommendationImportReport> {
  const files = filesOf(path);
  if (files.length === 0) throw new ValidationError(`${basename(path)} holds no CSV file`, [{ file: basename(path), reason: 'no .csv file in it' }]);
  if (files.length > 1 && options.encoding && options.encoding !== 'utf-8')
    throw new ValidationError('--encoding applies to one file: import the file saved in another encoding on its own', [{ field: 'encoding', reason: 'only with one file' }]);
  const report: RecommendationImportReport = { files: [], problems: [] };
  const readThisRun = new Map<string, { file: string; hash: string }>();
  for (const filePath of files) {
    const file = basename(filePath);
    const fileReport = await importOne(db, filePath, file, { format, options, stored: await storedDatasets(db), readThisRun, inFolder: files.length > 1 });
    report.files.push(fileReport.report);
    report.problems.push(...fileReport.problems);
  }
  return report;
}

interface RunState {
  format: RecommendationFormat;
  options: RecommendationImportOptions;
  stored: Awaited<ReturnType<typeof storedDatasets>>;
  readThisRun: Map<string, { file: string; hash: string }>;
  inFolder: boolean;
}

async function importOne(db: Kysely<Database>, path: string, file: string, run: RunState): Promise<{ report: RecommendationFileReport; problems: Problem[] }> {
  const { options, format } = run;
  const base: RecommendationFileReport = { file, dataset: null, status: 'rejected', rows: 0, stored: 0, rejected: 0, alreadyStored: 0 };
  let result: Scan;
  try {
    result = await scan(path, file, format, options);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    const problems = error.details.length ? error.details.map((p) => ({ ...p, file })) : [{ file, reason: error.message }];
    return { report: { ...base, note: error.message }, problems };
  }
  const counted = { ...base, rows: result.rows, rejected: result.rejected };
  if (result.problems.some((p) => p.row === 1)) {
    const note = `not ${format.what} (it lacks the columns ${result.problems.map((p) => p.field).join(', ')})`;
    return run.inFolder ? { report: { ...base, status: 'skipped', note }, problems: [] } : { report: { ...counted, note }, problems: result.problems };
  }
  if (result.valid === 0) return { report: { ...counted, note: 'no valid row' }, problems: [...result.problems, { file, reason: 'holds no valid row: a dataset is never replaced by nothing' }] };
  const datasetId = format.datasetId(result, file);
  const withId = { ...counted, dataset: datasetId };
  const earlier = run.readThisRun.get(datasetId);
  if (earlier && earlier.hash !== result.hash)
    return { report: withId, problems: [...result.problems, { file, reason: `holds other rows of the same dataset (${datasetId}) as ${earlier.file}, read just before: keep one of them` }] };
  run.readThisRun.set(datasetId, { file, hash: result.hash });
  if (run.stored.get(datasetId)?.contentHash === result.hash) {
    const note = earlier ? `the same rows as ${earlier.file}: stored once` : 'already stored as it is';
    return { report: { ...withId, status: 'unchanged', note }, problems: [] };
  }
  if (result.rejected > 0 && !options.skipInvalid) return { report: { ...withId, note: 'rows rejected: nothing stored (use --skip-invalid to store the valid rows)' }, problems: result.problems };
  const storedBefore = run.stored.get(datasetId)?.accepted ?? 0;
  if (storedBefore > 0 && result.valid * 2 < storedBefore && !options.allowFewer)
    return {
      report: withId,
      problems: [...result.problems, { file, reason: `would replace ${storedBefore} stored rows of ${datasetId} by ${result.valid}; if that is right, import it again with --allow-fewer` }],
    };
  const { label, source } = format.describe(result, file, path, datasetId, options);
  const imported = await runUseCase(
    db,
    importRecommendationsUseCase,
    {
      dataset: { id: datasetId, kind: format.name, label, contentHash: result.hash, source, asOf: null, rejected: result.rejected },
      batches: batchesOf(path, file, format, { id: datasetId, sourceId: source.id }, options),
      linker: referenceLinker(),
      onStored: (rows) => options.onProgress?.(rows, result.valid, file),
    },
    options.context ?? systemContext('importer'),
  );
  if (imported.stored > 0) await refreshPlannerStatistics(db);
  return { report: { ...withId, status: 'imported', stored: imported.stored, alreadyStored: imported.alreadyStored.length }, problems: result.problems };
}
