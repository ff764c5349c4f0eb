// The one list of tables (TABLES in src/db/schema.ts), checked against what the migrations make
// on each database: the same tables and no other (so a new table cannot be left out of
// backups), each after the tables its foreign keys name (the order a restore inserts in).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { TABLES } from '../../src/db/schema.ts';
import { createTestDb, testDialects, type TestDb } from '../support/databases.ts';

/** The tables a table's foreign keys name. */
async function referenced(database: TestDb, table: string): Promise<string[]> {
  const query =
    database.dialect === 'sqlite'
      ? sql<{ name: string }>`select "table" as name from pragma_foreign_key_list(${table})`
      : sql<{ name: string }>`select confrelid::regclass::text as name from pg_constraint where contype = 'f' and conrelid = to_regclass(${table}::text)`;
  return [...new Set((await query.execute(database.db)).rows.map((r) => r.name))];
}

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
      const made = (await database.db.introspection.getTables()).map((t) => t.name).sort();
      assert.deepEqual(made, [...TABLES].sort(), 'add the table to TABLES (src/db/schema.ts) in its place');
    });

    test('come in TABLES after every table they reference', async () => {
      assert.deepEqual((await referenced(database, 'treaty_action')).sort(), ['import_dataset', 'instrument'], 'the foreign keys are read');
      for (const [index, table] of TABLES.entries()) {
        for (const parent of await referenced(database, table)) {
          assert.ok(TABLES.indexOf(parent as (typeof TABLES)[number]) < index, `${table} references ${parent}, which TABLES lists later`);
        }
      }
    });
  });
}
