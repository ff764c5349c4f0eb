// Accounts in the web app, in Debian's Chromium: signing in (with the six-digit code for an
// administrator) and out, a wrong password, an administrator making an organization's editor who
// then signs in, a personal API token made and revoked, the audit trail listing and filtering
// these changes, one's account in Arabic (right to left, no axe violation), and the refusal a
// non-administrator meets at the administration. One server and registry for the whole file,
// without ../shared/data: accounts need only the reference data.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { codeFor, makeAccount, PASSWORD, type TestAccount } from '../support/accounts.ts';
import { axeViolations, describeViolations, SCREENSHOTS } from '../support/browser.ts';
import type { RunningServer } from '../support/server.ts';
import { dictionary, open, useWebFixture, type WebFixture } from '../support/web.ts';

const en = dictionary('en');
const ar = dictionary('ar');

/** Script errors and failed requests, except the refusals these tests provoke on purpose. */
function watchPage(page: Page, server: RunningServer): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`script error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !/status of (401|403|412|429)\b/.test(message.text())) problems.push(`console error: ${message.text()}`);
  });
  page.on('request', (request) => {
    if (!request.url().startsWith(server.url) && !request.url().startsWith('data:')) problems.push(`foreign request: ${request.url()}`);
  });
  return problems;
}

async function signInThroughForm(page: Page, account: TestAccount, code?: () => string): Promise<void> {
  await page.getByLabel(en['auth.email']!).fill(account.email);
  await page.getByLabel(en['auth.password']!, { exact: true }).fill(account.password);
  await page.locator('form.stacked button[type="submit"]').click();
  if (code) {
    const field = page.getByLabel(en['auth.code']!);
    await field.waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('name')), 'code', 'the code field has focus once the server asks for it');
    await field.fill(code());
    await page.locator('form.stacked button[type="submit"]').click();
  }
}

describe('accounts in the web app (SQLite)', () => {
  let web: WebFixture;
  let server: RunningServer;
  let admin: TestAccount;
  let adminContext: BrowserContext;
  let adminPage: Page;
  let adminProblems: string[];
  const editorEmail = 'editor.au@example.org';

  useWebFixture((fixture) => ({ server } = web = fixture), 'sqlite', { sharedData: false });

  before(async () => {
    admin = await makeAccount(web.database.db, 'admin@example.org', ['admin']);
    adminContext = await web.browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    adminPage = await adminContext.newPage();
    adminProblems = watchPage(adminPage, server);
  });

  test('a wrong password is refused with a clear message, focused', async () => {
    const page = await web.context.newPage();
    const problems = watchPage(page, server);
    await open(page, `${server.url}/en/sign-in`, 'form.stacked');
    assert.equal(await page.title(), `${en['auth.signIn.title']} · Accord`);
    assert.equal(await page.getByLabel(en['auth.email']!).getAttribute('autocomplete'), 'username');
    assert.equal(await page.getByLabel(en['auth.password']!).getAttribute('autocomplete'), 'current-password');
    // Nothing typed: each field says it is required, and the first one gets the focus.
    await page.locator('form.stacked button[type="submit"]').click();
    await page.waitForSelector('.form-errors');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('name')), 'email');
    assert.match((await page.locator('.form-errors').textContent()) ?? '', new RegExp(`${en['auth.email']}: ${en['form.reason.required']}`));
    await signInThroughForm(page, { ...admin, password: 'not the password at all' });
    await page.waitForFunction((text) => document.querySelector('.form-errors')?.textContent?.includes(text), en['errors.wrongCredentials']!);
    assert.ok(await page.evaluate(() => document.activeElement?.classList.contains('form-errors')), 'focus moves to the error');
    assert.equal(await page.getByLabel(en['auth.code']!).count(), 0, 'a wrong password does not ask for the code');
    const violations = await axeViolations(page);
    await page.screenshot({ path: `${SCREENSHOTS}en-sign-in-refused.png` });
    assert.equal(violations.length, 0, describeViolations(violations));
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('an administrator signs in with the code, returns to the page, and the header names them', async () => {
    await open(adminPage, `${server.url}/en/organizations`, 'tbody tr a');
    await adminPage.locator('.site-header').getByRole('link', { name: en['auth.signIn'] }).click();
    await adminPage.waitForURL(/\/en\/sign-in\?next=%2Fen%2Forganizations$/);
    await signInThroughForm(adminPage, admin, () => codeFor(admin));
    await adminPage.waitForURL(/\/en\/organizations$/);
    await adminPage.waitForSelector('.account-name');
    assert.equal(await adminPage.locator('.account-name').textContent(), 'admin');
    await adminPage.locator('.account-menu summary').click();
    const menu = adminPage.locator('.account-menu ul');
    assert.deepEqual(await menu.locator('a, button').allTextContents(), [en['account.nav'], en['admin.nav'], en['audit.nav'], en['auth.signOut']]);
    await adminPage.keyboard.press('Escape');
    assert.equal(await menu.isVisible(), false, 'Escape closes the menu');
  });

  test('an administrator makes an organization editor, who then signs in', async () => {
    await open(adminPage, `${server.url}/en/admin/users`, 'tbody tr a');
    await adminPage.getByRole('link', { name: en['admin.new.title'] }).click();
    await adminPage.waitForSelector('form.stacked');
    await adminPage.getByLabel(en['auth.email']!).fill(editorEmail);
    await adminPage.getByLabel(en['account.displayName']!).fill('Amina Editor');
    await adminPage.getByLabel(en['admin.new.password']!).fill('short');
    await adminPage.getByLabel(en['admin.roles.role']!, { exact: true }).selectOption('organization-editor');
    await adminPage.getByLabel(en['admin.roles.organization']!, { exact: true }).selectOption('au');
    await adminPage.getByRole('button', { name: en['admin.roles.add'] }).click();
    // The password rule is explained before anything is sent.
    await adminPage.getByRole('button', { name: en['admin.new.create'] }).click();
    await adminPage.waitForSelector('.form-errors');
    assert.equal(await adminPage.evaluate(() => document.activeElement?.getAttribute('name')), 'password');
    assert.match((await adminPage.locator('.form-errors').textContent()) ?? '', /must be at least 12 characters/);
    const violations = await axeViolations(adminPage);
    await adminPage.screenshot({ path: `${SCREENSHOTS}en-admin-new-user.png`, fullPage: true });
    assert.equal(violations.length, 0, describeViolations(violations));
    await adminPage.getByLabel(en['admin.new.password']!).fill(PASSWORD);
    await adminPage.getByRole('button', { name: en['admin.new.create'] }).click();
    await adminPage.waitForSelector('.form-done');
    assert.equal(await adminPage.locator('.once-secret').count(), 0, 'no two-factor secret for an editor');

    await open(adminPage, `${server.url}/en/admin/users`, 'tbody tr a');
    const row = adminPage.locator('tbody tr', { hasText: editorEmail });
    assert.match((await row.textContent()) ?? '', /Organization editor\s*\(au\)/);
    await row.getByRole('link').click();
    await adminPage.waitForSelector('#access-title');
    assert.equal(await adminPage.title(), 'Amina Editor · Accord');
    const userViolations = await axeViolations(adminPage);
    await adminPage.screenshot({ path: `${SCREENSHOTS}en-admin-user.png`, fullPage: true });
    assert.equal(userViolations.length, 0, describeViolations(userViolations));

    const editorContext = await web.browser.newContext();
    const page = await editorContext.newPage();
    const problems = watchPage(page, server);
    await open(page, `${server.url}/en/sign-in`, 'form.stacked');
    await signInThroughForm(page, { id: '', email: editorEmail, password: PASSWORD, totpSecret: null });
    await page.waitForURL(/\/en\/$/);
    await page.waitForSelector('.account-name');
    assert.equal(await page.locator('.account-name').textContent(), 'Amina Editor');
    await page.locator('.account-menu summary').click();
    assert.deepEqual(await page.locator('.account-menu ul').locator('a, button').allTextContents(), [en['account.nav'], en['auth.signOut']]);

    // A signed-in reader without the role is told so, not shown an empty page.
    await open(page, `${server.url}/en/admin/users`, 'main h1');
    assert.equal(await page.locator('main h1').textContent(), en['auth.notAllowed.title']);
    await open(page, `${server.url}/en/audit`, 'main h1');
    assert.equal(await page.locator('main h1').textContent(), en['auth.notAllowed.title']);
    assert.deepEqual(problems, []);
    await editorContext.close();
  });

  test('an anonymous reader of a private page is asked to sign in', async () => {
    const page = await web.context.newPage();
    await open(page, `${server.url}/en/admin/users`, 'main h1');
    assert.equal(await page.locator('main h1').textContent(), en['auth.required.title']);
    assert.equal(await page.locator('main').getByRole('link', { name: en['auth.signIn'] }).getAttribute('href'), '/en/sign-in?next=%2Fen%2Fadmin%2Fusers');
    await page.close();
  });

  test('a personal API token is made, shown once, works, and is revoked', async () => {
    await open(adminPage, `${server.url}/en/account`, '#tokens-title');
    await adminPage.waitForSelector('#tokens-title ~ .page-state.empty');
    await adminPage.getByRole('region', { name: en['tokens.title'] }).getByLabel(en['tokens.name']!, { exact: true }).fill('nightly export');
    await adminPage.getByRole('button', { name: en['tokens.create'] }).click();
    const secret = adminPage.locator('.once-secret input');
    await secret.waitFor();
    const token = await secret.inputValue();
    assert.match(token, /^\S{20,}$/);
    assert.equal(await adminPage.locator('.once-secret .note').textContent(), en['tokens.once']);
    const row = adminPage.locator('#tokens-caption').locator('xpath=ancestor::table').locator('tbody tr', { hasText: 'nightly export' });
    await row.waitFor();
    assert.match((await row.textContent()) ?? '', new RegExp(en['tokens.status.active']!));
    const me = await fetch(`${server.url}/api/v1/auth/me`, { headers: { Authorization: `Bearer ${token}` } });
    assert.equal(((await me.json()) as { user: { email: string } }).user.email, admin.email);

    await row.getByRole('button', { name: /Revoke/ }).click();
    const dialog = adminPage.locator('dialog.confirm[open]');
    await dialog.waitFor();
    assert.match((await dialog.textContent()) ?? '', /nightly export/);
    await dialog.getByRole('button', { name: en['tokens.revoke'] }).click();
    await adminPage.waitForSelector('.form-done');
    await adminPage.waitForFunction((text) => [...document.querySelectorAll('tbody tr')].some((tr) => tr.textContent?.includes(text)), en['tokens.status.revoked']!);
    const after = await fetch(`${server.url}/api/v1/auth/me`, { headers: { Authorization: `Bearer ${token}` } });
    assert.equal(after.status, 401);
  });

  test('the audit trail lists these changes, filters them, and exports them', async () => {
    await open(adminPage, `${server.url}/en/audit`, 'table.audit tbody tr');
    const all = (await adminPage.locator('table.audit tbody').textContent()) ?? '';
    assert.match(all, /created with roles organization-editor:au/);
    assert.match(all, /signed in/);
    // The administrator's own records name them; the system's records say so.
    assert.equal((await adminPage.locator('table.audit tbody tr', { hasText: 'created with roles organization-editor:au' }).locator('td:nth-child(2) bdi').first().textContent()) ?? '', 'admin');
    assert.equal(await adminPage.locator('form.filters').count(), 1);
    assert.match(all, /System \(\u2068test\u2069\)/);

    await adminPage.getByLabel(en['audit.filter.entity']!).fill('api-token');
    await adminPage.getByRole('button', { name: en['audit.apply'], exact: true }).click();
    await adminPage.waitForURL(/entity=api-token/);
    await adminPage.waitForFunction(() => document.querySelectorAll('table.audit tbody tr').length === 2);
    const kinds = await adminPage.locator('table.audit tbody tr td:nth-child(3) .muted').allTextContents();
    assert.ok(
      kinds.every((k) => k.includes('api-token')),
      kinds.join('; '),
    );
    // Newest first: the revocation, then the token's making.
    assert.match(kinds[0]!, /revoke/);

    await adminPage.locator('table.audit tbody tr').first().locator('summary').click();
    assert.match((await adminPage.locator('table.audit tbody tr').first().locator('pre').first().textContent()) ?? '', /"/);

    const href = await adminPage.getByRole('link', { name: en['audit.csv'] }).getAttribute('href');
    assert.equal(href, '/api/v1/audit?entity=api-token&format=csv');
    const csv = await adminContext.request.get(`${server.url}${href}`);
    assert.equal(csv.status(), 200);
    const lines = (await csv.text()).trim().split('\n');
    assert.equal(lines.length, 3, 'a header and two records');

    const violations = await axeViolations(adminPage);
    await adminPage.screenshot({ path: `${SCREENSHOTS}en-audit.png`, fullPage: true });
    assert.equal(violations.length, 0, describeViolations(violations));
  });

  test('one’s account in Arabic: right to left, translated, no axe violation', async () => {
    await open(adminPage, `${server.url}/ar/account`, '#tokens-title');
    await adminPage.waitForSelector('#profile-title ~ form');
    assert.equal(await adminPage.getAttribute('html', 'dir'), 'rtl');
    assert.equal(await adminPage.locator('main h1').textContent(), ar['account.title']);
    assert.equal(await adminPage.title(), `${ar['account.title']} · Accord`);
    // A change the API refuses names the field in Arabic.
    await adminPage.getByLabel(ar['account.password.current']!).fill('whatever it was');
    await adminPage.getByLabel(ar['account.password.new']!).fill('too short');
    await adminPage.getByRole('button', { name: ar['account.password.change'] }).click();
    await adminPage.waitForSelector('#password-title ~ form .form-errors');
    assert.ok(((await adminPage.locator('#password-title ~ form .form-errors').textContent()) ?? '').includes(`${ar['account.password.new']}: ${ar['form.reason.tooShort']!.replace('{min}', '12')}`));
    const violations = await axeViolations(adminPage);
    await adminPage.screenshot({ path: `${SCREENSHOTS}ar-account.png`, fullPage: true });
    assert.equal(violations.length, 0, describeViolations(violations));
  });

  test('one’s name is saved with the version read; a stale version is reported and reloaded', async () => {
    await open(adminPage, `${server.url}/en/account`, '#profile-title ~ form');
    const name = adminPage.getByRole('region', { name: en['account.profile'] }).getByLabel(en['account.displayName']!, { exact: true });
    // Someone changes the account in the meantime (here: the holder, through the API, with a session of their own).
    const login = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: admin.email, password: admin.password, code: codeFor(admin, 1) }),
    });
    assert.equal(login.status, 200, await login.clone().text());
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const current = await fetch(`${server.url}/api/v1/users/${admin.id}`, { headers: { Cookie: cookie } });
    const changed = await fetch(`${server.url}/api/v1/users/${admin.id}`, {
      method: 'PATCH',
      headers: { Cookie: cookie, 'X-CSRF-Token': csrfToken, 'Content-Type': 'application/json', 'If-Match': current.headers.get('etag')! },
      body: JSON.stringify({ displayName: 'Admin Elsewhere' }),
    });
    assert.equal(changed.status, 200);

    await name.fill('Admin Here');
    await adminPage.locator('#profile-title ~ form button[type="submit"]').click();
    await adminPage.waitForFunction((text) => document.querySelector('.form-errors')?.textContent?.includes(text), en['errors.stale']!);
    await adminPage.waitForFunction(() => (document.querySelector('input[name="displayName"]') as HTMLInputElement | null)?.value === 'Admin Elsewhere');
    await name.fill('Admin Here');
    await adminPage.locator('#profile-title ~ form button[type="submit"]').click();
    await adminPage.waitForFunction((text) => document.querySelector('.form-done')?.textContent === text, en['account.saved']);
    await adminPage.waitForFunction(() => document.querySelector('.account-name')?.textContent === 'Admin Here');
  });

  test('signing out leaves a "Sign in" link in the header', async () => {
    await open(adminPage, `${server.url}/en/account`, '#tokens-title');
    await adminPage.locator('.account-menu summary').click();
    await adminPage.locator('.account-menu').getByRole('button', { name: en['auth.signOut'] }).click();
    await adminPage.waitForURL(/\/en\/$/);
    await adminPage.locator('.site-header').getByRole('link', { name: en['auth.signIn'] }).waitFor();
    const me = await adminContext.request.get(`${server.url}/api/v1/auth/me`);
    assert.equal(((await me.json()) as { user: unknown }).user, null);
    assert.deepEqual(adminProblems, []);
    await adminContext.close();
  });
});
