// The ratification gap page in the web app, end to end in Chromium, on the shipped treaty data:
// from the United States' page a reader reaches its gaps, where the ICESCR (signed, not ratified)
// shows "none recorded" for obstacles; an OHCHR editor enters an obstacle through the form and
// the gap page shows it; printed, the page drops the navigation; in Arabic it runs right to left;
// the list of obstacles and an obstacle's page, where a strategy is entered; the pages pass axe.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { loadSnapshot } from '../../src/snapshot/load.ts';
import { axeViolations, describeViolations, SCREENSHOTS } from '../support/browser.ts';
import { api, dictionary, open, signedInContext, useWebFixture, watch, type WebFixture } from '../support/web.ts';

const en = dictionary('en');
const ar = dictionary('ar');

describe('ratification gaps in the web app', () => {
  let web: WebFixture;
  useWebFixture((w) => (web = w), 'sqlite', { sharedData: false });
  before(async () => {
    await loadSnapshot(web.database.db);
    // The server builds its treaty model on the first request that needs it: built here, so that a
    // busy machine's first build does not count against a page's wait.
    await api(web.server, '/states/USA/ratification-gaps');
  });
  const problems: string[] = [];
  const icescrRow = (page: import('playwright-core').Page) => page.locator('tbody tr', { hasText: 'ICESCR' });

  test('from the State page to its gaps; an OHCHR editor enters an obstacle and the page shows it', async () => {
    const context = await signedInContext(web, 'ohchr-obstacles@example.org', ['ohchr-editor']);
    const page = await context.newPage();
    problems.push(...watch(page, web.server));
    await open(page, `${web.server.url}/en/states/USA`, 'h1');
    await page.getByRole('link', { name: en['gaps.link'] }).click();
    await page.waitForSelector('table.gaps-table');
    assert.match((await page.locator('h1').textContent()) ?? '', /United States/);
    const before = (await icescrRow(page).textContent()) ?? '';
    assert.match(before, new RegExp(en['treaty.status.signatory']!));
    assert.match(before, new RegExp(en['gaps.noneRecorded']!), 'no obstacle recorded is said so, never "none"');

    await page.getByRole('link', { name: en['obstacles.new'] }).click();
    await page.waitForSelector('form');
    await page.getByLabel(en['obstacles.field.instruments']!).fill('ICESCR');
    await page.getByLabel(en['obstacles.field.category']!).selectOption('political-objection');
    await page.getByLabel(en['obstacles.field.description']!).fill('Economic, social and cultural rights held to be goals, not rights (written for the tests)');
    await page.getByLabel(en['obstacles.field.identified']!).fill('2015-09');
    await page.getByLabel(en['obstacles.field.identifiedBy']!).fill('UPR, second cycle');
    await page.getByLabel(en['edit.source.title']!, { exact: true }).fill('Report of the Working Group on the UPR: addendum (written for the tests)');
    await page.getByLabel(en['edit.source.url']!, { exact: true }).fill('https://example.org/upr/usa');
    await page.getByLabel(en['edit.kind.official']!, { exact: true }).check();
    await page.getByRole('button', { name: en['edit.create'] }).click();
    await page.waitForURL(/\/en\/states\/USA\/gaps/);
    await page.waitForFunction((text) => document.querySelector('table.gaps-table')?.textContent?.includes(text), en['obstacles.category.political-objection']!);
    assert.match((await icescrRow(page).textContent()) ?? '', /Political objection/);
    const violations = await axeViolations(page);
    assert.deepEqual(violations, [], describeViolations(violations));

    // The list of obstacles, the obstacle's page, and a strategy entered there.
    await open(page, `${web.server.url}/en/obstacles`, 'table');
    await page.getByRole('link', { name: en['obstacles.category.political-objection'] }).click();
    await page.waitForSelector('section[aria-labelledby="add-strategy-title"] form');
    const form = page.locator('section[aria-labelledby="add-strategy-title"]');
    await form.getByLabel(en['obstacles.field.strategyKind']!).selectOption('peer-exchange');
    await form.getByLabel(en['obstacles.field.description']!).fill('Exchange with States that ratified with reservations (written for the tests)');
    await form.getByLabel(en['obstacles.field.start']!).fill('2024');
    await form.getByLabel(en['edit.source.title']!, { exact: true }).fill('Programme note (written for the tests)');
    await form.getByLabel(en['edit.source.url']!, { exact: true }).fill('https://example.org/programme/1');
    await form.getByLabel(en['edit.kind.official']!, { exact: true }).check();
    await form.getByRole('button', { name: en['edit.create'] }).click();
    await page.waitForFunction((text) => document.querySelector('ul.strategies')?.textContent?.includes(text), en['obstacles.strategyKind.peer-exchange']!);
    // The obstacle is later resolved: a correction with its own source.
    const correct = page.locator('section[aria-labelledby="correct-obstacle-title"]');
    await correct.getByLabel(en['gaps.col.status']!).selectOption('resolved');
    await correct.getByLabel(en['obstacles.field.statusDate']!).fill('2026-01');
    await correct.getByLabel(en['edit.source.title']!, { exact: true }).fill('Government statement (written for the tests)');
    await correct.getByLabel(en['edit.source.url']!, { exact: true }).fill('https://example.org/statement/1');
    await correct.getByLabel(en['edit.kind.official']!, { exact: true }).check();
    await correct.getByRole('button', { name: en['edit.save'] }).click();
    await page.waitForFunction((text) => document.querySelector('dl.facts')?.textContent?.includes(text), en['obstacles.status.resolved']!);
    const pageViolations = await axeViolations(page);
    assert.deepEqual(pageViolations, [], describeViolations(pageViolations));
    await open(page, `${web.server.url}/en/states/USA/gaps`, 'table.gaps-table');
    const resolvedRow = (await icescrRow(page).textContent()) ?? '';
    assert.match(resolvedRow, new RegExp(en['obstacles.strategyKind.peer-exchange']!));
    assert.match(resolvedRow, new RegExp(`\\(${en['obstacles.status.resolved']}\\)`));

    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('.site-header').isVisible(), false, 'printed without the navigation');
    assert.equal(await page.locator('table.gaps-table').isVisible(), true);
    await page.screenshot({ path: `${SCREENSHOTS}gaps-print.png`, fullPage: true });
    await context.close();
  });

  test('in Arabic the gap page runs right to left and passes axe', async () => {
    const page = await web.context.newPage();
    problems.push(...watch(page, web.server));
    await open(page, `${web.server.url}/ar/states/USA/gaps`, 'table.gaps-table');
    assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
    assert.match((await page.locator('h1').textContent()) ?? '', new RegExp(ar['gaps.titleShort']!));
    assert.match((await page.locator('th[scope="col"]').first().textContent()) ?? '', new RegExp(ar['gaps.col.instrument']!));
    const violations = await axeViolations(page);
    assert.deepEqual(violations, [], describeViolations(violations));
    await page.screenshot({ path: `${SCREENSHOTS}gaps-ar.png`, fullPage: true });
    await open(page, `${web.server.url}/ar/obstacles`, 'table');
    assert.match((await page.locator('h1').textContent()) ?? '', new RegExp(ar['obstacles.title']!));
    const listViolations = await axeViolations(page);
    assert.deepEqual(listViolations, [], describeViolations(listViolations));
    await page.close();
    assert.deepEqual(
      problems.filter((p) => !/status of 4\d\d/.test(p)),
      [],
    );
  });
});
