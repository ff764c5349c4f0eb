// The one list of tables (TABLES in src/db/schema.ts), checked against what the migrations make
// on each database: the same tables and no other (so a new table cannot be left out of
// backups), each after the tables its foreign keys name (the order a restore inserts in), with
// columns a backup can carry, a primary key for keyset paging, and the same shape on both.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { DERIVED_TABLE_PREFIXES, TABLES } from '../../src/db/schema.ts';
import { tableShape } from '../../src/modules/backup/repository.ts';
import type { TableShape } from '../../src/modules/backup/values.ts';
import { createTestDb, testDialects, type TestDb } from '../support/databases.ts';

/** The tables a table's foreign keys name. */
async function referenced(database: TestDb, table: string): Promise<string[]> {
  const query =
    database.dialect === 'sqlite'
      ? sql<{ name: string }>`select "table" as name from pragma_foreign_key_list(${table})`
      : sql<{ name: string }>`select confrelid::regclass::text as name from pg_constraint where contype = 'f' and conrelid = to_regclass(${table}::text)`;
  return [...new Set((await query.execute(database.db)).rows.map((r) => r.name))];
}

const shapes = new Map<string, TableShape[]>();

for (const dialect of testDialects()) {
  describe(`the tables the migrations make on ${dialect}`, () => {
    let database: TestDb;
    before(async () => {
      database = await createTestDb(dialect);
    });
    after(async () => {
      await database?.drop();
    });

    test('are those of TABLES, and no other', async () => {
      const derived = (name: string) => DERIVED_TABLE_PREFIXES.some((prefix) => name.startsWith(prefix));
      const made = (await database.db.introspection.getTables())
        .map((t) => t.name)
        .filter((name) => !derived(name))
        .sort();
      assert.deepEqual(made, [...TABLES].sort(), 'add the table to TABLES (src/db/schema.ts) in its place, and say in src/modules/backup/tables.ts whether backups hold it');
    });

    test('come in TABLES after every table they reference', async () => {
      assert.deepEqual((await referenced(database, 'treaty_action')).sort(), ['import_dataset', 'instrument'], 'the foreign keys are read');
      for (const [index, table] of TABLES.entries()) {
        for (const parent of await referenced(database, table)) {
          assert.ok(TABLES.indexOf(parent as (typeof TABLES)[number]) < index, `${table} references ${parent}, which TABLES lists later`);
        }
      }
    });

    test('have columns a backup can carry, and a primary key (but entity_name)', async () => {
      const found: TableShape[] = [];
      for (const table of TABLES) {
        const shape = await tableShape(database.db, dialect, table);
        assert.ok(shape, table);
        assert.equal(shape.key.length > 0, table !== 'entity_name', `${table}: key ${shape.key.join(', ')}`);
        found.push(shape);
      }
      assert.deepEqual(found.find((s) => s.name === 'audit_record')!.serial, dialect === 'postgres' ? ['id'] : []);
      shapes.set(
        dialect,
        found.map((s) => ({ ...s, serial: [] })),
      );
    });
  });
}

describe('the tables of both databases', () => {
  test('have the same columns, types, nulls and keys', { skip: testDialects().length < 2 ? 'one database only' : false }, () => {
    assert.ok(shapes.has('sqlite') && shapes.has('postgres'), 'both were read above');
    assert.deepEqual(shapes.get('sqlite'), shapes.get('postgres'));
  });
});
