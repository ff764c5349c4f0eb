// OHCHR field presences in the web app, end to end in Chromium: an OHCHR editor adds a coverage
// period to the Regional Office for Europe (Belgium, from 2009, its source named); the map's
// presences view at a date before shows Belgium covered by no presence, and at a date after
// covered by that office, in the map, its legend and the table under it; the presences page at
// those dates says the same; an organization's editor is offered no form; the pages pass axe, in
// Arabic right to left.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { axeViolations, describeViolations, SCREENSHOTS } from '../support/browser.ts';
import { dictionary, open, signedInContext, useWebFixture, watch, type WebFixture } from '../support/web.ts';

const en = dictionary('en');
const ar = dictionary('ar');

describe('OHCHR presences in the web app', () => {
  let web: WebFixture;
  useWebFixture((w) => (web = w), 'sqlite', { sharedData: false });
  const problems: string[] = [];

  async function belgiumOnMap(page: Page, asOf: string): Promise<string | null> {
    await open(page, `${web.server.url}/en/?mode=presences&asOf=${asOf}`, 'svg[data-drawn="true"] [data-iso3="BEL"]');
    return page.locator('svg [data-iso3="BEL"]').first().getAttribute('data-group');
  }

  test('an OHCHR editor adds a coverage period; the map before and after the date shows the change', async () => {
    const context = await signedInContext(web, 'ohchr-presences@example.org', ['ohchr-editor']);
    const page = await context.newPage();
    problems.push(...watch(page, web.server));

    assert.equal(await belgiumOnMap(page, '2010-06-01'), 'none', 'the shipped data list no State for the Regional Office for Europe');

    await open(page, `${web.server.url}/en/presences/ro-europe`, 'section[aria-labelledby="add-period-title"] form.edit-form');
    const form = page.locator('section[aria-labelledby="add-period-title"]');
    await form.getByLabel(en['col.state']!, { exact: true }).selectOption('BEL');
    await form.getByLabel(en['presence.from']!, { exact: true }).fill('2009');
    await form.getByLabel(en['edit.source.title']!, { exact: true }).fill("OHCHR Regional Office for Europe, 'What does the Regional Office for Europe do?'");
    await form.getByLabel(en['edit.source.url']!, { exact: true }).fill('https://europe.ohchr.org/EN/AboutUs/Pages/WhatWeDo.aspx');
    await form.getByLabel(en['edit.kind.official']!, { exact: true }).check();
    await form.getByLabel(en['edit.reason']!).fill('Based in Brussels since 2009, the office works on the EU and its member States (test)');
    await form.getByRole('button', { name: en['edit.create'] }).click();
    await page.waitForSelector('.form-done');
    await page.waitForFunction(() => document.querySelector('table')?.textContent?.includes('Belgium'));
    assert.match((await page.locator('table').first().textContent()) ?? '', /Belgium/);
    await page.screenshot({ path: `${SCREENSHOTS}presence-period-added.png`, fullPage: true });

    assert.equal(await belgiumOnMap(page, '2008-06-01'), 'none', 'before 2009: no presence');
    assert.equal(await belgiumOnMap(page, '2010-06-01'), 'ro-europe', 'after: the Regional Office for Europe');
    assert.equal(await page.locator('svg [data-iso3="BEL"]').first().getAttribute('data-hatched'), null, 'certain in 2010');
    assert.match((await page.locator('.legend').textContent()) ?? '', /OHCHR Regional Office for Europe \(1 State\)/);
    // The accessible table under the map says the same (the States in the order of their codes: Belgium on the first page).
    assert.match((await page.locator('tr', { hasText: 'Belgium' }).first().textContent()) ?? '', /OHCHR Regional Office for Europe/);
    await page.screenshot({ path: `${SCREENSHOTS}presence-map-2010.png` });
    const violations = await axeViolations(page);
    assert.deepEqual(violations, [], describeViolations(violations));

    // In 2009 itself the start is known only to the year: covered, hatched.
    assert.equal(await belgiumOnMap(page, '2009-06-01'), 'ro-europe');
    assert.equal(await page.locator('svg [data-iso3="BEL"]').first().getAttribute('data-hatched'), 'true');

    // The presences page at a date says the same.
    await open(page, `${web.server.url}/en/presences?asOf=2008-06-01`, 'table');
    const row2008 = (await page.locator('tr', { hasText: 'OHCHR Regional Office for Europe' }).textContent()) ?? '';
    assert.doesNotMatch(row2008, /Belgium/);
    await open(page, `${web.server.url}/en/presences?asOf=2010-06-01`, 'table');
    assert.match((await page.locator('tr', { hasText: 'OHCHR Regional Office for Europe' }).textContent()) ?? '', /Belgium/);
    await context.close();
  });

  test('an organization editor is offered no form; the pages in Arabic are right to left and pass axe', async () => {
    const context = await signedInContext(web, 'au-presences@example.org', ['organization-editor:au']);
    const page = await context.newPage();
    problems.push(...watch(page, web.server));
    await open(page, `${web.server.url}/en/presences/ro-europe`, 'h1');
    await page.waitForSelector('section.history, .history-list, h2');
    assert.equal(await page.locator('form.edit-form').count(), 0);

    await open(page, `${web.server.url}/ar/presences?asOf=2010-06-01`, 'table');
    assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
    assert.match((await page.locator('h1').textContent()) ?? '', new RegExp(ar['presences.title']!));
    let violations = await axeViolations(page);
    assert.deepEqual(violations, [], describeViolations(violations));
    await open(page, `${web.server.url}/ar/?mode=presences&asOf=2010-06-01`, 'svg[data-drawn="true"]');
    violations = await axeViolations(page);
    assert.deepEqual(violations, [], describeViolations(violations));
    await page.screenshot({ path: `${SCREENSHOTS}presence-map-ar.png` });
    await context.close();
    assert.deepEqual(
      problems.filter((p) => !/status of 4\d\d/.test(p)),
      [],
    );
  });
});
