// Throughput and p95 latency of GET /api/v1/states and a State profile at 32 connections,
// beside a bare Node http server returning the same bytes, in the same run. On a fresh SQLite
// file, or with --postgres on a fresh PostgreSQL database made on the server of
// TEST_DATABASE_URL (else postgres://postgres@127.0.0.1:5432/postgres) and dropped after.
// Loopback only; each measurement is bounded in time. Usage: npm run bench [-- --seconds 10 --postgres]
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

async function get(port: number, path: string): Promise<{ body: string }> {
  const response = await fetch(`http://127.0.0.1:${port}${path}`);
  return { body: await response.text() };
}

/** CONNECTIONS keep-alive loops for SECONDS; returns requests per second and p95 latency (ms). */
async function load(port: number, path: string): Promise<{ rps: number; p95: number; p50: number; errors: number }> {
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
  return { rps: latencies.length / elapsed, p95: pick(0.95), p50: pick(0.5), errors };
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
  console.log('| path | bytes | Accord req/s | bare req/s | ratio | Accord p50 / p95 ms | bare p50 / p95 ms |');
  console.log('|---|---|---|---|---|---|---|');
  for (const path of PATHS) {
    await load(accordPort, path); // warm-up, not counted
    // Alternate the two servers, so that machine noise falls on both alike.
    const a1 = await load(accordPort, path);
    const b1 = await load(barePort, path);
    const a2 = await load(accordPort, path);
    const b2 = await load(barePort, path);
    const a = { rps: (a1.rps + a2.rps) / 2, p50: Math.max(a1.p50, a2.p50), p95: Math.max(a1.p95, a2.p95), errors: a1.errors + a2.errors };
    const b = { rps: (b1.rps + b2.rps) / 2, p50: Math.max(b1.p50, b2.p50), p95: Math.max(b1.p95, b2.p95), errors: b1.errors + b2.errors };
    if (a.errors || b.errors) console.error(`errors: Accord ${a.errors}, bare ${b.errors}`);
    console.log(
      `| ${path} | ${Buffer.byteLength(routes[path]!.body)} | ${a.rps.toFixed(0)} | ${b.rps.toFixed(0)} | ${(a.rps / b.rps).toFixed(2)} | ${a.p50.toFixed(1)} / ${a.p95.toFixed(1)} | ${b.p50.toFixed(1)} / ${b.p95.toFixed(1)} |`,
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
