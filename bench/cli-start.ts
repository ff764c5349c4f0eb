// Start-up time of the `accord` command: `accord --help` and `accord import --help` as a
// user runs them (a new `node bin/accord.js` process each time), beside `node -e 0` (Node
// starting and doing nothing) in the same run. The three take turns, so that noise on a
// shared machine falls on all alike; the first round only warms the disk cache.
// Usage: npm run bench:cli [-- --runs 20]
import { spawnSync } from 'node:child_process';

const RUNS = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 20;
const ACCORD = new URL('../bin/accord.js', import.meta.url).pathname;

const commands: { label: string; args: string[] }[] = [
  { label: 'node -e 0', args: ['-e', '0'] },
  { label: 'accord --help', args: [ACCORD, '--help'] },
  { label: 'accord import --help', args: [ACCORD, 'import', '--help'] },
];

/** Wall time of one process, from spawn to exit, in ms. */
function time(args: string[]): number {
  const start = performance.now();
  const result = spawnSync(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const ms = performance.now() - start;
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} exited with ${result.status}: ${result.stderr}`);
  return ms;
}

const median = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)]!;
const p95 = (values: number[]) => [...values].sort((x, y) => x - y)[Math.ceil(values.length * 0.95) - 1]!;

const times = new Map(commands.map((c) => [c.label, [] as number[]]));
for (let round = 0; round <= RUNS; round++) {
  // Rotate the order each round.
  const order = commands.map((_, i) => commands[(i + round) % commands.length]!);
  for (const c of order) {
    const ms = time(c.args);
    if (round > 0) times.get(c.label)!.push(ms);
  }
}

const baseline = median(times.get('node -e 0')!);
console.log(`Node ${process.version}, ${RUNS} runs each (after one warm-up round)`);
console.log('| command | median ms | p95 ms | ratio to node -e 0 |');
console.log('|---|---|---|---|');
for (const c of commands) {
  const values = times.get(c.label)!;
  console.log(`| \`${c.label}\` | ${median(values).toFixed(0)} | ${p95(values).toFixed(0)} | ${(median(values) / baseline).toFixed(1)} |`);
}
