// Sync with another instance in the web app, end to end: two real servers, each with its own
// database. The origin holds events entered through its API by an administrator's token (one of
// them restricted) and a membership event whose date its administrator changed. On the receiving
// instance (loopback allowed, as an operator would for a peer on the same machine) an
// administrator adds the origin through the form by keyboard, after a refused address is named
// beside its field; presses "Sync now" and sees the progress end with "done" and the count the
// API gives; the token is never in the page. Anyone then reads the records received (filters,
// "Load more" by the API's cursor, links to the origin's changes) and the disagreement on the
// data-quality page; in Arabic the pages are right to left with English text isolated; every
// page passes axe. The administrator pauses, resumes and finally removes the peer.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createTokenUseCase } from '../../src/modules/accounts/tokens.ts';
import { systemContext } from '../../src/modules/audit/context.ts';
import { runUseCase } from '../../src/modules/audit/pipeline.ts';
import { ALLOW_LOOPBACK_ENV } from '../../src/modules/webhooks/targets.ts';
import { loadReferenceData } from '../../src/reference/load.ts';
import { seedReferenceData } from '../../src/reference/seed.ts';
import { codeFor, makeAccount } from '../support/accounts.ts';
import { bidiProblems } from '../support/bidi.ts';
import { axeViolations, describeViolations, launchChromium, SCREENSHOTS } from '../support/browser.ts';
import { createTestDb, type TestDb } from '../support/databases.ts';
import { EVENT_SOURCE, newEventBody } from '../support/event-requests.ts';
import { startAccord, type RunningServer } from '../support/server.ts';
import { dictionary, open, watch } from '../support/web.ts';

const en = dictionary('en');
const ar = dictionary('ar');
/** More than one page of the records list (50), so that "Load more" is needed. */
const EVENTS = 53;

async function noAxeViolations(page: Page): Promise<void> {
  const violations = await axeViolations(page);
  assert.deepEqual(violations, [], describeViolations(violations));
}

