// The change feed at a million changes (issue 15, Performance): `npm run bench:changes`
// (node --import tsx bench/changes-feed.ts [--rows 1000000] [--samples 300]).
// A fresh SQLite file gets N synthetic audit records and their feed entries (deterministic: a
// seeded generator; 90% public, 7% internal, 3% restricted; 200,000 records changed several
// times; 1 to 3 facets each), written in bulk. Then, from random cursors, a page of 100 is read
// anonymously (public then and now) with and without filters, three ways in the same run: the
// raw SQL through better-sqlite3, the service the route calls (Kysely through the public view,
// entries parsed), and GET /api/v1/changes through the app in process. Prints p50/p95 per way.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { openDb } from '../src/db/connection.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { publicView } from '../src/db/visibility.ts';
import { changePage } from '../src/modules/changes/service.ts';
import { buildApp } from '../src/server/app.ts';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const ROWS = arg('rows', 1_000_000);
const SAMPLES = arg('samples', 300);
const SUBJECTS = Math.max(1, Math.floor(ROWS / 5));

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

const KINDS = ['event', 'project', 'membership-event', 'treaty-action', 'organization', 'instrument', 'assistance-request', 'dataset'];
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const STATES = Array.from({ length: 193 }, (_, i) => `${LETTERS[i % 26]}${LETTERS[Math.floor(i / 26) % 26]}X`);
const REGIONS = ['002', '019', '142', '150', '009'];
const ORGS = ['au', 'coe', 'oas', 'asean', 'las', 'osce', 'eu', 'oic'];
const INSTRUMENTS = ['ICCPR', 'ICESCR', 'CAT', 'CEDAW', 'CRC', 'CRPD', 'ACHPR', 'ECHR', 'ACHR', 'CERD'];
const LEVELS = (r: number) => (r < 0.9 ? 'public' : r < 0.97 ? 'internal' : 'restricted');

