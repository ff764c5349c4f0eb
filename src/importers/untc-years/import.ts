// `accord import untc-years <path>`: year-level status tables of the core UN human-rights
// treaties, one file per treaty (`hr_status_<treaty>.csv`, as in
// ../shared/data/untc-core-ratification-wpdl): iso2, member, state party, year of ratification
// or accession, signatory, no action, status. Each row is kept as what it says:
// - a snapshot of the State's status (party, signatory, none) on the list's unstated date;
// - for a party with a year, one consent event dated to the year only ("ratification or
//   accession": the list does not say which), never given an invented day;
// - a row whose columns disagree (status "state party" but `state party` 0) as a
//   `contradictory` snapshot quoting them, listed among the data-quality conflicts.
// The stacked copy all_treaties_long.csv holds the same rows again and is skipped, with a reason.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { factsOf } from '../../modules/datasets/facts.ts';
import { TREATY_ACTIONS, TREATY_SNAPSHOTS, type SnapshotInput, type TreatyActionInput } from '../../modules/treaty-status/facts.ts';
import type { Participant, ParticipantResolver } from '../../modules/treaty-status/participants.ts';
import { registryResolver } from '../../modules/treaty-status/registry-resolver.ts';
import { ValidationError, type Problem } from '../../shared/errors.ts';
import { importDatasets, rejectedRows, type DatasetImportOptions, type DatasetImportReport, type ReadDataset } from '../dataset-import.ts';
import { readUtf8 } from '../read-utf8.ts';
import { sourceRecord } from '../source-description.ts';
import { own } from '../../shared/own.ts';
import { parseCsvTable, type CsvRecord } from '../csv-records.ts';

/** File code → instrument of the registry (the files name the 18 core treaties this way). */
export const YEAR_FILES: Record<string, string> = {
  icerd: 'ICERD',
  icescr: 'ICESCR',
  icescr_op: 'OP-ICESCR',
  iccpr: 'ICCPR',
  iccpr_op1: 'ICCPR-OP1',
  iccpr_op2: 'ICCPR-OP2',
  cedaw: 'CEDAW',
  op_cedaw: 'OP-CEDAW',
  cat: 'CAT',
  opcat: 'OP-CAT',
  crc: 'CRC',
  op_crc_ac: 'OP-CRC-AC',
  op_crc_sc: 'OP-CRC-SC',
  op_crc_ic: 'OP-CRC-IC',
  icmw: 'ICMW',
  crpd: 'CRPD',
  op_crpd: 'OP-CRPD',
  cped: 'CPED',
};
const FILE_NAME = /^hr_status_([a-z0-9_]+)\.csv$/;
const COLUMNS = ['iso2', 'member', 'state party', 'year ratification or accession', 'signatory', 'no action', 'status'];
const STATUS: Record<string, SnapshotInput['status']> = { 'state party': 'party', 'signatory state': 'signatory', 'no action': 'none' };
export const SKIPPED_FILES: Record<string, string> = { 'all_treaties_long.csv': 'the same rows as the hr_status_*.csv files, stacked' };

export function yearFiles(path: string): string[] {
  if (!existsSync(path)) throw new ValidationError(`${path}: no such file or folder`, [{ file: path, reason: 'not found' }]);
  const files = statSync(path).isDirectory()
    ? readdirSync(path)
        .filter((f) => FILE_NAME.test(f))
        .sort()
        .map((f) => join(path, f))
    : [path];
  for (const file of files) {
    const code = FILE_NAME.exec(basename(file))?.[1];
    if (!code || !own(YEAR_FILES, code))
      throw new ValidationError(`${basename(file)} is not a known year-level status table (hr_status_<treaty>.csv)`, [{ file: basename(file), reason: 'unexpected file name' }]);
  }
  if (files.length === 0) throw new ValidationError(`${path} holds no year-level status tables (hr_status_<treaty>.csv)`, [{ file: path, reason: 'no files' }]);
  return files;
}

const datasetIdOf = (file: string) => `untc-years:${own(YEAR_FILES, FILE_NAME.exec(file)![1]!)}`;

