// The web app's weight and speed, as issue 3 asks:
// 1. JavaScript sent for the home page, gzipped (from the built files, the way the server sends
//    them), with the map geometry reported on its own;
// 2. time to the map drawn on localhost in Debian's Chromium, beside the time to load a static
//    HTML page of the same server (the app's own index.html with scripts off) in the same run.
// Each run uses a fresh browser context (empty cache). Usage: npm run bench:web [-- --runs 15]
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { launchChromium } from '../test/support/browser.ts';
import { startAccord } from '../test/support/server.ts';

const RUNS = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 15;
const DIST = new URL('../web/dist/', import.meta.url).pathname;

function gzipped(path: string): number {
  return gzipSync(readFileSync(`${DIST}${path}`), { level: 9 }).length;
}

/** Files index.html makes the browser fetch before the app can run. */
function homePageFiles(): { js: string[]; css: string[] } {
  const html = readFileSync(`${DIST}index.html`, 'utf8');
  const refs = [...html.matchAll(/(?:src|href)="\/([^"]+)"/g)].map((m) => m[1]!);
  return { js: refs.filter((r) => r.endsWith('.js')), css: refs.filter((r) => r.endsWith('.css')) };
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}

async function main(): Promise<void> {
  const files = homePageFiles();
  const jsBytes = files.js.reduce((sum, f) => sum + gzipped(f), 0);
  const cssBytes = files.css.reduce((sum, f) => sum + gzipped(f), 0);
  const geometryBytes = gzipped('geo/world.json');

  const server = await startAccord();
  const browser = await launchChromium();
  const mapTimes: number[] = [];
  const staticTimes: number[] = [];
  try {
    for (let run = 0; run < RUNS + 1; run++) {
      // Alternate which goes first, so that noise falls on both alike.
      const order = run % 2 === 0 ? ['map', 'static'] : ['static', 'map'];
      for (const what of order) {
        const context = await browser.newContext({ javaScriptEnabled: what === 'map' });
        const page = await context.newPage();
        if (what === 'map') {
          await page.goto(`${server.url}/en/`);
          await page.waitForSelector('svg[data-drawn] a.state', { timeout: 30_000 });
          const drawn = await page.evaluate(() => performance.getEntriesByName('accord:map-drawn')[0]?.startTime ?? NaN);
          if (run > 0) mapTimes.push(drawn); // run 0 warms the server's caches
        } else {
          await page.goto(`${server.url}/en/`, { waitUntil: 'load' });
          const loaded = await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd);
          if (run > 0) staticTimes.push(loaded);
        }
        await context.close();
      }
    }
  } finally {
    await browser.close();
    await server.stop();
  }

  const kb = (n: number) => (n / 1024).toFixed(1);
  const ms = (n: number) => n.toFixed(0);
  console.log(`Home page JavaScript, gzipped: ${kb(jsBytes)} KB in ${files.js.length} file(s) (budget 300 KB); CSS ${kb(cssBytes)} KB`);
  console.log(`Map geometry (geo/world.json), gzipped, loaded separately: ${kb(geometryBytes)} KB`);
  console.log(`Runs: ${RUNS}, fresh browser context each`);
  console.log(`| page | median ms | p95 ms |`);
  console.log(`|---|---|---|`);
  console.log(`| static HTML (index.html, scripts off) | ${ms(quantile(staticTimes, 0.5))} | ${ms(quantile(staticTimes, 0.95))} |`);
  console.log(`| home page, map drawn | ${ms(quantile(mapTimes, 0.5))} | ${ms(quantile(mapTimes, 0.95))} |`);
  console.log(`Ratio of medians (map drawn / static page): ${(quantile(mapTimes, 0.5) / quantile(staticTimes, 0.5)).toFixed(1)}`);
}

await main();
