// Recent changes in the web app, end to end in Chromium: projects entered through the write path
// appear newest first, the restricted one never; the filters (by keyboard) narrow the list and
// the feed links follow them; a page from a cursor is a link; in Arabic the page is right to
// left; both pass axe. An administrator adds a webhook (its secret shown once), is refused a
// private address, rotates the secret, and sends a failed delivery again from its log.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { systemContext } from '../../src/modules/audit/context.ts';
import { createProject } from '../../src/modules/projects/write.ts';
import { codeFor, makeAccount } from '../support/accounts.ts';
import { axeViolations, describeViolations, SCREENSHOTS } from '../support/browser.ts';
import { PROJECT } from '../support/projects.ts';
import { dictionary, open, useWebFixture, watch, type WebFixture } from '../support/web.ts';

const en = dictionary('en');
const ar = dictionary('ar');
const { iatiIdentifier: _iati, ...rest } = PROJECT;
const plain = { ...rest, budget: [], transactions: [] };

describe('recent changes in the web app', () => {
  let web: WebFixture;
  useWebFixture((w) => (web = w), 'sqlite', { sharedData: false });

  test('the changes, newest first, filtered by keyboard, with feed links; a page from a cursor; Arabic right to left', async () => {
    const db = web.database.db;
    await createProject(db, { ...plain, id: 'web-khm', title: 'Fictional project <b>in</b> Cambodia', countries: [{ iso3: 'KHM' }] }, systemContext('test'));
    await createProject(
      db,
      { ...plain, id: 'web-secret', title: 'SECRET-PROJECT (fictional)', countries: [{ iso3: 'KHM' }], confidentiality: 'restricted', audience: ['state:KHM'] },
      systemContext('test'),
    );
    await createProject(db, { ...plain, id: 'web-ken', title: 'Fictional project in Kenya', countries: [{ iso3: 'KEN' }] }, systemContext('test'));
    const page = await web.context.newPage();
    const problems = watch(page, web.server);

    await open(page, `${web.server.url}/en/changes`, 'ol.change-list');
    const items = page.locator('ol.change-list > li');
    assert.match((await items.nth(0).textContent()) ?? '', /web-ken/);
    assert.match((await items.nth(1).textContent()) ?? '', /Fictional project <b>in<\/b> Cambodia/, 'the summary as text, not markup');
    assert.doesNotMatch((await page.locator('main').textContent()) ?? '', /SECRET-PROJECT|web-secret/);
    assert.match((await page.locator('footer').getByRole('link', { name: en['changes.footer'] }).getAttribute('href')) ?? '', /^\/en\/changes$/);

    // The filters by keyboard: type the State and press Enter.
    await page.getByLabel(en['changes.filter.state']!).focus();
    await page.keyboard.type('KHM');
    await page.keyboard.press('Enter');
    await page.waitForURL(/state=KHM/);
    await page.waitForFunction(() => !document.querySelector('ol.change-list')?.textContent?.includes('web-ken'));
    assert.match((await items.nth(0).textContent()) ?? '', /web-khm/);
    assert.match((await page.getByRole('link', { name: en['changes.atom'] }).getAttribute('href')) ?? '', /^\/api\/v1\/changes\.atom\?state=KHM$/);
    assert.match((await page.getByRole('link', { name: en['changes.jsonFeed'] }).getAttribute('href')) ?? '', /^\/api\/v1\/changes\.json\?state=KHM$/);
    let violations = await axeViolations(page);
    assert.deepEqual(violations, [], describeViolations(violations));

    // A page from a cursor: the changes before the newest one, with a link back to the newest.
    const newest = (await (await fetch(`${web.server.url}/api/v1/changes?order=newest&limit=1`)).json()) as { next: string };
    await open(page, `${web.server.url}/en/changes?before=${newest.next}`, 'ol.change-list');
    assert.doesNotMatch((await page.locator('ol.change-list').textContent()) ?? '', /web-ken/);
    await page.getByRole('link', { name: en['changes.newest'] }).click();
    await page.waitForFunction(() => document.querySelector('ol.change-list')?.textContent?.includes('web-ken'));

    await open(page, `${web.server.url}/ar/changes`, 'ol.change-list');
    assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
    assert.equal((await page.locator('h1').textContent())?.trim(), ar['changes.title']);
    assert.ok(await page.getByLabel(ar['changes.filter.state']!).isVisible());
    violations = await axeViolations(page);
    assert.deepEqual(violations, [], describeViolations(violations));
    await page.screenshot({ path: `${SCREENSHOTS}changes-ar.png`, fullPage: true });
    assert.deepEqual(problems, []);
  });

  test('an administrator adds a webhook, is refused a private address, rotates its secret and redelivers', async () => {
    const admin = await makeAccount(web.database.db, 'webhooks-admin@example.org', ['admin']);
    const login = await fetch(`${web.server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: admin.email, password: admin.password, code: codeFor(admin) }),
    });
    assert.equal(login.status, 200, await login.clone().text());
    const [pair = ''] = (login.headers.get('set-cookie') ?? '').split(';');
    const context = await web.browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addCookies([{ name: pair.slice(0, pair.indexOf('=')), value: pair.slice(pair.indexOf('=') + 1), url: web.server.url }]);
    const page = await context.newPage();
    const problems = watch(page, web.server);

    await open(page, `${web.server.url}/en/admin/webhooks`, '#add-webhook');
    const url = page.getByLabel(en['webhooks.url']!, { exact: true });
    await url.fill('http://10.0.0.1/hook');
    await page.getByRole('button', { name: en['webhooks.add'] }).click();
    await page.waitForSelector('[aria-invalid="true"]');
    assert.match((await page.locator('form.edit-form').textContent()) ?? '', /private, link-local or internal/);

    await url.fill('https://203.0.113.10/accord-hook');
    await page.getByRole('button', { name: en['webhooks.add'] }).click();
    await page.waitForSelector('.once-secret input');
    const first = await page.locator('.once-secret input').inputValue();
    assert.match(first, /^whsec_/);
    assert.match((await page.locator('table').first().textContent()) ?? '', /203\.0\.113\.10/);
    await page.getByRole('button', { name: en['webhooks.rotate'] }).click();
    await page.waitForFunction((old) => (document.querySelector('.once-secret input') as HTMLInputElement | null)?.value !== old, first);
    assert.match(await page.locator('.once-secret input').inputValue(), /^whsec_/);

    // A failed delivery, as the worker records one, sent again from the log.
    const hook = await web.database.db.selectFrom('webhook').select('id').executeTakeFirstOrThrow();
    await web.database.db
      .insertInto('webhook_delivery')
      .values({
        webhook_id: hook.id,
        change_id: 1,
        status: 'failed',
        attempts: 6,
        next_attempt_at: null,
        last_status: 500,
        last_error: 'the receiver answered 500',
        log: '[]',
        created_at: new Date().toISOString(),
      })
      .execute();
    await page.getByRole('link', { name: en['webhooks.deliveries'] }).click();
    await page.waitForSelector('#deliveries-title ~ table');
    assert.match((await page.locator('#deliveries-title ~ table').textContent()) ?? '', new RegExp(en['webhooks.delivery.failed']!));
    const violations = await axeViolations(page);
    assert.deepEqual(violations, [], describeViolations(violations));
    await page.getByRole('button', { name: en['webhooks.redeliver'] }).click();
    await page.waitForFunction((pending) => document.querySelector('#deliveries-title ~ table')?.textContent?.includes(pending), en['webhooks.delivery.pending']!);
    await context.close();
    assert.deepEqual(
      problems.filter((p) => !/status of 400/.test(p)),
      [],
    );
  });
});