function fill(file: string): void {
  const raw = new SQLite(file);
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = OFF');
  const random = generator(15);
  const audit = raw.prepare(
    "insert into audit_record (id, at, actor, os_user, request_id, reason, use_case, action, entity_kind, entity_id, before, after, summary) values (?, ?, 'system:bench', null, 'bench', null, 'bench.write', ?, ?, ?, null, ?, ?)",
  );
  const entry = raw.prepare(
    'insert into change_entry (audit_id, at, record_kind, record_id, subject, action, summary, facets, payload, confidentiality, audience) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const facet = raw.prepare('insert into change_facet (facet, value, audit_id) values (?, ?, ?)');
  const subject = raw.prepare(
    'insert into change_subject (subject, confidentiality, audience, facets) values (?, ?, ?, ?) on conflict (subject) do update set confidentiality = excluded.confidentiality',
  );
  const start = Date.UTC(2020, 0, 1);
  const write = raw.transaction((from: number, to: number) => {
    for (let id = from; id < to; id++) {
      const n = Math.floor(random() * SUBJECTS);
      const kind = KINDS[n % KINDS.length]!;
      const recordId = `${kind}-${n}`;
      const level = LEVELS(random());
      const state = STATES[Math.floor(random() * STATES.length)]!;
      const facets: Record<string, string[]> = { state: [state], region: [REGIONS[STATES.indexOf(state) % REGIONS.length]!] };
      if (random() < 0.5) facets.organization = [ORGS[Math.floor(random() * ORGS.length)]!];
      if (kind === 'treaty-action' || random() < 0.2) facets.instrument = [INSTRUMENTS[Math.floor(random() * INSTRUMENTS.length)]!];
      const at = new Date(start + id * 60_000).toISOString();
      const action = random() < 0.3 ? 'created' : random() < 0.9 ? 'updated' : 'deleted';
      const summary = `${recordId} ${action} (synthetic change ${id})`;
      const payload = action === 'deleted' ? null : JSON.stringify({ id: recordId, title: `Synthetic record ${n}`, state, sources: ['bench'] });
      audit.run(id, at, action.slice(0, 6), kind, recordId, payload, summary);
      entry.run(id, at, kind, recordId, `${kind}:${recordId}`, action, summary, JSON.stringify(facets), payload, level, level === 'restricted' ? '["organization:au"]' : '[]');
      for (const [name, values] of Object.entries(facets)) for (const value of values) facet.run(name, value, id);
      // The record's level now: most keep it, some change.
      subject.run(`${kind}:${recordId}`, random() < 0.95 ? level : LEVELS(random()), '[]', JSON.stringify(facets));
    }
  });
  for (let from = 1; from <= ROWS; from += 50_000) write(from, Math.min(ROWS + 1, from + 50_000));
  if (!process.argv.includes('--no-analyze')) raw.exec('analyze');
  raw.close();
}

const FILTERS: { label: string; query: string; sql: { join: string; where: string; key: string; params: unknown[] } }[] = [
  { label: 'no filter', query: '', sql: { join: '', where: '', key: 'e.audit_id', params: [] } },
  { label: 'kind=project', query: 'kind=project', sql: { join: '', where: 'and e.record_kind in (?)', key: 'e.audit_id', params: ['project'] } },
  {
    label: 'state (1 of 193)',
    query: 'state=KBX',
    sql: { join: "inner join change_facet f0 on f0.audit_id = e.audit_id and f0.facet = 'state' and f0.value = ?", where: '', key: 'f0.audit_id', params: ['KBX'] },
  },
  {
    label: 'region=142',
    query: 'region=142',
    sql: { join: "inner join change_facet f0 on f0.audit_id = e.audit_id and f0.facet = 'region' and f0.value = ?", where: '', key: 'f0.audit_id', params: ['142'] },
  },
  {
    label: 'instrument=CAT + kind=treaty-action',
    query: 'instrument=CAT&kind=treaty-action',
    sql: {
      join: "inner join change_facet f0 on f0.audit_id = e.audit_id and f0.facet = 'instrument' and f0.value = ?",
      where: 'and e.record_kind in (?)',
      key: 'f0.audit_id',
      params: ['CAT', 'treaty-action'],
    },
  },
];

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function time(run: () => unknown): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

const dir = mkdtempSync(join(tmpdir(), 'accord-bench-changes-'));
const file = join(dir, 'bench.db');
try {
  const db = openDb(`sqlite:${file}`);
  await migrateToLatest(db.db);
  const started = performance.now();
  fill(file);
  const fillSeconds = (performance.now() - started) / 1000;
  console.log(`${ROWS} audit records and feed entries written in ${fillSeconds.toFixed(1)} s (${Math.round(ROWS / fillSeconds)} per second)`);
  const raw = new SQLite(file, { readonly: true });
  const app = buildApp({ db: db.db, logError: (m) => console.error(m) });
  const reader = publicView(db.db);
  const random = generator(42);
  console.log('| filter | raw SQL p50 / p95 ms | service p50 / p95 ms | GET /api/v1/changes p50 / p95 ms | rows per page (mean) |');
  console.log('| --- | --- | --- | --- | --- |');
  for (const filter of FILTERS) {
    const { join: joins, where, key, params } = filter.sql;
    const statement = raw.prepare(
      `select e.audit_id, e.at, e.record_kind, e.record_id, e.action, e.summary, e.facets, e.payload, e.confidentiality from change_entry e ${joins}
       where ${key} > ? ${where} and e.confidentiality = 'public'
       and exists (select s.subject from change_subject s where s.subject = e.subject and s.confidentiality = 'public' limit 1) order by ${key} limit 101`,
    );
    if (process.argv.includes('--plans'))
      console.log(
        filter.label,
        raw
          .prepare(`explain query plan ${statement.source}`)
          .all(...params.map(() => 'x'), 0)
          .map((r) => (r as { detail: string }).detail)
          .join(' / '),
      );
    const times = { raw: [] as number[], service: [] as number[], http: [] as number[] };
    let rows = 0;
    for (let i = 0; i < SAMPLES; i++) {
      const cursor = Math.floor(random() * ROWS);
      // The raw statement's parameters in their order: the facet's value (in the join), the cursor, the kind.
      const ordered = joins ? [params[0], cursor, ...params.slice(1)] : [cursor, ...params];
      times.raw.push(
        await time(() => {
          rows += statement.all(...ordered).length;
        }),
      );
      const kinds = filter.query.match(/kind=([a-z-]+)/)?.[1];
      const facets = Object.fromEntries([...filter.query.matchAll(/(state|region|organization|instrument)=([^&]+)/g)].map((m) => [m[1], m[2]]));
      times.service.push(await time(() => changePage(reader, { order: 'oldest', cursor, limit: 100, kinds: kinds ? [kinds] : undefined, facets })));
      times.http.push(
        await time(async () => {
          const response = await app.request(`/api/v1/changes?since=${cursor}&limit=100${filter.query ? `&${filter.query}` : ''}`);
          if (response.status !== 200) throw new Error(`${response.status} ${await response.text()}`);
          await response.arrayBuffer();
        }),
      );
    }
    const cell = (values: number[]) => `${percentile(values, 50).toFixed(2)} / ${percentile(values, 95).toFixed(2)}`;
    console.log(`| ${filter.label} | ${cell(times.raw)} | ${cell(times.service)} | ${cell(times.http)} | ${(rows / SAMPLES).toFixed(0)} |`);
  }
  raw.close();
  await db.destroy();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
