// The values a backup carries, checked the same way when they are written and when they are
// read back: the schema has text and integer columns only (dates as text, booleans as 0/1,
// JSON as text), so a value is a string, a whole number that JavaScript holds exactly, or null
// where the column allows it. A backup file is untrusted input: anything else is refused.
import type { Table } from '../../db/schema.ts';

export type ColumnType = 'text' | 'integer';

export interface Column {
  name: string;
  type: ColumnType;
  nullable: boolean;
}

/** A table as the database describes it: its columns in order, and the columns of its primary key. */
export interface TableShape {
  name: Table;
  columns: Column[];
  /** Empty for a table without a primary key (entity_name): it is read in offset pages. */
  key: string[];
  /** Columns filled by a sequence (PostgreSQL serial): set past the restored ids. */
  serial: string[];
}

const INTEGER_TYPES = new Set(['integer', 'int', 'int2', 'int4', 'int8', 'smallint', 'bigint']);

/** The type of a column from its declared type (SQLite) or data_type (PostgreSQL); undefined when a backup cannot carry it. */
export function columnType(declared: string): ColumnType | undefined {
  const type = declared.trim().toLowerCase();
  if (type === 'text') return 'text';
  if (INTEGER_TYPES.has(type)) return 'integer';
  return undefined;
}

/** A value shown in a message: JSON, cut short (a hostile file may hold a huge one). */
export function shown(value: unknown, max = 60): string {
  const text = value === undefined ? 'nothing' : (JSON.stringify(value) ?? String(value));
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** What is wrong with a value for a column, or null when it fits. */
export function valueProblem(column: Column, value: unknown): string | null {
  if (value === null) return column.nullable ? null : 'is null, but the column needs a value';
  if (column.type === 'integer') return Number.isSafeInteger(value) ? null : `expected a whole number, got ${shown(value)}`;
  return typeof value === 'string' ? null : `expected text, got ${shown(value)}`;
}

/** Two lists of names, equal item by item (not by joining them: a name may hold the separator). */
export function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((name, i) => name === b[i]);
}
