// The programme's dashboard at scale (issue 14, "Performance"), on SQLite: a scratch database
// with the registry seeded and a SYNTHETIC programme (bench/synthetic-cooperation.ts: 100,000
// events with participation counts, 20,000 projects with countries and budget lines, 5,000
// requests) inserted in bulk; then GET /api/v1/cooperation/dashboard through the app in this
// process (app.request: routing, validation, the response cache, JSON) over a seeded mix of
// filters (none, a region, a year range, both), p50 and p95, for the public and for OHCHR;
// beside it, the aggregate SQL the answers are added up from (cube.ts: run once per version of
// the data and audience) timed alone, straight on the database in the same process.
// Every address is asked once (each names a host of its own, and the cache keys answers by
// address), so no answer comes from the response cache: each figure is a first asking. A last
// round asks the same addresses again, from the cache.
// Usage: npm run bench:cooperation [-- --events 100000 --projects 20000 --requests 5000 --asks 200]
import { publicView } from '../src/db/visibility.ts';
import { buildCube } from '../src/modules/cooperation-dashboard/cube.ts';
import { loadReferenceData } from '../src/reference/load.ts';
import { seedReferenceData } from '../src/reference/seed.ts';
import { buildApp } from '../src/server/app.ts';
import { makeAccount, signIn } from '../test/support/accounts.ts';
import { createTestDb } from '../test/support/databases.ts';
import { insertSyntheticProgramme, seeded } from './synthetic-cooperation.ts';

const argument = (name: string, fallback: number) => (process.argv.includes(name) ? Number(process.argv[process.argv.indexOf(name) + 1]) : fallback);
const SIZES = { events: argument('--events', 100_000), projects: argument('--projects', 20_000), requests: argument('--requests', 5_000) };
const ASKS = argument('--asks', 200);
const SQL_RUNS = argument('--sql-runs', 5);
const log = (message: string) => console.error(`[${new Date().toISOString().slice(11, 19)}] ${message}`);

interface Ask {
  region?: string;
  from?: string;
  to?: string;
}

/** A seeded mix of filters: a quarter each none, a region, a year range, both. */
function askMix(regions: string[], count: number): Ask[] {
  const random = seeded(14);
  const year = () => 1990 + Math.floor(random() * 36);
  return Array.from({ length: count }, (_, i) => {
    const [a, b] = [year(), year()].sort();
    const region = regions[Math.floor(random() * regions.length)];
    switch (i % 4) {
      case 0:
        return {};
      case 1:
        return { region };
      case 2:
        return { from: String(a), to: String(b) };
      default:
        return { region, from: String(a), to: String(b) };
    }
  });
}

// The response cache keys an answer by its whole address, host included: each ask names a host
// of its own, so each is a first asking; the last round asks the same addresses again.
function addressOf(ask: Ask, i: number): string {
  const query = new URLSearchParams(Object.entries(ask).filter((e): e is [string, string] => e[1] !== undefined));
  return `http://ask-${i + 1}.bench.invalid/api/v1/cooperation/dashboard?${query}`;
}

function percentile(times: number[], p: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

const row = (label: string, times: number[]) => `| ${label} | ${times.length} | ${percentile(times, 50).toFixed(1)} | ${percentile(times, 95).toFixed(1)} |`;

async function main(): Promise<void> {
  const db = await createTestDb('sqlite');
  try {
    await seedReferenceData(db.db, loadReferenceData());
    const states = (await db.db.selectFrom('state').select('iso3').orderBy('iso3').execute()).map((s) => s.iso3);
    const regions = (await db.db.selectFrom('region').select('code').orderBy('code').execute()).map((r) => r.code);
    const inserting = performance.now();
    await insertSyntheticProgramme(db.db, states, SIZES);
    log(`inserted ${SIZES.events} events, ${SIZES.projects} projects, ${SIZES.requests} requests in ${((performance.now() - inserting) / 1000).toFixed(1)} s`);

    const app = buildApp({ db: db.db, logError: (m) => console.error(m) });
    const admin = await makeAccount(db.db, 'bench-dashboard@example.org', ['admin']);
    const session = await signIn(app, admin);
    const asks = askMix(regions, ASKS);
    const http = async (path: string, headers: Record<string, string>) => {
      const response = await app.request(path, { headers });
      if (response.status !== 200) throw new Error(`${path}: ${response.status} ${await response.text()}`);
      await response.arrayBuffer();
    };
    const results: [string, number[]][] = [];
    const cubes: [string, number, number[]][] = [];
    for (const [who, headers, view] of [
      ['public', {}, publicView(db.db)],
      ['OHCHR', { Cookie: session.cookie }, db.db],
    ] as const) {
      // The first asking builds the audience's cube (the aggregate SQL), then every filter is added up from it.
      const first = await timed(() => http(addressOf({}, -1), headers));
      const api: number[] = [];
      for (const [i, ask] of asks.entries()) api.push(await timed(() => http(addressOf(ask, i), headers)));
      const cached: number[] = [];
      for (const [i, ask] of asks.entries()) cached.push(await timed(() => http(addressOf(ask, i), headers)));
      // The same aggregate SQL alone, straight on the database, as after each change of the data.
      const sql: number[] = [];
      for (let i = 0; i < SQL_RUNS; i++) sql.push(await timed(() => buildCube(view)));
      results.push([`API, ${who}, first asking of each address`, api], [`API, ${who}, same addresses from the response cache`, cached]);
      cubes.push([who, first, sql]);
      log(`${who}: first ${first.toFixed(0)} ms, API p95 ${percentile(api, 95).toFixed(1)} ms, SQL p50 ${percentile(sql, 50).toFixed(0)} ms`);
    }
    console.log(`| measured | asks | p50 ms | p95 ms |\n|---|---:|---:|---:|\n${results.map(([label, times]) => row(label, times)).join('\n')}`);
    console.log(`\n| audience | first asking (builds the cube) ms | aggregate SQL alone, p50 ms (${SQL_RUNS} runs) | p95 ms | ratio SQL p50 / API p50 |\n|---|---:|---:|---:|---:|`);
    for (const [i, [who, first, sql]] of cubes.entries())
      console.log(
        `| ${who} | ${first.toFixed(0)} | ${percentile(sql, 50).toFixed(0)} | ${percentile(sql, 95).toFixed(0)} | ${(percentile(sql, 50) / percentile(results[i * 2]![1], 50)).toFixed(0)} |`,
      );
  } finally {
    await db.drop();
  }
}

await main();
