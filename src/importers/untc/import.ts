// `accord import untc <path>`: UN Treaty Collection status tables (`4-N[-x].csv`) and
// declaration texts (`4-N[-x].txt`), from a folder such as
// ../shared/data/untc-chapter4-zmjones-2015 (its treaties/ and declarations/ subfolders), a
// folder of such files, or one file. Each file is one dataset. By default a file with any
// rejected row changes nothing at all; with skipInvalid the valid rows are stored and the
// rejected ones reported. A file already imported with the same content is left as it is.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { DatasetInput } from '../../modules/datasets/write.ts';
import { factsOf } from '../../modules/datasets/facts.ts';
import { TREATY_ACTIONS, type TreatyActionInput } from '../../modules/treaty-status/facts.ts';
import { listInstruments } from '../../modules/instruments/repository.ts';
import type { ParticipantResolver } from '../../modules/treaty-status/participants.ts';
import { registryResolver } from '../../modules/treaty-status/registry-resolver.ts';
import { ValidationError, type Problem } from '../../shared/errors.ts';
import { importDatasets, rejectedRows, type DatasetImportOptions, type DatasetImportReport, type ReadDataset } from '../dataset-import.ts';
import { readUtf8 } from '../read-utf8.ts';
import { sourceRecord } from '../source-description.ts';
import { parseDeclarations } from './declarations.ts';
import { parseStatusTable } from './status-table.ts';

const FILE_NAME = /^4-(\d{1,2})(?:-([a-z]))?\.(csv|txt)$/;

/** The files to read, in a stable order: status tables first, then declaration texts. */
export function untcFiles(path: string): string[] {
  if (!existsSync(path)) throw new ValidationError(`${path}: no such file or folder`, [{ file: path, reason: 'not found' }]);
  if (!statSync(path).isDirectory()) {
    if (!FILE_NAME.test(basename(path))) throw new ValidationError(`${basename(path)} is not a UNTC chapter IV file (4-N.csv or 4-N.txt)`, [{ file: basename(path), reason: 'unexpected file name' }]);
    return [path];
  }
  const folders = ['treaties', 'declarations'].map((f) => join(path, f)).filter((f) => existsSync(f));
  const files = (folders.length ? folders : [path]).flatMap((folder) =>
    readdirSync(folder)
      .filter((f) => FILE_NAME.test(f))
      .sort()
      .map((f) => join(folder, f)),
  );
  if (files.length === 0) throw new ValidationError(`${path} holds no UNTC chapter IV files (4-N.csv, 4-N.txt)`, [{ file: path, reason: 'no files' }]);
  return files.sort((a, b) => Number(a.endsWith('.txt')) - Number(b.endsWith('.txt')));
}

function untcRef(file: string): string {
  const m = FILE_NAME.exec(file)!;
  return `IV-${m[1]}${m[2] ? `-${m[2]}` : ''}`;
}

function datasetIdOf(file: string): string {
  return `${file.endsWith('.txt') ? 'untc-declarations' : 'untc'}:${untcRef(file)}`;
}

function readOne(path: string, hash: string, instruments: Map<string, string>, resolver: ParticipantResolver, options: DatasetImportOptions): ReadDataset {
  const file = basename(path);
  const ref = untcRef(file);
  const declarations = file.endsWith('.txt');
  const text = readUtf8(path, file, 'a UNTC chapter IV file');
  const instrumentCode = instruments.get(ref);
  const events: TreatyActionInput[] = [];
  const problems: Problem[] = [];
  const unmatched: string[] = [];
  const dataset: DatasetInput = {
    id: datasetIdOf(file),
    kind: declarations ? 'untc-declarations' : 'untc',
    label: file,
    contentHash: hash,
    source: sourceRecord(path, options, 'official', {
      id: `import-untc-${declarations ? 'declarations-' : ''}${ref}`,
      title: `UN Treaty Collection, chapter IV, ${ref}: ${declarations ? 'declarations and reservations' : 'status of the treaty'} (imported from ${file})`,
      url: `https://treaties.un.org/Pages/ViewDetails.aspx?src=TREATY&mtdsg_no=${ref}&chapter=4&clang=_en`,
    }),
    asOf: null,
    accepted: 0,
    rejected: 0,
  };
  if (!instrumentCode) {
    problems.push({ file, reason: `${ref} is not the UNTC reference of an instrument of the registry` });
    return { dataset, facts: [factsOf(TREATY_ACTIONS, events)], problems, unmatched };
  }
  const participantOf = (name: string, row: number) => {
    const participant = resolver.resolve(name);
    if (!participant) {
      problems.push({ file, row, field: 'Participant', reason: `"${name}" matches no State or organization of the registry (add it to data/reference/participant-aliases.csv once checked)` });
      unmatched.push(name);
    }
    return participant;
  };
  if (declarations) {
    const parsed = parseDeclarations(text, file);
    problems.push(...parsed.problems);
    for (const t of parsed.texts) {
      const participant = participantOf(t.participant, t.row);
      if (participant)
        events.push({ instrumentCode, participant, participantName: t.participant, kind: 'declarations-and-reservations', date: null, effective: null, text: t.text, file, row: t.row, column: null });
    }
  } else {
    const parsed = parseStatusTable(text, file);
    problems.push(...parsed.problems);
    const known = new Map(parsed.participants.map((p) => [p.name, participantOf(p.name, p.row)]));
    for (const a of parsed.actions) {
      const participant = known.get(a.participant);
      if (participant) events.push({ instrumentCode, participant, participantName: a.participant, kind: a.kind, date: a.date, effective: null, text: null, file, row: a.row, column: a.column });
    }
  }
  return { dataset: { ...dataset, accepted: events.length, rejected: rejectedRows(problems) }, facts: [factsOf(TREATY_ACTIONS, events)], problems, unmatched };
}

/** The registry's instruments by their UNTC reference ("IV-4" → ICCPR); refused on an empty registry. */
export async function instrumentsByUntcRef(db: Kysely<Database>): Promise<Map<string, string>> {
  const rows = (await listInstruments(db)).filter((r) => r.untc_ref !== null);
  if (rows.length === 0) throw new ValidationError('The registry has no instruments yet: run `accord db seed` first');
  return new Map(rows.map((r) => [r.untc_ref!, r.code]));
}

export async function importUntc(db: Kysely<Database>, path: string, options: DatasetImportOptions = {}): Promise<DatasetImportReport> {
  const files = untcFiles(path);
  const instruments = await instrumentsByUntcRef(db);
  const resolver = await registryResolver(db);
  return importDatasets(
    db,
    'untc',
    files.map((p) => ({ path: p, datasetId: datasetIdOf(basename(p)) })),
    (p, hash) => readOne(p, hash, instruments, resolver, options),
    options,
  );
}
