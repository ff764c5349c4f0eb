// End-to-end in Debian's Chromium: the browsable API page loads from our own server only,
// lists the registry endpoints, and runs a request against the live API.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { ARTIFACTS, launchChromium } from '../support/browser.ts';
import { startAccord, type RunningServer } from '../support/server.ts';

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

  test('renders every endpoint from local files and answers "Try it out"', async () => {
    const page = await browser.newPage();
    const foreign: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(server.url) && !request.url().startsWith('data:')) foreign.push(request.url());
    });
    await page.goto(`${server.url}/api/docs`);
    await page.waitForSelector('.opblock-summary-path', { timeout: 30_000 });
    const paths = await page.locator('.opblock-summary-path').allTextContents();
    assert.ok(
      paths.some((p) => p.includes('/api/v1/coverage')),
      `paths shown: ${paths.join(' ')}`,
    );
    assert.ok(paths.some((p) => p.includes('/api/v1/states/{iso3}')));
    assert.equal(await page.title(), 'Accord API');

    const coverage = page.locator('.opblock', { has: page.locator('[data-path="/api/v1/coverage"]') }).first();
    await coverage.locator('.opblock-summary').click();
    await coverage.getByRole('button', { name: 'Try it out' }).click();
    await coverage.locator('input[placeholder="asOf"]').fill('2024-01-01');
    await coverage.getByRole('button', { name: 'Execute' }).click();
    const liveStatus = coverage.locator('.live-responses-table tr.response .response-col_status').first();
    await liveStatus.waitFor({ timeout: 30_000 });
    assert.equal((await liveStatus.textContent())?.trim(), '200');
    assert.match((await coverage.locator('.live-responses-table tr.response .response-col_description').first().textContent()) ?? '', /"uncovered"/);
    await page.screenshot({ path: `${ARTIFACTS}/api-docs-coverage.png`, fullPage: false });
    assert.deepEqual(foreign, [], 'nothing is loaded from outside the server');
  });
});
