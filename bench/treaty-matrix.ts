// The full ratification matrix (every State × every instrument) at random dates on SQLite,
// through the same service the API uses, beside the raw query that reads the acts dated on
// or before that date, in the same run. Then the same with every imported act copied ten
// times (nine synthetic datasets), to see how time grows with the number of acts.
// Also the time to build the in-memory model once after a data change ("cold").
// Usage: npm run bench:matrix [-- --dates 200]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { openDb, type Db } from '../src/db/connection.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { importAll } from '../src/importers/all.ts';
import { replaceTopicVersions } from '../src/modules/meta/repository.ts';
import { treatyModel } from '../src/modules/treaty-status/model.ts';
import { treatyMatrix } from '../src/modules/treaty-status/matrix.ts';
import { loadReferenceData } from '../src/reference/load.ts';
import { seedReferenceData } from '../src/reference/seed.ts';
import { SHARED_DATA } from '../test/support/shared-data.ts';
import { multiplyImportedActs } from './synthetic-acts.ts';

const DATES = Number(process.argv[process.argv.indexOf('--dates') + 1]) || 200;

/** Reproducible pseudo-random days from 1948-01-01 to 2026-12-31 (mulberry32). */
function randomDays(count: number, seed = 42): string[] {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const start = Date.UTC(1948, 0, 1);
  const span = Date.UTC(2026, 11, 31) - start;
  return Array.from({ length: count }, () => new Date(start + Math.floor(next() * span)).toISOString().slice(0, 10));
}

const p95 = (values: number[]) => [...values].sort((x, y) => x - y)[Math.ceil(values.length * 0.95) - 1]!;
const median = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)]!;

/** The raw query: every act dated on or before asOf, imported or shipped, as rows. */
async function rawQuery(db: Db['db'], asOf: string): Promise<number> {
  const actions = await db.selectFrom('treaty_action').select(['instrument_code', 'participant_id', 'kind', 'date']).where('date', '<=', asOf).execute();
  return JSON.stringify(actions).length;
}

async function measure(db: Db['db'], label: string) {
  await replaceTopicVersions(db, ['treaty-data']); // a new version: the next call rebuilds the model
  const coldStart = performance.now();
  await treatyModel(db);
  const cold = performance.now() - coldStart;
  const matrix: number[] = [];
  const raw: number[] = [];
  let cells = 0;
  for (const [i, asOf] of randomDays(DATES).entries()) {
    // Alternate which goes first, so that noise falls on both alike.
    const runs = [
      async () => {
        const s = performance.now();
        const m = await treatyMatrix(db, asOf, {});
        JSON.stringify(m);
        matrix.push(performance.now() - s);
        cells = m.states.length * m.instruments.length;
      },
      async () => {
        const s = performance.now();
        await rawQuery(db, asOf);
        raw.push(performance.now() - s);
      },
    ];
    if (i % 2) runs.reverse();
    for (const run of runs) await run();
  }
  const acts = Number((await sql<{ n: number }>`select count(*) as n from treaty_action`.execute(db)).rows[0]!.n);
  return { label, acts, cells, cold, matrix, raw };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'accord-bench-matrix-'));
  const { db, destroy } = openDb(`sqlite:${join(dir, 'matrix.db')}`);
  try {
    await migrateToLatest(db);
    await seedReferenceData(db, loadReferenceData());
    await importAll(db, SHARED_DATA, { skipInvalid: true });
    const results = [await measure(db, 'imported acts (../shared/data)')];
    await multiplyImportedActs(db);
    results.push(await measure(db, 'the same acts ×10 (synthetic)'));
    console.log(`${DATES} random dates from 1948 to 2026; SQLite; Node ${process.version}`);
    console.log('| data | acts | cells | model build ms (once per data change) | matrix p50 / p95 ms | raw query p50 / p95 ms | p95 ratio matrix / raw |');
    console.log('|---|---|---|---|---|---|---|');
    for (const r of results) {
      console.log(
        `| ${r.label} | ${r.acts} | ${r.cells} | ${r.cold.toFixed(0)} | ${median(r.matrix).toFixed(1)} / ${p95(r.matrix).toFixed(1)} | ${median(r.raw).toFixed(1)} / ${p95(r.raw).toFixed(1)} | ${(p95(r.matrix) / p95(r.raw)).toFixed(2)} |`,
      );
    }
    const [one, ten] = results as [(typeof results)[0], (typeof results)[0]];
    console.log(
      `growth ×10 acts: model build ${(ten.cold / one.cold).toFixed(1)}×, matrix p95 ${(p95(ten.matrix) / p95(one.matrix)).toFixed(1)}×, raw query p95 ${(p95(ten.raw) / p95(one.raw)).toFixed(1)}×; target: matrix p95 below 50 ms`,
    );
  } finally {
    await destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
