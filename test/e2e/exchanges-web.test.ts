// Exchanges with regional organizations in the web app, end to end in Chromium: the list filtered
// on the Council of Europe and sorted newest first, its CSV link carrying the filter; one shipped
// exchange (the tenth tripartite meeting, Vienna 2001) with its parties, outcomes and official
// sources; the section of the organization page; an OHCHR editor enters an exchange and is shown
// it, enters and corrects a series, corrects the exchange's parties, follow-up and series (a
// refusal shown beside its field) and deletes it after a confirmation; a shipped exchange offers
// no deletion; a viewer is offered no form; the same pages in Arabic, right to left; each page
// passes axe.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { axeViolations, describeViolations, SCREENSHOTS } from '../support/browser.ts';
import { api, dictionary, open, signedInContext, useWebFixture, watch, type WebFixture } from '../support/web.ts';

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
    // The correction form for OHCHR, once the organizations, mechanisms and series it offers are read.
    await page.waitForSelector('section[aria-labelledby="exchange-edit"] form.edit-form');
    await context.close();
  });

  test('an OHCHR editor enters and corrects a series, edits parties and follow-up, and deletes an exchange', async () => {
    const context = await signedInContext(web, 'ohchr-exchanges-2@example.org', ['ohchr-editor']);
    const page = await context.newPage();
    problems.push(...watch(page, web.server));
    const source = async (form: import('playwright-core').Locator, title: string) => {
      const scope = form.locator('fieldset.source-picker');
      await scope.getByLabel(en['edit.source.title']!, { exact: true }).fill(title);
      await scope.getByLabel(en['edit.source.url']!, { exact: true }).fill('https://www.ohchr.org/en/countries/kenya');
      await scope.getByLabel(en['edit.kind.official']!, { exact: true }).check();
    };

    // A new series: an id already taken is refused beside the field, then the series is entered.
    await open(page, `${web.server.url}/en/exchanges`, 'table.data-table tbody tr');
    await page.getByRole('link', { name: en['exchanges.series.title'] }).click();
    await page.waitForSelector('ul.series-list li');
    assert.match((await page.locator('ul.series-list').textContent()) ?? '', /Tripartite/);
    await page.getByRole('link', { name: en['exchanges.series.new'] }).click();
    await page.waitForSelector('form.edit-form');
    let form = page.locator('form.edit-form');
    await form.getByLabel(en['edit.field.id']!).fill('un-osce-coe-tripartite');
    await form.getByLabel(en['exchanges.series.field.title']!).fill('Consultations of OHCHR and the African Union (test)');
    await source(form, 'OHCHR, regional office (test)');
    await form.getByRole('button', { name: en['edit.create'] }).click();
    const idInput = form.getByLabel(en['edit.field.id']!);
    await page.waitForFunction(() => document.querySelector('input[name="id"][aria-invalid="true"]') !== null);
    assert.match((await form.locator('input[name="id"] ~ .field-error').textContent()) ?? '', /already exists/);
    await idInput.fill('ohchr-au-consultations-test');
    await form.getByRole('button', { name: en['edit.create'] }).click();
    await page.waitForURL(/\/en\/exchanges\/series\/ohchr-au-consultations-test$/);
    await page.waitForSelector('.form-done');
    assert.equal((await page.locator('h1').textContent())?.trim(), 'Consultations of OHCHR and the African Union (test)');
    assert.equal((await page.locator('.form-done').textContent())?.trim(), en['edit.done.created']);

    // Corrected: a description added.
    await page.getByRole('link', { name: en['exchanges.series.edit'] }).click();
    await page.waitForSelector('form.edit-form');
    form = page.locator('form.edit-form');
    await form.getByLabel(en['exchanges.field.description']!).fill('Yearly consultations on the African human rights system (test).');
    await source(form, 'OHCHR, regional office, second (test)');
    await form.getByRole('button', { name: en['edit.save'] }).click();
    await page.waitForURL(/\/en\/exchanges\/series\/ohchr-au-consultations-test$/);
    await page.waitForFunction(() => document.querySelector('main')?.textContent?.includes('Yearly consultations'));
    const series = await api<{ title: string; description: string | null; version: number }>(web.server, '/exchange-series/ohchr-au-consultations-test');
    assert.equal(series.description, 'Yearly consultations on the African human rights system (test).');
    assert.equal(series.version, 2);
    let violations = await axeViolations(page);
    assert.deepEqual(violations, [], describeViolations(violations));

    // The exchange the previous test entered: its parties, follow-up and series corrected.
    const list = await api<{ items: { id: string; title: string }[] }>(web.server, '/exchanges?kind=consultation&limit=1000');
    const entered = list.items.find((e) => e.title.includes('African Union Commission (test)'));
    assert.ok(entered, 'the exchange entered by the previous test');
    const exchangeUrl = `${web.server.url}/en/exchanges/${entered.id}`;
    await open(page, exchangeUrl, 'section[aria-labelledby="exchange-edit"] form.edit-form');
    form = page.locator('section[aria-labelledby="exchange-edit"] form.edit-form');
    const parties = form.locator('fieldset.rows-editor', { has: page.locator('legend', { hasText: en['exchanges.parties'] }) });
    assert.equal(await parties.locator('fieldset.row-fields').count(), 2);
    await parties.getByRole('button', { name: en['exchanges.party.add'] }).click();
    const third = parties.locator('fieldset.row-fields').nth(2);
    await third.getByLabel(en['exchanges.party.side']!).selectOption('regional');
    const actions = form.locator('fieldset.rows-editor', { has: page.locator('legend', { hasText: en['exchanges.followUp'] }) });
    await actions.getByRole('button', { name: en['exchanges.action.add'] }).click();
    await actions.getByLabel(en['exchanges.action']!, { exact: true }).fill('Share the draft guidelines with the Commission (test)');
    await actions.getByLabel(en['exchanges.owner']!).fill('OHCHR Africa Branch');
    await actions.getByLabel(en['exchanges.due']!).fill('2026-06');
    await form.locator('select[name="seriesId"]').selectOption('ohchr-au-consultations-test');
    await form.getByLabel(en['events.seriesNumberLabel']!).fill('1');
    await source(form, 'Meeting note (test)');
    // A regional party that names neither an organization nor a mechanism is refused beside it.
    await form.getByRole('button', { name: en['edit.save'] }).click();
    await page.waitForFunction(() => document.querySelector('fieldset.row-fields select[aria-invalid="true"]') !== null);
    const orgSelect = third.getByLabel(en['col.organization']!);
    assert.equal(await orgSelect.getAttribute('aria-invalid'), 'true');
    assert.match((await third.locator('.field-error').first().textContent()) ?? '', /exactly one organization or mechanism/);
    await third.getByLabel(en['col.mechanism']!).selectOption('ACHPR-COMM');
    await form.getByRole('button', { name: en['edit.save'] }).click();
    await page.waitForFunction((text) => document.querySelector('.form-done')?.textContent?.includes(text), en['edit.done.saved']!);
    await page.waitForFunction(() => document.querySelector('section[aria-labelledby="exchange-follow-up"]')?.textContent?.includes('draft guidelines'));
    const facts = (await page.locator('dl.facts').textContent()) ?? '';
    assert.match(facts, /African Commission/);
    assert.match(facts, /Consultations of OHCHR and the African Union \(test\) \(no\. 1\)/);
    const stored = await api<{
      parties: { side: string; organizationId: string | null; mechanism: string | null; name: string | null }[];
      actions: { owner: string; due: string }[];
      series: { id: string };
    }>(web.server, `/exchanges/${entered.id}`);
    assert.deepEqual(
      stored.parties.map((p) => [p.side, p.organizationId, p.mechanism]),
      [
        ['un', null, null],
        ['regional', 'au', null],
        ['regional', null, 'ACHPR-COMM'],
      ],
    );
    assert.deepEqual(
      stored.actions.map((a) => [a.owner, a.due]),
      [['OHCHR Africa Branch', '2026-06']],
    );
    assert.equal(stored.series.id, 'ohchr-au-consultations-test');
    violations = await axeViolations(page);
    assert.deepEqual(violations, [], describeViolations(violations));
    await page.screenshot({ path: `${SCREENSHOTS}exchange-corrected.png`, fullPage: true });

    // The series lists it; then it is deleted after a confirmation, and gone from the API.
    await page.getByRole('link', { name: 'Consultations of OHCHR and the African Union (test)' }).click();
    await page.waitForSelector('ol.series-events li');
    assert.match((await page.locator('ol.series-events').textContent()) ?? '', /African Union Commission \(test\)/);
    await open(page, exchangeUrl, 'dl.facts');
    await page.getByRole('button', { name: en['exchanges.delete'] }).click();
    await page.locator('dialog[open]').getByRole('button', { name: en['edit.delete'] }).click();
    await page.waitForURL(/\/en\/exchanges$/);
    await page.waitForFunction((text) => document.querySelector('.form-done')?.textContent?.includes(text), en['edit.done.deleted']!);
    assert.equal((await fetch(`${web.server.url}/api/v1/exchanges/${entered.id}`)).status, 404);
    // A shipped exchange is corrected, never deleted: no button, a line that says so.
    await open(page, `${web.server.url}/en/exchanges/tripartite-2001-vienna`, 'dl.facts');
    assert.equal(await page.getByRole('button', { name: en['exchanges.delete'] }).count(), 0);
    assert.match((await page.locator('main').textContent()) ?? '', new RegExp(en['exchanges.shippedNoDelete']!.slice(0, 20)));
    await context.close();
  });

  test('a series page in Arabic, right to left', async () => {
    const page = await web.context.newPage();
    problems.push(...watch(page, web.server));
    await open(page, `${web.server.url}/ar/exchanges/series/ohchr-au-consultations-test`, 'dl.facts');
    assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
    assert.match((await page.locator('main').textContent()) ?? '', new RegExp(ar['exchanges.series.noExchanges']!));
    const violations = await axeViolations(page);
    assert.deepEqual(violations, [], describeViolations(violations));
    await page.close();
    assert.deepEqual(
      problems.filter((p) => !/status of 4\d\d/.test(p)),
      [],
    );
  });
});
