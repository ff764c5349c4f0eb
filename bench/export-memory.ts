// Peak memory of `accord export treaty-actions --out <file>` against the size of the export:
// scratch SQLite databases (migrated and seeded as the tests do) hold synthetic treaty actions,
// stored through the repository layer in one dataset; the CLI runs in a child process that
// reports its peak resident set size (process.resourceUsage().maxRSS) as it exits. Baselines
// in the same run: `accord --help` (the floor: Node, tsx and the modules), the same export of
// 10,000 acts, and of a tenth of the acts (by then V8 has grown its heap to the size it keeps
// for a long export, so from there on growth would be the export's). With --postgres, the same
// on a scratch PostgreSQL database (TEST_DATABASE_URL, else postgres://postgres@127.0.0.1:5432/postgres).
// Usage: npm run bench:export [-- --acts 1000000 --format csv --postgres]
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { systemContext } from '../src/modules/audit/context.ts';
import { runUseCase } from '../src/modules/audit/pipeline.ts';
import { factsOf } from '../src/modules/datasets/facts.ts';
import { importDatasetsUseCase } from '../src/modules/datasets/write.ts';
import { TREATY_ACTIONS, type TreatyActionInput } from '../src/modules/treaty-status/facts.ts';
import { loadReferenceData } from '../src/reference/load.ts';
import { seedReferenceData } from '../src/reference/seed.ts';
import { createTestDb, type TestDb } from '../test/support/databases.ts';

const run = promisify(execFile);
const argument = (name: string) => process.argv[process.argv.indexOf(name) + 1];
const ACTS = process.argv.includes('--acts') ? Number(argument('--acts')) : 1_000_000;
const FORMAT = process.argv.includes('--format') ? argument('--format')! : 'csv';
const POSTGRES = process.argv.includes('--postgres');
const BASELINE_ACTS = 10_000;
const CAP_MB = 64;
const ACCORD = new URL('../bin/accord.js', import.meta.url).pathname;
const REPORT_RSS = new URL('./report-max-rss.mjs', import.meta.url).href;

const KINDS = ['signature', 'ratification', 'accession', 'declarations-and-reservations', 'denunciation', 'declaration-accept'];
const NOTES = [null, null, null, 'Declaration, with "quotes", on two lines:\nthe second line', 'تحفظ: "نص" بالعربية، وفاصلة'];

/** `count` acts spread over every State and instrument of the registry, one dataset's worth. */
function syntheticActs(count: number, states: { iso3: string; name: string }[], instruments: string[]): TreatyActionInput[] {
  return Array.from({ length: count }, (_, i) => {
    const state = states[i % states.length]!;
    const instrument = instruments[Math.floor(i / states.length) % instruments.length]!;
    const kind = KINDS[i % KINDS.length]!;
    const day = new Date(Date.UTC(1950, 0, 1) + ((i * 7919) % 27_000) * 86_400_000).toISOString().slice(0, 10);
    return {
      instrumentCode: instrument,
      participant: { kind: 'state', iso3: state.iso3 },
      participantName: state.name,
      kind,
      date: day,
      effective: null,
      text: kind === 'declarations-and-reservations' ? `Text of the declaration number ${i}, as deposited.` : null,
      note: NOTES[i % NOTES.length]!,
      file: 'synthetic.csv',
      row: i + 2,
      column: null,
    };
  });
}

/** A seeded database holding `acts` synthetic acts, made as the tests make theirs. */
async function scratchDatabase(dialect: 'sqlite' | 'postgres', acts: number): Promise<TestDb> {
  const db = await createTestDb(dialect);
  await seedReferenceData(db.db, loadReferenceData());
  const states = await db.db.selectFrom('state').select(['iso3', 'iso3 as name']).orderBy('iso3').execute();
  const instruments = (await db.db.selectFrom('instrument').select('code').orderBy('code').execute()).map((i) => i.code);
  await runUseCase(
    db.db,
    importDatasetsUseCase,
    {
      label: 'bench export',
      items: [
        {
          dataset: {
            id: 'csv:bench-export',
            kind: 'csv',
            label: 'Synthetic acts',
            contentHash: String(acts),
            accepted: acts,
            rejected: 0,
            asOf: null,
            source: { id: 'bench-export', title: 'Synthetic acts', url: 'https://example.org/synthetic', retrieved: '2026-01-01', kind: 'official', asOf: null, copyOf: null },
          },
          facts: [factsOf(TREATY_ACTIONS, syntheticActs(acts, states, instruments))],
        },
      ],
    },
    systemContext('bench'),
  );
  return db;
}

