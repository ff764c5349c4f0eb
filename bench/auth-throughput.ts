// Throughput of authenticated requests beside anonymous ones, in the same run, against
// `accord serve` (compiled) on a fresh SQLite file and on a fresh PostgreSQL database:
// 1. Reads: the same routes anonymous, with a session cookie and with a Bearer token (a viewer).
// 2. An audited write: PATCH /api/v1/organizations/{id} over HTTP by an organization editor
//    (session cookie and CSRF token), beside the same use case run in process without HTTP and
//    authentication, and beside the bare UPDATE in a transaction (no audit record).
// Load with autocannon over loopback; the variants take turns, in an order that rotates each
// round, so that noise on this shared machine falls on all alike.
// Usage: npm run bench:auth [-- --seconds 2 --rounds 3 --sqlite | --postgres]
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon, { type Client, type Request } from 'autocannon';
import pg from 'pg';
import { openDb, type Db } from '../src/db/connection.ts';
import { recogniseSession } from '../src/modules/accounts/sessions.ts';
import { userContext } from '../src/modules/audit/context.ts';
import { findOrganization } from '../src/modules/organizations/repository.ts';
import { updateOrganization } from '../src/modules/organizations/write.ts';
import { makeAccount, PASSWORD } from '../test/support/accounts.ts';

const arg = (name: string, fallback: number) => (process.argv.includes(name) ? Number(process.argv[process.argv.indexOf(name) + 1]) || fallback : fallback);
const SECONDS = arg('--seconds', 2);
const ROUNDS = arg('--rounds', 3);
const READ_CONNECTIONS = 32;
/** One connection per organization, so that each follows its own record's version. */
const WRITE_ORGANIZATIONS = ['asean', 'au', 'coe', 'eac', 'ecowas', 'eu', 'las', 'oas'];
const READ_PATHS = ['/api/v1/organizations/au', '/api/v1/states', '/api/v1/states/FRA/treaties'];
const PG_URL = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const ROOT = new URL('..', import.meta.url).pathname;
const SOURCE = 'pkg-i18n-iso-countries';

interface Sample {
  ok: number;
  other: number;
  seconds: number;
  latencies: number[];
}

const empty = (): Sample => ({ ok: 0, other: 0, seconds: 0, latencies: [] });
const pct = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(sorted.length * q) - 1))] ?? Number.NaN;
};
const rps = (s: Sample) => s.ok / s.seconds;
const lat = (s: Sample) => `${pct(s.latencies, 0.5).toFixed(1)} / ${pct(s.latencies, 0.95).toFixed(1)}`;

/** Rotates the order of the variants each round: a, b, c; b, c, a; c, a, b… */
async function rounds(variants: Record<string, () => Promise<void>>): Promise<void> {
  const names = Object.keys(variants);
  for (let round = 0; round < ROUNDS; round++) {
    for (let i = 0; i < names.length; i++) await variants[names[(i + round) % names.length]!]!();
  }
}

function waitForPort(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (d: Buffer) => {
      output += d;
      const match = /listening on http:\/\/[\d.]+:(\d+)/.exec(output);
      if (match) resolve(Number(match[1]));
    });
    child.stderr!.on('data', (d) => {
      output += d;
    });
    child.once('exit', (code) => reject(new Error(`accord serve exited ${code}: ${output}`)));
  });
}

/** Runs autocannon for `seconds`, adding every answer to `into` (2xx counted as done). */
async function cannon(origin: string, options: { connections: number; seconds: number; requests?: Request[]; headers?: Record<string, string>; setupClient?: (client: Client) => void }, into: Sample) {
  const instance = autocannon({ url: origin, connections: options.connections, duration: options.seconds, headers: options.headers, requests: options.requests, setupClient: options.setupClient });
  instance.on('response', (_client, status, _bytes, time) => {
    if (status >= 200 && status < 300) {
      into.ok += 1;
      into.latencies.push(time);
    } else into.other += 1;
  });
  const result = await instance;
  into.seconds += result.duration;
  into.other += result.errors;
}

async function json(response: Response): Promise<Record<string, unknown>> {
  const body = (await response.json()) as Record<string, unknown>;
  if (!response.ok) throw new Error(`${response.status} ${JSON.stringify(body)}`);
  return body;
}

