// Time of `accord import all ../shared/data` (treaty tables and pages, membership list and
// official names, with --skip-invalid so that every file is read and stored) on a fresh SQLite
// database, beside a bulk insert of the same rows (datasets, actions, snapshots, membership
// spans) into another fresh database, and beside loading the shipped snapshot of the same
// facts (what a first start does), in the same run. Runs alternate; medians are reported.
// Usage: npm run bench:import [-- --runs 5]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb, type Db } from '../src/db/connection.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { importAll } from '../src/importers/all.ts';
import { loadReferenceData } from '../src/reference/load.ts';
import { seedReferenceData } from '../src/reference/seed.ts';
import { loadSnapshot } from '../src/snapshot/load.ts';
import { SHARED_DATA } from '../test/support/shared-data.ts';

const RUNS = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 5;
const reference = loadReferenceData();

async function freshDb(dir: string, name: string): Promise<Db> {
  const db = openDb(`sqlite:${join(dir, `${name}.db`)}`);
  await migrateToLatest(db.db);
  await seedReferenceData(db.db, reference);
  return db;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'accord-bench-import-'));
  const importTimes: number[] = [];
  const bulkTimes: number[] = [];
  const snapshotTimes: number[] = [];
  let rows = 0;
  try {
    for (let run = 0; run < RUNS; run++) {
      const target = await freshDb(dir, `import-${run}`);
      const started = performance.now();
      await importAll(target.db, SHARED_DATA, { skipInvalid: true });
      importTimes.push(performance.now() - started);

      // The imported rows only: the reference datasets are in both databases already.
      const datasets = await target.db.selectFrom('import_dataset').selectAll().where('kind', '!=', 'reference').execute();
      const sources = await target.db
        .selectFrom('source')
        .selectAll()
        .where(
          'id',
          'in',
          datasets.map((d) => d.source_id),
        )
        .execute();
      const events = await target.db.selectFrom('treaty_action').selectAll().where('dataset_id', 'not like', 'reference:%').execute();
      const snapshots = await target.db.selectFrom('treaty_snapshot').selectAll().execute();
      const spans = await target.db.selectFrom('membership_snapshot').selectAll().execute();
      rows = events.length + snapshots.length + spans.length;
      await target.destroy();

      const bulk = await freshDb(dir, `bulk-${run}`);
      const bulkStarted = performance.now();
      await bulk.db.transaction().execute(async (trx) => {
        await trx
          .insertInto('source')
          .values(sources)
          .onConflict((oc) => oc.column('id').doNothing())
          .execute();
        await trx.insertInto('import_dataset').values(datasets).execute();
        for (let i = 0; i < events.length; i += 200)
          await trx
            .insertInto('treaty_action')
            .values(events.slice(i, i + 200))
            .execute();
        for (let i = 0; i < snapshots.length; i += 200)
          await trx
            .insertInto('treaty_snapshot')
            .values(snapshots.slice(i, i + 200))
            .execute();
        for (let i = 0; i < spans.length; i += 200)
          await trx
            .insertInto('membership_snapshot')
            .values(spans.slice(i, i + 200))
            .execute();
      });
      bulkTimes.push(performance.now() - bulkStarted);
      await bulk.destroy();

      const first = await freshDb(dir, `snapshot-${run}`);
      const snapshotStarted = performance.now();
      await loadSnapshot(first.db);
      snapshotTimes.push(performance.now() - snapshotStarted);
      await first.destroy();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  console.log(`rows stored: ${rows} (treaty actions, status snapshots, membership spans), runs: ${RUNS}`);
  console.log(`| measure | median ms | all runs ms |`);
  console.log(`|---|---|---|`);
  console.log(`| accord import all ../shared/data (read, check, map names, store) | ${median(importTimes).toFixed(0)} | ${importTimes.map((t) => t.toFixed(0)).join(', ')} |`);
  console.log(`| bulk insert of the same rows | ${median(bulkTimes).toFixed(0)} | ${bulkTimes.map((t) => t.toFixed(0)).join(', ')} |`);
  console.log(
    `| loading the shipped snapshot (first start: decode, and the importers' writes, names included) | ${median(snapshotTimes).toFixed(0)} | ${snapshotTimes.map((t) => t.toFixed(0)).join(', ')} |`,
  );
  console.log(`ratio of medians (import / bulk insert): ${(median(importTimes) / median(bulkTimes)).toFixed(1)}; target: import below 5 s`);
}

await main();