interface Measure {
  label: string;
  acts: number | null;
  bytes: number | null;
  maxRssKb: number;
  seconds: number;
}

/** Runs the CLI in a child process; its peak RSS comes back on standard error as it exits. */
async function accord(label: string, acts: number | null, url: string, args: string[], out?: string, nodeArgs: string[] = []): Promise<Measure> {
  const started = performance.now();
  const { stderr } = await run(process.execPath, [...nodeArgs, '--import', REPORT_RSS, ACCORD, ...args], { env: { ...process.env, DATABASE_URL: url }, maxBuffer: 1_000_000 });
  const seconds = (performance.now() - started) / 1000;
  const maxRssKb = Number(/max-rss-kb=(\d+)/.exec(stderr)?.[1]);
  if (!maxRssKb) throw new Error(`no peak memory reported: ${stderr}`);
  return { label, acts, bytes: out ? statSync(out).size : null, maxRssKb, seconds };
}

const mb = (kb: number) => (kb / 1024).toFixed(0);

async function measureDialect(dialect: 'sqlite' | 'postgres', dir: string): Promise<{ results: Measure[]; capped: Measure }> {
  const results: Measure[] = [];
  let capped: Measure | undefined;
  for (const acts of [BASELINE_ACTS, ACTS / 10, ACTS]) {
    const building = performance.now();
    const db = await scratchDatabase(dialect, acts);
    console.error(`${dialect}: ${acts} acts stored in ${((performance.now() - building) / 1000).toFixed(0)} s`);
    try {
      if (results.length === 0) results.push(await accord('accord --help (floor)', null, db.url, ['--help']));
      const out = join(dir, `actions-${acts}.${FORMAT}`);
      const args = ['export', 'treaty-actions', '--format', FORMAT, '--out', out];
      results.push(await accord(`export treaty-actions --format ${FORMAT}`, acts, db.url, args, out));
      // The proof that memory does not follow the export: the largest one also runs with V8's
      // old space capped far below its size (it would fail with "heap out of memory" otherwise).
      if (acts === ACTS) capped = await accord(`the same, V8 old space capped at ${CAP_MB} MB`, acts, db.url, args, out, [`--max-old-space-size=${CAP_MB}`]);
      rmSync(out);
    } finally {
      await db.drop();
    }
  }
  return { results, capped: capped! };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'accord-bench-export-'));
  try {
    const dialects = POSTGRES ? (['sqlite', 'postgres'] as const) : (['sqlite'] as const);
    console.log(`Node ${process.version}; peak RSS of the child process (process.resourceUsage().maxRSS)`);
    console.log('| database | command | acts | export MB | peak RSS MB | seconds |');
    console.log('|---|---|---|---|---|---|');
    for (const dialect of dialects) {
      const { results, capped } = await measureDialect(dialect, dir);
      for (const r of [...results, capped]) {
        console.log(`| ${dialect} | ${r.label} | ${r.acts ?? ''} | ${r.bytes === null ? '' : (r.bytes / 1e6).toFixed(1)} | ${mb(r.maxRssKb)} | ${r.seconds.toFixed(1)} |`);
      }
      const [floor, ...exports] = results as [Measure, ...Measure[]];
      const large = exports.at(-1)!;
      for (const small of exports.slice(0, -1)) {
        console.log(
          `${dialect}: ${large.acts! / small.acts!}× the acts (${(large.bytes! / small.bytes!).toFixed(0)}× the bytes) → peak RSS ${(large.maxRssKb / small.maxRssKb).toFixed(2)}×; above the --help floor ${mb(small.maxRssKb - floor.maxRssKb)} MB → ${mb(large.maxRssKb - floor.maxRssKb)} MB`,
        );
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
