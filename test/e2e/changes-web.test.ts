// Recent changes in the web app, end to end in Chromium: projects entered through the write path
// appear newest first, the restricted one never; the filters (by keyboard) narrow the list and
// the feed links follow them; a page from a cursor is a link; in Arabic the page is right to
// left; both pass axe.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { systemContext } from '../../src/modules/audit/context.ts';
import { createProject } from '../../src/modules/projects/write.ts';
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
});
