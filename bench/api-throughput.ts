// Throughput and p95 latency of GET /api/v1/states and a State profile at 32 connections,
// beside a bare Node http server returning the same bytes, in the same run. On a fresh SQLite
// file, or with --postgres on a fresh PostgreSQL database made on the server of
// TEST_DATABASE_URL (else postgres://postgres@127.0.0.1:5432/postgres) and dropped after.
// Loopback only; each measurement is bounded in time. Usage: npm run bench [-- --seconds 10 --postgres]
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { createTestDb, type TestDb } from '../test/support/databases.ts';

const CONNECTIONS = 32;
const SECONDS = Number(process.argv[process.argv.indexOf('--seconds') + 1]) || 10;
const PATHS = ['/api/v1/states', '/api/v1/states/FRA'];
const POSTGRES = process.argv.includes('--postgres');

function waitForPort(child: ChildProcess, pattern: RegExp): Promise<number> {
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (d: Buffer) => {
      output += d;
      const match = pattern.exec(output);
      if (match) resolve(Number(match[1]));
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (d) => {
      output += d;
    });
    child.once('exit', (code) => reject(new Error(`exited ${code}: ${output}`)));
  });
}

/** CPU time (user + system) a process has used, in ms, from Linux's /proc (clock ticks of 10 ms);
 *  NaN elsewhere. On a shared machine the server's CPU per request varies far less than its
 *  requests per second, which other jobs' load moves. */
function cpuMs(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}

/** The PostgreSQL server processes serving the bench's database (their CPU is the readings' other half). */
async function backendCpu(): Promise<Map<number, number>> {
  if (!database) return new Map();
  const { rows } = await sql<{ pid: number }>`select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`.execute(database.db);
  return new Map(rows.map((r) => [r.pid, cpuMs(r.pid)]));
}

/** CPU ms used by the database's backends between two samples (a backend opened meanwhile counts from 0). */
function backendCpuSince(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [pid, ms] of after) total += ms - (before.get(pid) ?? 0);
  return total;
}

async function get(port: number, path: string): Promise<{ body: string }> {
  const response = await fetch(`http://127.0.0.1:${port}${path}`);
  return { body: await response.text() };
}

/** CONNECTIONS keep-alive loops for SECONDS; returns requests per second and p95 latency (ms). */
async function load(port: number, path: string, pid?: number): Promise<{ rps: number; p95: number; p50: number; errors: number; cpuUs: number; dbCpuUs: number }> {
  const cpuBefore = cpuMs(pid);
  const backendsBefore = pid === undefined ? new Map<number, number>() : await backendCpu();
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const latencies: number[] = [];
  let errors = 0;
  const end = Date.now() + SECONDS * 1000;
  const one = () =>
    new Promise<void>((resolve) => {
      const start = process.hrtime.bigint();
      const req = http.get({ host: '127.0.0.1', port, path, agent }, (res) => {
        res.resume();
        res.on('end', () => {
          if (res.statusCode !== 200) errors += 1;
          latencies.push(Number(process.hrtime.bigint() - start) / 1e6);
          resolve();
        });
      });
      req.on('error', () => {
        errors += 1;
        resolve();
      });
    });
  const started = Date.now();
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (Date.now() < end) await one();
    }),
  );
  const elapsed = (Date.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const pick = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
  const cpuUs = ((cpuMs(pid) - cpuBefore) * 1000) / latencies.length;
  const dbCpuUs = pid === undefined ? 0 : (backendCpuSince(backendsBefore, await backendCpu()) * 1000) / latencies.length;
  return { rps: latencies.length / elapsed, p95: pick(0.95), p50: pick(0.5), errors, cpuUs, dbCpuUs };
}

const dir = mkdtempSync(join(tmpdir(), 'accord-bench-'));
const database: TestDb | null = POSTGRES ? await createTestDb('postgres') : null;
const accord = spawn(process.execPath, [new URL('../bin/accord.js', import.meta.url).pathname, 'serve', '--port', '0'], {
  env: { ...process.env, DATABASE_URL: database?.url ?? `sqlite:${join(dir, 'bench.db')}` },
  stdio: ['ignore', 'pipe', 'pipe'],
});
const bare = spawn(process.execPath, [new URL('./bare-server.mjs', import.meta.url).pathname], { stdio: ['pipe', 'pipe', 'pipe'] });
try {
  const accordPort = await waitForPort(accord, /listening on http:\/\/[\d.]+:(\d+)/);
  const routes: Record<string, { body: string }> = {};
  for (const path of PATHS) routes[path] = await get(accordPort, path);
  bare.stdin!.end(JSON.stringify(routes));
  const barePort = await waitForPort(bare, /listening (\d+)/);

  console.log(`# ${POSTGRES ? 'PostgreSQL' : 'SQLite'}, ${CONNECTIONS} connections, ${SECONDS} s per measurement, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`);
  console.log(`| path | bytes | Accord req/s | bare req/s | ratio | Accord p50 / p95 ms | bare p50 / p95 ms | Accord CPU µs/req |${database ? ' PostgreSQL CPU µs/req |' : ''}`);
  console.log(`|---|---|---|---|---|---|---|---|${database ? '---|' : ''}`);
  for (const path of PATHS) {
    await load(accordPort, path); // warm-up, not counted
    // Alternate the two servers, so that machine noise falls on both alike.
    const a1 = await load(accordPort, path, accord.pid);
    const b1 = await load(barePort, path);
    const a2 = await load(accordPort, path, accord.pid);
    const b2 = await load(barePort, path);
    const a = {
      rps: (a1.rps + a2.rps) / 2,
      p50: Math.max(a1.p50, a2.p50),
      p95: Math.max(a1.p95, a2.p95),
      errors: a1.errors + a2.errors,
      cpuUs: (a1.cpuUs + a2.cpuUs) / 2,
      dbCpuUs: (a1.dbCpuUs + a2.dbCpuUs) / 2,
    };
    const b = { rps: (b1.rps + b2.rps) / 2, p50: Math.max(b1.p50, b2.p50), p95: Math.max(b1.p95, b2.p95), errors: b1.errors + b2.errors };
    if (a.errors || b.errors) console.error(`errors: Accord ${a.errors}, bare ${b.errors}`);
    console.log(
      `| ${path} | ${Buffer.byteLength(routes[path]!.body)} | ${a.rps.toFixed(0)} | ${b.rps.toFixed(0)} | ${(a.rps / b.rps).toFixed(2)} | ${a.p50.toFixed(1)} / ${a.p95.toFixed(1)} | ${b.p50.toFixed(1)} / ${b.p95.toFixed(1)} | ${a.cpuUs.toFixed(0)} |${database ? ` ${a.dbCpuUs.toFixed(0)} |` : ''}`,
    );
  }
} finally {
  const stopped = accord.exitCode === null && accord.signalCode === null ? new Promise((resolve) => accord.once('exit', resolve)) : null;
  accord.kill('SIGTERM');
  bare.kill('SIGTERM');
  await stopped;
  await database?.drop();
  rmSync(dir, { recursive: true, force: true });
}
