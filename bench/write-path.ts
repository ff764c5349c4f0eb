// The write path, measured against baselines in the same run, on SQLite and (when
// TEST_DATABASE_URL or 127.0.0.1:5432 answers) PostgreSQL:
// 1. An audited write: a correction of one organization through the use case (transaction,
//    audit record, topic version), beside the same UPDATE in a plain transaction.
// 2. The treaty matrix after an edit to one organization, beside the matrix before it (no
//    model rebuild: the organization is not a topic the model reads); and, for contrast, after
//    a change to treaty data, which rebuilds the model.
// 3. Large work does not block a server: with every imported act copied ten times (a 20 MB
//    import's worth), the latency of a request answered while the model is rebuilt in the
//    background, beside the same request before the import.
// Usage: npm run bench:write [-- --writes 300]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import pg from 'pg';
import { openDb, type Db } from '../src/db/connection.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { importAll } from '../src/importers/all.ts';
import { systemContext } from '../src/modules/audit/context.ts';
import { replaceTopicVersions } from '../src/modules/meta/repository.ts';
import { organizationView } from '../src/modules/organizations/service.ts';
import { updateOrganization } from '../src/modules/organizations/write.ts';
import { treatyMatrix } from '../src/modules/treaty-status/matrix.ts';
import { buildTreatyModelInBackground, treatyModel } from '../src/modules/treaty-status/model.ts';
import { loadReferenceData } from '../src/reference/load.ts';
import { seedReferenceData } from '../src/reference/seed.ts';
import { buildApp } from '../src/server/app.ts';
import { SHARED_DATA } from '../test/support/shared-data.ts';
import { multiplyImportedActs } from './synthetic-acts.ts';

const WRITES = Number(process.argv[process.argv.indexOf('--writes') + 1]) || 300;
const PG_URL = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

const p = (values: number[], q: number) => [...values].sort((x, y) => x - y)[Math.min(values.length - 1, Math.ceil(values.length * q) - 1)]!;
const ms = (v: number) => v.toFixed(2);

async function timed(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

/** Audited writes and plain ones, alternating so that noise falls on both alike. */
async function writes(db: Db['db']) {
  const audited: number[] = [];
  const plain: number[] = [];
  const context = systemContext('bench', 'benchmark');
  let version = (await organizationView(db, 'au', 'en', '2026-01-01')).version;
  for (let i = 0; i < WRITES; i++) {
    const update = async () => {
      version = (await updateOrganization(db, { id: 'au', website: `https://au.int/a${i}`, source: 'pkg-i18n-iso-countries', expectedVersion: version }, context)).version;
    };
    const runs = [
      async () => audited.push(await timed(update)),
      async () =>
        plain.push(
          await timed(() =>
            db.transaction().execute((trx) =>
              trx
                .updateTable('organization')
                .set({ website: `https://au.int/p${i}` })
                .where('id', '=', 'eu')
                .execute(),
            ),
          ),
        ),
    ];
    if (i % 2) runs.reverse();
    for (const run of runs) await run();
  }
  return { audited, plain };
}

/** The matrix before and after an organization edit, and after a treaty-data change. */
async function matrixAfterEdit(db: Db['db']) {
  await treatyModel(db);
  const before: number[] = [];
  for (let i = 0; i < 20; i++) before.push(await timed(() => treatyMatrix(db, '2026-01-01', {})));
  const model = await treatyModel(db);
  const { version } = await organizationView(db, 'coe', 'en', '2026-01-01');
  await updateOrganization(db, { id: 'coe', website: 'https://www.coe.int/en', source: 'pkg-i18n-iso-countries', expectedVersion: version }, systemContext('bench'));
  const afterEdit = await timed(() => treatyMatrix(db, '2026-01-01', {}));
  const kept = (await treatyModel(db)) === model;
  await replaceTopicVersions(db, ['treaty-data']);
  const afterTreatyChange = await timed(() => treatyMatrix(db, '2026-01-01', {}));
  return { before: p(before, 0.5), afterEdit, kept, afterTreatyChange };
}

/** A listening server, so that requests arrive as a real server's do (through the event loop). */
async function listen(db: Db['db']): Promise<{ origin: string; close: () => void }> {
  const app = buildApp({ db, logError: (m) => console.error(m) });
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => resolve({ origin: `http://127.0.0.1:${info.port}`, close: () => server.close() }));
  });
}

