// The tables of the recommendations benchmark, in Markdown, for bench/RESULTS.md.
import type { Timing } from './recommendation-engine.ts';
import type { DeepPage, ExportRun, Latencies } from './recommendation-http.ts';
import type { BenchQuery } from './recommendation-queries.ts';

export interface DialectResults {
  dialect: 'sqlite' | 'postgres';
  rows: number;
  imported: { seconds: number; stored: number };
  bulkSeconds: number;
  totals: Map<string, number>;
  engine: Map<string, Timing>;
  scan: Map<string, number>;
  oneClient: Latencies;
  eightClients: Latencies;
  deep: DeepPage[];
  exports: { format: string; run: ExportRun }[];
}

/** The p-th percentile (0-100) by nearest rank. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

const ms = (n: number) => (Number.isNaN(n) ? '–' : n < 10 ? n.toFixed(1) : n.toFixed(0));
const pair = (values: number[] | undefined) => `${ms(percentile(values ?? [], 50))} / ${ms(percentile(values ?? [], 95))}`;
const table = (header: string[], rows: string[][]) => [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');

/** Every request of the queries that match at most `limit` rows (or more), for a summary line. */
function pooled(latencies: Map<string, number[]>, totals: Map<string, number>, small: boolean, limit = 50_000): number[] {
  return [...latencies].filter(([label]) => totals.get(label)! <= limit === small).flatMap(([, values]) => values);
}

export function report(r: DialectResults, mix: BenchQuery[]): string {
  const name = r.dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL';
  const out: string[] = [];
  out.push(`### ${name}, ${r.rows.toLocaleString('en')} synthetic recommendations (Node ${process.version}, ${new Date().toISOString().slice(0, 10)})`);
  out.push('');
  out.push(
    `**Import:** ${r.imported.stored.toLocaleString('en')} rows in ${r.imported.seconds.toFixed(0)} s, **${Math.round(r.imported.stored / r.imported.seconds).toLocaleString('en')} rows/s**; the engine's bulk insert of the same rows: ${r.bulkSeconds.toFixed(0)} s, ${Math.round(r.imported.stored / r.bulkSeconds).toLocaleString('en')} rows/s (ratio ${(r.bulkSeconds / r.imported.seconds).toFixed(2)}).`,
  );
  out.push('');
  out.push('**Search**, ms, p50 / p95 through the HTTP API; engine: the same SQL straight on the database, p50 / p95; scan: reading every text, p50.');
  out.push('');
  out.push(
    table(
      ['query', 'matches', 'first page, 1 client', 'first page, 8 clients', 'engine, first page', 'with facets, 1 client', 'with facets, 8 clients', 'engine, with facets', 'scan'],
      mix.map((q) => [
        q.label,
        (r.totals.get(q.label) ?? 0).toLocaleString('en'),
        pair(r.oneClient.firstPage.get(q.label)),
        pair(r.eightClients.firstPage.get(q.label)),
        pair(r.engine.get(q.label)?.firstPage),
        pair(r.oneClient.withFacets.get(q.label)),
        pair(r.eightClients.withFacets.get(q.label)),
        pair(r.engine.get(q.label)?.withFacets),
        r.scan.has(q.label) ? ms(r.scan.get(q.label)!) : '–',
      ]),
    ),
  );
  out.push('');
  const engineFirst = new Map([...r.engine].map(([label, t]) => [label, t.firstPage]));
  const engineFacets = new Map([...r.engine].map(([label, t]) => [label, t.withFacets]));
  out.push('**All requests pooled**, ms, p50 / p95:');
  out.push('');
  out.push(
    table(
      ['queries', 'first page, 1 client', 'first page, 8 clients', 'engine, first page', 'with facets, 1 client', 'with facets, 8 clients', 'engine, with facets'],
      [true, false].map((small) => [
        small ? 'matching ≤ 50,000' : 'matching > 50,000',
        pair(pooled(r.oneClient.firstPage, r.totals, small)),
        pair(pooled(r.eightClients.firstPage, r.totals, small)),
        pair(pooled(engineFirst, r.totals, small)),
        pair(pooled(r.oneClient.withFacets, r.totals, small)),
        pair(pooled(r.eightClients.withFacets, r.totals, small)),
        pair(pooled(engineFacets, r.totals, small)),
      ]),
    ),
  );
  out.push('');
  out.push('**A page 10,000 results deep** (keyset `after`), ms, p50 / p95 of 10, through the API, 1 client:');
  out.push('');
  out.push(
    table(
      ['query', 'first page', 'page at 10,000'],
      r.deep.map((d) => [d.label, pair(d.first), pair(d.deep)]),
    ),
  );
  out.push('');
  out.push('**Export of every row** through the API, by a server started for it:');
  out.push('');
  out.push(
    table(
      ['format', 'rows', 'MB', 'seconds', 'rows/s', 'peak memory, MB', 'same server after one search, MB'],
      r.exports.map(({ format, run }) => [
        format,
        run.rows.toLocaleString('en'),
        (run.bytes / 1e6).toFixed(0),
        run.seconds.toFixed(0),
        Math.round(run.rows / run.seconds).toLocaleString('en'),
        (run.peakKb / 1024).toFixed(0),
        (run.idleKb / 1024).toFixed(0),
      ]),
    ),
  );
  return out.join('\n');
}