async function signIn(origin: string, email: string): Promise<{ cookie: string; csrf: string; secret: string }> {
  const response = await fetch(`${origin}/api/v1/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email, password: PASSWORD }) });
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = await json(response);
  return { cookie, csrf: String(csrfToken), secret: cookie.split('=')[1] ?? '' };
}

type ReadRow = { path: string; anonymous: Sample; session: Sample; token: Sample };
type WriteRow = { http: Sample; useCase: Sample; plain: Sample };

async function reads(origin: string, session: string, token: string): Promise<ReadRow[]> {
  const headers = { anonymous: {}, session: { Cookie: session }, token: { Authorization: `Bearer ${token}` } };
  const rows: ReadRow[] = [];
  for (const path of READ_PATHS) {
    const row: ReadRow = { path, anonymous: empty(), session: empty(), token: empty() };
    for (const [name, h] of Object.entries(headers)) {
      const response = await fetch(origin + path, { headers: h });
      if (response.status !== 200) throw new Error(`${name} ${path}: ${response.status}`);
      await response.arrayBuffer();
      await cannon(origin, { connections: READ_CONNECTIONS, seconds: 1, requests: [{ path, headers: h }] }, empty()); // warm-up
    }
    await rounds(
      Object.fromEntries(
        Object.entries(headers).map(([name, h]) => [name, () => cannon(origin, { connections: READ_CONNECTIONS, seconds: SECONDS, requests: [{ path, headers: h }] }, row[name as 'anonymous'])]),
      ),
    );
    rows.push(row);
  }
  return rows;
}

/** The current version of each organization, read from the database (the server's answers are
 *  cached for up to a second, and the in-process writes are not its own). */
async function versions(db: Db['db']): Promise<Map<string, number>> {
  const map = new Map<string, number>();
  for (const id of WRITE_ORGANIZATIONS) map.set(id, (await findOrganization(db, id))!.row_version);
  return map;
}

async function writes(origin: string, db: Db['db'], editor: { cookie: string; csrf: string; secret: string }): Promise<WriteRow> {
  const row: WriteRow = { http: empty(), useCase: empty(), plain: empty() };
  const principal = (await recogniseSession(db, editor.secret))?.principal;
  if (!principal) throw new Error('the editor is not signed in');
  let n = 0;
  // Over HTTP: each connection corrects its own organization and follows the ETag it gets back
  // (a 412, which should not happen, would carry the current version too; it is not counted).
  const overHttp = async (seconds: number, into: Sample) => {
    const current = await versions(db);
    let next = 0;
    await cannon(
      origin,
      {
        connections: WRITE_ORGANIZATIONS.length,
        seconds,
        setupClient: (client) => {
          const id = WRITE_ORGANIZATIONS[next++ % WRITE_ORGANIZATIONS.length]!;
          let version = current.get(id)!;
          client.setRequests([
            {
              method: 'PATCH',
              path: `/api/v1/organizations/${id}`,
              setupRequest: (request) => ({
                ...request,
                headers: { ...request.headers, Cookie: editor.cookie, 'X-CSRF-Token': editor.csrf, 'Content-Type': 'application/json', 'If-Match': `"v${version}"` },
                body: JSON.stringify({ website: `https://${id}.example.org/h${n++}`, source: SOURCE }),
              }),
              onResponse: (_status, _body, _context, headers) => {
                const match = /"v(\d+)"/.exec(headers.etag ?? headers.ETag ?? '');
                if (match) version = Number(match[1]);
              },
            },
          ]);
        },
      },
      into,
    );
    // Requests still in flight when autocannon stops are finished by the server: let them land.
    await new Promise((resolve) => setTimeout(resolve, 500));
  };
  // In process, the same concurrency: one loop per organization, for the same time.
  const inProcess = async (seconds: number, into: Sample, write: (id: string, version: number) => Promise<number>) => {
    const current = await versions(db);
    const end = performance.now() + seconds * 1000;
    const start = performance.now();
    await Promise.all(
      WRITE_ORGANIZATIONS.map(async (id) => {
        let version = current.get(id)!;
        while (performance.now() < end) {
          const t = performance.now();
          version = await write(id, version);
          into.latencies.push(performance.now() - t);
          into.ok += 1;
        }
      }),
    );
    into.seconds += (performance.now() - start) / 1000;
  };
  const context = userContext(principal, 'bench-auth-throughput');
  const audited = (id: string, version: number) =>
    updateOrganization(db, { id, website: `https://${id}.example.org/u${n++}`, source: SOURCE, expectedVersion: version }, context).then((r) => r.version);
  const plain = async (id: string, version: number) => {
    await db.transaction().execute((trx) =>
      trx
        .updateTable('organization')
        .set({ website: `https://${id}.example.org/p${n++}` })
        .where('id', '=', id)
        .execute(),
    );
    return version;
  };
  await overHttp(1, empty()); // warm-up
  await inProcess(1, empty(), audited);
  await rounds({
    http: () => overHttp(SECONDS, row.http),
    useCase: () => inProcess(SECONDS, row.useCase, audited),
    plain: () => inProcess(SECONDS, row.plain, plain),
  });
  return row;
}

