// Time and memory of the IATI export (`accord iati export --out <file>`) against the number of
// projects: fresh SQLite databases (migrated and seeded as the tests do) hold synthetic projects
// (bench/synthetic-projects.ts: countries, budget lines, transactions, results, a document each),
// and the CLI runs in a child process that samples its heap every 100 ms and reports its peak
// RSS as it exits (bench/sample-memory.mjs). Baselines in the same run: `accord --help` (the
// floor) and the export of a tenth of the projects; memory must stay flat: the peak at 20,000
// projects about the peak at 2,000. The largest export runs once more with V8's old space capped
// at 64 MB: it can only finish if what it keeps does not grow with the file. The smaller file is
// validated (both stages) to show the synthetic projects export as valid IATI.
// Usage: npm run bench:iati [-- --projects 20000]
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { validateIatiActivities } from '../src/modules/iati/validate.ts';
import { loadReferenceData } from '../src/reference/load.ts';
import { seedReferenceData } from '../src/reference/seed.ts';
import { createTestDb, type TestDb } from '../test/support/databases.ts';
import { storeSyntheticProjects } from './synthetic-projects.ts';

const run = promisify(execFile);
const argument = (name: string) => process.argv[process.argv.indexOf(name) + 1];
const PROJECTS = process.argv.includes('--projects') ? Number(argument('--projects')) : 20_000;
const BASELINE = PROJECTS / 10;
const CAP_MB = 64;
const ACCORD = new URL('../bin/accord.js', import.meta.url).pathname;
const SAMPLER = new URL('./sample-memory.mjs', import.meta.url).href;
const PUBLISHER = ['--reporting-org-ref', 'XX-BENCH-1', '--reporting-org-type', '40', '--reporting-org-name', 'A synthetic publisher'];

interface Measure {
  label: string;
  projects: number | null;
  bytes: number | null;
  maxRssKb: number;
  maxHeapKb: number;
  heapSeries: number[];
  seconds: number;
}

async function scratchDatabase(projects: number): Promise<TestDb> {
  const db = await createTestDb('sqlite');
  await seedReferenceData(db.db, loadReferenceData());
  await storeSyntheticProjects(db.db, projects);
  return db;
}

/** Runs the CLI in a child process; its memory comes back on standard error as it exits. */
async function accord(label: string, projects: number | null, url: string, args: string[], out?: string, nodeArgs: string[] = []): Promise<Measure> {
  const started = performance.now();
  const { stderr } = await run(process.execPath, [...nodeArgs, '--import', SAMPLER, ACCORD, ...args], { env: { ...process.env, DATABASE_URL: url }, maxBuffer: 10_000_000 });
  const seconds = (performance.now() - started) / 1000;
  const maxRssKb = Number(/max-rss-kb=(\d+)/.exec(stderr)?.[1]);
  if (!maxRssKb) throw new Error(`no peak memory reported: ${stderr}`);
  const maxHeapKb = Number(/max-heap-used-kb=(\d+)/.exec(stderr)?.[1]);
  const heapSeries = (/heap-used-mb=([\d,]+)/.exec(stderr)?.[1] ?? '').split(',').map(Number);
  return { label, projects, bytes: out ? statSync(out).size : null, maxRssKb, maxHeapKb, heapSeries, seconds };
}

const mb = (kb: number) => (kb / 1024).toFixed(0);

/** The heap over the run in at most ten values (the largest of each tenth of the samples). */
function heapOverTime(series: number[]): string {
  const step = Math.max(1, Math.ceil(series.length / 10));
  const out: number[] = [];
  for (let i = 0; i < series.length; i += step) out.push(Math.max(...series.slice(i, i + step)));
  return out.join(' ');
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'accord-bench-iati-'));
  const results: Measure[] = [];
  try {
    for (const projects of [BASELINE, PROJECTS]) {
      const building = performance.now();
      const db = await scratchDatabase(projects);
      console.error(`${projects} synthetic projects stored in ${((performance.now() - building) / 1000).toFixed(0)} s`);
      try {
        if (results.length === 0) results.push(await accord('accord --help (floor)', null, db.url, ['--help']));
        const out = join(dir, `iati-${projects}.xml`);
        const args = ['iati', 'export', ...PUBLISHER, '--out', out];
        results.push(await accord('iati export', projects, db.url, args, out));
        if (projects === BASELINE) {
          const validating = performance.now();
          const validation = await validateIatiActivities(readFileSync(out));
          const errors = validation.problems.filter((p) => p.severity === 'error');
          console.error(
            `the ${projects}-project file: ${validation.activities} activities, ${errors.length} errors, ${validation.problems.length - errors.length} warnings (${((performance.now() - validating) / 1000).toFixed(1)} s)`,
          );
          for (const p of errors.slice(0, 5)) console.error(`  ${p.rule} ${p.path} ${p.message}`);
        }
        if (projects === PROJECTS) results.push(await accord(`the same, V8 old space capped at ${CAP_MB} MB`, projects, db.url, args, out, [`--max-old-space-size=${CAP_MB}`]));
        rmSync(out);
      } finally {
        await db.drop();
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(`Node ${process.version}; child process: peak RSS (process.resourceUsage().maxRSS), heap used sampled every 100 ms`);
  console.log('| command | projects | file MB | peak RSS MB | peak heap used MB | heap used over the run, MB | seconds |');
  console.log('|---|---|---|---|---|---|---|');
  for (const r of results) {
    console.log(
      `| ${r.label} | ${r.projects ?? ''} | ${r.bytes === null ? '' : (r.bytes / 1e6).toFixed(1)} | ${mb(r.maxRssKb)} | ${mb(r.maxHeapKb)} | ${heapOverTime(r.heapSeries)} | ${r.seconds.toFixed(1)} |`,
    );
  }
  const [floor, small, large] = results as [Measure, Measure, Measure];
  console.log(
    `${large.projects! / small.projects!}× the projects (${(large.bytes! / small.bytes!).toFixed(1)}× the bytes) → peak RSS ${(large.maxRssKb / small.maxRssKb).toFixed(2)}×, peak heap ${(large.maxHeapKb / small.maxHeapKb).toFixed(2)}×; above the --help floor ${mb(small.maxRssKb - floor.maxRssKb)} MB → ${mb(large.maxRssKb - floor.maxRssKb)} MB; time ${(large.seconds / small.seconds).toFixed(1)}×`,
  );
}

await main();
