// Reads one UN Treaty Collection status page (treaties.un.org, "ViewDetails", chapter IV) as
// saved in HTML: the date the status is given for ("STATUS AS AT : 03-02-2026", day first),
// the treaty's reference (mtdsg_no), the participants table with its dated acts, the texts of
// declarations, reservations and declarations under an article (with the dates the page gives
// them), and the end notes. A participation later denounced is printed in brackets: it is read
// as the acts it was, marked `denounced`. Nothing is guessed: every cell that cannot be read
// is a problem naming the row and column.
import type { Problem } from '../../shared/errors.ts';
import { isValidDay } from '../../shared/dates.ts';
import { kindsOfHeader, readUntcDate, type UntcActionKind } from '../untc/status-table.ts';
import { cellsOf, elementById, rowsOf, textOf } from './html.ts';

export interface PageAct {
  kind: UntcActionKind;
  date: string;
  column: string;
  /** Printed in brackets: a participation the State later denounced. */
  denounced: boolean;
}

export interface PageParticipant {
  name: string;
  /** Row of the participants table, the header being row 1. */
  row: number;
  /** End notes the page attaches to this participant. */
  notes: number[];
  acts: PageAct[];
}

/** The sections of texts a page may have, by the id of their table. */
export const TEXT_SECTIONS = {
  dgDec: 'declarations-and-reservations',
  dgDecUnderArticle: 'declarations-under-article',
} as const;
export type TextKind = (typeof TEXT_SECTIONS)[keyof typeof TEXT_SECTIONS];

export interface PageText {
  participant: string;
  kind: TextKind;
  /** The section's title as printed (e.g. "Declarations recognizing the competence … under article 41"). */
  section: string;
  /** The date printed above the text; null when the page gives none, which its section title
   *  explains ("Unless otherwise indicated, … made upon ratification, accession or succession"). */
  date: string | null;
  text: string;
  /** Position of the participant's entry in its section, from 1. */
  row: number;
}

export interface UntcPage {
  /** "IV-4", read from the page's own links. */
  reference: string | null;
  /** The day the page gives the status for (YYYY-MM-DD). */
  asOf: string | null;
  participants: PageParticipant[];
  texts: PageText[];
  /** End note number → its text (lines as the page breaks them). */
  notes: Map<number, string>;
  problems: Problem[];
}

const LONG_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "28 January 1993" → "1993-01-28", or null. */
export function readLongDate(text: string): string | null {
  const m = /^(\d{1,2}) ([A-Z][a-z]+) (\d{4})$/.exec(text.trim().replace(/\s+/g, ' '));
  const month = m ? LONG_MONTHS.indexOf(m[2]!) + 1 : 0;
  if (!m || month === 0) return null;
  const date = `${m[3]}-${String(month).padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  return isValidDay(date) ? date : null;
}

/** "STATUS AS AT : 03-02-2026 10:16:18 EDT": the UNTC prints the day first. */
function readStatusDate(html: string): string | null {
  const m = /STATUS AS AT\s*:\s*(\d{2})-(\d{2})-(\d{4})/.exec(html);
  if (!m) return null;
  const date = `${m[3]}-${m[2]}-${m[1]}`;
  return isValidDay(date) ? date : null;
}

/** Note numbers of the superscript links in a participant cell. */
function noteRefs(cell: string): number[] {
  return [...cell.matchAll(/<sup>([\s\S]*?)<\/sup>/gi)].flatMap((sup) => [...sup[1]!.matchAll(/href='#(\d+)'/g)].map((m) => Number(m[1])));
}

const withoutNotes = (cell: string) => textOf(cell.replace(/<sup>[\s\S]*?<\/sup>/gi, ''));

function readParticipants(html: string, file: string, problems: Problem[]): PageParticipant[] {
  const table = elementById(html, 'table', '_tblgrid');
  if (table === null) {
    problems.push({ file, reason: 'no participants table (id …_tblgrid): not a UNTC status page' });
    return [];
  }
  const [header, ...rows] = rowsOf(table);
  const titles = cellsOf(header ?? '').map(withoutNotes);
  if (titles[0] !== 'Participant' || titles.length < 2) {
    problems.push({ file, row: 1, field: titles[0] ?? '', reason: 'the first column must be "Participant", followed by the action columns' });
    return [];
  }
  const columns = titles.slice(1).map((name) => ({ name, kinds: kindsOfHeader(name) }));
  for (const c of columns) if (typeof c.kinds === 'string') problems.push({ file, row: 1, field: c.name, reason: c.kinds });
  if (problems.length > 0) return [];

  return rows.flatMap((markup, index) => {
    const row = index + 2;
    const cells = cellsOf(markup);
    const name = withoutNotes(cells[0] ?? '');
    if (!name) {
      problems.push({ file, row, field: 'Participant', reason: 'empty' });
      return [];
    }
    const acts: PageAct[] = [];
    columns.forEach((column, i) => {
      let cell = textOf(cells[i + 1] ?? '');
      if (!cell) return;
      const denounced = /^\[.*\]$/.test(cell);
      if (denounced) cell = cell.slice(1, -1).trim();
      const read = readUntcDate(cell);
      if (typeof read === 'string') {
        problems.push({ file, row, field: column.name, reason: read });
        return;
      }
      const kind = (column.kinds as Map<string, UntcActionKind>).get(read.suffix);
      if (!kind) {
        problems.push({ file, row, field: column.name, reason: `the mark "${read.suffix || '(none)'}" is not one this column lists` });
        return;
      }
      acts.push({ kind, date: read.date, column: column.name, denounced });
    });
    return [{ name, row, notes: noteRefs(cells[0] ?? ''), acts }];
  });
}

/** The title printed above a section's table: the text between the previous table and this one. */
function sectionTitle(html: string, id: string): string {
  const at = html.search(new RegExp(`<table\\b[^>]*\\bid="[^"]*_${id}"`));
  const previous = html.lastIndexOf('</table>', at);
  // The page's pop-up window control ("Close Window") sits before the first title.
  return textOf(html.slice(previous === -1 ? 0 : previous + '</table>'.length, at))
    .replace(/\s+/g, ' ')
    .replace(/^Close Window\s*/, '')
    .trim();
}

