// Events of the technical-cooperation programme in the web app, end to end in Chromium: the
// shipped eleventh Asia-Pacific workshop (Islamabad, 25–27 February 2003) in the list, on the
// calendar in February 2003 (the ninth, known only to the month, listed under February 2001 and
// on no day) and on its page with its sources; an OHCHR editor enters an event, its participation
// counts (a count below zero is named at its field) and a follow-up action; anonymous readers do
// not see a restricted event; the calendar in Arabic is right to left and its months change from
// the keyboard; a signed-in user makes a secret calendar address, then revokes it, after which it
// answers 404.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { makeAccount, PASSWORD } from '../support/accounts.ts';
import { axeViolations, describeViolations, SCREENSHOTS } from '../support/browser.ts';
import { dictionary, open, signedInContext, useWebFixture, watch, type WebFixture } from '../support/web.ts';

const en = dictionary('en');
const ar = dictionary('ar');
const ISLAMABAD = 'Eleventh Workshop on Regional Cooperation for the Promotion and Protection of Human Rights in the Asian and Pacific Region';
/** An optional field's label, as the edit forms write it. */
const optional = (key: string) => `${en[key]} ${en['edit.optional']}`;
const SOURCE = { title: 'OHCHR, programme files of the test', url: 'https://www.ohchr.org/en/countries', kind: 'official', retrieved: '2026-01-15' };

