// The rows of a CSV table under its header, as importers read them. csv-parse's `columns: true`
// fills plain objects: a column headed "__proto__" is silently lost (assigning it sets the
// prototype) and a row answers for "constructor" or "toString" although the table has no such
// column. These records have no prototype, so every header is an own key and nothing else is.
import { parse, type Options } from 'csv-parse/sync';

export type CsvRecord = Record<string, string>;

export interface CsvTable {
  header: string[];
  records: CsvRecord[];
}

/** Parses `text` (csv-parse options except `columns`); throws csv-parse's error on a malformed file. */
export function parseCsvTable(text: string, options: Omit<Options, 'columns'> = {}): CsvTable {
  const [header = [], ...rows] = parse(text, { ...options, columns: false }) as string[][];
  return { header, records: rows.map((cells) => recordOf(header, cells)) };
}

function recordOf(header: string[], cells: string[]): CsvRecord {
  const record: CsvRecord = Object.create(null);
  // A later column of the same name wins, as with csv-parse's own objects.
  header.forEach((name, i) => {
    if (i < cells.length) record[name] = cells[i]!;
  });
  return record;
}