async function onDatabase(label: string, url: string): Promise<{ label: string; reads: ReadRow[]; writes: WriteRow }> {
  const server = spawn(process.execPath, [join(ROOT, 'bin/accord.js'), 'serve', '--port', '0'], { env: { ...process.env, DATABASE_URL: url }, stdio: ['ignore', 'pipe', 'pipe'] });
  const db = openDb(url);
  try {
    const origin = `http://127.0.0.1:${await waitForPort(server)}`;
    await makeAccount(db.db, 'viewer@bench.example', ['viewer']);
    await makeAccount(
      db.db,
      'editor@bench.example',
      WRITE_ORGANIZATIONS.map((id) => `organization-editor:${id}`),
    );
    const viewer = await signIn(origin, 'viewer@bench.example');
    const editor = await signIn(origin, 'editor@bench.example');
    const { token } = await json(
      await fetch(`${origin}/api/v1/auth/tokens`, {
        method: 'POST',
        headers: { Cookie: viewer.cookie, 'X-CSRF-Token': viewer.csrf, 'Content-Type': 'application/json' },
        body: JSON.stringify({ name: 'bench', days: 1 }),
      }),
    );
    const r = await reads(origin, viewer.cookie, String(token));
    const w = await writes(origin, db.db, editor);
    return { label, reads: r, writes: w };
  } finally {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
    await db.destroy();
  }
}

async function postgresDatabase(): Promise<{ url: string; drop: () => Promise<void> } | null> {
  const admin = new pg.Client({ connectionString: PG_URL });
  try {
    await admin.connect();
  } catch {
    return null;
  }
  const name = `accord_bench_auth_${process.pid}`;
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const cleanup = new pg.Client({ connectionString: PG_URL });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

async function main(): Promise<void> {
  // `accord serve` runs the compiled JavaScript only when dist/ matches the sources.
  const build = spawnSync(process.execPath, [join(ROOT, 'scripts/build.js'), '--if-stale'], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error('npm run build failed');
  const only = process.argv.includes('--sqlite') ? 'sqlite' : process.argv.includes('--postgres') ? 'postgres' : null;
  const results = [];
  if (only !== 'postgres') {
    const dir = mkdtempSync(join(tmpdir(), 'accord-bench-auth-'));
    try {
      results.push(await onDatabase('SQLite', `sqlite:${join(dir, 'bench.db')}`));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  if (only !== 'sqlite') {
    const database = await postgresDatabase();
    if (!database) console.error(`PostgreSQL does not answer at ${PG_URL}: skipped`);
    else {
      try {
        results.push(await onDatabase('PostgreSQL', database.url));
      } finally {
        await database.drop();
      }
    }
  }

  console.log(`\n# ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${SECONDS} s per turn, ${ROUNDS} turns each, reads at ${READ_CONNECTIONS} connections`);
  console.log('\n| database | path | anonymous req/s | session req/s | token req/s | session / anonymous | token / anonymous | p50 / p95 ms anonymous | session | token |');
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  for (const { label, reads: rows } of results) {
    for (const { path, anonymous, session, token } of rows) {
      const other = anonymous.other + session.other + token.other;
      if (other) console.error(`${label} ${path}: ${other} answers that were not 2xx, or errors`);
      console.log(
        `| ${label} | ${path} | ${rps(anonymous).toFixed(0)} | ${rps(session).toFixed(0)} | ${rps(token).toFixed(0)} | ${(rps(session) / rps(anonymous)).toFixed(2)} | ${(rps(token) / rps(anonymous)).toFixed(2)} | ${lat(anonymous)} | ${lat(session)} | ${lat(token)} |`,
      );
    }
  }
  console.log(
    `\n| database | PATCH over HTTP, session, audited: writes/s | p50 / p95 ms | other answers | same use case in process: writes/s | p50 / p95 ms | bare UPDATE in process: writes/s | HTTP / use case | HTTP / bare |`,
  );
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const { label, writes: w } of results) {
    console.log(
      `| ${label} | ${rps(w.http).toFixed(0)} | ${lat(w.http)} | ${w.http.other} | ${rps(w.useCase).toFixed(0)} | ${lat(w.useCase)} | ${rps(w.plain).toFixed(0)} | ${(rps(w.http) / rps(w.useCase)).toFixed(2)} | ${(rps(w.http) / rps(w.plain)).toFixed(2)} |`,
    );
  }
}

await main();
