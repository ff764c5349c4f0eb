// Exchanges with regional organizations in the web app, end to end in Chromium: the list filtered
// on the Council of Europe and sorted newest first, its CSV link carrying the filter; one shipped
// exchange (the tenth tripartite meeting, Vienna 2001) with its parties, outcomes and official
// sources; the section of the organization page; an OHCHR editor enters an exchange and is shown
// it; a viewer is offered no form; the same pages in Arabic, right to left; each page passes axe.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { axeViolations, describeViolations, SCREENSHOTS } from '../support/browser.ts';
import { dictionary, open, signedInContext, useWebFixture, watch, type WebFixture } from '../support/web.ts';

const en = dictionary('en');
const ar = dictionary('ar');

describe('exchanges in the web app', () => {
  let web: WebFixture;
  useWebFixture((w) => (web = w), 'sqlite', { sharedData: false });
  const problems: string[] = [];

  test('the list filtered and sorted, one shipped exchange with its sources, the organization section (en)', async () => {
    const page = await web.context.newPage();
    problems.push(...watch(page, web.server));
    await open(page, `${web.server.url}/en/exchanges?organization=coe&sort=-start`, 'table.data-table tbody tr');
    const rows = page.locator('table.data-table tbody tr');
    assert.ok((await rows.count()) >= 4);
    assert.match((await rows.first().textContent()) ?? '', /2007/, 'newest first');
    assert.match((await page.locator('.summary').textContent()) ?? '', /Exchanges: \d+/);
    const csv = (await page.getByRole('link', { name: en['exchanges.csv'] }).getAttribute('href')) ?? '';
    assert.match(csv, /\/api\/v1\/exchanges\/export\/exchanges\.csv\?.*organization=coe/);
    let violations = await axeViolations(page);
    assert.deepEqual(violations, [], describeViolations(violations));

    await page.getByRole('link', { name: /Tenth High-level Tripartite Meeting/ }).click();
    await page.waitForSelector('h1');
    assert.match((await page.locator('h1').textContent()) ?? '', /Tenth High-level Tripartite Meeting/);
    const facts = (await page.locator('dl.facts').textContent()) ?? '';
    assert.match(facts, /Vienna, AUT/);
    assert.match(facts, /Council of Europe/);
    assert.match(facts, /United Nations Office at Geneva/);
    assert.match((await page.locator('section[aria-labelledby="exchange-outcomes"]').textContent()) ?? '', /joint assessment mission/);
    const sources = (await page.locator('section[aria-labelledby="exchange-sources"]').textContent()) ?? '';
    assert.match(sources, /SG\/Inf\(2001\)6/);
    assert.equal(await page.locator('form.edit-form').count(), 0, 'no form for the public');
    violations = await axeViolations(page);
    assert.deepEqual(violations, [], describeViolations(violations));
    await page.screenshot({ path: `${SCREENSHOTS}exchange-vienna-2001.png`, fullPage: true });

    await open(page, `${web.server.url}/en/organizations/las`, 'section[aria-labelledby="exchanges-title"] li');
    assert.match((await page.locator('section[aria-labelledby="exchanges-title"]').textContent()) ?? '', /Arab Charter/);
    await page.close();
  });

  test('the same list and exchange in Arabic, right to left', async () => {
    const page = await web.context.newPage();
    problems.push(...watch(page, web.server));
    await open(page, `${web.server.url}/ar/exchanges`, 'table.data-table tbody tr');
    assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
    assert.equal((await page.locator('h1').textContent())?.trim(), ar['exchanges.title']);
    let violations = await axeViolations(page);
    assert.deepEqual(violations, [], describeViolations(violations));
    await open(page, `${web.server.url}/ar/exchanges/tripartite-2001-vienna`, 'dl.facts');
    assert.match((await page.locator('dl.facts').textContent()) ?? '', new RegExp(ar['exchanges.kind.meeting']!));
    violations = await axeViolations(page);
    assert.deepEqual(violations, [], describeViolations(violations));
    await page.screenshot({ path: `${SCREENSHOTS}exchange-vienna-2001-ar.png`, fullPage: true });
    await page.close();
  });

  test('an OHCHR editor enters an exchange with the keyboard-usable form', async () => {
    const context = await signedInContext(web, 'ohchr-exchanges@example.org', ['ohchr-editor']);
    const page = await context.newPage();
    problems.push(...watch(page, web.server));
    await open(page, `${web.server.url}/en/exchanges/new`, 'form.edit-form');
    const form = page.locator('form.edit-form');
    await form.getByLabel(en['col.kind']!, { exact: true }).selectOption('consultation');
    await form.getByLabel(en['exchanges.field.title']!, { exact: true }).fill('Consultation of OHCHR and the African Union Commission (test)');
    await form.getByLabel(en['exchanges.field.start']!, { exact: true }).fill('2026-03-10');
    await form.getByLabel(en['exchanges.unBody']!, { exact: true }).selectOption('ohchr');
    await form.getByLabel(en['col.organization']!).selectOption('au');
    await form.getByLabel(en['edit.source.title']!, { exact: true }).fill('OHCHR, regional office for East Africa (test)');
    await form.getByLabel(en['edit.source.url']!, { exact: true }).fill('https://www.ohchr.org/en/countries/kenya');
    await form.getByLabel(en['edit.kind.official']!, { exact: true }).check();
    await form.getByRole('button', { name: en['edit.create'] }).click();
    await page.waitForSelector('dl.facts');
    assert.match((await page.locator('h1').textContent()) ?? '', /African Union Commission \(test\)/);
    assert.match((await page.locator('dl.facts').textContent()) ?? '', /African Union/);
    assert.equal(await page.locator('section[aria-labelledby="exchange-edit"] form.edit-form').count(), 1, 'the correction form for OHCHR');
    await context.close();
    assert.deepEqual(
      problems.filter((p) => !/status of 4\d\d/.test(p)),
      [],
    );
  });
});
