// `accord import csv <file> --mapping <mapping.json>`: any table of treaty facts, read through
// a column mapping (see mapping.ts). Each row gives the events its mapped date columns hold
// (an empty cell is no event) and, when the mapping says so, a status snapshot. A participant
// that maps to no State or organization, a bad date or an unknown status value rejects the row,
// naming row, column and reason.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { factsOf } from '../../modules/datasets/facts.ts';
import { TREATY_ACTIONS, TREATY_SNAPSHOTS, type SnapshotInput, type TreatyActionInput } from '../../modules/treaty-status/facts.ts';
import { listInstruments } from '../../modules/instruments/repository.ts';
import type { Participant } from '../../modules/treaty-status/participants.ts';
import { registryResolver } from '../../modules/treaty-status/registry-resolver.ts';
import { ValidationError, type Problem } from '../../shared/errors.ts';
import { isValidPartialDate } from '../../shared/dates.ts';
import { importDatasets, rejectedRows, type DatasetImportOptions, type DatasetImportReport, type ReadDataset } from '../dataset-import.ts';
import { readUtf8 } from '../read-utf8.ts';
import { columnMapping, type ColumnMapping } from './mapping.ts';
import { own } from '../../shared/own.ts';
import { parseCsvTable, type CsvRecord, type CsvTable } from '../csv-records.ts';

export function readMapping(path: string): ColumnMapping {
  const file = basename(path);
  let json: unknown;
  try {
    json = JSON.parse(readUtf8(path, file, 'a column mapping'));
  } catch (error) {
    if (error instanceof ValidationError) throw error;
    throw new ValidationError(`${file} is not valid JSON: ${(error as Error).message}`, [{ file, reason: 'invalid JSON' }]);
  }
  const parsed = columnMapping.safeParse(json);
  if (!parsed.success) {
    throw new ValidationError(
      `${file} is not a valid column mapping`,
      parsed.error.issues.map((i) => ({ file, field: i.path.join('.') || '(mapping)', reason: i.message })),
    );
  }
  return parsed.data;
}

type Resolve = (record: CsvRecord) => Participant | null;

