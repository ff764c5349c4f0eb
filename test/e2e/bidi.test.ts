// Text of another language or direction inside Arabic pages: English notes, source titles and
// names that fall back to English carry lang (and dir, so they are laid out on their own), and
// Latin codes and acronyms inside Arabic text are isolated (<bdi>, dir, or FSI…PDI in plain
// strings), so that their brackets and full stops stay on the right side.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { BrowserContext } from 'playwright-core';
import { bidiProblems } from '../support/bidi.ts';
import { SCREENSHOTS } from '../support/browser.ts';
import type { RunningServer } from '../support/server.ts';
import { open, useWebFixture } from '../support/web.ts';

const ARABIC_PAGES = [
  ['/', 'svg[data-drawn] a.state'],
  ['/states', 'tbody tr a'],
  ['/states/FRA', '.facts'],
  ['/states/BEN', '.facts'],
  ['/organizations', 'tbody tr a'],
  ['/organizations/au', '.timeline'],
  ['/instruments', 'tbody tr a'],
  ['/instruments/ACHR', '.facts'],
  ['/instruments/ICCPR', '.facts'],
  ['/mechanisms', 'tbody tr a'],
  ['/mechanisms/IACTHR', '.facts'],
  ['/presences', 'tbody tr a'],
  ['/search?q=union', 'tbody tr a'],
  ['/sources', 'tbody tr a'],
  ['/treaties', 'table.matrix tbody tr'],
  ['/treaties/since-vienna', 'tbody tr a'],
  ['/data-quality', '.data-table caption'],
  ['/sync/records', '.page-state.empty, table.sync-records'],
  ['/exchanges/series', 'ul.series-list a'],
  ['/exchanges/series/un-osce-coe-tripartite', 'ol.series-events a'],
  ['/resolutions', '.page-state.empty, tbody tr a'],
  ['/mandates', '.page-state.empty, section.due-group'],
  ['/report?session=61&periodStart=2005-07-01&asOf=2006-06-30&regions=002', 'form.report-form input[name="regions"]'],
] as const;

describe('bidirectional text in Arabic pages (Chromium, SQLite)', () => {
  let server: RunningServer;
  let context: BrowserContext;
  useWebFixture((web) => ({ server, context } = web));

  for (const [path, ready] of ARABIC_PAGES) {
    test(`ar${path}: other languages are marked, Latin runs in Arabic lines are isolated`, async () => {
      const page = await context.newPage();
      await open(page, `${server.url}/ar${path}`, ready);
      assert.deepEqual(await bidiProblems(page), []);
      await page.close();
    });
  }

  test('the Inter-American Court in Arabic: its acronym, note, seat and sources', async () => {
    const page = await context.newPage();
    await open(page, `${server.url}/ar/mechanisms/IACTHR`, '.facts');
    // The name has no Arabic form in the registry: it is shown in English, marked as such.
    const name = page.locator('main h1 [lang="en"]');
    assert.equal(await name.getAttribute('dir'), 'ltr');
    assert.equal(await page.locator('main h1 bdi').textContent(), 'I/A Court H.R.');
    const note = page.locator('.facts dd[lang="en"]');
    assert.equal(await note.getAttribute('dir'), 'ltr');
    assert.match((await note.textContent()) ?? '', /San José/);
    for (const link of await page.locator('.facts .sources a').all()) {
      assert.deepEqual([await link.getAttribute('lang'), await link.getAttribute('dir')], ['en', 'ltr']);
    }
    await page.screenshot({ path: `${SCREENSHOTS}ar-bidi-iacthr.png` });
    await page.close();
  });

  test('charts in Arabic: axis titles, the date and row labels are isolated', async () => {
    const page = await context.newPage();
    await open(page, `${server.url}/ar/instruments/ICCPR`, '.chart-frame svg');
    const texts = await page.locator('.chart-frame text.axis-title, .chart-frame text.as-of-label').allTextContents();
    assert.ok(texts.length >= 2);
    for (const text of texts) assert.match(text, /^\u2068[^\u2069]+\u2069$/, text);
    await open(page, `${server.url}/ar/states/FRA`, '.timeline');
    const labels = await page.locator('.timeline text.row-label').allTextContents();
    assert.ok(labels.includes('\u2068EU\u2069'), labels.join(' | '));
    await page.close();
  });

  test('on a French page English notes and source titles are marked as English', async () => {
    const page = await context.newPage();
    await open(page, `${server.url}/fr/mechanisms/IPHRC`, '.facts');
    assert.deepEqual(await bidiProblems(page), []);
    assert.equal(await page.locator('.facts dd[lang="en"][dir="ltr"]').count(), 1);
    assert.ok((await page.locator('.facts .sources a[lang="en"][dir="ltr"]').count()) > 0);
    await page.close();
  });
});
