// A running server and a database dropped and built again: the server must never answer from
// the old one, from its cache or otherwise, even when the new database has had as many writes
// as the old; while the database is gone, /healthz says 503 and data routes answer 503.
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import pg from 'pg';
import { openDb } from '../../src/db/connection.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { systemContext } from '../../src/modules/audit/context.ts';
import { updateOrganization } from '../../src/modules/organizations/write.ts';
import { loadReferenceData } from '../../src/reference/load.ts';
import { seedReferenceData } from '../../src/reference/seed.ts';
import { buildApp } from '../../src/server/app.ts';
import { createTestDb, DEFAULT_TEST_DATABASE_URL, testDialects } from '../support/databases.ts';

/** What the cache takes at most to see a write made by another process. */
const VERSION_TTL = 1100;

/** Seeds, then corrects the AU's website: the same number of writes in every database built so. */
async function build(url: string, website: string): Promise<void> {
  const other = openDb(url); // another connection, as another process would open
  try {
    await migrateToLatest(other.db);
    await seedReferenceData(other.db, loadReferenceData());
    await updateOrganization(other.db, { id: 'au', website, source: 'pkg-i18n-iso-countries', expectedVersion: 1 }, systemContext('test'));
  } finally {
    await other.destroy();
  }
}

for (const dialect of testDialects()) {
  describe(`a database rebuilt under a running server on ${dialect}`, () => {
    test('the server never answers from the old database, cached or not, and 503 while it is gone', async () => {
      const database = await createTestDb(dialect);
      const errors: string[] = [];
      const app = buildApp({ db: database.db, logError: (m) => errors.push(m) });
      const get = async (path: string, headers: Record<string, string> = {}) => app.request(path, { headers });
      try {
        await build(database.url, 'https://old.example.org/');
        await sleep(VERSION_TTL);
        const first = await get('/api/v1/organizations/au');
        assert.equal((await first.json()).website, 'https://old.example.org/');
        const etag = first.headers.get('etag')!;
        assert.equal((await get('/api/v1/organizations/au', { 'If-None-Match': etag })).status, 304, 'served from the cache');
        await get('/api/v1/instruments/ICCPR/status'); // builds and keeps the treaty model

        if (dialect === 'sqlite') {
          const file = database.url.slice('sqlite:'.length);
          for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
        } else {
          await sql`drop schema public cascade`.execute(database.db);
          await sql`create schema public`.execute(database.db);
        }
        await sleep(VERSION_TTL);
        const gone = await get('/healthz');
        assert.equal(gone.status, 503, 'the database is gone');
        assert.equal((await gone.json()).status, 'unavailable');
        const data = await get('/api/v1/organizations');
        assert.ok([503].includes(data.status), `a data route answers ${data.status}`);

        await build(database.url, 'https://new.example.org/');
        await sleep(VERSION_TTL);
        // PostgreSQL: the same server reads the new database. SQLite: the server's open handle is
        // the deleted file's, so it answers 503 until restarted, and then from the new file.
        let server = { get, close: async () => {} };
        if (dialect === 'sqlite') {
          assert.equal((await get('/healthz')).status, 503, 'a replaced SQLite file: 503 until restarted');
          assert.equal((await get('/api/v1/organizations/au')).status, 503, 'never the old data');
          const restarted = openDb(database.url);
          const app2 = buildApp({ db: restarted.db, logError: (m) => errors.push(m) });
          server = { get: async (path, headers = {}) => app2.request(path, { headers }), close: () => restarted.destroy() };
        }
        try {
          assert.equal((await server.get('/healthz')).status, 200);
          const again = await server.get('/api/v1/organizations/au', { 'If-None-Match': etag });
          assert.equal(again.status, 200, 'the old ETag no longer matches');
          assert.equal((await again.json()).website, 'https://new.example.org/');
          const iccpr = await server.get('/api/v1/instruments/ICCPR/status');
          assert.equal(iccpr.status, 200);
        } finally {
          await server.close();
        }
      } finally {
        await database.drop();
      }
      assert.deepEqual(
        errors.filter((e) => !/database is unavailable/.test(e)),
        [],
        'no server error but the unavailable database',
      );
    });

    if (dialect === 'postgres') {
      test('a PostgreSQL database dropped under the server: /healthz answers 503', async () => {
        const database = await createTestDb(dialect);
        const app = buildApp({ db: database.db, logError: () => {} });
        await seedReferenceData(database.db, loadReferenceData());
        assert.equal((await app.request('/healthz')).status, 200);
        const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL || DEFAULT_TEST_DATABASE_URL });
        await admin.connect();
        try {
          await admin.query(`DROP DATABASE ${new URL(database.url).pathname.slice(1)} WITH (FORCE)`);
        } finally {
          await admin.end();
        }
        assert.equal((await app.request('/healthz')).status, 503);
        assert.equal((await app.request('/api/v1/states')).status, 503);
        await database.drop();
      });
    }
  });
}
