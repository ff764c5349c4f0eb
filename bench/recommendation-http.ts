// The HTTP side of the recommendations benchmark: `accord serve` in a child process on the
// scratch database, loaded by clients in this process over loopback with keep-alive.
// The server keeps read answers in memory per data version, keyed by the exact address. To
// measure a first asking every time, each request spells its address differently without
// changing what it asks: the letters of `sort=newest` (the default) percent-encoded in a pattern
// drawn from a counter (`newest`, `%6Eewest`, `n%65west`…), which the API decodes alike.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import type { BenchQuery } from './recommendation-queries.ts';

const ACCORD = new URL('../bin/accord.js', import.meta.url).pathname;
const REPORT_RSS = new URL('./report-max-rss.mjs', import.meta.url).href;

export interface Server {
  port: number;
  child: ChildProcess;
  /** Stops the server; its peak resident memory in kB when it was started to report it. */
  stop(): Promise<number | null>;
}

export async function startServer(url: string, reportMemory = false): Promise<Server> {
  const args = [...(reportMemory ? ['--import', REPORT_RSS] : []), ACCORD, 'serve', '--port', '0', '--no-seed'];
  const child = spawn(process.execPath, args, { env: { ...process.env, DATABASE_URL: url }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const port = await new Promise<number>((resolve, reject) => {
    const onData = (d: Buffer) => {
      output += d;
      const match = /listening on http:\/\/[\d.]+:(\d+)/.exec(output);
      if (match) resolve(Number(match[1]));
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`accord serve exited ${code}: ${output}`)));
  });
  // Searches are measured once the facet index is built, as on a server that has been running.
  while (!/facet index of recommendations ready|facet index of recommendations could not/.test(output)) await new Promise((r) => setTimeout(r, 200));
  return {
    port,
    child,
    async stop() {
      child.kill('SIGTERM');
      await once(child, 'exit');
      const kb = /max-rss-kb=(\d+)/.exec(output)?.[1];
      return kb ? Number(kb) : null;
    },
  };
}

let counter = 0;

/** `sort=newest` spelt one of 64 ways, a different one at each call (see the top of this file). */
function uncachedSort(): string {
  const n = counter++;
  const letters = [...'newest'].map((ch, i) => ((n >> i) & 1 ? `%${ch.charCodeAt(0).toString(16).toUpperCase()}` : ch));
  return `sort=${letters.join('')}`;
}

/** A spelling of `facets=…` that varies too, so that 64 × 16 addresses differ per query. */
function uncachedFacets(value: 'true' | 'false'): string {
  const n = Math.floor(counter / 64);
  const letters = [...value].map((ch, i) => ((n >> i) & 1 ? `%${ch.charCodeAt(0).toString(16).toUpperCase()}` : ch));
  return `facets=${letters.join('')}`;
}

export async function getJson(port: number, path: string): Promise<{ ms: number; body: { total: number; next: string | null } }> {
  const started = performance.now();
  const response = await fetch(`http://127.0.0.1:${port}${path}`);
  const body = await response.json();
  if (!response.ok) throw new Error(`${path}: ${response.status} ${JSON.stringify(body)}`);
  return { ms: performance.now() - started, body };
}

const searchPath = (query: string, facets: boolean, extra = '') => `/api/v1/recommendations?${query ? `${query}&` : ''}limit=20&${uncachedFacets(facets ? 'true' : 'false')}&${uncachedSort()}${extra}`;

export interface Latencies {
  firstPage: Map<string, number[]>;
  withFacets: Map<string, number[]>;
}

/** Every query of the mix, first page alone and with facets, `repeats` times per client; the clients start at different queries. */
export async function searchLoad(port: number, mix: BenchQuery[], clients: number, repeats = clients === 1 ? 5 : 3): Promise<Latencies> {
  const result: Latencies = { firstPage: new Map(), withFacets: new Map() };
  const record = (into: Map<string, number[]>, label: string, ms: number) => into.set(label, [...(into.get(label) ?? []), ms]);
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      for (let r = 0; r < repeats; r++)
        for (let i = 0; i < mix.length; i++) {
          const query = mix[(i + client * 3) % mix.length]!;
          record(result.firstPage, query.label, (await getJson(port, searchPath(query.query, false))).ms);
          record(result.withFacets, query.label, (await getJson(port, searchPath(query.query, true))).ms);
        }
    }),
  );
  return result;
}

export interface DeepPage {
  label: string;
  first: number[];
  deep: number[];
}

/** For a query: follows `next` to the page that starts 10,000 results deep, then asks for it and for the first page, 10 times each. */
export async function deepPage(port: number, queries: BenchQuery[]): Promise<DeepPage[]> {
  const results: DeepPage[] = [];
  outer: for (const query of queries) {
    let after: string | null = null;
    for (let seen = 0; seen < 10_000; seen += 200) {
      const page: { body: { next: string | null } } = await getJson(port, `/api/v1/recommendations?${query.query ? `${query.query}&` : ''}limit=200&facets=false${after ? `&after=${after}` : ''}`);
      after = page.body.next;
      if (!after) continue outer; // fewer than 10,000 results: nothing that deep
    }
    const first: number[] = [];
    const deep: number[] = [];
    for (let i = 0; i < 10; i++) {
      first.push((await getJson(port, searchPath(query.query, false))).ms);
      deep.push((await getJson(port, searchPath(query.query, false, `&after=${after}`))).ms);
    }
    results.push({ label: query.label, first, deep });
  }
  return results;
}

export interface ExportRun {
  rows: number;
  bytes: number;
  seconds: number;
  /** The exporting server's peak resident memory, kB (from its start to its end). */
  peakKb: number;
  /** The same server's peak memory when it has only started and answered one search. */
  idleKb: number;
}

async function fetchAll(port: number, path: string): Promise<{ rows: number; bytes: number }> {
  const response = await fetch(`http://127.0.0.1:${port}${path}`);
  if (!response.ok || !response.body) throw new Error(`${path}: ${response.status}`);
  let bytes = 0;
  let rows = 0;
  for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
    bytes += chunk.byteLength;
    for (const b of chunk) if (b === 0x0a) rows++;
  }
  return { rows, bytes };
}

/** The export of every row in one format, by a server started for it, beside a server that only started. */
export async function exportAll(url: string, format: 'csv' | 'jsonl'): Promise<ExportRun> {
  const idle = await startServer(url, true);
  await getJson(idle.port, '/api/v1/recommendations?limit=1&facets=false');
  const idleKb = (await idle.stop())!;
  const server = await startServer(url, true);
  const started = performance.now();
  const { rows, bytes } = await fetchAll(server.port, `/api/v1/recommendations/export/${format}`);
  const seconds = (performance.now() - started) / 1000;
  const peakKb = (await server.stop())!;
  return { rows, bytes, seconds, peakKb, idleKb };
}
