// Peak memory of GET /api/v1/recommendations/export/xlsx (and csv, for comparison) against the
// number of rows: scratch SQLite databases (migrated and seeded as the tests do) hold synthetic
// recommendations, stored through the import use case in one dataset; a child process
// (recommendation-export-child.ts) asks the app for the export and writes it to a file, and
// reports its peak resident set size as it exits. The largest export runs once more with V8's
// old space capped at 64 MB: it can only finish if what it keeps does not grow with the export.
// Usage: node --import tsx bench/recommendation-export-memory.ts [--rows 1000000]
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { systemContext } from '../src/modules/audit/context.ts';
import { runUseCase } from '../src/modules/audit/pipeline.ts';
import type { RecommendationInput } from '../src/modules/recommendations/repository.ts';
import { searchTextOf } from '../src/modules/recommendations/search-text.ts';
import { importRecommendationsUseCase } from '../src/modules/recommendations/write.ts';
import { loadReferenceData } from '../src/reference/load.ts';
import { seedReferenceData } from '../src/reference/seed.ts';
import { createTestDb, type TestDb } from '../test/support/databases.ts';

const run = promisify(execFile);
const ROWS = process.argv.includes('--rows') ? Number(process.argv[process.argv.indexOf('--rows') + 1]) : 1_000_000;
const CAP_MB = 64;
const CHILD = new URL('./recommendation-export-child.ts', import.meta.url).pathname;
const REPORT_RSS = new URL('./report-max-rss.mjs', import.meta.url).href;
const WORDS = ['ratify', 'torture', 'women', 'children', 'ensure', 'national', 'institution', 'independent', 'protect', 'journalists', 'detention', 'education'];
const RESPONSES = ['supported', 'noted', null];

/** `count` rows written for the benchmark, a batch of 1,000 at a time; texts of 150 to 600 characters, some with markup and quotes. */
async function* synthetic(count: number, states: string[]): AsyncGenerator<RecommendationInput[]> {
  for (let start = 0; start < count; start += 1000) {
    yield Array.from({ length: Math.min(1000, count - start) }, (_, k) => {
      const i = start + k;
      const words = Array.from({ length: 25 + (i % 75) }, (_, w) => WORDS[(i * 7 + w * 13) % WORDS.length]);
      const text = `Recommendation ${i}: ${words.join(' ')} — "quoted" <and> & marked.`;
      const session = 1 + (i % 40);
      return {
        row: {
          id: `bench-${i}`,
          dataset_id: 'bench:recommendations',
          source_row: i + 2,
          kind: 'recommendation',
          mechanism: 'UPR',
          state_iso3: states[i % states.length]!,
          state_group: 'Africa',
          state_orgs: '[]',
          recommender_iso3: states[(i * 31) % states.length]!,
          recommender_name: 'Recommender',
          recommender_group: 'WEOG',
          recommender_orgs: '[]',
          cycle: 1 + Math.floor(session / 13),
          session,
          date: `${2008 + Math.floor(session / 3)}`,
          sort_date: `${2008 + Math.floor(session / 3)}`,
          document_symbol: null,
          text,
          text_lang: 'en',
          response: RESPONSES[i % 3]!,
          response_source: RESPONSES[i % 3]!,
          action_category: 1 + (i % 5),
          themes_source: '["Bench"]',
          group_key: `bench-${i}`,
          source_id: 'bench:recommendations',
          search_text: searchTextOf(text),
        },
        tags: [{ kind: 'theme', value: 'Bench' }],
      };
    });
  }
}

async function scratchDatabase(rows: number): Promise<TestDb> {
  const db = await createTestDb('sqlite');
  await seedReferenceData(db.db, loadReferenceData());
  const states = (await db.db.selectFrom('state').select('iso3').orderBy('iso3').execute()).map((s) => s.iso3);
  await runUseCase(
    db.db,
    importRecommendationsUseCase,
    {
      dataset: {
        id: 'bench:recommendations',
        kind: 'bench',
        label: 'Synthetic recommendations',
        contentHash: String(rows),
        source: { id: 'bench:recommendations', title: 'Synthetic recommendations', url: 'https://example.org/synthetic', kind: 'tertiary', retrieved: '', asOf: null, copyOf: null },
        asOf: null,
        rejected: 0,
      },
      batches: synthetic(rows, states),
    },
    systemContext('bench'),
  );
  return db;
}

interface Measure {
  label: string;
  rows: number;
  bytes: number;
  maxRssKb: number;
  seconds: number;
}

async function exportOnce(label: string, rows: number, url: string, format: string, out: string, nodeArgs: string[] = []): Promise<Measure> {
  const started = performance.now();
  const { stderr } = await run(process.execPath, [...nodeArgs, '--import', 'tsx', '--import', REPORT_RSS, CHILD, format, out], { env: { ...process.env, DATABASE_URL: url }, maxBuffer: 1_000_000 });
  const maxRssKb = Number(/max-rss-kb=(\d+)/.exec(stderr)?.[1]);
  if (!maxRssKb) throw new Error(`no peak memory reported: ${stderr}`);
  return { label, rows, bytes: statSync(out).size, maxRssKb, seconds: (performance.now() - started) / 1000 };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'accord-bench-rec-export-'));
  const results: Measure[] = [];
  try {
    for (const rows of [10_000, ROWS / 10, ROWS]) {
      const building = performance.now();
      const db = await scratchDatabase(rows);
      console.error(`${rows} rows stored in ${((performance.now() - building) / 1000).toFixed(0)} s`);
      try {
        for (const format of ['csv', 'xlsx']) {
          const out = join(dir, `export.${format}`);
          results.push(await exportOnce(`export/${format}`, rows, db.url, format, out));
          if (rows === ROWS && format === 'xlsx') results.push(await exportOnce(`export/xlsx, V8 old space capped at ${CAP_MB} MB`, rows, db.url, format, out, [`--max-old-space-size=${CAP_MB}`]));
          rmSync(out);
        }
      } finally {
        await db.drop();
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(`Node ${process.version}; SQLite; peak RSS of the child process (process.resourceUsage().maxRSS)`);
  console.log('| request | rows | file MB | peak RSS MB | seconds |');
  console.log('|---|---|---|---|---|');
  for (const r of results) console.log(`| ${r.label} | ${r.rows} | ${(r.bytes / 1e6).toFixed(1)} | ${(r.maxRssKb / 1024).toFixed(0)} | ${r.seconds.toFixed(1)} |`);
}

await main();
