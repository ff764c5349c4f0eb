// Recommendations at a million rows (issue 13), on SQLite and on PostgreSQL, each in a scratch
// database dropped after:
// 1. import: the synthetic corpus (bench/synthetic-recommendations.ts) stored by the importers
//    the CLI uses, in rows per second, beside the database's own bulk insert of the same rows
//    (INSERT … SELECT from the imported table into an empty copy with the same indexes and
//    full-text index): the engine's limit for storing them.
// 2. search through the HTTP API (`accord serve` in a child process), over a fixed query mix
//    (bench/recommendation-queries.ts), first page alone and with every facet's counts, one client
//    and 8 concurrent clients, p50 and p95; beside the same queries run directly on the database
//    in this process (the engine's own time), and a linear scan of the texts in memory.
// 3. a page 10,000 results deep, beside the first page.
// 4. the CSV export of all rows: time, and the server's peak memory (a server started for it).
// Every request carries a parameter the API ignores (`bench=<n>`), so that no answer comes
// from the server's cache of read responses: each figure is the cost of a first asking.
// Usage: npm run bench:recommendations [-- --rows 1000000 --dialect sqlite|postgres|both]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importRecommendationTemplate } from '../src/importers/recommendations-csv/import.ts';
import { importUprInfo } from '../src/importers/upr-info/import.ts';
import { today } from '../src/shared/dates.ts';
import { loadReferenceData } from '../src/reference/load.ts';
import { seedReferenceData } from '../src/reference/seed.ts';
import { createTestDb, type TestDb } from '../test/support/databases.ts';
import { bulkInsertSeconds, engineTimes, markSynthetic, scanTimes } from './recommendation-engine.ts';
import { deepPage, exportAll, searchLoad, startServer } from './recommendation-http.ts';
import { type DialectResults, report } from './recommendation-report.ts';
import { QUERY_MIX } from './recommendation-queries.ts';
import { sharedUprRows, writeSyntheticTemplate, writeSyntheticUpr } from './synthetic-recommendations.ts';

const argument = (name: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const ROWS = Number(argument('--rows') ?? 1_000_000);
const DIALECTS = (argument('--dialect') ?? 'both') === 'both' ? (['sqlite', 'postgres'] as const) : ([argument('--dialect')] as ('sqlite' | 'postgres')[]);
const UPR_SHARE = 0.6;
const log = (message: string) => console.error(`[${new Date().toISOString().slice(11, 19)}] ${message}`);

async function writeCorpus(dir: string, states: string[], mechanisms: string[]) {
  const rows = sharedUprRows();
  const upr = join(dir, 'synthetic-upr.csv');
  const template = join(dir, 'synthetic-template.csv');
  const uprRows = Math.round(ROWS * UPR_SHARE);
  await writeSyntheticUpr(upr, uprRows, rows);
  await writeSyntheticTemplate(template, ROWS - uprRows, rows, states, mechanisms, today());
  log(`corpus written: ${uprRows} UPR-shaped rows and ${ROWS - uprRows} template rows, recombined from ${rows.length} shared texts`);
  return { upr, template, uprRows };
}

async function importCorpus(db: TestDb, corpus: { upr: string; template: string }) {
  const started = performance.now();
  const progress = (done: number, total: number, file: string) => {
    if (done % 100_000 === 0 || done === total) log(`  ${file}: ${done}/${total}`);
  };
  const upr = await importUprInfo(db.db, corpus.upr, { onProgress: progress });
  const template = await importRecommendationTemplate(
    db.db,
    corpus.template,
    { title: 'SYNTHETIC benchmark corpus (recombined UPR Info texts; not data)', url: 'https://example.org/synthetic-benchmark-corpus', kind: 'tertiary' },
    { onProgress: progress },
  );
  const seconds = (performance.now() - started) / 1000;
  const stored = [...upr.files, ...template.files].reduce((n, f) => n + f.stored, 0);
  const rejected = [...upr.files, ...template.files].reduce((n, f) => n + f.rejected, 0);
  if (rejected > 0) throw new Error(`the synthetic corpus had ${rejected} rejected rows: ${JSON.stringify([...upr.problems, ...template.problems].slice(0, 3))}`);
  await markSynthetic(db.db);
  return { seconds, stored };
}

async function runDialect(dialect: 'sqlite' | 'postgres', dir: string): Promise<DialectResults> {
  log(`${dialect}: scratch database`);
  const db = await createTestDb(dialect);
  try {
    await seedReferenceData(db.db, loadReferenceData());
    const states = (await db.db.selectFrom('state').select('iso3').orderBy('iso3').execute()).map((s) => s.iso3);
    const mechanisms = (await db.db.selectFrom('mechanism').select('code').where('code', '!=', 'UPR').orderBy('code').execute()).map((m) => m.code);
    const corpus = await writeCorpus(dir, states, mechanisms);
    log(`${dialect}: importing`);
    const imported = await importCorpus(db, corpus);
    log(`${dialect}: ${imported.stored} rows imported in ${imported.seconds.toFixed(0)} s`);
    const bulkSeconds = await bulkInsertSeconds(db);
    log(`${dialect}: bulk insert of the same rows in ${bulkSeconds.toFixed(0)} s`);
    const totals = new Map<string, number>();
    const engine = await engineTimes(db.db, QUERY_MIX, totals);
    log(`${dialect}: engine times measured`);
    const scan = await scanTimes(db.db, QUERY_MIX);
    log(`${dialect}: linear scans measured`);
    const server = await startServer(db.url);
    let http: Pick<DialectResults, 'oneClient' | 'eightClients' | 'deep'>;
    try {
      await searchLoad(server.port, QUERY_MIX, 1, 1); // warm-up: the server's first answers build what it keeps
      const oneClient = await searchLoad(server.port, QUERY_MIX, 1);
      log(`${dialect}: 1 client measured`);
      const eightClients = await searchLoad(server.port, QUERY_MIX, 8);
      log(`${dialect}: 8 clients measured`);
      const deep = await deepPage(server.port, DEEP_QUERIES);
      http = { oneClient, eightClients, deep };
    } finally {
      await server.stop();
    }
    const exports = [];
    for (const format of ['csv', 'jsonl'] as const) {
      exports.push({ format, run: await exportAll(db.url, format) });
      log(`${dialect}: ${format} export measured`);
    }
    return { dialect, rows: ROWS, imported, bulkSeconds, totals, engine, scan, ...http, exports };
  } finally {
    await db.drop();
  }
}

const DEEP_QUERIES = QUERY_MIX.filter((q) => q.label === 'everything' || q.label === 'very common: rights');
const dir = mkdtempSync(join(tmpdir(), 'accord-bench-recs-'));
try {
  for (const dialect of DIALECTS) console.log(`${report(await runDialect(dialect, dir), QUERY_MIX)}\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
