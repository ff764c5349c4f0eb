// The outcomes of recommendations to ratify in the web app, end to end in Chromium, on the shared
// data (treaty status and UPR Info's exports): the chart's bar for CAT shows the count the API
// gives of supported recommendations followed within five years, the table beside it lists the
// same figure, the CSV link asks the API for the filters shown; the window chosen goes into the
// address; Fiji's page lists its recommendations to ratify CAT with the ratification of 14 March
// 2016 and its source; the page in Arabic is right-to-left; axe finds nothing; no script error.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { importUprInfo } from '../../src/importers/upr-info/import.ts';
import type { RatificationOutcomes } from '../../web/src/api/types.ts';
import { axeViolations, describeViolations, SCREENSHOTS } from '../support/browser.ts';
import { sharedDataPath, skipWithoutSharedData } from '../support/shared-data.ts';
import { api, dictionary, open, useWebFixture, watch, type WebFixture } from '../support/web.ts';

const en = dictionary('en');

describe('outcomes of recommendations to ratify in the web app', { skip: skipWithoutSharedData() }, () => {
  let web: WebFixture;
  useWebFixture((w) => (web = w));
  const problems: string[] = [];

  before(async () => {
    await importUprInfo(web.database.db, sharedDataPath('upr-info-terman'));
  });

  async function newPage(): Promise<Page> {
    const page = await web.context.newPage();
    const seen = watch(page, web.server);
    page.on('close', () => problems.push(...seen));
    return page;
  }

  test('the chart and the table agree with the API; the window goes into the address', async () => {
    const data = await api<RatificationOutcomes>(web.server, '/recommendations/ratification-outcomes?response=supported&lang=en');
    const cat = data.rows.find((r) => r.instrument.code === 'CAT')!;
    const page = await newPage();
    await open(page, `${web.server.url}/en/recommendations`, '.rec-item');
    await page.getByRole('link', { name: en['outcomes.link'], exact: true }).click();
    await page.waitForSelector('.outcomes-chart .bar[data-instrument="CAT"]');
    const bar = page.locator('.outcomes-chart .bar[data-instrument="CAT"]');
    assert.equal(Number(await bar.getAttribute('data-followed')), cat.windows['5'].followed.rows);
    assert.equal(Number(await bar.getAttribute('data-total')), cat.total.rows);
    // The table beside it says the same, with the distinct count in brackets.
    const row = page.locator('table tbody tr').filter({ has: page.getByRole('cell', { name: 'CAT', exact: true }) });
    assert.match((await row.textContent()) ?? '', new RegExp(`${cat.windows['5'].followed.rows} \\(${cat.windows['5'].followed.distinct}\\)`));
    const csv = await page.getByRole('link', { name: en['outcomes.csv'], exact: true }).getAttribute('href');
    assert.match(csv ?? '', /^\/api\/v1\/recommendations\/ratification-outcomes\/csv\?.*response=supported/);
    const violations = await axeViolations(page);
    assert.deepEqual(violations, [], describeViolations(violations));
    await page.screenshot({ path: `${SCREENSHOTS}ratification-outcomes.png`, fullPage: true });

    // The label holds the list, so its name goes on with the option chosen ("Within five years").
    await page.getByRole('combobox', { name: new RegExp(`^${en['outcomes.filter.window']}`) }).selectOption('1');
    await page.waitForURL((url) => url.searchParams.get('window') === '1');
    await page.waitForFunction((n) => document.querySelector('.outcomes-chart .bar[data-instrument="CAT"]')?.getAttribute('data-followed') === String(n), cat.windows['1'].followed.rows);
    await page.close();
  });

  test("Fiji's page lists what it did after the recommendations to ratify CAT", async () => {
    const page = await newPage();
    await open(page, `${web.server.url}/en/states/FJI`, '#ratify-outcomes-title');
    const section = page.locator('section[aria-labelledby="ratify-outcomes-title"]');
    await section.locator('table').waitFor();
    const catRows = section.locator('tbody tr').filter({ has: page.getByRole('cell', { name: 'CAT', exact: true }) });
    assert.ok((await catRows.count()) >= 2, 'sessions 7 and 20');
    const text = (await catRows.first().textContent()) ?? '';
    assert.match(text, /Ratification/);
    assert.match(text, /2016/);
    assert.ok((await section.locator('.sources').count()) > 0, 'each act shows its sources');
    await page.close();
  });

  test('in Arabic the page is right-to-left and passes axe', async () => {
    const page = await newPage();
    await open(page, `${web.server.url}/ar/recommendations/ratification-outcomes`, '.outcomes-chart .bar');
    assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
    const violations = await axeViolations(page);
    assert.deepEqual(violations, [], describeViolations(violations));
    await page.screenshot({ path: `${SCREENSHOTS}ratification-outcomes-ar.png`, fullPage: true });
    await page.close();
    assert.deepEqual(problems, []);
  });
});