function readOne(path: string, hash: string, resolver: ParticipantResolver, options: DatasetImportOptions): ReadDataset {
  const file = basename(path);
  const instrumentCode = own(YEAR_FILES, FILE_NAME.exec(file)![1]!)!;
  const events: TreatyActionInput[] = [];
  const snapshots: SnapshotInput[] = [];
  const problems: Problem[] = [];
  const unmatched: string[] = [];
  const base = {
    id: datasetIdOf(file),
    kind: 'untc-years',
    label: file,
    contentHash: hash,
    accepted: 0,
    rejected: 0,
    asOf: null,
    source: sourceRecord(path, options, 'secondary', {
      id: `import-untc-years-${instrumentCode}`,
      title: `World Politics Data Lab, ratification status of ${instrumentCode} (years only, from the UN Treaty Collection; status date not stated), imported from ${file}`,
      url: 'https://github.com/world-politics-datalab/humanrights-treaties-ratification-status',
    }),
  };
  let records: CsvRecord[] = [];
  try {
    records = parseCsvTable(readUtf8(path, file, 'a year-level status table'), { bom: true, skip_empty_lines: true }).records;
  } catch (error) {
    problems.push({ file, reason: `not a valid CSV file: ${(error as Error).message}` });
  }
  const missing = records.length ? COLUMNS.filter((c) => !Object.hasOwn(records[0]!, c)) : [];
  if (missing.length) problems.push(...missing.map((c) => ({ file, row: 1, field: c, reason: 'column missing' })));
  if (problems.length) return { dataset: base, facts: [factsOf(TREATY_ACTIONS, events), factsOf(TREATY_SNAPSHOTS, snapshots)], problems, unmatched };

  records.forEach((record, index) => {
    const row = index + 2;
    const name = (record.member ?? '').trim();
    const code = (record.iso2 ?? '').trim();
    // The code first (it is exact); the name when the code is not one the registry knows (e.g. TP).
    const participant: Participant | null = resolver.byCode(code) ?? resolver.resolve(name);
    const status = own(STATUS, (record.status ?? '').trim());
    const year = (record['year ratification or accession'] ?? '').trim();
    const rowProblems: Problem[] = [];
    if (!participant) {
      rowProblems.push({ file, row, field: 'iso2', reason: `"${code}" / "${name}" matches no State of the registry` });
      unmatched.push(name || code);
    }
    if (!status) rowProblems.push({ file, row, field: 'status', reason: `"${record.status}" is not one of: ${Object.keys(STATUS).join(', ')}` });
    if (year && !/^(19[4-9]\d|20\d\d)$/.test(year)) rowProblems.push({ file, row, field: 'year ratification or accession', reason: `"${year}" is not a year` });
    if (rowProblems.length) {
      problems.push(...rowProblems);
      return;
    }
    const contradiction = contradictionOf(record, status!, year);
    if (contradiction && !statusAgreesWithYear(status!, year)) {
      // The source says two things that decide differently: keep the row as it is, for the
      // data-quality list, and let neither reading decide a status.
      snapshots.push({ instrumentCode, participant: participant!, participantName: name, status: 'contradictory', asOf: null, file, row, note: contradiction });
      return;
    }
    // A flag that contradicts a status and year that agree is listed, and the row is used.
    snapshots.push({ instrumentCode, participant: participant!, participantName: name, status: status!, asOf: null, file, row, note: contradiction ?? undefined });
    if (year)
      events.push({
        instrumentCode,
        participant: participant!,
        participantName: name,
        kind: 'ratification-or-accession',
        date: year,
        effective: null,
        text: null,
        file,
        row,
        column: 'year ratification or accession',
      });
    const withdrawal = withdrawalOf(record.note ?? '');
    if (withdrawal)
      events.push({
        instrumentCode,
        participant: participant!,
        participantName: name,
        kind: 'denunciation',
        date: withdrawal,
        effective: null,
        text: null,
        note: `the list's note: "${record.note!.trim()}"`,
        file,
        row,
        column: 'note',
      });
  });
  return { dataset: { ...base, accepted: snapshots.length, rejected: rejectedRows(problems) }, facts: [factsOf(TREATY_ACTIONS, events), factsOf(TREATY_SNAPSHOTS, snapshots)], problems, unmatched };
}

/** A status and a year that tell the same: a party with its year, or a non-party without one. */
function statusAgreesWithYear(status: SnapshotInput['status'], year: string): boolean {
  return status === 'party' ? year !== '' : year === '';
}

/** The year of a denunciation or withdrawal a row's note records ("Denounced the OP 1997"), if any. */
export function withdrawalOf(note: string): string | null {
  if (!/\b(denounc|withdr)/i.test(note)) return null;
  return /\b(19[4-9]\d|20\d\d)\b/.exec(note)?.[1] ?? null;
}

/** What a row's fields say when they disagree with each other, or null when they agree. */
function contradictionOf(record: CsvRecord, status: SnapshotInput['status'], year: string): string | null {
  const flag = (record['state party'] ?? '').trim();
  if (flag === (status === 'party' ? '1' : '0') && (!year || status === 'party')) return null;
  return `status "${record.status}", state party "${flag}", year "${year}"`;
}

export async function importUntcYears(db: Kysely<Database>, path: string, options: DatasetImportOptions = {}): Promise<DatasetImportReport & { skipped: { file: string; reason: string }[] }> {
  const skipped = statSync(path, { throwIfNoEntry: false })?.isDirectory()
    ? readdirSync(path).flatMap((file) => {
        const reason = own(SKIPPED_FILES, file);
        return reason ? [{ file, reason }] : [];
      })
    : [];
  const files = yearFiles(path);
  const resolver = await registryResolver(db);
  const report = await importDatasets(
    db,
    'untc-years',
    files.map((p) => ({ path: p, datasetId: datasetIdOf(basename(p)) })),
    (p, hash) => readOne(p, hash, resolver, options),
    options,
  );
  return { ...report, skipped };
}
