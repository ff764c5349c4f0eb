// The ratification gap page in the web app, end to end in Chromium, on the shipped treaty data:
// from the United States' page a reader reaches its gaps, where the ICESCR (signed, not ratified)
// shows "none recorded" for obstacles; an OHCHR editor enters an obstacle through the form and
// the gap page shows it; printed, the page drops the navigation; in Arabic it runs right to left;
// the list of obstacles and an obstacle's page, where a strategy is entered; then its evidence
// edited (a refusal shown beside its field), the strategy corrected (its links too, and a change
// made meanwhile shown) and deleted, and the obstacle deleted, each after a confirmation; the
// pages pass axe.
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

  test('an OHCHR editor edits the evidence, corrects and deletes a strategy, then deletes the obstacle', async () => {
    const context = await signedInContext(web, 'ohchr-obstacles-2@example.org', ['ohchr-editor']);
    const page = await context.newPage();
    problems.push(...watch(page, web.server));
    const { items } = await api<{ items: { id: string; state: string }[] }>(web.server, '/obstacles?state=USA');
    assert.equal(items.length, 1, 'the obstacle the first test entered');
    const id = items[0]!.id;
    const obstacleUrl = `${web.server.url}/en/obstacles/${id}`;
    const event = 'asia-pacific-workshop-01';
    await api(web.server, `/events/${event}`);
    const source = async (form: import('playwright-core').Locator, title: string) => {
      const scope = form.locator('fieldset.source-picker');
      await scope.getByLabel(en['edit.source.title']!, { exact: true }).fill(title);
      await scope.getByLabel(en['edit.source.url']!, { exact: true }).fill('https://example.org/tests/source');
      await scope.getByLabel(en['edit.kind.official']!, { exact: true }).check();
    };

    // Evidence: a piece naming an event the registry does not hold is refused beside that field.
    await open(page, obstacleUrl, 'section[aria-labelledby="correct-obstacle-title"] form');
    const correct = page.locator('section[aria-labelledby="correct-obstacle-title"]');
    await correct.getByRole('button', { name: en['obstacles.evidence.add'] }).click();
    const evidence = correct.locator('fieldset.row-fields', { hasText: en['obstacles.evidence.row']!.replace('{n}', '1') });
    await evidence.getByLabel(en['obstacles.evidence.kind']!).selectOption('government-statement');
    await evidence.getByLabel(en['requests.document.title']!, { exact: true }).fill('Statement to the Human Rights Council (written for the tests)');
    await evidence.getByLabel(en['requests.document.url']!, { exact: true }).fill('A/HRC/30/12/Add.1');
    await evidence.getByLabel(en['obstacles.evidence.event']!).fill('no-such-event');
    await evidence.getByLabel(en['obstacles.evidence.note']!).fill('Rights held to be goals (written for the tests)');
    await source(correct, 'Statement (written for the tests)');
    await correct.getByRole('button', { name: en['edit.save'] }).click();
    const eventInput = evidence.getByLabel(en['obstacles.evidence.event']!);
    await page.waitForFunction(() => document.querySelector('fieldset.row-fields input[aria-invalid="true"]') !== null);
    assert.equal(await eventInput.getAttribute('aria-invalid'), 'true');
    assert.match((await evidence.locator('.field-error').textContent()) ?? '', /no event "no-such-event"/);
    await eventInput.fill(event);
    await correct.getByRole('button', { name: en['edit.save'] }).click();
    await page.waitForFunction((text) => document.querySelector('section[aria-labelledby="evidence-title"]')?.textContent?.includes(text), 'Statement to the Human Rights Council');
    const evidenceText = (await page.locator('section[aria-labelledby="evidence-title"]').textContent()) ?? '';
    assert.match(evidenceText, new RegExp(en['obstacles.evidenceKind.government-statement']!));
    assert.match(evidenceText, /A\/HRC\/30\/12\/Add\.1/);
    assert.equal(await page.locator('section[aria-labelledby="evidence-title"]').getByRole('link', { name: en['obstacles.evidence.event'] }).getAttribute('href'), `/en/events/${event}`);
    assert.match((await page.locator('.form-done').textContent()) ?? '', new RegExp(en['edit.done.saved']!.slice(0, 5)));
    const stored = await api<{ evidence: { kind: string; url: string; event: string | null; note: string | null }[] }>(web.server, `/obstacles/${id}`);
    assert.deepEqual(
      stored.evidence.map((e) => [e.kind, e.url, e.event]),
      [['government-statement', 'A/HRC/30/12/Add.1', event]],
    );

    // While a strategy answers the obstacle it cannot be deleted: the page says so.
    assert.equal(await page.getByRole('button', { name: en['obstacles.delete'] }).count(), 0);
    assert.match((await page.locator('main').textContent()) ?? '', new RegExp(en['obstacles.deleteStrategiesFirst']!.slice(0, 30)));

    // The strategy's own form: its status, outcome and links; a link to nothing is refused beside it.
    await page.getByRole('link', { name: en['obstacles.strategy.edit']!.replace('{n}', '1') }).click();
    await page.waitForURL(/\/strategies\//);
    await page.waitForSelector('section[aria-labelledby="delete-strategy-title"]');
    const strategyUrl = page.url();
    const strategyViolations = await axeViolations(page);
    assert.deepEqual(strategyViolations, [], describeViolations(strategyViolations));
    assert.match(strategyUrl, new RegExp(`/en/obstacles/${id}/strategies/stg-`));
    let form = page.locator('form.edit-form');
    await form.getByLabel(en['gaps.col.status']!).selectOption('completed');
    await form.getByLabel(en['obstacles.field.outcome']!).fill('Reservations compared with those of other States (written for the tests)');
    await form.getByRole('button', { name: en['requests.link.add'] }).click();
    const link = form.locator('fieldset.row-fields', { hasText: en['requests.link.row']!.replace('{n}', '1') });
    await link.getByLabel(en['requests.link.kind']!).selectOption('event');
    await link.getByLabel(en['requests.link.ref']!).fill('no-such-event');
    await source(form, 'Programme report (written for the tests)');
    await form.getByRole('button', { name: en['edit.save'] }).click();
    await page.waitForFunction(() => document.querySelector('fieldset.row-fields input[aria-invalid="true"]') !== null);
    assert.match((await link.locator('.field-error').textContent()) ?? '', /no event "no-such-event"/);
    await link.getByLabel(en['requests.link.ref']!).fill(event);
    await form.getByRole('button', { name: en['edit.save'] }).click();
    await page.waitForURL(obstacleUrl);
    await page.waitForFunction((text) => document.querySelector('ul.strategies')?.textContent?.includes(text), en['obstacles.strategyStatus.completed']!);
    const strategies = page.locator('ul.strategies');
    assert.match((await strategies.textContent()) ?? '', /Reservations compared/);
    assert.equal(await strategies.getByRole('link', { name: event }).getAttribute('href'), `/en/events/${event}`);
    let read = await api<{ strategies: { status: string; outcome: string | null; links: { kind: string; ref: string }[]; version: number }[] }>(web.server, `/obstacles/${id}`);
    assert.equal(read.strategies[0]!.status, 'completed');
    assert.deepEqual(read.strategies[0]!.links, [{ kind: 'event', ref: event, note: null }]);

    // Changed meanwhile: the form opened before another editor's save says so, with their value.
    await open(page, strategyUrl, 'section[aria-labelledby="delete-strategy-title"]');
    const other = await context.newPage();
    await open(other, strategyUrl, 'section[aria-labelledby="delete-strategy-title"]');
    await other.locator('form.edit-form').getByLabel(en['obstacles.field.outcome']!).fill('Outcome written by another editor (test)');
    await source(other.locator('form.edit-form'), 'Another report (written for the tests)');
    await other.locator('form.edit-form').getByRole('button', { name: en['edit.save'] }).click();
    await other.waitForURL(obstacleUrl);
    await other.close();
    form = page.locator('form.edit-form');
    await form.getByLabel(en['obstacles.field.description']!).fill('Exchange with States that ratified with reservations, corrected (written for the tests)');
    await source(form, 'Programme report, second (written for the tests)');
    await form.getByRole('button', { name: en['edit.save'] }).click();
    await page.waitForSelector('.stale');
    assert.match((await page.locator('.stale').textContent()) ?? '', /Outcome written by another editor/);
    await form.getByRole('button', { name: en['edit.applyAgain'] }).click();
    await page.waitForURL(obstacleUrl);
    read = await api(web.server, `/obstacles/${id}`);
    assert.match(read.strategies[0]!.outcome ?? '', /another editor/, "the other editor's outcome is kept");

    // The page with its forms in Arabic, right to left, as the editor sees it.
    await open(page, `${web.server.url}/ar/obstacles/${id}`, 'section[aria-labelledby="correct-obstacle-title"] form');
    assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
    assert.equal((await page.locator('#correct-obstacle-title').textContent())?.trim(), ar['edit.correct']);
    assert.ok((await page.locator('section[aria-labelledby="correct-obstacle-title"] legend', { hasText: ar['obstacles.evidence']! }).count()) > 0);
    assert.equal(await page.getByRole('link', { name: ar['obstacles.strategy.edit']!.replace('{n}', '1') }).count(), 1);
    const arViolations = await axeViolations(page);
    assert.deepEqual(arViolations, [], describeViolations(arViolations));
    await page.screenshot({ path: `${SCREENSHOTS}obstacle-edit-ar.png`, fullPage: true });

    // Deleted after a confirmation, with the keyboard: the dialog's first button confirms.
    await open(page, strategyUrl, 'section[aria-labelledby="delete-strategy-title"]');
    await page.getByRole('button', { name: en['obstacles.strategy.delete'] }).focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('dialog[open]');
    assert.match((await page.locator('dialog[open]').textContent()) ?? '', new RegExp(en['obstacles.strategyKind.peer-exchange']!));
    await page.keyboard.press('Enter');
    await page.waitForURL(obstacleUrl);
    await page.waitForFunction((text) => document.querySelector('.form-done')?.textContent?.includes(text), en['edit.done.deleted']!);
    assert.equal(await page.locator('ul.strategies').count(), 0);
    read = await api(web.server, `/obstacles/${id}`);
    assert.deepEqual(read.strategies, []);
    const violations = await axeViolations(page);
    assert.deepEqual(violations, [], describeViolations(violations));

    // Now the obstacle itself: deleted after a confirmation, and gone from the list and the API.
    await page.getByRole('button', { name: en['obstacles.delete'] }).click();
    await page.locator('dialog[open]').getByRole('button', { name: en['edit.delete'] }).click();
    await page.waitForURL(`${web.server.url}/en/obstacles`);
    await page.waitForFunction((text) => document.querySelector('.form-done')?.textContent?.includes(text), en['edit.done.deleted']!);
    // The list holds the shipped obstacle (Bhutan and the ICCPR), not the one deleted.
    await page.waitForSelector('main a[href="/en/obstacles/obs-btn-iccpr-2014"]');
    assert.equal(await page.locator(`main a[href="/en/obstacles/${id}"]`).count(), 0);
    const gone = await fetch(`${web.server.url}/api/v1/obstacles/${id}`);
    assert.equal(gone.status, 404);
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
