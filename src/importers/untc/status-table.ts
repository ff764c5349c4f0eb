// Reads a UN Treaty Collection status table (one CSV per treaty, as scraped from
// treaties.un.org chapter IV): a `Participant` column, an optional signature column and a
// consent column whose header lists the kinds of action it holds, e.g.
// "Ratification, Accession(a), Succession(d)". A date's suffix says which kind it is ("24 Jan
// 1983 a" is an accession); no suffix is the kind the header names without a letter.
// The parser is pure: it returns the actions and, for every cell it cannot read, a problem
// naming file, row, column and reason. Nothing is guessed.
import { parse } from 'csv-parse/sync';
import type { Problem } from '../../shared/errors.ts';
import { isValidDay } from '../../shared/dates.ts';
import type { ConsentKind, SignatureKind } from '../../shared/vocabularies.ts';
import { own } from '../../shared/own.ts';

/** The kinds a status table can hold: every signature and consent but a year-level list's. */
export type UntcActionKind = SignatureKind | Exclude<ConsentKind, 'ratification-or-accession'>;

export interface UntcAction {
  participant: string;
  kind: UntcActionKind;
  /** YYYY-MM-DD: UNTC status tables give the day of deposit. */
  date: string;
  /** 1-based line of the file (the header is line 1). */
  row: number;
  column: string;
}

export interface StatusTable {
  participants: { name: string; row: number }[];
  actions: UntcAction[];
  problems: Problem[];
}

const KIND_BY_WORD: Record<string, UntcActionKind> = {
  signature: 'signature',
  'succession to signature': 'succession-to-signature',
  ratification: 'ratification',
  accession: 'accession',
  succession: 'succession',
  acceptance: 'acceptance',
  approval: 'approval',
  'formal confirmation': 'formal-confirmation',
};

const MONTHS: Record<string, string> = {
  Jan: '01',
  Feb: '02',
  Mar: '03',
  Apr: '04',
  May: '05',
  Jun: '06',
  Jul: '07',
  Aug: '08',
  Sep: '09',
  Oct: '10',
  Nov: '11',
  Dec: '12',
};

/** "Ratification, Accession(a), Succession(d)" → { '': ratification, a: accession, d: succession }. */
export function kindsOfHeader(header: string): Map<string, UntcActionKind> | string {
  const kinds = new Map<string, UntcActionKind>();
  for (const part of header
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const match = /^([A-Za-z ]+?)\s*(?:\(([A-Za-z]{1,2})\))?$/.exec(part);
    const kind = match ? own(KIND_BY_WORD, match[1]!.toLowerCase()) : undefined;
    if (!match || !kind) return `"${part}" is not a kind of treaty action this importer knows`;
    const suffix = match[2] ?? '';
    if (kinds.has(suffix)) return `two kinds of action share the mark "${suffix || '(none)'}"`;
    kinds.set(suffix, kind);
  }
  return kinds;
}

/** "24 Jan 1983 a" → { date: '1983-01-24', suffix: 'a' }, or the reason it cannot be read. */
export function readUntcDate(cell: string): { date: string; suffix: string } | string {
  const match = /^(\d{1,2}) ([A-Z][a-z]{2}) (\d{4})(?: ([A-Za-z]{1,2}))?$/.exec(cell.trim().replace(/\s+/g, ' '));
  if (!match) return `"${cell}" is not a date of the form "24 Jan 1983", optionally followed by a mark such as a, d, A, AA or c`;
  const month = own(MONTHS, match[2]!);
  if (!month) return `"${match[2]}" is not a month abbreviation (Jan … Dec)`;
  const date = `${match[3]}-${month}-${match[1]!.padStart(2, '0')}`;
  if (!isValidDay(date)) return `"${cell}" is not a real calendar date`;
  return { date, suffix: match[4] ?? '' };
}

export function parseStatusTable(text: string, file: string): StatusTable {
  const result: StatusTable = { participants: [], actions: [], problems: [] };
  let records: string[][];
  try {
    records = parse(text, { bom: true, relax_column_count: false, skip_empty_lines: true });
  } catch (error) {
    result.problems.push({ file, reason: `not a valid CSV file: ${(error as Error).message}` });
    return result;
  }
  const [header, ...rows] = records;
  if (header?.[0]?.trim() !== 'Participant' || header.length < 2) {
    result.problems.push({ file, row: 1, field: header?.[0] ?? '', reason: 'the first column must be "Participant", followed by the action columns' });
    return result;
  }
  const columns = header.slice(1).map((name) => ({ name, kinds: kindsOfHeader(name) }));
  for (const column of columns) {
    if (typeof column.kinds === 'string') result.problems.push({ file, row: 1, field: column.name, reason: column.kinds });
  }
  if (result.problems.length > 0) return result;

  rows.forEach((cells, index) => {
    const row = index + 2;
    const participant = (cells[0] ?? '').trim();
    if (!participant) {
      result.problems.push({ file, row, field: 'Participant', reason: 'empty' });
      return;
    }
    result.participants.push({ name: participant, row });
    columns.forEach((column, i) => {
      const cell = (cells[i + 1] ?? '').trim();
      if (!cell) return;
      const read = readUntcDate(cell);
      if (typeof read === 'string') {
        result.problems.push({ file, row, field: column.name, reason: read });
        return;
      }
      const kind = (column.kinds as Map<string, UntcActionKind>).get(read.suffix);
      if (!kind) {
        result.problems.push({ file, row, field: column.name, reason: `the mark "${read.suffix || '(none)'}" is not one this column lists` });
        return;
      }
      result.actions.push({ participant, kind, date: read.date, row, column: column.name });
    });
  });
  return result;
}

/** "4-11-b.csv" → "IV-11-b", the UN Treaty Collection reference of chapter IV. */
export function untcRefOfFile(fileName: string): string | null {
  const match = /^4-(\d{1,2})(?:-([a-z]))?\.csv$/.exec(fileName);
  if (!match) return null;
  return `IV-${match[1]}${match[2] ? `-${match[2]}` : ''}`;
}
