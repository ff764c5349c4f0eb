// The links between recommendations and instruments, for review, in the web app, end to end in
// Chromium on the shared data (UPR Info's exports, read by the recogniser at import): an
// anonymous reader reaches the page from the ratification outcomes, sees the unreviewed links the
// API counts, the matched words marked, no Confirm or Reject, filters by CRPD (into the address)
// and loads a second page; an OHCHR editor confirms a link, which the API then says is confirmed
// and which leaves the unreviewed list when it is read again, while a second tab that still shows
// it unreviewed is refused (412) with a message and shows the current review; the page in Arabic
// is right-to-left; axe finds nothing; no script error.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { importUprInfo } from '../../src/importers/upr-info/import.ts';
import type { InstrumentLinkList, RecommendationDetail } from '../../web/src/api/types.ts';
import { axeViolations, describeViolations, SCREENSHOTS } from '../support/browser.ts';
import { sharedDataPath, skipWithoutSharedData } from '../support/shared-data.ts';
import { api, dictionary, open, signedInContext, useWebFixture, watch, type WebFixture } from '../support/web.ts';

const en = dictionary('en');
const ar = dictionary('ar');
const ROWS = '.link-review-table tbody tr';
const PAGE_SIZE = 50;

describe('instrument links for review in the web app', { skip: skipWithoutSharedData() }, () => {
  let web: WebFixture;
  useWebFixture((w) => (web = w));
  const problems: string[] = [];

  before(async () => {
    await importUprInfo(web.database.db, sharedDataPath('upr-info-terman'));
  });

  async function newPage(context: BrowserContext = web.context): Promise<Page> {
    const page = await context.newPage();
    const seen = watch(page, web.server);
    // The refusal the test asks for (412) is logged by the browser as a failed request: not a problem.
    page.on('close', () => problems.push(...seen.filter((p) => !/status of 412/.test(p))));
    return page;
  }

  /** The page's count of links, once it says `expected`. */
  async function totalShown(page: Page, expected: number): Promise<number> {
    await page.waitForFunction((n) => document.querySelector('.links-total')?.getAttribute('data-total') === String(n), expected, { timeout: 30_000 });
    return Number(await page.locator('.links-total').getAttribute('data-total'));
  }

  test('a reader sees the unreviewed links, filters by an instrument and reads on; no Confirm or Reject', async () => {
    const unreviewed = await api<InstrumentLinkList>(web.server, '/recommendations/instrument-links?review=unreviewed&lang=en');
    assert.ok(unreviewed.total > PAGE_SIZE, `the shared data give links to review (${unreviewed.total})`);
    const page = await newPage();
    await open(page, `${web.server.url}/en/recommendations/ratification-outcomes`, '.outcomes-chart .bar');
    await page.getByRole('link', { name: en['links.link'], exact: true }).click();
    await page.waitForSelector(ROWS);
    assert.equal(new URL(page.url()).pathname, '/en/recommendations/instrument-links');
    assert.equal(await totalShown(page, unreviewed.total), unreviewed.total);
    assert.equal(await page.locator(ROWS).count(), PAGE_SIZE);
    // The first row is the API's first item, its matched words marked in its text.
    const first = page.locator(ROWS).first();
    assert.equal(await first.getAttribute('data-recommendation'), unreviewed.items[0]!.recommendation.id);
    assert.equal(await first.locator('td.link-text mark').textContent(), unreviewed.items[0]!.link.matched);
    assert.deepEqual([...new Set(await page.locator(ROWS).evaluateAll((rows) => rows.map((r) => r.getAttribute('data-review'))))], ['none']);
    assert.equal(await page.getByRole('button', { name: en['rec.links.confirm'], exact: true }).count(), 0, 'a reader may not review');
    assert.equal(await page.getByRole('button', { name: en['rec.links.reject'], exact: true }).count(), 0);

    const crpd = await api<InstrumentLinkList>(web.server, '/recommendations/instrument-links?review=unreviewed&instrument=CRPD&lang=en');
    assert.ok(crpd.total > PAGE_SIZE && crpd.total < unreviewed.total, `CRPD has a share of the links (${crpd.total})`);
    await page.getByRole('combobox', { name: new RegExp(`^${en['links.filter.instrument']}`) }).selectOption('CRPD');
    await page.waitForURL((url) => url.searchParams.get('instrument') === 'CRPD');
    await totalShown(page, crpd.total);
    await page.getByRole('button', { name: en['rec.loadMore'], exact: true }).click();
    await page.waitForFunction((n) => document.querySelectorAll('.link-review-table tbody tr').length === n, Math.min(crpd.total, 2 * PAGE_SIZE));
    assert.deepEqual([...new Set(await page.locator(ROWS).evaluateAll((rows) => rows.map((r) => r.getAttribute('data-instrument'))))], ['CRPD']);
    // Focus goes to the first row the button added.
    assert.equal(await page.evaluate(() => document.activeElement?.closest('tr')?.rowIndex), PAGE_SIZE + 1);
    const violations = await axeViolations(page);
    assert.deepEqual(violations, [], describeViolations(violations));
    await page.screenshot({ path: `${SCREENSHOTS}instrument-link-review.png` });
    await page.close();
  });

  test('an OHCHR editor confirms a link: the API says so, it leaves the unreviewed list, and a stale tab is refused', async () => {
    const editor = await signedInContext(web, 'links-ohchr@example.org', ['ohchr-editor']);
    const address = `${web.server.url}/en/recommendations/instrument-links?instrument=CRPD`;
    const page = await newPage(editor);
    await open(page, address, ROWS);
    // A second tab opened before the review still shows the link unreviewed.
    const stale = await newPage(editor);
    await open(stale, address, ROWS);
    const before = await totalShown(page, (await api<InstrumentLinkList>(web.server, '/recommendations/instrument-links?review=unreviewed&instrument=CRPD')).total);

    const row = page.locator(ROWS).first();
    const id = (await row.getAttribute('data-recommendation'))!;
    const action = (await row.getAttribute('data-action'))!;
    const confirm = row.getByRole('button', { name: en['rec.links.confirm'], exact: true });
    await confirm.focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector(`${ROWS}[data-recommendation="${id}"][data-action="${action}"][data-review="confirmed"]`);
    assert.equal(await confirm.getAttribute('aria-pressed'), 'true');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), en['rec.links.confirm'], 'the focus stays on the button');
    assert.match((await row.textContent()) ?? '', new RegExp(en['rec.links.review.confirmed']!));

    const detail = await api<RecommendationDetail>(web.server, `/recommendations/${encodeURIComponent(id)}`);
    assert.equal(detail.instrumentLinks.find((l) => l.instrument === 'CRPD' && l.action === action)?.review?.verdict, 'confirmed');
    const confirmed = await api<InstrumentLinkList>(web.server, '/recommendations/instrument-links?review=confirmed&instrument=CRPD');
    assert.ok(confirmed.items.some((i) => i.recommendation.id === id && i.link.action === action));

    // Read again, the unreviewed list has one link fewer, and not that one.
    await page.reload();
    await page.waitForSelector(ROWS);
    assert.equal(await totalShown(page, before - 1), before - 1);
    assert.equal(await page.locator(`${ROWS}[data-recommendation="${id}"][data-action="${action}"]`).count(), 0);

    // The other tab, which read the link before it was confirmed, is refused and shows it confirmed.
    const staleRow = stale.locator(`${ROWS}[data-recommendation="${id}"][data-action="${action}"]`);
    assert.equal(await staleRow.getAttribute('data-review'), 'none');
    await staleRow.getByRole('button', { name: en['rec.links.reject'], exact: true }).click();
    await staleRow.getByRole('alert').waitFor();
    assert.equal(await staleRow.getByRole('alert').textContent(), en['errors.stale']);
    assert.equal(await staleRow.getAttribute('data-review'), 'confirmed');
    const after = await api<RecommendationDetail>(web.server, `/recommendations/${encodeURIComponent(id)}`);
    assert.equal(after.instrumentLinks.find((l) => l.instrument === 'CRPD' && l.action === action)?.review?.verdict, 'confirmed', 'the refused rejection changed nothing');
    await stale.screenshot({ path: `${SCREENSHOTS}instrument-link-review-stale.png` });
    await stale.close();

    // The recommendation's page leads to the list.
    await open(page, `${web.server.url}/en/recommendations/${encodeURIComponent(id)}`, '#links-title');
    await page.getByRole('link', { name: en['links.link'], exact: true }).click();
    await page.waitForSelector(ROWS);
    assert.equal(new URL(page.url()).pathname, '/en/recommendations/instrument-links');
    await page.close();
    await editor.close();
  });

  test('in Arabic the page is right-to-left and passes axe', async () => {
    const page = await newPage();
    await open(page, `${web.server.url}/ar/recommendations/instrument-links`, ROWS);
    assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
    assert.equal((await page.locator('main h1').textContent())?.trim(), ar['links.title']);
    assert.equal(await page.locator(ROWS).first().getAttribute('data-review'), 'none', 'unreviewed links first');
    const violations = await axeViolations(page);
    assert.deepEqual(violations, [], describeViolations(violations));
    await page.screenshot({ path: `${SCREENSHOTS}instrument-link-review-ar.png`, fullPage: true });
    await page.close();
    assert.deepEqual(problems, []);
  });
});
