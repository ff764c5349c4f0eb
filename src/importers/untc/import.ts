// `accord import untc <path>`: UN Treaty Collection status tables (`4-N[-x].csv`) and
// declaration texts (`4-N[-x].txt`), from a folder such as
// ../shared/data/untc-chapter4-zmjones-2015 (its treaties/ and declarations/ subfolders), a
// folder of such files, or one file. Each file is one dataset. By default a file with any
// rejected row changes nothing at all; with skipInvalid the valid rows are stored and the
// rejected ones reported. A file already imported with the same content is left as it is.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { datasetHashes, replaceDatasets, type DatasetInput, type TreatyEventInput } from '../../modules/treaty-status/datasets.ts';
import { participantResolver, type ParticipantResolver } from '../../modules/treaty-status/participants.ts';
import { loadReferenceData } from '../../reference/load.ts';
import { ValidationError, type Problem } from '../../server/errors.ts';
import { today } from '../../shared/dates.ts';
import { readUtf8 } from '../read-utf8.ts';
import { parseDeclarations } from './declarations.ts';
import { parseStatusTable } from './status-table.ts';

export interface UntcFileReport {
  file: string;
  dataset: string;
  status: 'imported' | 'unchanged' | 'rejected';
  accepted: number;
  rejected: number;
}

export interface UntcImportReport {
  files: UntcFileReport[];
  /** Every rejected row: file, row, column and reason. */
  problems: Problem[];
  /** Participant names that matched no State or organization. */
  unmatchedNames: string[];
}

export interface UntcImportOptions {
  skipInvalid?: boolean;
  onProgress?: (done: number, total: number, file: string) => void;
}

const FILE_NAME = /^4-(\d{1,2})(?:-([a-z]))?\.(csv|txt)$/;

/** The files to read, in a stable order: status tables first, then declaration texts. */
export function untcFiles(path: string): string[] {
  if (!existsSync(path)) throw new ValidationError(`${path}: no such file or folder`, [{ file: path, reason: 'not found' }]);
  if (!statSync(path).isDirectory()) {
    if (!FILE_NAME.test(basename(path))) throw new ValidationError(`${basename(path)} is not a UNTC chapter IV file (4-N.csv or 4-N.txt)`, [{ file: basename(path), reason: 'unexpected file name' }]);
    return [path];
  }
  const folders = ['treaties', 'declarations'].map((f) => join(path, f)).filter((f) => existsSync(f));
  const files = (folders.length ? folders : [path]).flatMap((folder) => readdirSync(folder).filter((f) => FILE_NAME.test(f)).sort().map((f) => join(folder, f)));
  if (files.length === 0) throw new ValidationError(`${path} holds no UNTC chapter IV files (4-N.csv, 4-N.txt)`, [{ file: path, reason: 'no files' }]);
  return files.sort((a, b) => Number(a.endsWith('.txt')) - Number(b.endsWith('.txt')));
}

function untcRef(file: string): string {
  const m = FILE_NAME.exec(file)!;
  return `IV-${m[1]}${m[2] ? `-${m[2]}` : ''}`;
}

interface ReadFile {
  dataset: DatasetInput;
  events: TreatyEventInput[];
  problems: Problem[];
  unmatched: string[];
}

function datasetIdOf(file: string): string {
  return `${file.endsWith('.txt') ? 'untc-declarations' : 'untc'}:${untcRef(file)}`;
}

function hashOf(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

function readOne(path: string, instruments: Map<string, string>, resolver: ParticipantResolver): ReadFile {
  const file = basename(path);
  const ref = untcRef(file);
  const declarations = file.endsWith('.txt');
  const text = readUtf8(path, file, 'a UNTC chapter IV file');
  const instrumentCode = instruments.get(ref);
  const events: TreatyEventInput[] = [];
  const problems: Problem[] = [];
  const unmatched: string[] = [];
  const dataset: DatasetInput = {
    id: datasetIdOf(file),
    kind: declarations ? 'untc-declarations' : 'untc',
    label: file,
    contentHash: hashOf(path),
    source: {
      id: `import-untc-${declarations ? 'declarations-' : ''}${ref}`,
      title: `UN Treaty Collection, chapter IV, ${ref}: ${declarations ? 'declarations and reservations' : 'status of the treaty'} (imported from ${file})`,
      url: `https://treaties.un.org/Pages/ViewDetails.aspx?src=TREATY&mtdsg_no=${ref}&chapter=4&clang=_en`,
      retrieved: today(),
    },
    accepted: 0,
    rejected: 0,
  };
  if (!instrumentCode) {
    problems.push({ file, reason: `${ref} is not the UNTC reference of an instrument of the registry` });
    return { dataset, events, problems, unmatched };
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
      if (participant) events.push({ instrumentCode, participant, participantName: t.participant, kind: 'declarations-and-reservations', date: null, effective: null, text: t.text, file, row: t.row, column: null });
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
  const rejectedRows = new Set(problems.map((p) => p.row ?? 0));
  return { dataset: { ...dataset, accepted: events.length, rejected: rejectedRows.size }, events, problems, unmatched };
}

export async function importUntc(db: Kysely<Database>, path: string, options: UntcImportOptions = {}): Promise<UntcImportReport> {
  const files = untcFiles(path);
  const instruments = new Map(
    (await db.selectFrom('instrument').select(['code', 'untc_ref']).where('untc_ref', 'is not', null).execute()).map((r) => [r.untc_ref!, r.code]),
  );
  if (instruments.size === 0) throw new ValidationError('The registry has no instruments yet: run `accord db seed` first');
  const names = await db.selectFrom('entity_name').select(['entity_id as iso3', 'value']).where('entity_kind', '=', 'state').execute();
  const resolver = participantResolver(names, loadReferenceData().participantAliases);
  const stored = await datasetHashes(db);

  const report: UntcImportReport = { files: [], problems: [], unmatchedNames: [] };
  const toStore: { dataset: DatasetInput; events: TreatyEventInput[] }[] = [];
  files.forEach((path, index) => {
    const file = basename(path);
    options.onProgress?.(index, files.length, file);
    if (stored.get(datasetIdOf(file)) === hashOf(path)) {
      report.files.push({ file, dataset: datasetIdOf(file), status: 'unchanged', accepted: 0, rejected: 0 });
      return;
    }
    const read = readOne(path, instruments, resolver);
    report.problems.push(...read.problems);
    report.unmatchedNames.push(...read.unmatched);
    const status = read.problems.length > 0 && !options.skipInvalid ? 'rejected' : 'imported';
    report.files.push({ file: read.dataset.label, dataset: read.dataset.id, status, accepted: read.dataset.accepted, rejected: read.dataset.rejected });
    if (status === 'imported') toStore.push(read);
  });
  options.onProgress?.(files.length, files.length, '');
  report.unmatchedNames = [...new Set(report.unmatchedNames)].sort();
  if (report.problems.length > 0 && !options.skipInvalid) {
    const rejected = report.files.filter((f) => f.status === 'rejected');
    throw new ValidationError(
      `${report.problems.length} problem(s) in ${rejected.length} file(s); nothing was imported (use --skip-invalid to store the valid rows)`,
      report.problems,
    );
  }
  await replaceDatasets(db, toStore);
  return report;
}
