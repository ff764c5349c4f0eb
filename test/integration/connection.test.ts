// The PostgreSQL pool survives the server closing an idle connection (a restart, an
// administrator, a test database dropped with FORCE): the next query gets a new connection,
// and the process does not crash on pg's 'error' event.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import pg from 'pg';
import { createTestDb, DEFAULT_TEST_DATABASE_URL, testDialects, type TestDb } from '../support/databases.ts';

describe('PostgreSQL connection pool', { skip: !testDialects().includes('postgres') && 'TEST_DIALECTS excludes postgres' }, () => {
  let database: TestDb;
  before(async () => {
    database = await createTestDb('postgres');
  });
  after(async () => {
    await database?.drop();
  });

  test('an idle connection closed by the server is replaced, not fatal', async () => {
    await sql`select 1`.execute(database.db);
    const name = new URL(database.url).pathname.slice(1);
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL || DEFAULT_TEST_DATABASE_URL });
    await admin.connect();
    const killed = await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [name]);
    await admin.end();
    assert.ok(killed.rowCount! >= 1, 'the idle connection was closed by the server');
    await new Promise((resolve) => setTimeout(resolve, 300)); // let pg notice and emit its error
    const result = await sql<{ one: number }>`select 1 as one`.execute(database.db);
    assert.equal(result.rows[0]!.one, 1);
  });
});
