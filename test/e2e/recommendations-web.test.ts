// Recommendations in the web app, end to end in Chromium, on UPR Info's exports as the shared
// data hold them (imported in the test's setup): a search marks the words it found; ticking a
// State puts it in the address and the total becomes the count the facet showed, and Back takes
// it out again; "Load more" adds the next page with no item twice; a joint recommendation's page
// lists every recommending State, and the recommendations related to it; the search offers its
// whole result as CSV, XLSX and JSON Lines; the State page counts what the State received,
// charts it per year with the same counts in its tables, and says that no data is not none; the pages in Arabic are right-to-left and pass axe; no script error.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { importUprInfo } from '../../src/importers/upr-info/import.ts';
import { foldForFullText } from '../../src/shared/full-text.ts';
import type { RecommendationDetail, RecommendationSearch, RecommendationSummary, RelatedRecommendations } from '../../web/src/api/types.ts';
import { axeViolations, describeViolations, SCREENSHOTS } from '../support/browser.ts';
import { sharedDataPath, skipWithoutSharedData } from '../support/shared-data.ts';
import { api, dictionary, open, useWebFixture, watch, type WebFixture } from '../support/web.ts';

const en = dictionary('en');
const ar = dictionary('ar');

describe('recommendations in the web app', { skip: skipWithoutSharedData() }, () => {
  let web: WebFixture;
  // The registry's reference data only: UPR Info's files are all these pages need.
  useWebFixture((w) => (web = w), 'sqlite', { sharedData: false });
  const problems: string[] = [];

  before(async () => {
    const report = await importUprInfo(web.database.db, sharedDataPath('upr-info-terman'));
    assert.ok(report.files.filter((f) => f.status === 'imported').length >= 5, JSON.stringify(report.files));
  });

  async function newPage(): Promise<Page> {
    const page = await web.context.newPage();
    const seen = watch(page, web.server);
    page.on('close', () => problems.push(...seen));
    return page;
  }

  const totalShown = async (page: Page) => Number(await page.locator('.rec-total').getAttribute('data-total'));
  const itemIds = async (page: Page) => (await page.locator('.rec-item h3 a').evaluateAll((links) => links.map((a) => a.getAttribute('href')))).map((href) => href!.split('/').pop()!);

  test('search, a State ticked and Back, more pages, a joint recommendation', async () => {
    const page = await newPage();
    await open(page, `${web.server.url}/en/recommendations`, '.rec-item');
    await page.getByLabel(en['rec.search.label']!, { exact: true }).fill('torture');
    await page.getByLabel(en['rec.search.label']!, { exact: true }).press('Enter');
    await page.waitForURL(/[?&]q=torture/);
    const all = await api<RecommendationSearch>(web.server, '/recommendations?q=torture&limit=1');
    await page.waitForFunction((n) => document.querySelector('.rec-total')?.getAttribute('data-total') === String(n), all.total);
    // Every mark is the word asked for, as the server matched it (case and accents folded).
    const marks = await page.locator('.rec-text mark').allTextContents();
    assert.ok(marks.length >= 10, `marks: ${marks.length}`);
    for (const mark of marks) assert.equal(foldForFullText(mark), 'torture', mark);
    assert.equal(await page.locator('.rec-item').count(), await page.locator('.rec-item:has(mark)').count(), 'every result shows the word found');
    assert.match((await page.locator('.rec-source').textContent()) ?? '', /UPR Info.*secondary source/s);
    assert.equal(await page.locator('.rec-source a').first().getAttribute('href'), 'https://www.upr-info.org/en/database');

    // Tick the first State the facet lists: the address says so, and the total is the facet's count.
    const states = page.getByRole('group', { name: en['rec.facet.state'], exact: true });
    const box = states.getByRole('checkbox').first();
    const iso3 = (await box.getAttribute('value'))!;
    const count = Number((await states.locator('.count').first().textContent())!.replace(/\D/g, ''));
    assert.ok(count > 25, `${iso3} has ${count} results: more than a page`);
    await box.check();
    await page.waitForURL((url) => url.searchParams.get('state') === iso3 && url.searchParams.get('q') === 'torture');
    await page.waitForFunction((n) => document.querySelector('.rec-total')?.getAttribute('data-total') === String(n), count);
    assert.equal(await states.getByRole('checkbox', { checked: true }).count(), 1);
    // The whole result as files: CSV, XLSX and JSON Lines, each link carrying the search.
    for (const format of ['csv', 'xlsx', 'jsonl']) {
      const link = new URL((await page.locator(`.rec-export a[data-format="${format}"]`).getAttribute('href'))!, web.server.url);
      assert.equal(link.pathname, `/api/v1/recommendations/export/${format}`);
      assert.equal(link.searchParams.get('q'), 'torture');
      assert.equal(link.searchParams.get('state'), iso3);
    }
    const xlsx = await fetch(new URL((await page.locator('.rec-export a[data-format="xlsx"]').getAttribute('href'))!, web.server.url));
    assert.equal(xlsx.headers.get('content-type'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    assert.equal(
      Buffer.from(await xlsx.arrayBuffer())
        .subarray(0, 4)
        .toString('latin1'),
      'PK\u0003\u0004',
      'a ZIP',
    );
    assert.equal((await page.locator('.rec-item').count()) > 0, true);
    await page.screenshot({ path: `${SCREENSHOTS}recommendations-search.png` });

    // Back undoes the tick; Forward brings it back.
    await page.goBack();
    await page.waitForFunction((n) => document.querySelector('.rec-total')?.getAttribute('data-total') === String(n), all.total);
    assert.equal(new URL(page.url()).searchParams.has('state'), false);
    await page.goForward();
    await page.waitForFunction((n) => document.querySelector('.rec-total')?.getAttribute('data-total') === String(n), count);

    // Load more until the last page: more items each time, none twice, every row shown once.
    const first = await itemIds(page);
    let shown = Number(await page.locator('.rec-shown').getAttribute('data-shown'));
    assert.equal(shown, 25);
    const loadMore = page.getByRole('button', { name: en['rec.loadMore'], exact: true });
    while (await loadMore.isVisible()) {
      await loadMore.click();
      await page.waitForFunction((before) => Number(document.querySelector('.rec-shown')?.getAttribute('data-shown')) > before, shown);
      shown = Number(await page.locator('.rec-shown').getAttribute('data-shown'));
    }
    assert.equal(shown, count, 'every row of the search, once');
    const ids = await itemIds(page);
    assert.ok(ids.length > first.length, 'more items');
    assert.deepEqual(ids.slice(0, first.length), first, 'the first page stays as it was');
    assert.equal(new Set(ids).size, ids.length, 'no item twice');
    // Focus went to the first new item, for keyboard users.
    assert.equal(await page.evaluate(() => document.activeElement?.closest('.rec-item') !== null), true);

    // A joint recommendation: one item naming every recommending State, and its page lists them all.
    const page200 = await api<RecommendationSearch>(web.server, '/recommendations?q=torture&limit=200');
    const sizes = new Map<string, number>();
    for (const item of page200.items) sizes.set(item.groupKey, (sizes.get(item.groupKey) ?? 0) + 1);
    const joint = page200.items.find((i) => (sizes.get(i.groupKey) ?? 0) > 1)!;
    assert.ok(joint, 'a joint recommendation among the first 200 results');
    await open(page, `${web.server.url}/en/recommendations?q=torture&state=${joint.state.iso3}`, '.rec-item');
    while (await loadMore.isVisible()) {
      const before = Number(await page.locator('.rec-shown').getAttribute('data-shown'));
      await loadMore.click();
      await page.waitForFunction((n) => Number(document.querySelector('.rec-shown')?.getAttribute('data-shown')) > n, before);
    }
    const detail = await api<RecommendationDetail>(web.server, `/recommendations/${joint.id}`);
    const item = page.locator('.rec-item', { has: page.locator(`h3 a[href$="/recommendations/${joint.id}"]`) });
    const by = (await item.locator('.rec-by').textContent()) ?? '';
    assert.match(by, new RegExp(`^${en['rec.recommendedByJoint']}`));
    for (const row of detail.sameText) assert.ok(by.includes(row.recommender!.name), `${row.recommender!.name} in ${by}`);
    await item.locator('h3 a').click();
    await page.waitForURL(new RegExp(`/en/recommendations/${joint.id}$`));
    await page.waitForSelector('#same-text-title');
    assert.equal(await page.locator('h1').textContent(), en['rec.heading.recommendation']!.replace('{state}', joint.state.name));
    assert.equal(await page.locator('.rec-quote').textContent(), joint.text);
    assert.equal(await page.locator(`.facts a[href$="/en/states/${joint.state.iso3}"]`).count(), 1, 'a link to the State');
    const table = page.locator('section[aria-labelledby="same-text-title"] tbody tr');
    assert.equal(await table.count(), detail.sameText.length);
    for (const row of detail.sameText) {
      assert.equal(await page.locator(`section[aria-labelledby="same-text-title"] a[href$="/en/states/${row.recommender!.iso3}"]`).count(), 1, row.recommender!.name);
    }
    assert.match((await page.locator('section[aria-labelledby="same-text-title"] p').first().textContent()) ?? '', /once for each recommending State/);
    // Related: to the same State and to any State, as the API lists them, never this text's own rows.
    const related = await api<RelatedRecommendations>(web.server, `/recommendations/${joint.id}/related`);
    await page.waitForSelector('#related-title');
    await page.locator('section[aria-labelledby="related-similar-title"]').waitFor();
    const listed = async (id: string) => page.locator(`section[aria-labelledby="${id}"] li`).evaluateAll((items) => items.map((li) => li.getAttribute('data-id')));
    assert.deepEqual(
      await listed('related-state-title'),
      related.sameState.map((r) => r.id),
    );
    assert.deepEqual(
      await listed('related-similar-title'),
      related.similar.map((r) => r.id),
    );
    assert.ok(related.similar.length > 0, 'a UPR text has similar ones');
    for (const id of [...(await listed('related-state-title')), ...(await listed('related-similar-title'))])
      assert.ok(!detail.sameText.some((r) => r.id === id), `${id} is not a row of the same text`);
    assert.equal(await page.locator('.rec-related-words').textContent(), related.words.join(', '));
    await page.screenshot({ path: `${SCREENSHOTS}recommendations-joint.png`, fullPage: true });
    await page.close();
  });

  test('nothing found: says so for the query, and offers to clear the filters', async () => {
    const page = await newPage();
    await open(page, `${web.server.url}/en/recommendations?q=qqqzzz&kind=recommendation`, '.page-state.empty');
    assert.equal(await totalShown(page), 0);
    assert.match((await page.locator('.page-state.empty').textContent()) ?? '', /No recommendation matches “qqqzzz”/);
    await page.locator('.page-state.empty').getByRole('link', { name: en['rec.clearFilters'], exact: true }).click();
    await page.waitForURL((url) => !url.searchParams.has('kind') && url.searchParams.get('q') === 'qqqzzz');
    await page.getByRole('link', { name: en['rec.clearAll'], exact: true }).click();
    await page.waitForURL((url) => url.search === '');
    await page.waitForSelector('.rec-item');
    await page.close();
  });

  test('the State page: what it received by response, and no data said as no data', async () => {
    const page = await newPage();
    const uzb = await api<RecommendationSearch>(web.server, '/recommendations?state=UZB&limit=1');
    const supported = uzb.facets!.response!.find((f) => f.value === 'supported')!.count;
    await open(page, `${web.server.url}/en/states/UZB`, 'section[aria-labelledby="recommendations-title"] .rec-counts');
    const section = page.locator('section[aria-labelledby="recommendations-title"]');
    assert.equal(Number((await section.locator('[data-count="supported"]').textContent())!.replace(/\D/g, '')), supported);
    // The charts: bars per year by response, each part with its count, and the same counts in the tables.
    const summary = await api<RecommendationSummary>(web.server, '/recommendations/summary?state=UZB');
    const byResponse = section.locator('figure[data-chart="UZB-recommendations-by-response"]');
    await byResponse.locator('svg .bar').first().waitFor();
    const years = [...new Set(summary.byResponse.map((c) => c.year))];
    assert.ok(years.length >= 2, `Uzbekistan reviewed in ${years.join(', ')}`);
    assert.equal(await byResponse.locator('svg .bar').count(), years.length, 'a bar a year');
    for (const c of summary.byResponse) {
      const part = byResponse.locator(`svg .bar[data-year="${c.year ?? ''}"] [data-series="${c.value ?? 'none'}"]`);
      assert.equal(Number(await part.getAttribute('data-count')), c.count, `${c.year} ${c.value}`);
    }
    assert.match((await byResponse.getAttribute('class')) ?? '', /rec-chart/);
    assert.ok((await byResponse.locator('.chart-frame').getAttribute('aria-label'))?.includes('Uzbekistan'));
    assert.equal(await byResponse.locator('.chart-legend li').count(), new Set(summary.byResponse.map((c) => c.value)).size, 'a legend entry for each response');
    await byResponse.locator('details summary').click();
    const tableRows = byResponse.locator('details tbody tr');
    assert.equal(await tableRows.count(), years.length, 'the table has a row a year');
    const supportedByYear = summary.byResponse.filter((c) => c.value === 'supported');
    const header = await byResponse.locator('details thead th').allTextContents();
    const supportedColumn = header.findIndex((h) => h.includes(en['rec.response.supported']!));
    for (const [i, year] of years.entries()) {
      const cells = await tableRows.nth(i).locator('td, th').allTextContents();
      assert.equal(Number(cells[supportedColumn]!.replace(/\D/g, '')), supportedByYear.find((c) => c.year === year)?.count ?? 0, `${year}: supported`);
    }
    assert.equal(await section.locator('figure[data-chart="UZB-recommendations-by-mechanism"] svg .bar').count(), years.length);
    const themes = section.locator('table[data-chart="themes"] tbody tr');
    assert.equal(await themes.count(), summary.themes.length);
    assert.equal(await themes.first().getAttribute('data-theme'), summary.themes[0]!.value);
    await page.screenshot({ path: `${SCREENSHOTS}recommendations-state-charts.png`, fullPage: true });
    const violations = await axeViolations(page);
    assert.deepEqual(violations, [], describeViolations(violations));
    await section.getByRole('link', { name: en['rec.state.search'], exact: true }).first().click();
    await page.waitForURL((url) => url.pathname === '/en/recommendations' && url.searchParams.get('state') === 'UZB');
    await page.waitForSelector('.rec-item');
    // The Holy See is not reviewed in these data: Accord holds none, which is not "none received".
    await open(page, `${web.server.url}/en/states/VAT`, 'section[aria-labelledby="recommendations-title"] p');
    const none = (await page.locator('section[aria-labelledby="recommendations-title"]').textContent()) ?? '';
    assert.match(none, /Accord holds no recommendation addressed to Holy See[^.]*\. That does not mean it received none: .* sessions 1 to 20 \(2008–2014\)/);
    await page.close();
  });

  test('in Arabic: right to left, axe passes, the text stays English and marked', async () => {
    const page = await newPage();
    await open(page, `${web.server.url}/ar/recommendations?q=torture&state=UZB`, '.rec-item mark');
    assert.deepEqual(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]), ['ar', 'rtl']);
    assert.equal(await page.locator('h1').textContent(), ar['rec.title']);
    assert.equal(await page.locator('.rec-text').first().getAttribute('dir'), 'ltr');
    assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('.rec-layout')!).direction), 'rtl');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 1, `no sideways scrolling in RTL (${overflow} px)`);
    let violations = await axeViolations(page);
    await page.screenshot({ path: `${SCREENSHOTS}recommendations-ar.png` });
    assert.deepEqual(violations, [], describeViolations(violations));
    await page.locator('.rec-item h3 a').first().click();
    await page.waitForSelector('#same-text-title');
    violations = await axeViolations(page);
    assert.deepEqual(violations, [], describeViolations(violations));
    // The State page's charts in Arabic: years run right to left, the legend and tables in Arabic, axe passes.
    await open(page, `${web.server.url}/ar/states/UZB`, 'figure[data-chart="UZB-recommendations-by-response"] svg .bar');
    const bars = page.locator('figure[data-chart="UZB-recommendations-by-response"] svg .bar');
    const xs = await bars.evaluateAll((gs) => gs.map((g) => Number(g.querySelector('rect')!.getAttribute('x'))));
    assert.ok(xs.length >= 2 && xs[0]! > xs.at(-1)!, `the first year on the right: ${xs}`);
    const legend = await page.locator('figure[data-chart="UZB-recommendations-by-response"] .chart-legend li').allTextContents();
    assert.ok(legend.includes(ar['rec.response.supported']!), legend.join(' | '));
    assert.ok(((await page.locator('table[data-chart="themes"] caption').textContent()) ?? '').startsWith(ar['rec.charts.themesCaption']!.split('{name}')[0]!), 'the table in Arabic');
    violations = await axeViolations(page);
    await page.screenshot({ path: `${SCREENSHOTS}recommendations-state-charts-ar.png`, fullPage: true });
    assert.deepEqual(violations, [], describeViolations(violations));
    await page.close();
  });

  test('no script or console error on any of these pages', () => {
    assert.deepEqual(problems, []);
  });
});
