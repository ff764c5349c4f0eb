// Instance to instance sync of 100,000 records (issue 15, item 6): `npm run bench:sync`
// (node --expose-gc --import tsx bench/sync.ts [--records 100000] [--page-sizes 500,1000] [--postgres]).
// SQLite by default; with --postgres (or ACCORD_BENCH_DIALECT=postgres) both instances are fresh
// databases on the server of TEST_DATABASE_URL, else postgres://postgres@127.0.0.1:5432/postgres,
// dropped after.
//
// 1. The origin: a fresh seeded database whose change feed holds N membership events (a kind the
//    disagreement check compares). One per shipped membership event is written through the use
//    case (memberships.create: the write path); the others are inserted in bulk in exactly the
//    shape those entries have (checked field by field against them): audit record, feed entry,
//    facets, the record's current level. 90% public, 7% internal, 3% restricted; 1% of those whose
//    shipped event is dated carry another date (1899-01-01), so the check has disagreements to find.
//    An administrator's API token is made on it, and `accord serve` serves it in a child process
//    on loopback: two processes, as two instances are, each with its own event loop.
// 2. Baseline, in this process, before and after each sync: every page of the origin's feed
//    pulled over HTTP, parsed and checked by the sync's own reader (pullPage), nothing applied.
// 3. The sync: a fresh seeded receiving database syncs all N (syncPeer) → records per second while
//    pages are applied, the ratio to the baseline, the rate over the first and the last tenth of
//    the pages, CPU of both processes, this one's RSS and the longest it held its event loop (a
//    server runs a sync beside its requests); the disagreement check that ends the run is timed
//    apart (from the last page applied to the end of the run), and once more on its own.
// 4. Resumed: a fresh receiver syncs half the pages (maxPages), then syncs again through a
//    loopback proxy that records what it is asked. Checks (the bench fails if one does not hold):
//    the second run asks from the cursor the first stopped at, receives exactly the remaining
//    entries, applies exactly the remaining records and re-writes none of the first run's; the
//    receiver then holds N records, once each, the same as the origin's.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, globalAgent, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { join } from 'node:path';
import { type Insertable, sql } from 'kysely';
import type { AuditRecordTable, ChangeEntryTable, ChangeFacetTable, ChangeSubjectTable } from '../src/db/schema.ts';
import { createTokenUseCase } from '../src/modules/accounts/tokens.ts';
import { systemContext } from '../src/modules/audit/context.ts';
import { runUseCase } from '../src/modules/audit/pipeline.ts';
import { createMembershipEvent } from '../src/modules/organizations/membership-write.ts';
import { recheckDisagreements } from '../src/modules/sync/disagreements.ts';
import { pullPage } from '../src/modules/sync/pull.ts';
import type { RunRow } from '../src/modules/sync/repository.ts';
import { syncPeer } from '../src/modules/sync/run.ts';
import { addPeer } from '../src/modules/sync/write.ts';
import { ALLOW_LOOPBACK_ENV } from '../src/modules/webhooks/targets.ts';
import { loadReferenceData } from '../src/reference/load.ts';
import { seedReferenceData } from '../src/reference/seed.ts';
import { makeAccount } from '../test/support/accounts.ts';
import { createTestDb, type TestDb } from '../test/support/databases.ts';

