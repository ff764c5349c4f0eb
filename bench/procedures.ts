// Complaint procedures (every State × every procedure) and coverage (regional mechanisms and
// the UN individual procedures per State) at random dates on SQLite, through the services the
// API uses, beside one instrument's status for every State at the same dates, in the same run.
// Also the first answer after a data change, when the declaration texts are read.
// Usage: npm run bench:procedures [-- --dates 100]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb } from '../src/db/connection.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { importAll } from '../src/importers/all.ts';
import { computeCoverage } from '../src/modules/coverage/service.ts';
import { replaceTopicVersions } from '../src/modules/meta/repository.ts';
import { listProcedures } from '../src/modules/procedures/service.ts';
import { treatyModel } from '../src/modules/treaty-status/model.ts';
import { instrumentStatus } from '../src/modules/treaty-status/service.ts';
import { loadReferenceData } from '../src/reference/load.ts';
import { seedReferenceData } from '../src/reference/seed.ts';
import { SHARED_DATA } from '../test/support/shared-data.ts';

const DATES = Number(process.argv[process.argv.indexOf('--dates') + 1]) || 100;

/** Reproducible days from 1966-01-01 to 2026-12-31 (a linear congruential walk). */
function days(count: number): string[] {
  let x = 12345;
  const start = Date.UTC(1966, 0, 1);
  const span = Date.UTC(2026, 11, 31) - start;
  return Array.from({ length: count }, () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return new Date(start + Math.floor((x / 2147483648) * span)).toISOString().slice(0, 10);
  });
}

const p95 = (v: number[]) => [...v].sort((a, b) => a - b)[Math.ceil(v.length * 0.95) - 1]!;
const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]!;
const ms = (v: number) => v.toFixed(1);

const dir = mkdtempSync(join(tmpdir(), 'accord-bench-procedures-'));
const { db, destroy } = openDb(`sqlite:${join(dir, 'bench.db')}`);
try {
  await migrateToLatest(db);
  await seedReferenceData(db, loadReferenceData());
  await importAll(db, SHARED_DATA, { skipInvalid: true });
  await replaceTopicVersions(db, ['treaty-data']); // a new version: the next call rebuilds the model
  await treatyModel(db);
  const firstStart = performance.now();
  await listProcedures(db, '2026-02-03');
  const first = performance.now() - firstStart;
  const timings: Record<'baseline' | 'procedures' | 'coverage', number[]> = { baseline: [], procedures: [], coverage: [] };
  const time = async (key: keyof typeof timings, run: () => Promise<unknown>) => {
    const s = performance.now();
    JSON.stringify(await run());
    timings[key].push(performance.now() - s);
  };
  for (const [i, asOf] of days(DATES).entries()) {
    const runs = [() => time('baseline', () => instrumentStatus(db, 'CAT', asOf)), () => time('procedures', () => listProcedures(db, asOf)), () => time('coverage', () => computeCoverage(db, asOf))];
    for (const run of i % 2 ? runs.reverse() : runs) await run();
  }
  console.log(`first procedures answer after a data change (texts read): ${ms(first)} ms`);
  for (const [key, v] of Object.entries(timings)) {
    console.log(`${key.padEnd(10)} p50 ${ms(median(v))} ms  p95 ${ms(p95(v))} ms  ratio to baseline (p95) ${(p95(v) / p95(timings.baseline)).toFixed(2)}`);
  }
} finally {
  await destroy();
  rmSync(dir, { recursive: true, force: true });
}