/** One participant's entry in a section: undated text first, then each text under the date printed above it. */
function splitByDates(markup: string): { date: string | null; text: string }[] {
  const body = markup.replace(/<p class='invisible'>[\s\S]*?<\/p>/i, '');
  const pieces = body.split(/<p align=right>([\s\S]*?)<\/p>/i);
  const out: { date: string | null; text: string }[] = [];
  for (let i = 0; i < pieces.length; i += 2) {
    const label = i === 0 ? null : textOf(pieces[i - 1]!);
    const date = label === null ? null : readLongDate(label);
    // A right-aligned line that is not a date is part of the text.
    const text = textOf((label !== null && date === null ? `${label}\n` : '') + pieces[i]!);
    if (text) out.push({ date, text });
  }
  return out;
}

function readTexts(html: string): PageText[] {
  const texts: PageText[] = [];
  for (const [id, kind] of Object.entries(TEXT_SECTIONS)) {
    const table = elementById(html, 'table', `_${id}`);
    if (table === null) continue;
    const section = sectionTitle(html, id);
    const entries = [...table.matchAll(/_ctl(\d+)_divParticipant"[^>]*>([\s\S]*?)<\/div>\s*<div[^>]*_ctl\1_divText"[^>]*>([\s\S]*?)<\/div>\s*<\/td>/g)];
    entries.forEach((m, index) => {
      const participant = withoutNotes(m[2]!);
      for (const piece of splitByDates(m[3]!)) texts.push({ participant, kind, section, date: piece.date, text: piece.text, row: index + 1 });
    });
  }
  return texts;
}

function readNotes(html: string): Map<number, string> {
  const notes = new Map<number, string>();
  const table = elementById(html, 'table', '_dgNotesAll');
  if (table === null) return notes;
  for (const m of table.matchAll(/<a name='(\d+)'>\d+<\/a>([\s\S]*?)<\/div>/g)) notes.set(Number(m[1]), textOf(m[2]!));
  return notes;
}

export function readUntcPage(html: string, file: string): UntcPage {
  const problems: Problem[] = [];
  const references = new Set([...html.matchAll(/mtdsg_no=(IV-\d{1,2}(?:-[a-z])?)\b/g)].map((m) => m[1]!));
  if (references.size !== 1)
    problems.push({ file, reason: references.size === 0 ? 'the page names no chapter IV treaty (mtdsg_no=IV-…)' : `the page names several treaties: ${[...references].join(', ')}` });
  const asOf = readStatusDate(html);
  if (asOf === null) problems.push({ file, reason: 'no "STATUS AS AT : DD-MM-YYYY" stamp: the date the page speaks for is unknown' });
  const participants = readParticipants(html, file, problems);
  return { reference: references.size === 1 ? [...references][0]! : null, asOf, participants, texts: readTexts(html), notes: readNotes(html), problems };
}