function readTable(path: string, hash: string, mapping: ColumnMapping, resolve: Resolve): ReadDataset {
  const file = basename(path);
  const events: TreatyActionInput[] = [];
  const snapshots: SnapshotInput[] = [];
  const problems: Problem[] = [];
  const unmatched: string[] = [];
  const dataset = {
    id: `csv:${mapping.name}`,
    kind: 'csv',
    label: file,
    contentHash: hash,
    accepted: 0,
    rejected: 0,
    asOf: mapping.source.asOf ?? mapping.asOf,
    source: {
      id: `import-csv-${mapping.name}`,
      title: `${mapping.source.title} (imported from ${file})`,
      url: mapping.source.url,
      retrieved: mapping.source.retrieved,
      kind: mapping.source.kind,
      asOf: mapping.source.asOf ?? mapping.asOf,
      copyOf: mapping.source.copyOf ?? null,
    },
  };
  let table: CsvTable = { header: [], records: [] };
  try {
    table = parseCsvTable(readUtf8(path, file, 'a table'), { bom: true, skip_empty_lines: true });
  } catch (error) {
    problems.push({ file, reason: `not a valid CSV file: ${(error as Error).message}` });
  }
  const participantColumn = Object.values(mapping.participant)[0]!;
  const needed = [
    participantColumn,
    mapping.participantName,
    ...mapping.events.flatMap((e) => [e.date, e.effective]),
    mapping.snapshot && 'column' in mapping.snapshot ? mapping.snapshot.column : undefined,
  ].filter((c): c is string => Boolean(c));
  const { header, records } = table;
  for (const c of new Set(needed)) if (records.length && !header.includes(c)) problems.push({ file, row: 1, field: c, reason: 'column named in the mapping is missing' });
  if (problems.length) return { dataset, facts: [factsOf(TREATY_ACTIONS, events), factsOf(TREATY_SNAPSHOTS, snapshots)], problems, unmatched };

  records.forEach((record, index) => {
    const row = index + 2;
    const name = (record[mapping.participantName ?? participantColumn] ?? '').trim();
    const participant = resolve(record);
    const rowProblems: Problem[] = [];
    if (!participant) {
      rowProblems.push({ file, row, field: participantColumn, reason: `"${record[participantColumn]}" matches no State or organization of the registry` });
      unmatched.push(name || record[participantColumn] || '');
    }
    const rowEvents: TreatyActionInput[] = [];
    for (const e of mapping.events) {
      const date = (record[e.date] ?? '').trim();
      const effective = e.effective ? (record[e.effective] ?? '').trim() : '';
      if (!date) continue;
      if (!isValidPartialDate(date)) rowProblems.push({ file, row, field: e.date, reason: `"${date}" is not a date YYYY[-MM[-DD]]` });
      if (effective && !isValidPartialDate(effective)) rowProblems.push({ file, row, field: e.effective!, reason: `"${effective}" is not a date YYYY[-MM[-DD]]` });
      if (participant)
        rowEvents.push({ instrumentCode: mapping.instrument, participant, participantName: name, kind: e.kind, date, effective: effective || null, text: null, file, row, column: e.date });
    }
    let status: SnapshotInput['status'] | undefined;
    if (mapping.snapshot) {
      if ('status' in mapping.snapshot) status = mapping.snapshot.status;
      else {
        const value = (record[mapping.snapshot.column] ?? '').trim();
        status = own(mapping.snapshot.values, value);
        if (!status) rowProblems.push({ file, row, field: mapping.snapshot.column, reason: `"${value}" is not one of the mapped values: ${Object.keys(mapping.snapshot.values).join(', ')}` });
      }
    }
    if (rowProblems.length) {
      problems.push(...rowProblems);
      return;
    }
    events.push(...rowEvents);
    if (status) snapshots.push({ instrumentCode: mapping.instrument, participant: participant!, participantName: name, status, asOf: mapping.asOf, file, row });
  });
  return {
    dataset: { ...dataset, accepted: records.length - rejectedRows(problems), rejected: rejectedRows(problems) },
    facts: [factsOf(TREATY_ACTIONS, events), factsOf(TREATY_SNAPSHOTS, snapshots)],
    problems,
    unmatched,
  };
}

export async function importCsvWithMapping(db: Kysely<Database>, path: string, mappingPath: string, options: DatasetImportOptions = {}): Promise<DatasetImportReport> {
  if (!existsSync(path)) throw new ValidationError(`${path}: no such file`, [{ file: path, reason: 'not found' }]);
  const mapping = readMapping(mappingPath);
  const resolver = await registryResolver(db); // first: on an empty database it says to seed
  const known = (await listInstruments(db)).some((i) => i.code === mapping.instrument);
  if (!known)
    throw new ValidationError(`${basename(mappingPath)}: "${mapping.instrument}" is not an instrument of the registry`, [
      { file: basename(mappingPath), field: 'instrument', reason: 'unknown instrument' },
    ]);
  const resolve: Resolve = (record) => {
    const p = mapping.participant;
    if ('iso2' in p) return resolver.byCode(record[p.iso2] ?? '');
    if ('iso3' in p) return resolver.byCode(record[p.iso3] ?? '');
    return resolver.resolve(record[p.name] ?? '');
  };
  // The mapping is part of what was imported: a changed mapping re-imports the same table.
  const mappingHash = createHash('sha256').update(JSON.stringify(mapping)).digest('hex').slice(0, 16);
  return importDatasets(db, 'csv', [{ path, datasetId: `csv:${mapping.name}`, alsoHashed: mappingHash }], (p, hash) => readTable(p, hash, mapping, resolve), options);
}