/** Requests to a server in background mode, before and while the model is rebuilt after a large import. */
async function duringRebuild(db: Db['db']) {
  buildTreatyModelInBackground(db);
  const server = await listen(db);
  await treatyModel(db);
  // A different asOf each time: answered from the model, never from the response cache.
  let day = 0;
  const ask = async () => {
    const asOf = new Date(Date.UTC(2000, 0, 1 + day++)).toISOString().slice(0, 10);
    return timed(async () => {
      const response = await fetch(`${server.origin}/api/v1/states/FRA/treaties?asOf=${asOf}`);
      if (response.status !== 200) throw new Error(`status ${response.status}`);
      await response.arrayBuffer();
    });
  };
  const before: number[] = [];
  for (let i = 0; i < 50; i++) before.push(await ask());
  const rssBefore = process.memoryUsage().rss;
  let rssPeak = rssBefore;
  const sampler = setInterval(() => {
    rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
  }, 50);
  const acts = await multiplyImportedActs(db);
  const old = await treatyModel(db);
  const during: number[] = [];
  const start = performance.now();
  let rebuilt = 0;
  while (performance.now() - start < 120_000) {
    during.push(await ask());
    if ((await treatyModel(db)) !== old) {
      rebuilt = performance.now() - start;
      break;
    }
  }
  clearInterval(sampler);
  server.close();
  return { acts, before, during, rebuilt, rssBefore, rssPeak };
}

async function onDatabase(label: string, db: Db) {
  await migrateToLatest(db.db);
  await seedReferenceData(db.db, loadReferenceData());
  await importAll(db.db, SHARED_DATA, { skipInvalid: true });
  const w = await writes(db.db);
  const m = await matrixAfterEdit(db.db);
  const r = await duringRebuild(db.db);
  return { label, w, m, r };
}

async function postgres(): Promise<{ db: Db; drop: () => Promise<void> } | null> {
  const admin = new pg.Client({ connectionString: PG_URL });
  try {
    await admin.connect();
  } catch {
    return null;
  }
  const name = `accord_bench_${process.pid}`;
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  const db = openDb(url.toString());
  return {
    db,
    drop: async () => {
      await db.destroy();
      const cleanup = new pg.Client({ connectionString: PG_URL });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'accord-bench-write-'));
  const results = [];
  try {
    const sqlite = openDb(`sqlite:${join(dir, 'write.db')}`);
    try {
      results.push(await onDatabase('SQLite', sqlite));
    } finally {
      await sqlite.destroy();
    }
    const server = await postgres();
    if (server) {
      try {
        results.push(await onDatabase('PostgreSQL', server.db));
      } finally {
        await server.drop();
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(`${WRITES} writes of each kind; Node ${process.version}`);
  console.log('\n| database | audited write p50 / p95 ms | plain write p50 / p95 ms | p50 ratio |');
  console.log('|---|---|---|---|');
  for (const { label, w } of results) {
    console.log(`| ${label} | ${ms(p(w.audited, 0.5))} / ${ms(p(w.audited, 0.95))} | ${ms(p(w.plain, 0.5))} / ${ms(p(w.plain, 0.95))} | ${(p(w.audited, 0.5) / p(w.plain, 0.5)).toFixed(2)} |`);
  }
  console.log('\n| database | matrix before the edit (p50 of 20) ms | first matrix after an organization edit ms | model kept | ratio | after a treaty-data change ms (model rebuilt) |');
  console.log('|---|---|---|---|---|---|');
  for (const { label, m } of results) {
    console.log(`| ${label} | ${ms(m.before)} | ${ms(m.afterEdit)} | ${m.kept ? 'yes' : 'NO'} | ${(m.afterEdit / m.before).toFixed(2)} | ${ms(m.afterTreatyChange)} |`);
  }
  console.log('\n| database | acts after the large import | request p50 / p95 ms before | requests during the rebuild | their p50 / p95 / max ms | new model served after ms | RSS before → peak MB |');
  console.log('|---|---|---|---|---|---|---|');
  const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
  for (const { label, r } of results) {
    console.log(
      `| ${label} | ${r.acts} | ${ms(p(r.before, 0.5))} / ${ms(p(r.before, 0.95))} | ${r.during.length} | ${ms(p(r.during, 0.5))} / ${ms(p(r.during, 0.95))} / ${ms(Math.max(...r.during))} | ${r.rebuilt.toFixed(0)} | ${mb(r.rssBefore)} → ${mb(r.rssPeak)} |`,
    );
  }
}

await main();
