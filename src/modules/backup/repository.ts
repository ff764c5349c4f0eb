// Every query of backup and restore. Tables are named only from the fixed list of the schema
// (TABLES) and columns only as the database itself describes them, never from a backup file
// unchecked; values always go as parameters. The same queries run on both databases, except
// where each describes its own tables and PostgreSQL's sequences.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Dialect } from '../../db/connection.ts';
import type { Database, Table } from '../../db/schema.ts';
import type { OwnRow } from './tables.ts';
import { columnType, type Column, type TableShape } from './values.ts';

/** The tables seen as plain rows of values: what a backup reads and writes without knowing them. */
type Rows = Record<string, Record<string, unknown>>;
const generic = (db: Kysely<Database>) => db as unknown as Kysely<Rows>;

/** Kysely's own record of the migrations applied, in order; empty when there is none. */
export async function appliedMigrations(db: Kysely<Database>): Promise<string[]> {
  const tables = await db.introspection.getTables({ withInternalKyselyTables: true });
  if (!tables.some((t) => t.name === 'kysely_migration')) return [];
  const rows = await generic(db).selectFrom('kysely_migration').select('name').orderBy('name').execute();
  return rows.map((r) => String(r.name));
}

interface ColumnRow {
  name: string;
  type: string;
  not_null: number | boolean;
  pk: number | boolean;
  serial: number | boolean;
}

/** Columns in order, with their primary-key position (0 when none) and whether a sequence fills them. */
async function columnRows(db: Kysely<Database>, dialect: Dialect, table: Table): Promise<ColumnRow[]> {
  if (dialect === 'sqlite') {
    const { rows } = await sql<ColumnRow>`select name, type, "notnull" as not_null, pk, 0 as serial from pragma_table_info(${table}) order by cid`.execute(db);
    return rows;
  }
  // pg_catalog rather than information_schema: the same facts, some twenty times faster.
  const { rows } = await sql<ColumnRow>`
    select a.attname as name, format_type(a.atttypid, null) as type, a.attnotnull as not_null,
      coalesce((select k.n from unnest(i.indkey::int2[]) with ordinality as k(attnum, n) where k.attnum = a.attnum), 0) as pk,
      coalesce(pg_get_expr(d.adbin, d.adrelid) like 'nextval(%', false) as serial
    from pg_attribute a
    left join pg_index i on i.indrelid = a.attrelid and i.indisprimary
    left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
    where a.attrelid = to_regclass(${table}::text) and a.attnum > 0 and not a.attisdropped
    order by a.attnum`.execute(db);
  return rows;
}

/** A table as this database has it; null when it does not exist. Refuses a column type a backup cannot carry. */
export async function tableShape(db: Kysely<Database>, dialect: Dialect, table: Table): Promise<TableShape | null> {
  const rows = await columnRows(db, dialect, table);
  if (rows.length === 0) return null;
  const columns: Column[] = rows.map((r) => {
    const type = columnType(r.type);
    if (!type) throw new Error(`${table}.${r.name} is of type ${r.type}, which backups do not carry yet (src/modules/backup/values.ts)`);
    // A key column never holds null (SQLite's pragma says an INTEGER PRIMARY KEY may: it draws one).
    return { name: r.name, type, nullable: !r.not_null && !Number(r.pk) };
  });
  const key = rows
    .filter((r) => Number(r.pk) > 0)
    .sort((a, b) => Number(a.pk) - Number(b.pk))
    .map((r) => r.name);
  return { name: table, columns, key, serial: rows.filter((r) => Boolean(r.serial)).map((r) => r.name) };
}

export async function countRows(db: Kysely<Database>, table: Table, own?: OwnRow): Promise<number> {
  let query = generic(db)
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'));
  if (own) query = query.where(own.column, '<>', own.value);
  const row = await query.executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The tables that hold rows (other than the database's own), with how many. */
export async function tablesHoldingRows(db: Kysely<Database>, tables: readonly Table[], own: Partial<Record<Table, OwnRow>>): Promise<{ table: Table; rows: number }[]> {
  const held: { table: Table; rows: number }[] = [];
  for (const table of tables) {
    const rows = await countRows(db, table, own[table]);
    if (rows > 0) held.push({ table, rows });
  }
  return held;
}

/**
 * A table's rows, a page at a time, as arrays in the shape's column order. Pages follow the
 * primary key (keyset: each page starts after the last key read, so each costs the same
 * however far in); a table without one (entity_name) is ordered by every column and read by
 * offset, which is correct in a consistent read (rows equal in every column are alike).
 */
export async function* readPages(db: Kysely<Database>, shape: TableShape, own: OwnRow | undefined, pageRows: number): AsyncGenerator<unknown[][]> {
  const names = shape.columns.map((c) => c.name);
  const order = shape.key.length ? shape.key : names;
  let last: Record<string, unknown> | undefined;
  for (let offset = 0; ; offset += pageRows) {
    let query = generic(db).selectFrom(shape.name).select(names);
    if (own) query = query.where(own.column, '<>', own.value);
    if (shape.key.length && last) {
      const after = last;
      // (k1, k2, …) > (v1, v2, …), written out: k1 > v1 or (k1 = v1 and k2 > v2) or …
      query = query.where((eb) => eb.or(shape.key.map((column, i) => eb.and([...shape.key.slice(0, i).map((before) => eb(before, '=', after[before])), eb(column, '>', after[column])]))));
    }
    for (const column of order) query = query.orderBy(column);
    query = query.limit(pageRows);
    if (!shape.key.length) query = query.offset(offset);
    const rows = await query.execute();
    if (rows.length === 0) return;
    yield rows.map((row) => names.map((name) => row[name]));
    if (rows.length < pageRows) return;
    last = rows.at(-1);
  }
}

/** Inserts rows given as arrays in `columns` order (names checked against the table by the caller). */
export async function insertRows(db: Kysely<Database>, table: Table, columns: readonly string[], rows: unknown[][]): Promise<void> {
  if (rows.length === 0) return;
  await generic(db)
    .insertInto(table)
    .values(rows.map((values) => Object.fromEntries(columns.map((column, i) => [column, values[i]]))))
    .execute();
}

/** PostgreSQL: moves each sequence past the ids restored, so that new rows (audit records) follow them. */
export async function continueSequences(db: Kysely<Database>, dialect: Dialect, shapes: readonly TableShape[]): Promise<void> {
  if (dialect !== 'postgres') return; // SQLite's AUTOINCREMENT follows the largest id inserted by itself
  for (const shape of shapes) {
    for (const column of shape.serial) {
      // setval(…, null) does nothing: an empty table leaves its sequence at the start.
      await sql`select setval(pg_get_serial_sequence(${shape.name}, ${column}), max(${sql.ref(column)})) from ${sql.table(shape.name)}`.execute(db);
    }
  }
}

/** One consistent view of every table for the whole backup (PostgreSQL: a repeatable-read, read-only transaction; SQLite: one read transaction). */
export function readConsistently<T>(db: Kysely<Database>, run: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  return db.transaction().setIsolationLevel('repeatable read').setAccessMode('read only').execute(run);
}
