// Treaty status in the web app, in Debian's Chromium: a State's treaty profile and an
// instrument's participation (chart, map, participants), in English and Arabic, checked
// against the API's own answers: statuses at a date and after a change of date, year-only
// dates shown as years, the chart's points and its table, the map's colours and legend, the
// exports, the keyboard, narrow screens and axe-core's WCAG 2.1 A/AA rules.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { axeViolations, describeViolations, SCREENSHOTS } from '../support/browser.ts';
import type { RunningServer } from '../support/server.ts';
import { skipWithoutSharedData } from '../support/shared-data.ts';
import { api, open, useWebFixture, watch } from '../support/web.ts';

type Status = 'party' | 'yearOnly' | 'signatory' | 'withdrawn' | 'none';
type Counts = Record<Status, number>;
interface Act { kind: string; date: string | null; precision: string | null }
interface StateTreaties {
  iso3: string;
  asOf: string;
  conflicts: number;
  treaties: { instrument: string; status: Status; actions: Act[]; reservations: { text: string }[] }[];
}
interface InstrumentStatus { asOf: string; counts: Counts; states: { iso3: string; status: Status; actions: Act[] }[] }
interface StatusHistory { points: { asOf: string; counts: Counts }[] }

const STATUSES: Status[] = ['party', 'yearOnly', 'signatory', 'withdrawn', 'none'];
/** Symbol and word of each status in English. */
const SHOWN: Record<Status, string> = { party: '● Party', yearOnly: '◐ Party (year only)', signatory: '○ Signatory', withdrawn: '⊘ Withdrawn', none: '– No action' };
const STATE_READY = '#treaties-title ~ .data-table .treaty-status';
const INSTRUMENT_READY = '.status-map svg[data-drawn] a.state';
const noSharedData = skipWithoutSharedData();

/** The State page's treaty table (the one whose caption names the treaty status). */
function treatyTable(page: Page): Locator {
  return page.locator('#treaties-title ~ .data-table');
}

/** instrument code → status, as the State page's treaty table shows it. */
async function shownStatuses(page: Page): Promise<Record<string, string>> {
  const rows = await treatyTable(page).locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => [tr.children[1]!.textContent!.trim(), tr.querySelector('.treaty-status')?.getAttribute('data-status') ?? '']),
  );
  return Object.fromEntries(rows);
}

function apiStatuses(answer: StateTreaties): Record<string, string> {
  return Object.fromEntries(answer.treaties.map((t) => [t.instrument, t.status]));
}

