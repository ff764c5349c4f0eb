// End-to-end in Debian's Chromium: the browsable API page loads from our own server only,
// shows every operation of the published spec, finds one by its tag and runs a request
// against the live API.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { ARTIFACTS, launchChromium } from '../support/browser.ts';
import { startAccord, type RunningServer } from '../support/server.ts';

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** "GET /api/v1/coverage" for every operation the server's spec publishes. */
async function publishedOperations(url: string): Promise<string[]> {
  const spec = (await (await fetch(`${url}/api/v1/openapi.json`)).json()) as { paths: Record<string, Record<string, unknown>> };
  return Object.entries(spec.paths)
    .flatMap(([path, item]) =>
      Object.keys(item)
        .filter((m) => METHODS.includes(m))
        .map((m) => `${m.toUpperCase()} ${path}`),
    )
    .sort();
}

/** The operations swagger-ui has drawn now, as "GET /api/v1/coverage". */
function drawnOperations(page: Page): Promise<string[]> {
  return page.$$eval('.opblock', (blocks) =>
    blocks.map((b) => `${b.querySelector('.opblock-summary-method')?.textContent?.trim()} ${b.querySelector('.opblock-summary-path')?.getAttribute('data-path')}`),
  );
}

/** swagger-ui draws only what is near the screen in a long spec: scroll to the end, noting each operation drawn. */
async function operationsShownWhileScrolling(page: Page): Promise<string[]> {
  const seen = new Set<string>();
  for (let step = 0; step < 500; step += 1) {
    for (const operation of await drawnOperations(page)) seen.add(operation);
    const wasAtEnd = await page.evaluate(() => window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2);
    if (wasAtEnd) break;
    await page.evaluate(() => window.scrollBy(0, window.innerHeight / 2));
    await page.waitForTimeout(60);
  }
  return [...seen].sort();
}

describe('API reference page in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  before(async () => {
    server = await startAccord();
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('every operation of the spec can be reached by scrolling, and nothing loads from outside', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const foreign: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(server.url) && !request.url().startsWith('data:')) foreign.push(request.url());
    });
    await page.goto(`${server.url}/api/docs`);
    await page.waitForSelector('.opblock-summary-path', { timeout: 30_000 });
    assert.equal(await page.title(), 'Accord API');
    const published = await publishedOperations(server.url);
    assert.ok(published.length > 100, `the spec publishes ${published.length} operations`);
    const shown = await operationsShownWhileScrolling(page);
    assert.deepEqual(
      published.filter((operation) => !shown.includes(operation)),
      [],
      'operations in the spec that the page never showed',
    );
    assert.deepEqual(foreign, [], 'nothing is loaded from outside the server');
  });

  test('the filter finds a tag, and "Try it out" answers from the live API', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/api/docs`);
    await page.waitForSelector('.opblock-summary-path', { timeout: 30_000 });
    await page.locator('input.operation-filter-input').fill('Coverage');
    const coverage = page.locator('.opblock', { has: page.locator('[data-path="/api/v1/coverage"]') }).first();
    await coverage.waitFor({ timeout: 10_000 });
    // The filter keeps the operations whose tag or path holds the words, and drops the rest.
    await page.waitForFunction(() => !document.querySelector('[data-path="/api/v1/states"]'), null, { timeout: 10_000 });
    const kept = await page.$$eval('.opblock-summary-path', (paths) => paths.map((p) => p.getAttribute('data-path') ?? ''));
    assert.ok(kept.length >= 1 && kept.every((path) => path.includes('coverage')), `kept: ${kept.join(' ')}`);
    await coverage.locator('.opblock-summary').click();
    await coverage.getByRole('button', { name: 'Try it out' }).click();
    await coverage.locator('input[placeholder="asOf"]').fill('2024-01-01');
    await coverage.getByRole('button', { name: 'Execute' }).click();
    const liveStatus = coverage.locator('.live-responses-table tr.response .response-col_status').first();
    await liveStatus.waitFor({ timeout: 30_000 });
    assert.equal((await liveStatus.textContent())?.trim(), '200');
    assert.match((await coverage.locator('.live-responses-table tr.response .response-col_description').first().textContent()) ?? '', /"uncovered"/);
    await page.screenshot({ path: `${ARTIFACTS}/api-docs-coverage.png`, fullPage: false });
  });
});
