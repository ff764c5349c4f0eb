// `accord import untc-html <path>`: the UN Treaty Collection's own status pages, saved as HTML
// (a folder such as ../shared/data/untc-chapter4-html-2026, its html/ sub-folder, or one page).
// Each page is one dataset (`untc-html:IV-4`) of the collection `untc-html`, which speaks for
// the day its status stamp gives. From a page:
// - every dated signature and act of consent in the participants table, brackets included
//   (a participation later denounced still happened);
// - what the end notes narrate about a participant: its denunciations (notification, and the
//   day it takes effect when given), an earlier accession, a re-accession, each quoting its note;
// - a bracketed participation whose notes give no denunciation: a denunciation without a date,
//   known only to precede the page's date;
// - the texts of declarations and reservations, and of declarations under an article, with the
//   dates the page prints above them.
import { closeSync, existsSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { DatasetInput } from '../../modules/datasets/write.ts';
import { factsOf } from '../../modules/datasets/facts.ts';
import { TREATY_ACTIONS, type TreatyActionInput } from '../../modules/treaty-status/facts.ts';
import type { Participant, ParticipantResolver } from '../../modules/treaty-status/participants.ts';
import { registryResolver } from '../../modules/treaty-status/registry-resolver.ts';
import { ValidationError, type Problem } from '../../shared/errors.ts';
import { isValidDay } from '../../shared/dates.ts';
import { importDatasets, rejectedRows, type DatasetImportOptions, type DatasetImportReport, type ReadDataset } from '../dataset-import.ts';
import { checkFile, notRegularFile, readUtf8 } from '../read-utf8.ts';
import { instrumentsByUntcRef } from '../untc/import.ts';
import { sourceRecord } from '../source-description.ts';
import { actsOfNote } from './notes.ts';
import { readUntcPage, type PageParticipant, type UntcPage } from './page.ts';

const PAGE = /\.html?$/i;

/** The pages to read: a page, a folder of pages, or a folder whose html/ holds them. */
export function untcHtmlFiles(path: string): string[] {
  if (!existsSync(path)) throw new ValidationError(`${path}: no such file or folder`, [{ file: path, reason: 'not found' }]);
  if (!statSync(path).isDirectory()) {
    if (!PAGE.test(path)) throw new ValidationError(`${basename(path)} is not a saved HTML page (.html)`, [{ file: basename(path), reason: 'unexpected file name' }]);
    return [path];
  }
  const folder = existsSync(join(path, 'html')) && statSync(join(path, 'html')).isDirectory() ? join(path, 'html') : path;
  // A folder or a pipe named like a page stays in the list: the import refuses it by name.
  const files = readdirSync(folder)
    .filter((f) => PAGE.test(f))
    .sort()
    .map((f) => join(folder, f));
  if (files.length === 0) throw new ValidationError(`${path} holds no saved UNTC pages (*.html)`, [{ file: path, reason: 'no files' }]);
  return files;
}

/** The day the pages were fetched, when the folder keeps a fetch log (access_log.json, `access_date`). */
export function accessDate(page: string): string | null {
  for (const folder of [dirname(page), dirname(dirname(page))]) {
    const log = join(folder, 'access_log.json');
    if (!existsSync(log) || notRegularFile(log)) continue;
    try {
      const date = (JSON.parse(readFileSync(log, 'utf8')) as { access_date?: unknown }).access_date;
      return typeof date === 'string' && isValidDay(date) ? date : null;
    } catch {
      return null;
    }
  }
  return null;
}

/** A page is the dataset of the treaty it is about, whatever the file is called. The reference
 *  stands in the page's first links (about 14 KB in): only the head is read here, the page once
 *  later, when it is imported. */
function datasetIdOf(path: string): string {
  if (notRegularFile(path)) return `untc-html:${basename(path)}`; // refused by the import, unread
  checkFile(path, basename(path), 'a UNTC status page');
  const head = Buffer.alloc(256 * 1024);
  const fd = openSync(path, 'r');
  try {
    const length = readSync(fd, head, 0, head.length, 0);
    const reference = /mtdsg_no=(IV-\d{1,2}(?:-[a-z])?)\b/.exec(head.subarray(0, length).toString('latin1'))?.[1];
    return `untc-html:${reference ?? basename(path)}`;
  } finally {
    closeSync(fd);
  }
}

const longDate = (day: string) => new Date(`${day}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** The acts of one participant: the table's, then those only its end notes give. */
function actsOf(p: PageParticipant, page: UntcPage, file: string): Omit<TreatyActionInput, 'instrumentCode' | 'participant' | 'participantName'>[] {
  const acts: Omit<TreatyActionInput, 'instrumentCode' | 'participant' | 'participantName'>[] = p.acts.map((a) => ({
    kind: a.kind,
    date: a.date,
    effective: null,
    text: null,
    note: a.denounced ? 'printed in brackets: a participation later denounced' : null,
    file,
    row: p.row,
    column: a.column,
  }));
  let denunciations = 0;
  for (const n of p.notes) {
    for (const act of actsOfNote(page.notes.get(n) ?? '', p.name)) {
      if (act.kind === 'denunciation') denunciations++;
      else if (p.acts.some((a) => a.date === act.date)) continue; // the table has it already
      acts.push({ kind: act.kind, date: act.date, effective: act.effective, text: null, note: `${act.quote} (end note ${n})`, file, row: p.row, column: `end note ${n}` });
    }
  }
  if (denunciations === 0 && p.acts.some((a) => a.denounced && a.kind !== 'signature' && a.kind !== 'succession-to-signature')) {
    acts.push({
      kind: 'denunciation',
      date: null,
      effective: null,
      text: null,
      note: `printed in brackets on the page as at ${page.asOf}; its notes give no date of denunciation`,
      file,
      row: p.row,
      column: 'Participant',
    });
  }
  return acts;
}

function readOne(path: string, hash: string, instruments: Map<string, string>, resolver: ParticipantResolver, options: DatasetImportOptions): ReadDataset {
  const file = basename(path);
  const page = readUntcPage(readUtf8(path, file, 'a UNTC status page'), file);
  const problems: Problem[] = [...page.problems];
  const unmatched: string[] = [];
  const reference = page.reference ?? file;
  // The date the page states, unless the command line says otherwise: one date for source and dataset.
  const asOf = options.asOf ?? page.asOf ?? '';
  const dataset: DatasetInput = {
    id: `untc-html:${reference}`,
    kind: 'untc-html',
    label: file,
    contentHash: hash,
    source: sourceRecord(path, { asOf: asOf || undefined, retrieved: options.retrieved ?? accessDate(path) ?? undefined }, 'official', {
      id: `import-untc-html-${reference}`,
      title: `UN Treaty Collection, chapter IV, ${reference}: status as at ${asOf ? longDate(asOf) : 'an unstated date'} (the depositary's page, saved as ${file})`,
      url: `https://treaties.un.org/Pages/ViewDetails.aspx?src=TREATY&mtdsg_no=${reference}&chapter=4&clang=_en`,
    }),
    asOf: asOf || null,
    accepted: 0,
    rejected: 0,
  };
  const instrumentCode = page.reference ? instruments.get(page.reference) : undefined;
  if (page.reference && !instrumentCode) problems.push({ file, reason: `${page.reference} is not the UNTC reference of an instrument of the registry` });
  // A problem with the page as a whole stores nothing; a bad cell only its row (with --skip-invalid).
  if (!instrumentCode || problems.some((p) => p.row === undefined || p.row === 1)) return { dataset, facts: [], problems, unmatched };
  const badRows = new Set(problems.map((p) => p.row));

  const participantOf = (name: string, row: number, field: string): Participant | null => {
    const participant = resolver.resolve(name);
    if (!participant) {
      problems.push({ file, row, field, reason: `"${name}" matches no State or organization of the registry (add it to data/reference/participant-aliases.csv once checked)` });
      unmatched.push(name);
    }
    return participant;
  };
  const events: TreatyActionInput[] = [];
  for (const p of page.participants) {
    if (badRows.has(p.row)) continue;
    const participant = participantOf(p.name, p.row, 'Participant');
    if (participant) events.push(...actsOf(p, page, file).map((a) => ({ ...a, instrumentCode, participant, participantName: p.name })));
  }
  for (const t of page.texts) {
    const participant = participantOf(t.participant, t.row, t.section);
    if (participant) events.push({ instrumentCode, participant, participantName: t.participant, kind: t.kind, date: t.date, effective: null, text: t.text, file, row: t.row, column: t.section });
  }
  return { dataset: { ...dataset, accepted: events.length, rejected: rejectedRows(problems) }, facts: [factsOf(TREATY_ACTIONS, events)], problems, unmatched };
}

export async function importUntcHtml(db: Kysely<Database>, path: string, options: DatasetImportOptions = {}): Promise<DatasetImportReport> {
  const files = untcHtmlFiles(path);
  const instruments = await instrumentsByUntcRef(db);
  const resolver = await registryResolver(db);
  return importDatasets(
    db,
    'untc-html',
    files.map((p) => ({ path: p, datasetId: datasetIdOf(p) })),
    (p, hash) => readOne(p, hash, instruments, resolver, options),
    options,
  );
}
