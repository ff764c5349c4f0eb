// The programme's dashboard and a State's cooperation history in the web app, end to end in
// Chromium over the shipped Asia-Pacific workshops: the events chart of Asia has a bar in each
// year a workshop began (Manila 1990 … Bangkok 2010), the same counts in its table alternative;
// years chosen with the keyboard narrow it; the page in Arabic is right to left and passes axe;
// Pakistan's page lists the Islamabad workshop of 2003 in its cooperation section.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { axeViolations, describeViolations, SCREENSHOTS } from '../support/browser.ts';
import { api, dictionary, open, useWebFixture, watch, type WebFixture } from '../support/web.ts';

const en = dictionary('en');
const ar = dictionary('ar');
const EVENTS_CHART = 'figure[data-chart="cooperation-events"]';

describe('the cooperation dashboard in the web app', () => {
  let web: WebFixture;
  useWebFixture((w) => (web = w), 'sqlite', { sharedData: false });
  const problems: string[] = [];

  test('Asia: a bar for each year a workshop began, and the same counts in the table', async () => {
    const page = await web.context.newPage();
    problems.push(...watch(page, web.server));
    const answer = await api<{ events: { byKind: { year: string; key: string; count: number }[] } }>(web.server, '/cooperation/dashboard?region=142');
    const workshopYears = answer.events.byKind.filter((c) => c.key === 'workshop').map((c) => c.year);
    assert.ok(workshopYears.includes('1990') && workshopYears.includes('2003') && workshopYears.includes('2010'), workshopYears.join(' '));

    await open(page, `${web.server.url}/en/cooperation?region=142`, `${EVENTS_CHART} g.bar`);
    assert.equal(await page.locator('nav.main-nav a[aria-current="page"]').textContent(), en['cooperation.nav']);
    const bars = await page.locator(`${EVENTS_CHART} g.bar`).evaluateAll((gs) => gs.map((g) => [g.getAttribute('data-year'), g.getAttribute('data-total')]));
    assert.deepEqual(
      bars,
      workshopYears.map((y) => [y, '1']),
    );
    // The chart's table alternative: one row a year, the workshop counted in its column.
    const chart = page.locator(EVENTS_CHART);
    await chart.getByText(en['chart.showTable']!).click();
    const row2003 = chart.locator('tbody tr', { hasText: '2003' });
    assert.match((await row2003.textContent()) ?? '', /2003.*1/);
    assert.equal(await chart.locator('thead th', { hasText: en['cooperation.kind.workshop']! }).count(), 1);
    // Links to the records themselves.
    for (const path of ['/en/requests', '/en/projects', '/en/events', '/en/events/calendar']) assert.equal(await page.locator(`a[href="${path}"]`).count(), 1, path);
    const violations = await axeViolations(page);
    assert.deepEqual(violations, [], describeViolations(violations));
    await page.screenshot({ path: `${SCREENSHOTS}cooperation-dashboard.png`, fullPage: true });

    // Years typed and sent with Enter narrow the charts (and the address keeps them).
    await page.getByLabel(en['cooperation.from']!, { exact: true }).fill('2000');
    await page.getByLabel(en['cooperation.to']!, { exact: true }).fill('2005');
    await page.getByLabel(en['cooperation.to']!, { exact: true }).press('Enter');
    await page.waitForFunction((selector) => [...document.querySelectorAll(`${selector} g.bar`)].every((g) => (g.getAttribute('data-year') ?? '') >= '2000'), EVENTS_CHART);
    assert.match(page.url(), /from=2000&to=2005|to=2005.*from=2000/);
    const narrowed = await page.locator(`${EVENTS_CHART} g.bar`).evaluateAll((gs) => gs.map((g) => g.getAttribute('data-year')));
    assert.deepEqual(
      narrowed,
      workshopYears.filter((y) => y >= '2000' && y <= '2005'),
    );
    // Years the wrong way round are refused in the page, saying why.
    await page.getByLabel(en['cooperation.from']!, { exact: true }).fill('2009');
    await page.getByRole('button', { name: en['cooperation.apply'] }).click();
    assert.equal(await page.getByRole('alert').textContent(), en['cooperation.badYears']);
    await page.close();
  });

  test('in Arabic the dashboard is right to left and passes axe', async () => {
    const page = await web.context.newPage();
    problems.push(...watch(page, web.server));
    await open(page, `${web.server.url}/ar/cooperation?region=142`, `${EVENTS_CHART} g.bar`);
    assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
    assert.equal(await page.locator('h1').textContent(), ar['cooperation.title']);
    assert.ok((await page.locator(EVENTS_CHART).textContent())?.includes(ar['cooperation.kind.workshop']!));
    const violations = await axeViolations(page);
    assert.deepEqual(violations, [], describeViolations(violations));
    await page.screenshot({ path: `${SCREENSHOTS}cooperation-dashboard-ar.png`, fullPage: true });
    await page.close();
  });

  test("Pakistan's page lists the Islamabad workshop of 2003 in its cooperation section", async () => {
    const page = await web.context.newPage();
    problems.push(...watch(page, web.server));
    await open(page, `${web.server.url}/en/states/PAK`, 'section[aria-labelledby="cooperation-title"] table');
    const section = page.locator('section[aria-labelledby="cooperation-title"]');
    assert.equal(await section.locator('h2').textContent(), en['cooperation.history']);
    const row = section.locator('tr', { hasText: 'Eleventh Workshop' });
    assert.match((await row.textContent()) ?? '', /2003-02-25.*Islamabad/);
    assert.match((await row.textContent()) ?? '', new RegExp(en['cooperation.hosted']!));
    assert.equal(await row.locator('a').getAttribute('href'), '/en/events/asia-pacific-workshop-11');
    const violations = await axeViolations(page);
    assert.deepEqual(violations, [], describeViolations(violations));
    await page.close();
    assert.deepEqual(
      problems.filter((p) => !/status of 4\d\d/.test(p)),
      [],
    );
  });
});
