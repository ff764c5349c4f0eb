// Migration 005 on each database: a registry imported before it keeps its imported actions,
// now in the one table of treaty actions with their source as JSON, and its datasets are
// marked for the next import or snapshot load to replace (they were read by older rules).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Kysely } from 'kysely';
import { migrateTo, migrateToLatest } from '../../src/db/migrate.ts';
import { createTestDb, testDialects, type TestDb } from '../support/databases.ts';

for (const dialect of testDialects()) {
  describe(`migration 005 on ${dialect}`, () => {
    let database: TestDb;
    before(async () => {
      database = await createTestDb(dialect);
    });
    after(async () => {
      await database?.drop();
    });

    test('imported events become treaty actions citing their source, and are re-read on the next import', async () => {
      const db = database.db as unknown as Kysely<any>;
      await migrateTo(db, '004_snapshot_notes');
      await db.insertInto('source').values({ id: 'src "quoted"', title: 't', url: 'https://example.org', retrieved: '2015-03-14' }).execute();
      await db.insertInto('instrument').values({ code: 'ICCPR', kind: 'covenant', binding: 1, system: 'un', core: 1, unverified: '[]', sources: '[]' }).execute();
      await db
        .insertInto('import_dataset')
        .values({ id: 'untc:IV-4', kind: 'untc', label: '4-4.csv', content_hash: 'abc', imported_at: '2026-01-01', source_id: 'src "quoted"', accepted: 1, rejected: 0 })
        .execute();
      await db
        .insertInto('treaty_event')
        .values({
          dataset_id: 'untc:IV-4',
          seq: 0,
          instrument_code: 'ICCPR',
          participant_kind: 'state',
          participant_id: 'FRA',
          participant_name: 'France',
          kind: 'accession',
          date: '1980-11-04',
          effective: null,
          text: null,
          file: '4-4.csv',
          row: 80,
          column: 'x',
        })
        .execute();
      await migrateToLatest(db);
      const action = await db.selectFrom('treaty_action').selectAll().executeTakeFirstOrThrow();
      assert.deepEqual([action.participant_id, action.date, JSON.parse(action.sources)], ['FRA', '1980-11-04', ['src "quoted"']], 'a source id with quotes stays valid JSON');
      const dataset = await db.selectFrom('import_dataset').select('content_hash').executeTakeFirstOrThrow();
      assert.equal(dataset.content_hash, '', 'no file matches it: the next import replaces it');
    });
  });
}
