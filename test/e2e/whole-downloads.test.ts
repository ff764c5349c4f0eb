// End-to-end in Debian's Chromium: the data-quality page's downloads of whole datasets are
// links to the API's streamed exports, saved by the browser as the server writes them.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import type { BrowserContext } from 'playwright-core';
import type { RunningServer } from '../support/server.ts';
import { open, useWebFixture, watch } from '../support/web.ts';

describe('downloads of whole datasets in Chromium', () => {
  let server: RunningServer;
  let context: BrowserContext;
  useWebFixture((web) => ({ server, context } = web), 'sqlite', { sharedData: false });

  test('every treaty action and every disagreement, as CSV and JSON, the bytes the API streams', async () => {
    const page = await context.newPage();
    const problems = watch(page, server);
    await open(page, `${server.url}/en/data-quality`, '#downloads h2');
    const downloads = page.locator('#downloads');
    for (const [name, file] of [
      ['CSV: Every treaty action, with its source and what the status does with it', 'accord-treaty-actions.csv'],
      ['JSON: Every disagreement between treaty sources', 'accord-treaty-conflicts.json'],
    ]) {
      const link = downloads.getByRole('link', { name });
      const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
      assert.equal(download.suggestedFilename(), file);
      const saved = readFileSync((await download.path())!);
      const served = Buffer.from(await (await fetch(`${server.url}${await link.getAttribute('href')}`)).arrayBuffer());
      assert.ok(saved.equals(served), `${file}: the file saved is the API's answer`);
    }
    const [actions] = await Promise.all([page.waitForEvent('download'), downloads.getByRole('link', { name: 'CSV: Every treaty action, with its source and what the status does with it' }).click()]);
    const lines = readFileSync((await actions.path())!, 'utf8').split('\r\n');
    assert.match(lines[0]!, /^\uFEFFinstrument,untc_ref,iso2,iso3,participant,/);
    assert.ok(lines.length > 1000, `${lines.length} lines: the reference data's acts`);
    assert.deepEqual(problems, []);
    await page.close();
  });
});