function englishDate(value: string): string {
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${value}T00:00:00Z`));
}

describe('treaty status in the web app (SQLite)', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  useWebFixture((web) => ({ server, browser, context } = web));

  for (const lang of ['en', 'ar'] as const) {
    test(`State page with its treaty profile in ${lang}: no axe violation`, async () => {
      const page = await context.newPage();
      const problems = watch(page, server);
      await open(page, `${server.url}/${lang}/states/BEN`, STATE_READY);
      await page.waitForSelector('.timeline');
      assert.equal(await page.getAttribute('html', 'dir'), lang === 'ar' ? 'rtl' : 'ltr');
      const violations = await axeViolations(page);
      await page.screenshot({ path: `${SCREENSHOTS}${lang}-state-treaties.png`, fullPage: true });
      assert.deepEqual(problems, []);
      assert.equal(violations.length, 0, describeViolations(violations));
      await page.close();
    });

    test(`instrument page with chart, map and participants in ${lang}: no axe violation`, async () => {
      const page = await context.newPage();
      const problems = watch(page, server);
      await open(page, `${server.url}/${lang}/instruments/ACHR?asOf=2000-01-01`, INSTRUMENT_READY);
      await page.waitForSelector('.parties-chart .chart-frame svg');
      const violations = await axeViolations(page);
      await page.screenshot({ path: `${SCREENSHOTS}${lang}-instrument-participation.png`, fullPage: true });
      assert.deepEqual(problems, []);
      assert.equal(violations.length, 0, describeViolations(violations));
      await page.close();
    });
  }

  test('the State table shows the status the API gives, at a date and after changing the date', { skip: noSharedData }, async () => {
    const page = await context.newPage();
    const now = await api<StateTreaties>(server, '/states/FRA/treaties');
    const vienna = await api<StateTreaties>(server, '/states/FRA/treaties?asOf=1993-06-25');
    // The two dates must differ somewhere, or a page that ignores the date would pass.
    assert.notDeepEqual(apiStatuses(now), apiStatuses(vienna));

    await open(page, `${server.url}/en/states/FRA?asOf=1993-06-25`, STATE_READY);
    assert.deepEqual(await shownStatuses(page), apiStatuses(vienna));
    assert.match((await treatyTable(page).locator('caption').textContent()) ?? '', /Treaty status of France on 25 June 1993/);
    // The word is there beside the symbol: the status is never told by colour alone.
    for (const code of ['CRC', 'CRPD', 'ICCPR']) {
      const row = treatyTable(page).locator('tbody tr', { has: page.locator('td:nth-child(2)', { hasText: new RegExp(`^${code}$`) }) });
      assert.equal((await row.locator('.treaty-status').textContent())?.trim(), SHOWN[vienna.treaties.find((t) => t.instrument === code)!.status], code);
    }

    await open(page, `${server.url}/en/states/FRA`, STATE_READY);
    assert.deepEqual(await shownStatuses(page), apiStatuses(now));

    // Changing the date with the date control re-reads the statuses of that date.
    await page.getByRole('textbox', { name: 'As of' }).fill('1993-06-25');
    await treatyTable(page).locator('caption', { hasText: '25 June 1993' }).waitFor();
    assert.deepEqual(await shownStatuses(page), apiStatuses(vienna));
    assert.match(page.url(), /asOf=1993-06-25/);
    await page.getByRole('button', { name: 'Today' }).click();
    await treatyTable(page).locator('caption', { hasText: englishDate(now.asOf) }).waitFor();
    assert.deepEqual(await shownStatuses(page), apiStatuses(now));
    await page.close();
  });

  test('a date known only to the year is shown as the year, never with a day', { skip: noSharedData }, async () => {
    const crpd = await api<InstrumentStatus>(server, '/instruments/CRPD/status');
    const state = crpd.states.find((s) => s.actions.some((a) => a.precision === 'year'));
    assert.ok(state, 'some State has a year-only act under the CRPD');
    const act = state.actions.find((a) => a.precision === 'year')!;
    const page = await context.newPage();
    await open(page, `${server.url}/en/states/${state.iso3}`, STATE_READY);
    const row = treatyTable(page).locator('tbody tr', { has: page.locator('td:nth-child(2)', { hasText: /^CRPD$/ }) });
    const time = row.locator(`li[data-kind="${act.kind}"] time`);
    assert.equal(await time.getAttribute('datetime'), act.date);
    assert.equal((await time.textContent())?.trim(), act.date, 'the year alone');

    // At a date inside that year the State is "party (year only)", as the API says.
    const inside = `${act.date}-06-30`;
    const answer = await api<StateTreaties>(server, `/states/${state.iso3}/treaties?asOf=${inside}`);
    await open(page, `${server.url}/en/states/${state.iso3}?asOf=${inside}`, STATE_READY);
    const expected = answer.treaties.find((t) => t.instrument === 'CRPD')!.status;
    assert.equal(expected, 'yearOnly');
    assert.equal(await row.locator('.treaty-status').getAttribute('data-status'), expected);
    assert.match((await row.locator('.treaty-status').textContent()) ?? '', /Party \(year only\)/);
    await page.close();
  });

  test('declarations of acceptance say whether they are in force at the date, as the API does', async () => {
    const page = await context.newPage();
    for (const asOf of ['2017-01-01', '2020-06-01', '2022-01-01']) {
      const answer = await api<{ treaties: { instrument: string; declarations: { kind: string; inForce: boolean }[] }[] }>(server, `/states/BEN/treaties?asOf=${asOf}`);
      const expected = answer.treaties.find((t) => t.instrument === 'ACHPR-COURT')!.declarations.map((d) => ({
        kind: d.kind,
        badge: d.kind === 'declaration-withdraw' ? (d.inForce ? 'has taken effect' : 'not yet in effect') : d.inForce ? 'in force' : 'not in force',
      }));
      assert.ok(expected.length > 0, asOf);
      await open(page, `${server.url}/en/states/BEN?asOf=${asOf}`, STATE_READY);
      const row = treatyTable(page).locator('tbody tr', { has: page.locator('td:nth-child(2)', { hasText: /^ACHPR-COURT$/ }) });
      const shown = await row.locator('td:nth-child(5) ul.acts > li').evaluateAll((lis) => lis.map((li) => ({ kind: li.getAttribute('data-kind'), badge: li.querySelector('.badge')?.textContent })));
      assert.deepEqual(shown, expected, asOf);
    }
    await page.close();
  });

  test('the chart has a point per year of the API, and its table holds the same counts', { skip: noSharedData }, async () => {
    const history = await api<StatusHistory>(server, '/instruments/ICCPR/status-history');
    assert.ok(history.points.length > 10);
    const page = await context.newPage();
    await open(page, `${server.url}/en/instruments/ICCPR`, INSTRUMENT_READY);
    assert.equal(Number(await page.locator('.parties-chart .chart-frame svg').getAttribute('data-points')), history.points.length);
    const partyPoints = await page.locator('.parties-chart .series[data-series="party"] circle.point').evaluateAll((cs) => cs.map((c) => [c.getAttribute('data-as-of'), Number(c.getAttribute('data-count'))]));
    assert.deepEqual(partyPoints, history.points.map((p) => [p.asOf, p.counts.party]));
    assert.equal(await page.locator('.parties-chart').getByRole('img').getAttribute('aria-label'), `Chart of States by status under ICCPR, at the end of each year from ${history.points[0]!.asOf.slice(0, 4)} to ${history.points.at(-1)!.asOf.slice(0, 4)}`);

    await page.getByText('Show the chart as a table').click();
    const table = page.locator('.parties-chart + .table-disclosure table');
    await table.waitFor();
    const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent!.trim())));
    assert.equal(rows.length, history.points.length);
    rows.forEach((cells, i) => {
      const point = history.points[i]!;
      assert.equal(cells[0], englishDate(point.asOf));
      assert.deepEqual(cells.slice(1).map((c) => Number(c.replace(/,/g, ''))), STATUSES.map((s) => point.counts[s]), point.asOf);
    });
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.parties-chart + .table-disclosure').getByRole('button', { name: 'Export CSV' }).click()]);
    assert.equal(download.suggestedFilename(), 'accord-ICCPR-status-history.csv');
    const lines = readFileSync((await download.path())!, 'utf8').slice(1).trim().split('\r\n');
    assert.equal(lines[0], 'asOf,party,yearOnly,signatory,withdrawn,none');
    assert.equal(lines.length - 1, history.points.length);
    await page.close();
  });

  test('the map colours every State by its status, and the legend counts agree with the API', async () => {
    const status = await api<InstrumentStatus>(server, '/instruments/ACHR/status?asOf=1993-06-25');
    const page = await context.newPage();
    await open(page, `${server.url}/en/instruments/ACHR?asOf=1993-06-25`, INSTRUMENT_READY);
    const c = status.counts;
    assert.equal(
      (await page.locator('.summary').textContent())?.trim(),
      `On 25 June 1993, States by status — party: ${c.party}; party by an act known only to the year: ${c.yearOnly}; signatory, not yet party: ${c.signatory}; withdrawn: ${c.withdrawn}; no action: ${c.none}.`,
    );
    for (const s of STATUSES) {
      const item = page.locator(`.legend li[data-status="${s}"]`);
      assert.equal(Number(await item.getAttribute('data-count')), status.counts[s], `legend count of ${s}`);
      assert.match((await item.textContent()) ?? '', new RegExp(`\\(${status.counts[s]} States?\\)`));
      assert.equal(await page.locator(`.status-map a.state[data-group="${s}"]`).count(), status.counts[s], `States drawn as ${s}`);
      // Every shape of that status has the colour of the legend's swatch.
      const swatch = await item.locator('.swatch').evaluate((el) => getComputedStyle(el).backgroundColor);
      const fills = await page.locator(`.status-map a.state[data-group="${s}"] path`).evaluateAll((paths) => [...new Set(paths.map((p) => getComputedStyle(p).fill))]);
      if (status.counts[s] > 0) assert.deepEqual(fills, [swatch], `colour of ${s}`);
    }
    // Each State is read out with its status.
    for (const state of status.states.filter((s) => ['BRA', 'USA', 'TTO', 'FRA'].includes(s.iso3))) {
      const label = (await page.locator(`a.state[data-iso3="${state.iso3}"]`).getAttribute('aria-label')) ?? '';
      assert.ok(label.endsWith(`: ${SHOWN[state.status].slice(2)}`), `${state.iso3}: ${label}`);
    }
    // Later, Trinidad and Tobago has left: the map follows the date.
    await page.getByRole('textbox', { name: 'As of' }).fill('2005-01-01');
    await page.waitForFunction(() => document.querySelector('.summary')?.textContent?.startsWith('On 1 January 2005,'));
    const later = await api<InstrumentStatus>(server, '/instruments/ACHR/status?asOf=2005-01-01');
    assert.equal(await page.locator('.status-map a.state[data-group="withdrawn"]').count(), later.counts.withdrawn);
    assert.equal(await page.locator('a.state[data-iso3="TTO"]').getAttribute('data-group'), later.states.find((s) => s.iso3 === 'TTO')!.status);
    await page.screenshot({ path: `${SCREENSHOTS}en-instrument-map-2005.png` });
    await page.close();
  });

  test('the map links are reached from the keyboard, in the order of the table', { skip: noSharedData }, async () => {
    const states = await api<{ items: { iso3: string; name: string }[] }>(server, '/states?limit=1000&lang=en');
    const page = await context.newPage();
    await open(page, `${server.url}/en/instruments/ICCPR`, INSTRUMENT_READY);
    await page.getByRole('button', { name: 'Today' }).focus();
    let focused: string | null = null;
    for (let i = 0; i < 15 && !focused; i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => document.activeElement?.closest('.status-map a.state')?.getAttribute('data-iso3') ?? null);
    }
    assert.equal(focused, states.items[0]!.iso3);
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-iso3')), states.items[1]!.iso3);
    assert.ok(((await page.locator('.status-map .map-tip').textContent()) ?? '').startsWith(`${states.items[1]!.name}: `));
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/en/states/${states.items[1]!.iso3}$`));
    await page.waitForSelector(STATE_READY);
    await page.close();
  });

  test('exports: the State treaty table and the participants table download as CSV and JSON', { skip: noSharedData }, async () => {
    const page = await context.newPage();
    const france = await api<StateTreaties>(server, '/states/FRA/treaties');
    await open(page, `${server.url}/en/states/FRA`, STATE_READY);
    const [csv] = await Promise.all([page.waitForEvent('download'), treatyTable(page).getByRole('button', { name: 'Export CSV' }).click()]);
    assert.equal(csv.suggestedFilename(), `accord-FRA-treaties-${france.asOf}.csv`);
    const lines = readFileSync((await csv.path())!, 'utf8').slice(1).trim().split('\r\n');
    assert.equal(lines[0], 'instrument,code,status,acts,declarations,untcRef,sources');
    assert.equal(lines.length - 1, france.treaties.length);
    const iccpr = lines.find((l) => l.includes(',ICCPR,'))!;
    assert.match(iccpr, /,party,"?accession 1980-11-04/);
    assert.match(iccpr, /https:\/\/treaties\.un\.org/);

    const iccprStatus = await api<InstrumentStatus>(server, '/instruments/ICCPR/status');
    await open(page, `${server.url}/en/instruments/ICCPR`, INSTRUMENT_READY);
    const participants = page.locator('#participants-table ~ .data-table').first();
    const [json] = await Promise.all([page.waitForEvent('download'), participants.getByRole('button', { name: 'Export JSON' }).click()]);
    assert.equal(json.suggestedFilename(), `accord-ICCPR-participants-${iccprStatus.asOf}.json`);
    const exported = JSON.parse(readFileSync((await json.path())!, 'utf8')) as { asOf: string; items: { iso3: string; status: string }[] };
    assert.equal(exported.asOf, iccprStatus.asOf);
    assert.equal(exported.items.length, iccprStatus.states.length);
    for (const s of iccprStatus.states) assert.equal(exported.items.find((i) => i.iso3 === s.iso3)?.status, s.status, s.iso3);
    await page.close();
  });

  test('conflicts between sources are pointed out, with a link to the data-quality page', { skip: noSharedData }, async () => {
    const conflicts = await api<{ items: { participant: string }[] }>(server, '/data-quality/conflicts?limit=1000');
    const iso3 = conflicts.items[0]!.participant;
    const answer = await api<StateTreaties>(server, `/states/${iso3}/treaties`);
    assert.ok(answer.conflicts > 0);
    const page = await context.newPage();
    await open(page, `${server.url}/en/states/${iso3}`, STATE_READY);
    const note = page.locator('#treaties-title ~ .note');
    assert.match((await note.textContent()) ?? '', new RegExp(`: ${answer.conflicts}\\.`));
    assert.equal(await note.getByRole('link').getAttribute('href'), `/en/data-quality?t.state=${iso3}`);
    // The link opens the data-quality list filtered to that State: as many rows as the API counts.
    await note.getByRole('link').click();
    await page.waitForSelector('#conflicts table tbody tr');
    await page.waitForFunction(() => !document.querySelector('.page-state[role="status"]'));
    const rows = await page.locator('#conflicts table tbody tr').count();
    assert.equal(rows, conflicts.items.filter((c) => c.participant === iso3).length);
    await open(page, `${server.url}/en/states/${iso3}`, STATE_READY);
    // A State without conflicts has no note.
    const quiet = (await api<{ items: { iso3: string }[] }>(server, '/states?limit=1000')).items.find((s) => !conflicts.items.some((c) => c.participant === s.iso3))!;
    await open(page, `${server.url}/en/states/${quiet.iso3}`, STATE_READY);
    assert.equal(await page.locator('#treaties-title ~ .note').count(), 0);
    await page.close();
  });

  test('declaration and reservation texts open per instrument, as text, with their line breaks kept', { skip: noSharedData }, async () => {
    const france = await api<StateTreaties>(server, '/states/FRA/treaties');
    const iccpr = france.treaties.find((t) => t.instrument === 'ICCPR')!;
    assert.ok(iccpr.reservations.length > 0);
    const page = await context.newPage();
    await open(page, `${server.url}/en/states/FRA`, STATE_READY);
    const disclosure = page.locator('details.treaty-texts[data-instrument="ICCPR"]');
    const text = disclosure.locator('.declaration-text').first();
    assert.equal(await text.isVisible(), false);
    await disclosure.locator('> summary').click();
    assert.equal(await text.isVisible(), true);
    assert.equal(await text.textContent(), iccpr.reservations[0]!.text);
    assert.equal(await text.evaluate((el) => getComputedStyle(el).whiteSpace), 'pre-wrap');
    assert.equal(await disclosure.locator('.declaration-text').count(), iccpr.reservations.length);
    await page.close();
  });

  test('the State timeline draws a bar for each instrument with a treaty act', { skip: noSharedData }, async () => {
    const france = await api<StateTreaties>(server, '/states/FRA/treaties');
    const page = await context.newPage();
    await open(page, `${server.url}/en/states/FRA`, STATE_READY);
    const timeline = page.locator('#treaty-timeline-title ~ .timeline');
    const withActs = france.treaties.filter((t) => t.actions.length > 0).length;
    assert.equal(await timeline.locator('svg > g[transform]').count(), withActs);
    assert.equal(await timeline.getAttribute('aria-label'), 'Timeline of the treaty acts of France');
    await page.close();
  });

  test('no sideways scrolling of the page at 360 px', { skip: noSharedData }, async () => {
    const narrow = await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2 });
    const page = await narrow.newPage();
    for (const [lang, path, ready] of [['en', '/states/FRA', STATE_READY], ['ar', '/states/FRA', STATE_READY], ['en', '/instruments/ICCPR', INSTRUMENT_READY], ['ar', '/instruments/ACHR', INSTRUMENT_READY]] as const) {
      await open(page, `${server.url}/${lang}${path}`, ready);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${lang}${path} is ${overflow}px wider than the screen`);
      await page.screenshot({ path: `${SCREENSHOTS}${lang}-360${path.replaceAll('/', '-')}-treaties.png` });
    }
    await narrow.close();
  });
});