const argument = (name: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const RECORDS = Number(argument('--records') ?? 100_000);
const PAGE_SIZES = (argument('--page-sizes') ?? '500,1000').split(',').map(Number);
const DIALECT = process.argv.includes('--postgres') || process.env.ACCORD_BENCH_DIALECT === 'postgres' ? 'postgres' : 'sqlite';
const ROOT = new URL('..', import.meta.url).pathname;
const SOURCE = 'pkg-i18n-iso-countries';
const SHIFTED_DATE = '1899-01-01';
const context = systemContext('bench', 'sync benchmark');

/** mulberry32: the same numbers on every run. */
function generator(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class CheckFailed extends Error {}
const checks: string[] = [];
function check(ok: boolean, what: string): void {
  if (!ok) throw new CheckFailed(`CHECK FAILED: ${what}`);
  checks.push(what);
  console.log(`  ok: ${what}`);
}

// ---- the origin ----

interface Shipped {
  organization_id: string;
  iso3: string;
  event: string;
  date: string | null;
}

/** One membership event's feed entry as the write path writes it (payload keys in its order). */
function entryOf(e: Shipped, seq: number, level: string) {
  const recordId = `${e.organization_id}/${e.iso3}/${seq}`;
  return {
    recordId,
    summary: `${e.iso3} ${e.event} ${e.organization_id}${e.date ? ` on ${e.date}` : ' (undated)'} (source ${SOURCE})`,
    payload: JSON.stringify({ organization_id: e.organization_id, iso3: e.iso3, seq, event: e.event, date: e.date, sources: [SOURCE], note: null, confidentiality: level, origin: 'user' }),
    after: JSON.stringify({ event: e.event, date: e.date, note: null, confidentiality: level, source: SOURCE }),
    audience: level === 'restricted' ? JSON.stringify([`organization:${e.organization_id}`]) : '[]',
  };
}

async function insertChunks<T>(rows: T[], size: number, insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

interface Origin {
  db: TestDb;
  token: string;
  /** Records whose date differs from the shipped event's: the disagreements the check must find. */
  shifted: number;
  throughUseCase: { count: number; ms: number };
  bulkSeconds: number;
}

async function buildOrigin(): Promise<Origin> {
  const db = await createTestDb(DIALECT);
  await seedReferenceData(db.db, loadReferenceData());
  const admin = await makeAccount(db.db, 'sync-admin@bench.example', ['admin']);
  const { token } = await runUseCase(db.db, createTokenUseCase, { actor: 'system', userId: admin.id, name: 'sync bench', days: 2 }, systemContext('bench'));
  const shipped: Shipped[] = await db.db.selectFrom('membership_event').select(['organization_id', 'iso3', 'event', 'date']).orderBy('organization_id').orderBy('iso3').orderBy('seq').execute();

  // Through the write path: one per shipped event (its State, organization, event and date).
  const started = performance.now();
  const made: { key: { organizationId: string; iso3: string; seq: number }; shipped: Shipped }[] = [];
  for (const e of shipped.slice(0, Math.min(shipped.length, RECORDS))) {
    const key = await createMembershipEvent(db.db, { organizationId: e.organization_id, iso3: e.iso3, event: e.event as 'joined', date: e.date, source: SOURCE }, context);
    made.push({ key, shipped: e });
  }
  const throughUseCase = { count: made.length, ms: performance.now() - started };
  const written = await db.db.selectFrom('change_entry').selectAll().orderBy('audit_id').execute();
  if (written.length !== made.length) throw new CheckFailed(`${made.length} writes made ${written.length} feed entries`);
  const facetsOfPair = new Map<string, string>();
  // The bulk rows' shape is the write path's: checked against what it wrote.
  for (const [i, row] of written.entries()) {
    const { key, shipped: e } = made[i]!;
    const expected = entryOf(e, key.seq, 'public');
    for (const [field, value] of [
      ['record_id', expected.recordId],
      ['summary', expected.summary],
      ['payload', expected.payload],
    ] as const) {
      if (row[field] !== value) throw new CheckFailed(`the bulk ${field} differs from the write path's: ${value} against ${row[field]}`);
    }
    facetsOfPair.set(`${e.organization_id}/${e.iso3}`, row.facets);
  }

  // In bulk, in the same shape: the rest.
  const bulkStarted = performance.now();
  const random = generator(20261207);
  const firstId =
    Number(
      (
        await db.db
          .selectFrom('audit_record')
          .select((eb) => eb.fn.max('id').as('id'))
          .executeTakeFirstOrThrow()
      ).id,
    ) + 1;
  const start = Date.now();
  let shifted = 0;
  // Made and written 10,000 at a time, so that this process does not hold them all.
  for (let from = made.length; from < RECORDS; from += 10_000) {
    const audits: Insertable<AuditRecordTable>[] = [];
    const entries: Insertable<ChangeEntryTable>[] = [];
    const facets: Insertable<ChangeFacetTable>[] = [];
    const subjects: Insertable<ChangeSubjectTable>[] = [];
    for (let i = from; i < Math.min(RECORDS, from + 10_000); i++) {
      const id = firstId + i - made.length;
      const base = shipped[i % shipped.length]!;
      const r = random();
      const level = r < 0.9 ? 'public' : r < 0.97 ? 'internal' : 'restricted';
      const moved = base.date !== null && random() < 0.01;
      if (moved) shifted += 1;
      const e = { ...base, date: moved ? SHIFTED_DATE : base.date };
      const entry = entryOf(e, 2000 + i, level);
      const at = new Date(start + i).toISOString();
      const facetText = facetsOfPair.get(`${e.organization_id}/${e.iso3}`)!;
      audits.push({
        id,
        at,
        actor: 'system:bench',
        os_user: null,
        request_id: `bench-${id}`,
        reason: 'sync benchmark',
        use_case: 'memberships.create',
        action: 'create',
        entity_kind: 'membership-event',
        entity_id: entry.recordId,
        before: null,
        after: entry.after,
        summary: entry.summary,
      });
      entries.push({
        audit_id: id,
        at,
        record_kind: 'membership-event',
        record_id: entry.recordId,
        subject: `membership-event:${entry.recordId}`,
        action: 'created',
        summary: entry.summary,
        facets: facetText,
        payload: entry.payload,
        confidentiality: level,
        audience: entry.audience,
      });
      for (const [facet, values] of Object.entries(JSON.parse(facetText) as Record<string, string[]>)) for (const value of values) facets.push({ facet, value, audit_id: id });
      subjects.push({ subject: `membership-event:${entry.recordId}`, confidentiality: level, audience: entry.audience, facets: facetText });
    }
    await db.db.transaction().execute(async (trx) => {
      await insertChunks(audits, 400, (chunk) => trx.insertInto('audit_record').values(chunk).execute());
      await insertChunks(entries, 400, (chunk) => trx.insertInto('change_entry').values(chunk).execute());
      await insertChunks(facets, 2000, (chunk) => trx.insertInto('change_facet').values(chunk).execute());
      await insertChunks(subjects, 1000, (chunk) => trx.insertInto('change_subject').values(chunk).execute());
    });
  }
  // The ids were given: PostgreSQL's sequence must follow them for the origin's later writes.
  if (DIALECT === 'postgres') await sql`select setval(pg_get_serial_sequence('audit_record', 'id'), (select max(id) from audit_record))`.execute(db.db);
  // A database that grew to this size over time would have its statistics: gathered once.
  await sql`analyze`.execute(db.db);
  return { db, token, shifted, throughUseCase, bulkSeconds: (performance.now() - bulkStarted) / 1000 };
}

/** `accord serve` on the origin's database; resolves with its address once it listens and its start-up work is done. */
async function serveOrigin(url: string): Promise<{ child: ChildProcess; baseUrl: string }> {
  const child = spawn(process.execPath, [join(ROOT, 'bin/accord.js'), 'serve', '--no-snapshot', '--port', '0'], {
    env: { ...process.env, DATABASE_URL: url },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const baseUrl = await new Promise<string>((resolve, reject) => {
    let address = '';
    const timer = setTimeout(() => reject(new Error(`accord serve did not get ready: ${output}`)), 120_000);
    const read = (d: Buffer) => {
      output += d;
      address ||= /listening on (http:\/\/[\d.]+:\d+)/.exec(output)?.[1] ?? '';
      if (address && /facet index of recommendations ready/.test(output)) {
        clearTimeout(timer);
        resolve(address);
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code) => reject(new Error(`accord serve exited ${code}: ${output}`)));
  });
  return { child, baseUrl };
}

// ---- measures ----

/** CPU seconds of a process by its id (user + system), from /proc. */
function cpuOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}
const ownCpu = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};
/** Peak resident set of a process, MB (VmHWM). */
const peakRssOf = (pid: number) => Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

interface Pass {
  entries: number;
  pages: number;
  seconds: number;
  cpu: number;
  originCpu: number;
}

/**
 * Connections kept alive by an earlier step are closed first: the origin closes one idle for 5 s,
 * and when this process's event loop was held meanwhile (the disagreement check held it for
 * seconds on SQLite before it read in batches) it sends on it before seeing it closed, and the
 * step's first request fails ("socket hang up").
 */
const freshConnections = () => globalAgent.destroy();

/** Every page of the feed over HTTP, read and checked as the sync reads it; nothing applied. */
async function pullAll(baseUrl: string, token: string, pageSize: number, originPid: number): Promise<Pass> {
  freshConnections();
  const [cpu, originCpu, started] = [ownCpu(), cpuOf(originPid), performance.now()];
  let since = 0;
  let entries = 0;
  let pages = 0;
  for (;;) {
    const t = performance.now();
    const page = await pullPage({ baseUrl, token }, since, pageSize, 60_000).catch((error: Error) => {
      throw new Error(`page since=${since} limit=${pageSize} after ${Math.round(performance.now() - t)} ms: ${error.message}`);
    });
    entries += page.entries.length;
    pages += 1;
    since = page.next;
    if (!page.more || page.entries.length === 0) break;
  }
  return { entries, pages, seconds: (performance.now() - started) / 1000, cpu: ownCpu() - cpu, originCpu: cpuOf(originPid) - originCpu };
}

async function receiver(): Promise<TestDb> {
  const db = await createTestDb(DIALECT);
  await seedReferenceData(db.db, loadReferenceData());
  return db;
}

interface Synced extends Pass {
  run: RunRow;
  applied: number;
  /** Records per second over the first and the last tenth of the pages: a cost that grows with what is held shows here. */
  firstTenth: number;
  lastTenth: number;
  /** From the last page applied to the end of the run: the disagreement check and the run's last update. */
  recheckSeconds: number;
  rssBefore: number;
  rssPeak: number;
  /** The longest this process's event loop was held during the run, ms: what a server running the sync beside its requests would make them wait. */
  loopHeldMs: number;
}

async function syncAll(db: TestDb, baseUrl: string, token: string, pageSize: number, originPid: number, maxPages?: number): Promise<Synced> {
  const peer = await addPeer(db.db, { name: 'Origin', baseUrl, token, pageSize }, context);
  freshConnections();
  (globalThis as { gc?: () => void }).gc?.(); // what earlier steps left is not counted (npm run bench:sync passes --expose-gc)
  const rssBefore = process.memoryUsage().rss / 1024 / 1024;
  let rssPeak = rssBefore;
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const [cpu, originCpu, started] = [ownCpu(), cpuOf(originPid), performance.now()];
  let lastPage = started;
  const pages: { at: number; applied: number }[] = [];
  const run = await syncPeer(db.db, peer.id, context, {
    maxPages,
    onPage: (row) => {
      lastPage = performance.now();
      pages.push({ at: lastPage, applied: row.applied });
      rssPeak = Math.max(rssPeak, process.memoryUsage().rss / 1024 / 1024);
    },
  });
  const ended = performance.now();
  // A turn of the event loop first: a hold that lasted to the end of the run is measured only
  // when the monitor's timer next runs.
  await new Promise((resolve) => setTimeout(resolve, 50));
  loop.disable();
  if (run.status !== 'done') throw new CheckFailed(`the sync ended ${run.status}: ${run.error}`);
  if (run.log !== '[]') throw new CheckFailed(`the sync had to ask again (its time includes the back-off): ${run.log}`);
  const tenth = Math.max(1, Math.floor(pages.length / 10));
  const rateBetween = (from: number, to: number) => {
    const [a, b] = [from === 0 ? { at: started, applied: 0 } : pages[from - 1]!, pages[to - 1]!];
    return ((b.applied - a.applied) / (b.at - a.at)) * 1000;
  };
  return {
    firstTenth: rateBetween(0, tenth),
    lastTenth: rateBetween(pages.length - tenth, pages.length),
    run,
    entries: run.received,
    applied: run.applied,
    pages: run.pages,
    seconds: (lastPage - started) / 1000,
    recheckSeconds: (ended - lastPage) / 1000,
    cpu: ownCpu() - cpu,
    originCpu: cpuOf(originPid) - originCpu,
    rssBefore,
    rssPeak,
    loopHeldMs: loop.max / 1e6,
  };
}

/** A loopback proxy to the origin that keeps the address of every request. */
async function recordingProxy(target: string): Promise<{ server: Server; url: string; asked: string[] }> {
  const asked: string[] = [];
  const server = createServer((req, res) => {
    asked.push(req.url ?? '');
    const upstream = request(`${target}${req.url}`, { method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    req.pipe(upstream);
  });
  const url = await new Promise<string>((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
  return { server, url, asked };
}

const countRecords = async (db: TestDb) =>
  Number(
    (
      await db.db
        .selectFrom('synced_record')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

async function resumed(baseUrl: string, token: string, originPid: number, originIds: string[]): Promise<void> {
  const pageSize = PAGE_SIZES[0]!;
  const half = Math.ceil(Math.ceil(RECORDS / pageSize) / 2);
  const db = await receiver();
  const proxy = await recordingProxy(baseUrl);
  try {
    const first = await syncAll(db, proxy.url, token, pageSize, originPid, half);
    const stoppedAt = String(first.run.to_cursor);
    const askedBefore = proxy.asked.length;
    const peerId = first.run.peer_id;
    freshConnections();
    const second = await syncPeer(db.db, peerId, context);
    const secondStarted = second.started_at;
    console.log(`\nResumed sync, pages of ${pageSize}: first run ${first.run.pages} pages (maxPages ${half}), to cursor ${stoppedAt}; second run ${second.pages} pages`);
    check(
      first.run.pages === half && first.run.received === half * pageSize && first.run.applied === first.run.received,
      `the first run stopped after ${half} pages: ${first.run.received} entries received, ${first.run.applied} records applied`,
    );
    check(second.status === 'done', 'the second run ended done');
    check(String(second.from_cursor) === stoppedAt, `the second run started from the cursor the first stopped at (${stoppedAt})`);
    const firstAsk = new URL(proxy.asked[askedBefore] ?? '/', 'http://x').searchParams.get('since');
    check(firstAsk === stoppedAt, `the second run's first request asked since=${firstAsk}`);
    check(second.received === RECORDS - first.run.received, `the second run received exactly the remaining entries: ${second.received} = ${RECORDS} - ${first.run.received}`);
    check(
      second.applied === RECORDS - first.run.applied && second.skipped === 0,
      `the second run applied exactly the remaining records: ${second.applied} = ${RECORDS} - ${first.run.applied}, skipped ${second.skipped}`,
    );
    const rewritten = Number(
      (
        await db.db
          .selectFrom('synced_record')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('peer_id', '=', peerId)
          .where('received_at', '>=', secondStarted)
          .where('origin_change_id', '<=', Number(stoppedAt))
          .executeTakeFirstOrThrow()
      ).n,
    );
    check(rewritten === 0, `re-sent 0: no record the first run applied (change ≤ ${stoppedAt}) was written again by the second`);
    const held = await db.db.selectFrom('synced_record').select('record_id').where('peer_id', '=', peerId).orderBy('record_id').execute();
    check(held.length === RECORDS && (await countRecords(db)) === RECORDS, `the receiver holds ${held.length} records (expected ${RECORDS})`);
    check(new Set(held.map((r) => r.record_id)).size === RECORDS, 'no record twice');
    check(
      held.every((r, i) => r.record_id === originIds[i]),
      "the records held are the origin's, one for one",
    );
  } finally {
    proxy.server.close();
    await db.drop();
  }
}

// ---- the run ----

async function main(): Promise<void> {
  // `accord serve` runs the compiled JavaScript only when dist/ matches the sources.
  const build = spawnSync(process.execPath, [join(ROOT, 'scripts/build.js'), '--if-stale'], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error('npm run build failed');
  process.env[ALLOW_LOOPBACK_ENV] = '1'; // the origin is on loopback, as in the tests
  console.log(
    `# ${new Date().toISOString()}, Node ${process.version}, ${DIALECT}, ${RECORDS} records, load average ${(await import('node:os'))
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );

  const origin = await buildOrigin();
  const served = await serveOrigin(origin.db.url).catch(async (error) => {
    await origin.db.drop();
    throw error;
  });
  const pid = served.child.pid!;
  try {
    const { count, ms } = origin.throughUseCase;
    console.log(
      `origin: ${count} membership events written through memberships.create in ${(ms / 1000).toFixed(1)} s (${Math.round((count / ms) * 1000)}/s); ${RECORDS - count} more in bulk in the same shape in ${origin.bulkSeconds.toFixed(1)} s; ${origin.shifted} with another date`,
    );
    console.log(`origin served by accord serve (pid ${pid}) at ${served.baseUrl}`);
    const originIds = (await origin.db.db.selectFrom('change_entry').select('record_id').orderBy('record_id').execute()).map((r) => r.record_id!);
    if (originIds.length !== RECORDS) throw new CheckFailed(`the origin's feed holds ${originIds.length} entries`);
    await pullAll(served.baseUrl, origin.token, 1000, pid); // warm-up: the origin's caches and JIT

    const rows: string[] = [];
    let recheck: { ms: number; found: number; compared: number } | null = null;
    for (const pageSize of PAGE_SIZES) {
      const before = await pullAll(served.baseUrl, origin.token, pageSize, pid);
      const db = await receiver();
      try {
        const synced = await syncAll(db, served.baseUrl, origin.token, pageSize, pid);
        const after = await pullAll(served.baseUrl, origin.token, pageSize, pid);
        if (before.entries !== RECORDS || after.entries !== RECORDS) throw new CheckFailed(`the baseline read ${before.entries} and ${after.entries} entries`);
        check(synced.applied === RECORDS && (await countRecords(db)) === RECORDS, `pages of ${pageSize}: the sync applied ${synced.applied} records and the receiver holds ${RECORDS}`);
        const found = Number(
          (
            await db.db
              .selectFrom('sync_disagreement')
              .select((eb) => eb.fn.countAll().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
        check(found === origin.shifted, `pages of ${pageSize}: the check at the end of the run found the ${origin.shifted} disagreements put in (${found})`);
        if (!recheck) {
          const started = performance.now();
          const again = await recheckDisagreements(db.db, synced.run.peer_id);
          recheck = { ms: performance.now() - started, found: again, compared: RECORDS };
        }
        const baseline = (before.entries + after.entries) / (before.seconds + after.seconds);
        const rate = synced.applied / synced.seconds;
        rows.push(
          `| ${pageSize} | ${Math.round(before.entries / before.seconds)} / ${Math.round(after.entries / after.seconds)} | ${Math.round(rate)} | ${(rate / baseline).toFixed(2)} | ${Math.round(synced.firstTenth)} / ${Math.round(synced.lastTenth)} | ${synced.pages} | ${synced.seconds.toFixed(1)} | ${synced.recheckSeconds.toFixed(1)} | ${((before.cpu + after.cpu) / 2).toFixed(1)} / ${synced.cpu.toFixed(1)} | ${((before.originCpu + after.originCpu) / 2).toFixed(1)} / ${synced.originCpu.toFixed(1)} | ${Math.round(synced.rssBefore)} → ${Math.round(synced.rssPeak)} | ${Math.round(synced.loopHeldMs)} |`,
        );
      } finally {
        await db.drop();
      }
    }
    console.log(
      '\n| page size | baseline before / after: pull + parse + check, changes/s | sync: records applied/s | ratio to the baseline (mean) | records/s over the first / last tenth of the pages | pages | pages applied in s | check at the end, s | this process CPU s, baseline / sync | origin CPU s, baseline / sync | this process RSS MB, before → peak | event loop held at most, ms |',
    );
    console.log('|---|---|---|---|---|---|---|---|---|---|---|---|');
    for (const row of rows) console.log(row);
    if (recheck)
      console.log(
        `\nrecheckDisagreements alone over the ${recheck.compared} membership events: ${(recheck.ms / 1000).toFixed(1)} s (${Math.round((recheck.compared / recheck.ms) * 1000)} records/s), ${recheck.found} disagreements`,
      );

    await resumed(served.baseUrl, origin.token, pid, originIds);
    console.log(`\norigin server peak RSS ${Math.round(peakRssOf(pid))} MB; this process peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB; ${checks.length} checks held`);
  } finally {
    served.child.kill('SIGTERM');
    await new Promise((resolve) => served.child.once('exit', resolve));
    await origin.db.drop();
  }
}

try {
  await main();
} catch (error) {
  console.error(error instanceof CheckFailed ? `\n${error.message}` : error);
  process.exitCode = 1;
}