describe('sync with another instance in the web app (Chromium, SQLite)', () => {
  let originDb: TestDb;
  let hereDb: TestDb;
  let origin: RunningServer;
  let here: RunningServer;
  let browser: Browser;
  let admin: BrowserContext;
  let adminCookie: string;
  let token: string;
  let peerId: string;
  let kenya: { seq: number; date: string };

  before(async () => {
    // Both servers read it at start: the peer is on this machine's loopback.
    process.env[ALLOW_LOOPBACK_ENV] = '1';
    [originDb, hereDb] = [await createTestDb('sqlite'), await createTestDb('sqlite')];
    for (const db of [originDb, hereDb]) await seedReferenceData(db.db, loadReferenceData());
    const originAdmin = await makeAccount(originDb.db, 'origin-admin@example.org', ['admin']);
    token = (await runUseCase(originDb.db, createTokenUseCase, { actor: 'system', userId: originAdmin.id, name: 'sync', days: 1 }, systemContext('test'))).token;
    [origin, here] = [await startAccord(originDb.url, ['--no-seed']), await startAccord(hereDb.url, ['--no-seed'])];

    // The origin's records, entered through its API with the administrator's token.
    const originWrite = async (method: string, path: string, body: unknown, headers: Record<string, string> = {}) => {
      const answer = await fetch(`${origin.url}/api/v1${path}`, { method, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });
      assert.equal(answer.status, 200, `${method} ${path}: ${await answer.clone().text()}`);
    };
    for (let i = 1; i <= EVENTS; i += 1) await originWrite('POST', '/events', { ...newEventBody(`web-sync-${String(i).padStart(2, '0')}`), title: `Course ${i} <b>fictional</b>` });
    await originWrite('POST', '/events', { ...newEventBody('web-sync-secret'), title: 'A restricted meeting', confidentiality: 'restricted', audience: ['organization:au'] });
    // Kenya's membership of the African Union dated otherwise at the origin: a disagreement here.
    const event = await originDb.db
      .selectFrom('membership_event')
      .select(['seq', 'date', 'row_version'])
      .where('organization_id', '=', 'au')
      .where('iso3', '=', 'KEN')
      .where('date', 'is not', null)
      .executeTakeFirstOrThrow();
    kenya = { seq: event.seq, date: event.date! };
    await originWrite('PATCH', `/organizations/au/membership-events/KEN/${event.seq}`, { date: '1999-12-31', source: EVENT_SOURCE }, { 'If-Match': `"v${event.row_version}"` });

    // An administrator of the receiving instance, signed in (password and second factor) in the browser.
    const account = await makeAccount(hereDb.db, 'sync-admin@example.org', ['admin']);
    const login = await fetch(`${here.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: account.email, password: account.password, code: codeFor(account) }),
    });
    assert.equal(login.status, 200, await login.clone().text());
    [adminCookie = ''] = (login.headers.get('set-cookie') ?? '').split(';');
    browser = await launchChromium();
    admin = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const at = adminCookie.indexOf('=');
    await admin.addCookies([{ name: adminCookie.slice(0, at), value: adminCookie.slice(at + 1), url: here.url }]);
  });

  after(async () => {
    delete process.env[ALLOW_LOOPBACK_ENV];
    await browser?.close();
    await here?.stop();
    await origin?.stop();
    await originDb?.drop();
    await hereDb?.drop();
  });

  test('an administrator adds the origin by keyboard, syncs it and follows the run to its end', async () => {
    const page = await admin.newPage();
    const problems = watch(page, here);
    await open(page, `${here.url}/en/admin/sync`, '#add-peer');
    assert.equal((await page.locator('h1').textContent())?.trim(), en['sync.title']);
    assert.match((await page.locator('main').textContent()) ?? '', new RegExp(en['sync.none']!.slice(0, 20)));
    assert.equal(await page.getByLabel(en['sync.field.token']!).getAttribute('type'), 'password');
    await noAxeViolations(page);

    // A refused address: the API's reason beside the field, which gets the focus.
    await page.getByLabel(en['sync.field.name']!, { exact: true }).fill('Origin');
    await page.getByLabel(en['sync.field.baseUrl']!).fill('ftp://example.org/');
    await page.getByRole('button', { name: en['sync.add'] }).click();
    const refused = page.getByLabel(en['sync.field.baseUrl']!);
    await page.waitForSelector('input[name="baseUrl"][aria-invalid="true"]');
    assert.ok(await refused.evaluate((input) => input === document.activeElement), 'the field at fault has the focus');
    assert.match((await page.locator('input[name="baseUrl"] ~ .field-error').textContent()) ?? '', /must be an http or https address/);

    // The whole form by keyboard: type, Tab to the next field, Enter to send.
    await refused.fill('');
    await page.keyboard.type(origin.url);
    await page.keyboard.press('Tab');
    await page.keyboard.type(token);
    await page.keyboard.press('Tab');
    await page.keyboard.type('20');
    await page.keyboard.press('Enter');
    await page.waitForSelector('table.sync-peers tbody tr');
    const row = page.locator('table.sync-peers tbody tr').first();
    assert.match((await row.textContent()) ?? '', new RegExp(`Origin.*${origin.url.replaceAll('.', '\\.')}.*${en['sync.token.kept']}.*${en['sync.active']}`));
    assert.equal(await page.getByLabel(en['sync.field.token']!).inputValue(), '', 'the token is not kept in the form');
    peerId = (await row.getAttribute('data-peer')) ?? '';
    assert.match(peerId, /^peer_/);

    // Sync now, from the keyboard: the progress shows while the run goes on, then its end.
    await page.getByRole('button', { name: `${en['sync.syncNow']} Origin` }).focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('.sync-progress[data-status="running"] progress');
    await page.waitForSelector('.sync-progress[data-status="done"]', { timeout: 60_000 });
    const runs = (await (await fetch(`${here.url}/api/v1/sync/peers/${peerId}/runs`, { headers: { Cookie: adminCookie } })).json()) as {
      items: { status: string; pages: number; received: number; applied: number; skipped: number }[];
    };
    const [run] = runs.items;
    assert.equal(run?.status, 'done');
    assert.ok(run.applied > EVENTS && run.pages >= 3, JSON.stringify(run));
    const said = (await page.locator('.sync-progress [role="status"]').textContent()) ?? '';
    assert.match(said, new RegExp(`^${en['sync.run.done']}`));
    assert.match(said, new RegExp(`records applied: ${run.applied}\\b`));
    assert.match(said, new RegExp(`pages: ${run.pages}\\b`));
    assert.match(said, new RegExp(`changes read: ${run.received} · records applied: ${run.applied} · skipped: ${run.skipped}$`));
    // The list is read again: the records held and the cursor moved.
    await page.waitForFunction((n) => document.querySelector('table.sync-peers tbody tr')?.textContent?.includes(String(n)), run.applied);
    assert.ok(!(await page.content()).includes(token), 'the token is nowhere in the page');

    // Its run history, opened by its link: the heading takes the focus.
    await page.getByRole('link', { name: `${en['sync.history']} Origin` }).click();
    await page.waitForSelector('table.sync-runs tbody tr');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'runs-title');
    assert.match((await page.locator('table.sync-runs tbody tr').first().textContent()) ?? '', new RegExp(en['sync.run.done']!));
    await noAxeViolations(page);

    // Pause and resume.
    await page.getByRole('button', { name: `${en['sync.pause']} Origin` }).click();
    await page.waitForFunction((paused) => document.querySelector('table.sync-peers tbody tr')?.textContent?.includes(paused), en['sync.paused']!);
    await page.getByRole('button', { name: `${en['sync.resume']} Origin` }).click();
    await page.waitForFunction((resume) => !document.querySelector('table.sync-peers tbody tr')?.textContent?.includes(resume), en['sync.resume']!);
    await page.screenshot({ path: `${SCREENSHOTS}sync-admin-en.png`, fullPage: true });
    await page.close();
    assert.deepEqual(
      problems.filter((p) => !/status of 400/.test(p)),
      [],
    );
  });

  test('anyone reads the records received, filtered and a page at a time; the restricted one only its audience', async () => {
    const reader = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await reader.newPage();
    const problems = watch(page, here);
    await open(page, `${here.url}/en/data-quality`, '#peer-disagreements');
    await page.getByRole('link', { name: en['sync.recordsLink'] }).first().click();
    await page.waitForSelector('table.sync-records tbody tr');
    await page.waitForURL(/\/en\/sync\/records$/);
    const total = Number(await page.locator('[data-total]').getAttribute('data-total'));
    assert.ok(total > EVENTS, `${total} records`);
    assert.equal(await page.locator('table.sync-records tbody tr').count(), 50);

    // By kind (a filter kept in the address), then "Load more" with the API's cursor.
    await page.getByLabel(en['col.kind']!).selectOption('event');
    await page.waitForURL(/kind=event/);
    await page.waitForFunction((n) => document.querySelector('[data-total]')?.getAttribute('data-total') === String(n), EVENTS);
    assert.equal(await page.locator('table.sync-records tbody tr').count(), 50);
    await page.getByRole('button', { name: en['sync.loadMore']!.replace(/ \(.*$/, '') }).click();
    await page.waitForFunction((n) => document.querySelectorAll('table.sync-records tbody tr').length === n, EVENTS);
    assert.equal(await page.locator('button.load-more').count(), 0, 'no more to load');
    const text = (await page.locator('table.sync-records').textContent()) ?? '';
    assert.match(text, /Course 7 <b>fictional<\/b>/, "the peer's text as text, never markup");
    assert.doesNotMatch(text, /web-sync-secret|restricted meeting/);

    // The origin: the peer's name and a link to the change at the peer.
    const first = page.locator('table.sync-records tbody tr').first();
    assert.match((await first.textContent()) ?? '', /Origin/);
    assert.match((await first.getByRole('link', { name: /change/ }).getAttribute('href')) ?? '', new RegExp(`^${origin.url.replaceAll('.', '\\.')}/api/v1/changes/\\d+$`));
    // By peer: its records, the same.
    await page.getByLabel(en['sync.col.peer']!).selectOption(peerId);
    await page.waitForURL(new RegExp(`peer=${peerId}`));
    await noAxeViolations(page);

    // Arabic: right to left, English text and identifiers isolated.
    await open(page, `${here.url}/ar/sync/records`, 'table.sync-records tbody tr');
    assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
    assert.equal((await page.locator('h1').textContent())?.trim(), ar['sync.records.title']);
    assert.equal(await page.locator('table.sync-records tbody tr td:nth-child(2) bdi').first().getAttribute('dir'), 'ltr');
    assert.equal(await page.locator('table.sync-records tbody tr td:nth-child(3) [lang="en"]').first().getAttribute('dir'), 'ltr');
    assert.deepEqual(await bidiProblems(page), []);
    await noAxeViolations(page);
    await page.screenshot({ path: `${SCREENSHOTS}sync-records-ar.png` });
    await reader.close();
    assert.deepEqual(problems, []);

    // The administrator (every level) sees the restricted one too.
    const adminPage = await admin.newPage();
    await open(adminPage, `${here.url}/en/sync/records?kind=event`, 'table.sync-records tbody tr');
    assert.equal(Number(await adminPage.locator('[data-total]').getAttribute('data-total')), EVENTS + 1);
    await adminPage.close();
  });

  test('the disagreement with the origin is on the data-quality page, with the origin and what was compared', async () => {
    const reader = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await reader.newPage();
    const problems = watch(page, here);
    await open(page, `${here.url}/en/data-quality`, '#peer-disagreements table.peer-disagreements');
    const section = page.locator('#peer-disagreements');
    assert.match((await section.textContent()) ?? '', new RegExp(en['sync.dis.lead']!.slice(0, 40)));
    const row = section.locator('tbody tr').filter({ hasText: 'KEN' });
    assert.equal(await row.count(), 1);
    const cells = await row.locator('td').allTextContents();
    assert.match(cells[0]!, /KEN in au/);
    assert.equal(cells[1], en['sync.dis.field.date']);
    assert.equal(await row.locator('td:nth-child(3) time').getAttribute('datetime'), kenya.date);
    assert.equal(cells[3], '31 December 1999');
    assert.match((await row.locator('td:nth-child(5) a').getAttribute('href')) ?? '', new RegExp(`^${origin.url.replaceAll('.', '\\.')}/api/v1/changes/\\d+$`));
    await noAxeViolations(page);

    await open(page, `${here.url}/ar/data-quality`, '#peer-disagreements table.peer-disagreements');
    assert.equal((await page.locator('#peer-disagreements-title').textContent())?.trim(), ar['sync.dis.title']);
    assert.equal(await page.locator('#peer-disagreements tbody td:first-child [lang="en"]').first().getAttribute('dir'), 'ltr');
    assert.deepEqual(await bidiProblems(page), []);
    await page.locator('#peer-disagreements').screenshot({ path: `${SCREENSHOTS}sync-disagreements-ar.png` });
    await reader.close();
    assert.deepEqual(problems, []);
  });

  test('the admin page in Arabic, then the peer removed after a confirmation, with what it sent', async () => {
    const page = await admin.newPage();
    const problems = watch(page, here);
    await open(page, `${here.url}/ar/admin/sync?peer=${peerId}`, 'table.sync-runs tbody tr');
    assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
    assert.equal((await page.locator('h1').textContent())?.trim(), ar['sync.title']);
    assert.equal(await page.locator('table.sync-peers td bdi[dir="ltr"]').first().textContent(), origin.url);
    assert.deepEqual(await bidiProblems(page), []);
    await noAxeViolations(page);
    await page.screenshot({ path: `${SCREENSHOTS}sync-admin-ar.png`, fullPage: true });

    await open(page, `${here.url}/en/admin/sync`, 'table.sync-peers tbody tr');
    // Escape keeps it; the confirmation removes it.
    await page.getByRole('button', { name: `${en['sync.remove']} Origin` }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    assert.match((await dialog.textContent()) ?? '', /Origin/);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    assert.equal(await page.locator('table.sync-peers tbody tr').count(), 1);
    await page.getByRole('button', { name: `${en['sync.remove']} Origin` }).click();
    await dialog.getByRole('button', { name: en['sync.removeConfirm'] }).click();
    await page.waitForSelector('.page-state.empty');
    assert.match((await page.locator('main').textContent()) ?? '', new RegExp(en['sync.none']!.slice(0, 20)));
    const records = (await (await fetch(`${here.url}/api/v1/sync/records`, { headers: { Cookie: adminCookie } })).json()) as { total: number };
    assert.equal(records.total, 0, 'the records it sent went with it');
    await page.close();
    assert.deepEqual(problems, []);
  });
});