describe('events and their calendar in the web app', () => {
  let web: WebFixture;
  useWebFixture((w) => (web = w), 'sqlite', { sharedData: false });
  const problems: string[] = [];

  /** Fills the "new source" part of an edit form. */
  async function fillSource(form: ReturnType<Page['locator']>) {
    await form.getByLabel(en['edit.source.title']!, { exact: true }).fill(SOURCE.title);
    await form.getByLabel(en['edit.source.url']!, { exact: true }).fill(SOURCE.url);
    await form.getByLabel(en['edit.kind.official']!, { exact: true }).check();
  }

  test('the Islamabad workshop of 2003: in the list, on the calendar in February 2003, and on its page with its sources', async () => {
    const page = await web.context.newPage();
    problems.push(...watch(page, web.server));
    await open(page, `${web.server.url}/en/events?country=PAK`, 'table');
    const row = page.locator('tr', { hasText: ISLAMABAD });
    assert.equal(await row.count(), 1);
    assert.match((await row.textContent()) ?? '', /25 February 2003 – 27 February 2003/);
    assert.match((await row.textContent()) ?? '', /\u2068Islamabad\u2069, Pakistan/);
    // The whole list as CSV, with the same filters: the link answers.
    const csv = await page.locator('a[href^="/api/v1/events/export/events.csv"]').getAttribute('href');
    assert.equal(csv, '/api/v1/events/export/events.csv?country=PAK');
    const exported = await fetch(`${web.server.url}${csv}`);
    assert.equal(exported.status, 200);
    assert.match(await exported.text(), /asia-pacific-workshop-11/);

    // The region filter (M49, Southern Asia): Islamabad and New Delhi, not Manila.
    await open(page, `${web.server.url}/en/events`, 'tbody tr a');
    await page.getByLabel(en['events.filter.region']!, { exact: true }).selectOption('034');
    await page.getByRole('button', { name: en['events.apply'] }).click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('region') === '034' && !document.querySelector('.page-state[role="status"]'));
    await page.waitForFunction(() => !document.body.textContent?.includes('First Workshop'));
    const southAsia = (await page.locator('tbody').textContent()) ?? '';
    assert.match(southAsia, /Eleventh Workshop/);
    assert.match(southAsia, /Seventh Workshop/);
    assert.doesNotMatch(southAsia, /Manila/);

    await open(page, `${web.server.url}/ar/events`, 'tbody tr a');
    assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
    await page.screenshot({ path: `${SCREENSHOTS}events-list-ar.png`, fullPage: true });
    let violations = await axeViolations(page);
    assert.deepEqual(violations, [], describeViolations(violations));

    // The calendar opens at the latest past event (no event is upcoming): the fifteenth, Bangkok, April 2010.
    await open(page, `${web.server.url}/en/events/calendar`, 'table.calendar-grid');
    assert.equal((await page.locator('h2.calendar-month').textContent())?.trim(), 'April 2010');
    const picker = page.locator('form.calendar-picker');
    await picker.getByLabel(en['calendar.month']!, { exact: true }).selectOption('02');
    await picker.getByLabel(en['calendar.year']!, { exact: true }).fill('2003');
    await picker.getByRole('button', { name: en['calendar.show'] }).click();
    await page.waitForFunction(() => document.querySelector('h2.calendar-month')?.textContent === 'February 2003');
    await page.waitForSelector('td[data-day="2003-02-25"] a');
    assert.match(new URL(page.url()).search, /month=2003-02/);
    for (const day of ['2003-02-25', '2003-02-26', '2003-02-27']) {
      assert.equal(await page.locator(`td[data-day="${day}"] a`, { hasText: ISLAMABAD }).count(), 1, day);
    }
    assert.equal(await page.locator('td[data-day="2003-02-24"] a').count(), 0);
    assert.equal(await page.locator('.agenda-list a', { hasText: ISLAMABAD }).count(), 1, 'in the agenda too');
    await page.screenshot({ path: `${SCREENSHOTS}events-calendar-2003-02.png`, fullPage: true });

    // The ninth (Bangkok) is known only to the month: listed under February 2001, on no day.
    await open(page, `${web.server.url}/en/events/calendar?month=2001-02`, 'table.calendar-grid');
    assert.equal(await page.locator('table.calendar-grid a').count(), 0);
    const partial = page.locator('.partial-dates');
    assert.match((await partial.textContent()) ?? '', /Ninth Workshop/);
    assert.match((await page.locator('.agenda h3').textContent()) ?? '', /February 2001/);

    // Its page: dates, place, the series around it, its sources.
    await page.goto(`${web.server.url}/en/events/calendar?month=2003-02`);
    await page.locator('td[data-day="2003-02-25"] a').click();
    await page.waitForSelector('h1');
    await page.waitForFunction((title) => document.querySelector('h1')?.textContent === title, ISLAMABAD);
    assert.match(page.url(), /\/en\/events\/asia-pacific-workshop-11$/);
    const facts = (await page.locator('dl.facts').textContent()) ?? '';
    assert.match(facts, /25 February 2003/);
    assert.match(facts, /\u2068Islamabad\u2069, Pakistan/);
    await page.waitForSelector('.series-nav a[rel="prev"]');
    assert.match((await page.locator('.series-nav a[rel="prev"]').textContent()) ?? '', /Tenth Workshop/);
    assert.match((await page.locator('.series-nav a[rel="next"]').textContent()) ?? '', /Twelfth Workshop/);
    const sources = page.locator('dl.facts .sources');
    await sources.locator('summary').first().click();
    const sourceText = (await sources.textContent()) ?? '';
    assert.match(sourceText, /Opening statement by Sergio Vieira de Mello/);
    assert.match(sourceText, /HURIGHTS OSAKA/);
    assert.match((await page.locator('#organizers-title + ul').textContent()) ?? '', /Government of Pakistan/);
    // No counts were entered for it: said so, never shown as zero.
    assert.match((await page.locator('section[aria-labelledby="participation-title"]').textContent()) ?? '', new RegExp(en['events.noCounts']!.slice(0, 40)));
    assert.equal(await page.locator('form.edit-form').count(), 0, 'no form for an anonymous reader');
    violations = await axeViolations(page);
    assert.deepEqual(violations, [], describeViolations(violations));
    // Its series: the fifteen workshops in order, the eleventh among them.
    await page.locator('dl.facts a[href="/en/events/series/asia-pacific-workshops"]').click();
    await page.waitForSelector('ol.series-events');
    const workshops = await page.locator('ol.series-events > li').allTextContents();
    assert.equal(workshops.length, 15);
    assert.match(workshops[10]!, /^Eleventh Workshop/);
    violations = await axeViolations(page);
    assert.deepEqual(violations, [], describeViolations(violations));
    await page.goBack();
    await page.waitForSelector('dl.facts');
    await page.close();
  });

  test('an OHCHR editor enters an event, its participation counts (a count below zero is named at its field) and an action', async () => {
    const context = await signedInContext(web, 'ohchr-events@example.org', ['ohchr-editor']);
    const page = await context.newPage();
    problems.push(...watch(page, web.server));
    await open(page, `${web.server.url}/en/events/new`, 'form.edit-form');
    const form = page.locator('form.edit-form');
    await form.getByLabel(en['events.col.kind']!, { exact: true }).selectOption('national-training-course');
    await form.getByLabel(en['events.field.title']!, { exact: true }).fill('National training course on treaty reporting, Islamabad');
    await form.getByLabel(en['events.start']!, { exact: true }).fill('2003-05-12');
    await form.getByLabel(optional('events.end'), { exact: true }).fill('2003-05-14');
    await form.getByLabel(optional('events.city'), { exact: true }).fill('Islamabad');
    await form.getByLabel(optional('col.state'), { exact: true }).selectOption('PAK');
    await fillSource(form);
    await form.getByRole('button', { name: en['edit.create'] }).click();
    await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'National training course on treaty reporting, Islamabad');
    const id = page.url().split('/events/')[1]!;

    // The counts: a count below zero is refused at its field before anything is sent.
    const counts = page.locator('section[aria-labelledby="participation-form-title"]');
    await counts.getByLabel(en['col.state']!, { exact: true }).selectOption('PAK');
    await counts.getByLabel(en['events.gender']!, { exact: true }).selectOption('women');
    await counts.getByLabel(en['events.headcount']!, { exact: true }).fill('-3');
    await fillSource(counts);
    await counts.getByRole('button', { name: en['events.form.saveCounts'] }).click();
    const headcount = counts.getByLabel(en['events.headcount']!, { exact: true });
    await page.waitForFunction(() => document.activeElement?.getAttribute('aria-invalid') === 'true');
    assert.equal(await headcount.getAttribute('aria-invalid'), 'true');
    const describedBy = (await headcount.getAttribute('aria-describedby')) ?? '';
    assert.equal((await page.locator(`[id="${describedBy}"]`).textContent())?.trim(), en['events.rule.count']);
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('name')), 'counts[0].headcount', 'focus on the field at fault');

    await headcount.fill('12');
    await counts.getByRole('button', { name: en['events.addRow'] }).click();
    await counts.getByLabel(en['events.gender']!, { exact: true }).nth(1).selectOption('men');
    await counts.getByLabel(en['events.headcount']!, { exact: true }).nth(1).fill('9');
    await counts.getByRole('button', { name: en['events.form.saveCounts'] }).click();
    await page.waitForSelector('.form-done');
    const participation = page.locator('section[aria-labelledby="participation-title"]');
    await page.waitForFunction(() => document.querySelector('section[aria-labelledby="participation-title"]')?.textContent?.includes('21'));
    assert.match((await participation.textContent()) ?? '', /Participants in all: 21/);
    // The second row names no State: "not recorded" under the States, never a zero.
    assert.match((await participation.locator('table', { hasText: en['events.byCountry']! }).textContent()) ?? '', /Pakistan12not recorded9/);

    // A follow-up action due in the past, still open: marked overdue.
    const action = page.locator('section[aria-labelledby="action-form-title"]');
    await action.getByLabel(en['events.action.description']!, { exact: true }).fill('Send the course materials to the Ministry of Law');
    await action.getByLabel(en['events.action.owner']!, { exact: true }).fill('OHCHR Asia-Pacific section');
    await action.getByLabel(`${en['events.action.due']} (${en['edit.placeholder.date']})`, { exact: true }).fill('2003-06');
    await action.getByRole('button', { name: en['events.form.addAction'] }).click();
    await page.waitForSelector('tr.overdue');
    const actionRow = (await page.locator('tr.overdue').textContent()) ?? '';
    assert.match(actionRow, /Send the course materials/);
    assert.match(actionRow, /June 2003/);
    assert.match(actionRow, new RegExp(en['events.overdue']!));

    // What the API now holds for anyone: the counts as entered, the action.
    const stored = (await (await fetch(`${web.server.url}/api/v1/events/${id}`)).json()) as { participation: { total: number }; actions: { owner: string; overdue: boolean }[] };
    assert.equal(stored.participation.total, 21);
    assert.deepEqual(
      stored.actions.map((a) => [a.owner, a.overdue]),
      [['OHCHR Asia-Pacific section', true]],
    );
    await page.screenshot({ path: `${SCREENSHOTS}events-entered.png`, fullPage: true });
    const violations = await axeViolations(page);
    assert.deepEqual(violations, [], describeViolations(violations));

    // A correction of the event's fields names the version read (If-Match) and a source.
    await page.getByRole('link', { name: en['events.edit'] }).click();
    // The event's page, with its forms of parts, may stay while the edit page loads: the edit
    // form is the one that saves the event's fields.
    const edit = page.locator('form.edit-form', { has: page.getByRole('button', { name: en['edit.save'], exact: true }) });
    await edit.waitFor();
    await edit.getByLabel(optional('events.city'), { exact: true }).fill('Lahore');
    await fillSource(edit);
    await edit.getByRole('button', { name: en['edit.save'] }).click();
    await page.waitForFunction(() => document.querySelector('dl.facts')?.textContent?.includes('\u2068Lahore\u2069, Pakistan'));
    assert.match(page.url(), new RegExp(`/en/events/${id}$`));
    await context.close();
  });

  test('anonymous readers do not see a restricted event; its editor does', async () => {
    const editor = await makeAccount(web.database.db, 'ohchr-restricted@example.org', ['ohchr-editor']);
    const login = await fetch(`${web.server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: editor.email, password: PASSWORD }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const made = await fetch(`${web.server.url}/api/v1/events`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: cookie, 'X-CSRF-Token': csrfToken },
      body: JSON.stringify({
        id: 'test-restricted-meeting',
        kind: 'high-level-governmental-expert-meeting',
        title: 'Expert meeting, Pakistan only',
        start: '2003-02-10',
        end: '2003-02-11',
        country: 'PAK',
        confidentiality: 'restricted',
        audience: ['state:PAK'],
        source: SOURCE,
      }),
    });
    assert.equal(made.status, 200, await made.text());
    const added = await fetch(`${web.server.url}/api/v1/events/test-restricted-meeting/participants`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: cookie, 'X-CSRF-Token': csrfToken },
      body: JSON.stringify({ name: 'Ayesha Khan', position: 'Deputy Secretary', country: 'PAK', gender: 'women' }),
    });
    assert.equal(added.status, 200, await added.text());

    const page = await web.context.newPage();
    problems.push(...watch(page, web.server));
    await open(page, `${web.server.url}/en/events?country=PAK`, 'table');
    assert.equal(await page.locator('tr', { hasText: ISLAMABAD }).count(), 1);
    assert.equal(await page.locator('tr', { hasText: 'Expert meeting, Pakistan only' }).count(), 0);
    await open(page, `${web.server.url}/en/events/calendar?month=2003-02`, 'table.calendar-grid');
    assert.equal(await page.locator('td[data-day="2003-02-10"] a').count(), 0);
    await open(page, `${web.server.url}/en/events/test-restricted-meeting`, '.page-state');
    assert.equal((await page.locator('h1').textContent())?.trim(), en['notFound.title']);
    await page.close();

    const context = await web.browser.newContext();
    await context.addCookies([{ name: cookie.slice(0, cookie.indexOf('=')), value: cookie.slice(cookie.indexOf('=') + 1), url: web.server.url }]);
    const editorPage = await context.newPage();
    await open(editorPage, `${web.server.url}/en/events/calendar?month=2003-02`, 'td[data-day="2003-02-10"] a');
    assert.equal(await editorPage.locator('td[data-day="2003-02-10"] a', { hasText: 'Expert meeting, Pakistan only' }).count(), 1);

    // Its editor sees the participant and erases the name, after confirming; the rest stays.
    await editorPage.locator('td[data-day="2003-02-10"] a').click();
    await editorPage.waitForSelector('table:has(#participants-caption) tbody tr');
    const participants = editorPage.locator('section[aria-labelledby="participants-title"]');
    assert.match((await participants.locator('tbody').textContent()) ?? '', /Ayesha KhanDeputy SecretaryPakistan/);
    await participants.getByRole('button', { name: `${en['events.erase']} Ayesha Khan` }).click();
    await editorPage.locator('dialog[open]').getByRole('button', { name: en['events.erase'] }).click();
    await participants.getByText(en['events.erased']!).waitFor();
    await editorPage.waitForFunction(() => !document.querySelector('section[aria-labelledby="participants-title"] tbody')?.textContent?.includes('Ayesha'));
    const stored = (await (await fetch(`${web.server.url}/api/v1/events/test-restricted-meeting/participants`, { headers: { Cookie: cookie } })).json()) as {
      items: { name: string | null; country: string | null; erasedAt: string | null }[];
    };
    assert.deepEqual(
      stored.items.map((p) => [p.name, p.country, p.erasedAt !== null]),
      [[null, 'PAK', true]],
    );
    await context.close();
  });

  test('the calendar in Arabic is right to left and its months change from the keyboard', async () => {
    const page = await web.context.newPage();
    problems.push(...watch(page, web.server));
    await open(page, `${web.server.url}/ar/events/calendar?month=2003-02`, 'td[data-day="2003-02-25"] a');
    assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
    assert.equal(await page.locator('h1').textContent(), ar['calendar.title']);
    const february = (await page.locator('h2.calendar-month').textContent()) ?? '';
    // The grid mirrors: Monday's column is on the right.
    const monday = await page.locator('table.calendar-grid thead th').first().boundingBox();
    const sunday = await page.locator('table.calendar-grid thead th').last().boundingBox();
    assert.ok(monday && sunday && monday.x > sunday.x, 'the first day of the week is on the right');

    await page.getByRole('button', { name: new RegExp(ar['calendar.next']!) }).focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('td[data-day="2003-03-01"]');
    assert.match(new URL(page.url()).search, /month=2003-03/);
    assert.notEqual(await page.locator('h2.calendar-month').textContent(), february);
    // Shift+Tab goes back to "previous month" (it comes first), and Enter twice reaches January.
    await page.keyboard.press('Shift+Tab');
    assert.match((await page.evaluate(() => document.activeElement?.textContent)) ?? '', new RegExp(ar['calendar.previous']!));
    await page.keyboard.press('Enter');
    await page.waitForSelector('td[data-day="2003-02-01"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('td[data-day="2003-01-01"]');
    assert.match(new URL(page.url()).search, /month=2003-01/);
    // Back returns to the months seen before.
    await page.goBack();
    await page.waitForSelector('td[data-day="2003-02-25"] a');
    const violations = await axeViolations(page);
    assert.deepEqual(violations, [], describeViolations(violations));
    await page.screenshot({ path: `${SCREENSHOTS}events-calendar-ar.png`, fullPage: true });
    await page.close();
  });

  test('a signed-in user makes a secret calendar address, then revokes it: it then answers 404', async () => {
    const context: BrowserContext = await signedInContext(web, 'viewer-feed@example.org', ['viewer']);
    const page = await context.newPage();
    problems.push(...watch(page, web.server));
    await open(page, `${web.server.url}/en/account`, 'section[aria-labelledby="calendar-feed-title"]');
    const section = page.locator('section[aria-labelledby="calendar-feed-title"]');
    await section.getByRole('button', { name: en['calendar.feed.create'] }).click();
    const field = section.getByLabel(en['calendar.feed.address']!, { exact: true });
    await field.waitFor();
    const address = await field.inputValue();
    assert.match(address, /\/api\/v1\/calendar\/acf_[A-Za-z0-9_-]{43}\.ics$/);
    const before = await fetch(address);
    assert.equal(before.status, 200);
    assert.match(await before.text(), /BEGIN:VCALENDAR/);

    await section.getByRole('button', { name: en['calendar.feed.revoke'] }).click();
    const dialog = page.locator('dialog[open]');
    await dialog.getByRole('button', { name: en['calendar.feed.revoke'] }).click();
    await section.getByText(en['calendar.feed.revoked']!).waitFor();
    assert.equal((await fetch(address)).status, 404);
    await context.close();
    assert.deepEqual(
      problems.filter((p) => !/status of 4\d\d/.test(p)),
      [],
    );
  });
});
