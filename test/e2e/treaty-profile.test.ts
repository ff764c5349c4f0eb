// Treaty status in the web app, in Debian's Chromium: a State's treaty profile and an
// instrument's participation (chart, map, participants), in English and Arabic, checked
// against the API's own answers: the eight statuses with their reasons (not eligible under an
// article, not yet a State, uncertain and why), "no data" never shown as "no action", year-only
// dates shown as years and undated acts with their bounds, the sources' end notes, the chart's
// points, its band of uncertain States and its table, the map's colours, hatching and legend,
// how current each source is, the exports, the keyboard, narrow screens and axe-core's WCAG 2.1
// A/AA rules.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { axeViolations, describeViolations, SCREENSHOTS } from '../support/browser.ts';
import type { RunningServer } from '../support/server.ts';
import { skipWithoutSharedData } from '../support/shared-data.ts';
import { api, dictionary, open, useWebFixture, watch } from '../support/web.ts';

type Status = 'party' | 'uncertain' | 'signatory' | 'withdrawn' | 'noAction' | 'noData' | 'notEligible' | 'notYetState';
type Counts = Record<Status | 'partyOnSecondary', number>;
interface Act {
  kind: string;
  date: string | null;
  precision: string | null;
  note: string | null;
  support: string;
  bounds: { from: string | null; certainFrom: string | null } | null;
}
interface Because {
  article: string | null;
  since: string | null;
  sourceIds: string[];
}
interface Collection {
  id: string;
  precision: 'day' | 'year';
  asOf: string | null;
}
interface StatusRow {
  status: Status;
  uncertainty: 'span' | 'tertiary' | 'unsourced' | null;
  because: Because | null;
  actions: Act[];
}
interface StateTreaties {
  iso3: string;
  asOf: string;
  conflicts: number;
  statehood: { since: string; basis: string; sourceIds: string[] } | null;
  collections: Collection[];
  treaties: (StatusRow & { instrument: string; reservations: { text: string; date: string | null; section: string | null; kind: string }[] })[];
}
interface InstrumentStatus {
  asOf: string;
  hasData: boolean;
  counts: Counts;
  collections: Collection[];
  states: (StatusRow & { iso3: string })[];
}
interface StatusHistory {
  points: { asOf: string; counts: Counts }[];
}

const STATUSES: Status[] = ['party', 'uncertain', 'signatory', 'withdrawn', 'noAction', 'noData', 'notEligible', 'notYetState'];
/** Symbol and word of each status in English. */
const SHOWN: Record<Status, string> = {
  party: '● Party',
  uncertain: '◐ Uncertain',
  signatory: '○ Signatory',
  withdrawn: '⊘ Withdrawn',
  noAction: '– No action',
  noData: '? No data',
  notEligible: '× Not eligible',
  notYetState: '◌ Not yet a State',
};
const UNCERTAINTY = { span: 'date not known to the day', tertiary: 'only tertiary sources', unsourced: 'no source' };

/** The status as the page writes it: symbol, word and, in brackets, its reason. */
function shownText(row: StatusRow): string {
  const reason =
    row.status === 'notEligible' && row.because?.article
      ? row.because.article === 'adoption'
        ? 'not yet adopted'
        : `under ${row.because.article}`
      : row.status === 'notYetState' && row.because?.since
        ? `a State from ${englishDate(row.because.since)}`
        : row.status === 'uncertain' && row.uncertainty
          ? UNCERTAINTY[row.uncertainty]
          : null;
  return reason ? `${SHOWN[row.status]} (${reason})` : SHOWN[row.status];
}
const STATE_READY = '#treaties-title ~ .data-table .treaty-status';
const INSTRUMENT_READY = '.status-map svg[data-drawn] a.state';
const noSharedData = skipWithoutSharedData();

/** The State page's treaty table (the one whose caption names the treaty status). */
function treatyTable(page: Page): Locator {
  return page.locator('#treaties-title ~ .data-table');
}

/** instrument code → status, as the State page's treaty table shows it. */
async function shownStatuses(page: Page): Promise<Record<string, string>> {
  const rows = await treatyTable(page)
    .locator('tbody tr')
    .evaluateAll((trs) => trs.map((tr) => [tr.children[1]!.textContent!.trim(), tr.querySelector('.treaty-status')?.getAttribute('data-status') ?? '']));
  return Object.fromEntries(rows);
}

function apiStatuses(answer: StateTreaties): Record<string, string> {
  return Object.fromEntries(answer.treaties.map((t) => [t.instrument, t.status]));
}

function englishDate(value: string): string {
  if (/^\d{4}$/.test(value)) return value;
  if (/^\d{4}-\d{2}$/.test(value)) return new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${value}-01T00:00:00Z`));
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${value}T00:00:00Z`));
}

/** An element's text without its sources' disclosure, spaces collapsed. */
async function ownText(element: Locator): Promise<string> {
  return element.evaluate((el) => {
    const copy = el.cloneNode(true) as HTMLElement;
    for (const s of copy.querySelectorAll('.sources')) s.remove();
    return copy.textContent!.replace(/\s+/g, ' ').trim();
  });
}

/** The text of a row's treaty status: symbol, word and reason. */
async function statusCell(row: Locator): Promise<string> {
  return ownText(row.locator('.treaty-status'));
}

/** The participants table of an instrument page. */
function participants(page: Page): Locator {
  return page.locator('#participants-table ~ .data-table').first();
}

/** A table row by the text of one of its cells (a State's code, an instrument's code). */
function rowWith(table: Locator, page: Page, column: number, text: string): Locator {
  return table.locator('tbody tr', { has: page.locator(`td:nth-child(${column})`, { hasText: new RegExp(`^${text}$`) }) });
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

  for (const lang of ['en', 'ar'] as const) {
    test(`the new statuses, the hatching and the no-data banner in ${lang}: no axe violation, no sideways scrolling at 360 px`, async () => {
      const narrow = await browser.newContext({ viewport: { width: 360, height: 740 } });
      for (const [name, path, ready] of [
        ['echr-1980', '/instruments/ECHR?asOf=1980-01-01', INSTRUMENT_READY],
        ['iacppt', '/instruments/IACPPT', '#participants-table ~ .data-table .treaty-status'],
        ['svn-2000', '/states/SVN?asOf=2000-01-01', STATE_READY],
      ] as const) {
        for (const page of [await context.newPage(), await narrow.newPage()]) {
          const problems = watch(page, server);
          await open(page, `${server.url}/${lang}${path}`, ready);
          const wide = page.viewportSize()!.width > 360;
          if (wide) {
            const violations = await axeViolations(page);
            await page.screenshot({ path: `${SCREENSHOTS}${lang}-${name}.png`, fullPage: true });
            assert.equal(violations.length, 0, `${name}: ${describeViolations(violations)}`);
          } else {
            const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
            assert.ok(overflow <= 0, `${lang}${path} is ${overflow}px wider than the screen`);
          }
          assert.deepEqual(problems, []);
          await page.close();
        }
      }
      await narrow.close();
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
    // The word is there beside the symbol: the status is never told by colour alone; the CRPD
    // (2006) did not exist yet, and the page says so.
    for (const code of ['CRC', 'CRPD', 'ICCPR']) {
      const row = treatyTable(page).locator('tbody tr', { has: page.locator('td:nth-child(2)', { hasText: new RegExp(`^${code}$`) }) });
      assert.equal(await statusCell(row), shownText(vienna.treaties.find((t) => t.instrument === code)!), code);
    }
    assert.equal(await statusCell(rowWith(treatyTable(page), page, 2, 'CRPD')), '× Not eligible (not yet adopted)');

    await open(page, `${server.url}/en/states/FRA`, STATE_READY);
    assert.deepEqual(await shownStatuses(page), apiStatuses(now));

    // Changing the date with the date control re-reads the statuses of that date.
    await page.getByRole('textbox', { name: 'As of' }).fill('1993-06-25');
    await treatyTable(page).locator('caption', { hasText: '25 June 1993' }).waitFor();
    assert.deepEqual(await shownStatuses(page), apiStatuses(vienna));
    assert.match(page.url(), /asOf=1993-06-25/);
    await page.getByRole('button', { name: 'Today' }).click();
    await treatyTable(page)
      .locator('caption', { hasText: englishDate(now.asOf) })
      .waitFor();
    assert.deepEqual(await shownStatuses(page), apiStatuses(now));
    await page.close();
  });

  test('a date known only to the year is shown as the year, never with a day, and the State is uncertain inside it', { skip: noSharedData }, async () => {
    // The European Convention's reference data give some ratifications only by their year.
    const echr = await api<InstrumentStatus>(server, '/instruments/ECHR/status');
    // A year-only act resting on a source (one without any would be uncertain for that reason first).
    const yearOnly = (a: Act) => a.precision === 'year' && (a.support === 'official' || a.support === 'secondary');
    const state = echr.states.find((s) => s.actions.some(yearOnly));
    assert.ok(state, 'some State has a sourced year-only act under the ECHR');
    const act = state.actions.find(yearOnly)!;
    const page = await context.newPage();
    await open(page, `${server.url}/en/states/${state.iso3}`, STATE_READY);
    const row = rowWith(treatyTable(page), page, 2, 'ECHR');
    const time = row.locator(`li[data-kind="${act.kind}"] time`).first();
    assert.equal(await time.getAttribute('datetime'), act.date);
    assert.equal((await time.textContent())?.trim(), act.date, 'the year alone');

    // At a date inside that year the State is uncertain, because the day is not known, as the API says.
    const inside = `${act.date}-06-30`;
    const answer = await api<StateTreaties>(server, `/states/${state.iso3}/treaties?asOf=${inside}`);
    await open(page, `${server.url}/en/states/${state.iso3}?asOf=${inside}`, STATE_READY);
    const expected = answer.treaties.find((t) => t.instrument === 'ECHR')!;
    assert.equal(expected.status, 'uncertain');
    assert.equal(expected.uncertainty, 'span');
    assert.equal(await row.locator('.treaty-status').getAttribute('data-status'), 'uncertain');
    assert.equal(await statusCell(row), '◐ Uncertain (date not known to the day)');
    await page.close();
  });

  test('the State page says when the State came to exist, and an undated act the span it falls in', { skip: noSharedData }, async () => {
    const at2000 = await api<StateTreaties>(server, '/states/SVN/treaties?asOf=2000-01-01');
    assert.deepEqual(at2000.statehood && { since: at2000.statehood.since, basis: at2000.statehood.basis }, { since: '1991-06-25', basis: 'succession' });
    const echr = at2000.treaties.find((t) => t.instrument === 'ECHR')!;
    const undated = echr.actions.find((a) => a.date === null && a.bounds?.from);
    assert.ok(undated, "Slovenia's ratification of the ECHR is undated in the sources Accord holds");
    const page = await context.newPage();
    const problems = watch(page, server);
    await open(page, `${server.url}/en/states/SVN?asOf=2000-01-01`, STATE_READY);
    const statehood = page.locator('#treaties-title ~ .statehood');
    assert.equal(await ownText(statehood), 'A State since 25 June 1991 (succession).');
    assert.equal(await statehood.locator('.sources summary').textContent(), '1 source');
    // The status and, for the undated act, "not before" the first day it can have happened.
    const row = rowWith(treatyTable(page), page, 2, 'ECHR');
    assert.equal(await statusCell(row), shownText(echr));
    const act = row.locator(`li[data-kind="${undated.kind}"]`).first();
    assert.match((await act.textContent()) ?? '', new RegExp(`date unknown \\(not before ${englishDate(undated.bounds!.from!)}; `));
    if (undated.note) assert.equal(await act.locator('q.act-note').textContent(), undated.note);
    // How current each source is, in the order of the API.
    const currency = await page.locator('#treaties-title ~ .currency .currency-item').evaluateAll((items) => items.map((i) => (i as HTMLElement).dataset.collection));
    assert.deepEqual(
      currency,
      at2000.collections.map((c) => c.id),
    );
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('the State page lists its complaint and inquiry procedures, with the declaration quoted in English, in English and Arabic', { skip: noSharedData }, async () => {
    const answer = await api<{ procedures: { id: string; instrument: string; article: string; status: string; act: { quote: string } | null }[] }>(server, '/states/FRA/procedures?asOf=2026-01-01');
    const cat22 = answer.procedures.find((p) => p.id === 'cat-22')!;
    assert.equal(cat22.status, 'accepted');
    for (const lang of ['en', 'ar'] as const) {
      const page = await context.newPage();
      const problems = watch(page, server);
      await open(page, `${server.url}/${lang}/states/FRA?asOf=2026-01-01`, '#procedures-title ~ .data-table tbody tr');
      const words = dictionary(lang);
      assert.equal((await page.locator('#procedures-title').textContent())?.trim(), words['procedures.title']);
      const table = page.locator('#procedures-title ~ .data-table');
      assert.equal(await table.locator('tbody tr').count(), Math.min(answer.procedures.length, 25));
      const row = table.locator('tbody tr').filter({ has: page.locator('bdi', { hasText: 'CAT art. 22' }) });
      assert.equal(await row.count(), 1);
      assert.equal((await row.locator('td').nth(2).textContent())?.trim(), words['procedure.status.accepted']);
      // The declaration is quoted as the depositary prints it, in English, isolated in Arabic.
      const quote = row.locator('blockquote');
      assert.equal(await quote.getAttribute('lang'), 'en');
      assert.equal(await quote.getAttribute('dir'), 'ltr');
      assert.ok(cat22.act!.quote.startsWith(((await quote.textContent()) ?? '').slice(0, 40)));
      const violations = await axeViolations(page);
      assert.equal(violations.length, 0, describeViolations(violations));
      assert.deepEqual(problems, []);
      await page.close();
    }
  });

  test('a UN mechanism page shows its procedures and the States under each, no longer "not loaded"', { skip: noSharedData }, async () => {
    const list = await api<{ procedures: { id: string; counts: { accepted: number; notAccepted: number; optedOut: number; withdrawn: number; notInForce: number; superseded: number } }[] }>(
      server,
      '/procedures?mechanism=CAT&asOf=2026-02-03',
    );
    assert.deepEqual(list.procedures.map((p) => p.id).sort(), ['cat-20', 'cat-21', 'cat-22']);
    const page = await context.newPage();
    const problems = watch(page, server);
    await open(page, `${server.url}/en/mechanisms/CAT?asOf=2026-02-03&procedure=cat-21&ps.size=250`, '#covered-title ~ .data-table tbody tr');
    const counts = list.procedures.find((p) => p.id === 'cat-21')!.counts;
    const shownRows = counts.accepted + counts.notAccepted + counts.optedOut + counts.withdrawn + counts.notInForce + counts.superseded;
    assert.equal(await page.locator('#covered-title ~ .data-table tbody tr').count(), shownRows);
    assert.equal(await page.getByText('not loaded yet').count(), 0);
    const usa = page.locator('#covered-title ~ .data-table tbody tr').filter({ hasText: 'United States of America' });
    assert.equal((await usa.locator('td').nth(1).textContent())?.trim(), 'accepted');
    const violations = await axeViolations(page);
    assert.equal(violations.length, 0, describeViolations(violations));
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('the ECHR on 1 January 1980: Slovenia is not yet a State, the United States not eligible, in the table and on the map', { skip: noSharedData }, async () => {
    const status = await api<InstrumentStatus>(server, '/instruments/ECHR/status?asOf=1980-01-01');
    const by = new Map(status.states.map((s) => [s.iso3, s]));
    assert.equal(by.get('SVN')!.status, 'notYetState');
    assert.equal(by.get('USA')!.status, 'notEligible');
    const page = await context.newPage();
    await open(page, `${server.url}/en/instruments/ECHR?asOf=1980-01-01&p.size=250`, INSTRUMENT_READY);
    const table = participants(page);
    assert.equal(await statusCell(rowWith(table, page, 2, 'SVN')), '◌ Not yet a State (a State from 25 June 1991)');
    assert.equal(await statusCell(rowWith(table, page, 2, 'USA')), '× Not eligible (under art. 59(1))');
    for (const s of status.states) assert.equal(await statusCell(rowWith(table, page, 2, s.iso3)), shownText(s), s.iso3);
    assert.equal(await page.locator('a.state[data-iso3="SVN"]').getAttribute('aria-label'), 'Slovenia: Not yet a State (a State from 25 June 1991)');
    assert.match((await page.locator('a.state[data-iso3="USA"]').getAttribute('aria-label')) ?? '', /: Not eligible \(under art\. 59\(1\)\)$/);
    await page.close();
  });

  test('an instrument Accord holds nothing on has a banner, and no State reads "no action"', async () => {
    // The Inter-American torture convention: Accord holds no list of its parties.
    const esc = await api<InstrumentStatus>(server, '/instruments/IACPPT/status');
    assert.equal(esc.hasData, false);
    assert.equal(esc.counts.noData, esc.states.length);
    const page = await context.newPage();
    const problems = watch(page, server);
    await open(page, `${server.url}/en/instruments/IACPPT?p.size=250`, '#participants-table ~ .data-table .treaty-status');
    assert.equal((await page.locator('#participation-title ~ .no-data-banner').textContent())?.trim(), dictionary('en')['treaty.noDataBanner']);
    const shown = await participants(page)
      .locator('tbody .treaty-status')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-status')));
    assert.equal(shown.length, esc.states.length);
    assert.deepEqual([...new Set(shown)], ['noData']);
    assert.equal(await participants(page).locator('tbody').getByText('No action').count(), 0);
    assert.equal(await page.locator('.status-map').count(), 0, 'no map of a single "no data"');
    // An instrument with data has no such banner.
    await open(page, `${server.url}/en/instruments/ACHR`, INSTRUMENT_READY);
    assert.equal(await page.locator('.no-data-banner').count(), 0);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test("the first Optional Protocol to the ICCPR today: Jamaica withdrawn, its denunciation quoted from the depositary, the UN pages' date said", { skip: noSharedData }, async () => {
    const op1 = await api<InstrumentStatus>(server, '/instruments/ICCPR-OP1/status');
    const jamaica = op1.states.find((s) => s.iso3 === 'JAM')!;
    assert.equal(jamaica.status, 'withdrawn');
    const denunciation = jamaica.actions.find((a) => a.kind === 'denunciation')!;
    assert.match(denunciation.note ?? '', /Jamaica notified the Secretary-General of its denunciation/);
    const page = await context.newPage();
    await open(page, `${server.url}/en/instruments/ICCPR-OP1?p.size=250`, INSTRUMENT_READY);
    const row = rowWith(participants(page), page, 2, 'JAM');
    assert.equal(await statusCell(row), '⊘ Withdrawn');
    assert.equal(await row.locator('li[data-kind="denunciation"] q.act-note').textContent(), denunciation.note);
    assert.equal(await page.locator('a.state[data-iso3="JAM"]').getAttribute('data-group'), 'withdrawn');
    const pages = page.locator('#participation-title ~ .currency .currency-item[data-collection="untc-html"]');
    const asOf = op1.collections.find((c) => c.id === 'untc-html')!.asOf!;
    assert.equal(await pages.textContent(), `UN Treaty Collection pages: status as at ${englishDate(asOf)}`);
    await page.close();
  });

  test('declarations of acceptance say whether they are in force at the date, as the API does', async () => {
    const page = await context.newPage();
    for (const asOf of ['2017-01-01', '2020-06-01', '2022-01-01']) {
      const answer = await api<{ treaties: { instrument: string; declarations: { kind: string; inForce: boolean }[] }[] }>(server, `/states/BEN/treaties?asOf=${asOf}`);
      const expected = answer.treaties
        .find((t) => t.instrument === 'ACHPR-COURT')!
        .declarations.map((d) => ({
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
    const partyPoints = await page
      .locator('.parties-chart .series[data-series="party"] circle.point')
      .evaluateAll((cs) => cs.map((c) => [c.getAttribute('data-as-of'), Number(c.getAttribute('data-count'))]));
    assert.deepEqual(
      partyPoints,
      history.points.map((p) => [p.asOf, p.counts.party]),
    );
    assert.equal(
      await page.locator('.parties-chart').getByRole('img').getAttribute('aria-label'),
      `Chart of States by status under ICCPR, at the end of each year from ${history.points[0]!.asOf.slice(0, 4)} to ${history.points.at(-1)!.asOf.slice(0, 4)}`,
    );

    await page.getByText('Show the chart as a table').click();
    const table = page.locator('.parties-chart + .table-disclosure table');
    await table.waitFor();
    const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent!.trim())));
    assert.equal(rows.length, history.points.length);
    rows.forEach((cells, i) => {
      const point = history.points[i]!;
      assert.equal(cells[0], englishDate(point.asOf));
      assert.deepEqual(
        cells.slice(1).map((c) => Number(c.replace(/,/g, ''))),
        [...STATUSES, 'partyOnSecondary' as const].map((s) => point.counts[s]),
        point.asOf,
      );
    });
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.parties-chart + .table-disclosure').getByRole('button', { name: 'Export CSV' }).click()]);
    assert.equal(download.suggestedFilename(), 'accord-ICCPR-status-history.csv');
    const lines = readFileSync((await download.path())!, 'utf8')
      .slice(1)
      .trim()
      .split('\r\n');
    assert.equal(lines[0], 'asOf,party,uncertain,signatory,withdrawn,noAction,noData,notEligible,notYetState,partyOnSecondary');
    assert.equal(lines.length - 1, history.points.length);
    await page.close();
  });

  test('uncertain States are a band above the party line, only where the API counts some', { skip: noSharedData }, async () => {
    const page = await context.newPage();
    for (const code of ['ACHPR-COURT', 'ICCPR']) {
      const history = await api<StatusHistory>(server, `/instruments/${code}/status-history`);
      const uncertain = history.points.some((p) => p.counts.uncertain > 0);
      await open(page, `${server.url}/en/instruments/${code}`, INSTRUMENT_READY);
      const band = page.locator('.parties-chart .series[data-series="uncertain"]');
      assert.equal(await band.locator('polygon.band').count(), uncertain ? 1 : 0, `${code}: a band if and only if some year has uncertain States`);
      assert.equal(await page.locator('.chart-legend li[data-series="uncertain"]').count(), uncertain ? 1 : 0, `${code}: the band in the legend`);
      if (!uncertain) continue;
      assert.equal((await page.locator('.chart-legend li[data-series="uncertain"]').textContent())?.trim(), 'Uncertain (band above the parties)');
      const tops = await band.locator('circle.point').evaluateAll((cs) => cs.map((c) => [c.getAttribute('data-as-of'), Number(c.getAttribute('data-count'))]));
      assert.deepEqual(
        tops,
        history.points.map((p) => [p.asOf, p.counts.uncertain]),
      );
      // The band runs from the party line up: its lowest edge is the party line, its top party + uncertain.
      // (Read in Node: a helper function inside page.evaluate would be renamed by the test's compiler.)
      const ys = (points: string | null) =>
        (points ?? '')
          .trim()
          .split(/\s+/)
          .map((p) => Number(p.split(',')[1]));
      const polygon = ys(await band.locator('polygon.band').getAttribute('points'));
      const party = ys(await page.locator('.parties-chart .series[data-series="party"] polyline').getAttribute('points'));
      const bandTop = polygon.slice(0, party.length);
      assert.deepEqual(polygon.slice(party.length).reverse(), party, 'the band rests on the party line');
      assert.ok(
        bandTop.every((y, i) => y <= party[i]!),
        'the band is above the party line',
      );
      assert.ok(
        bandTop.some((y, i) => y < party[i]!),
        'and has some height',
      );
    }
    await page.close();
  });

  test('uncertain States are hatched on the map, and the legend shows the hatching', { skip: noSharedData }, async () => {
    const status = await api<InstrumentStatus>(server, '/instruments/ECHR/status?asOf=1980-01-01');
    assert.ok(status.counts.uncertain > 0);
    const page = await context.newPage();
    await open(page, `${server.url}/en/instruments/ECHR?asOf=1980-01-01`, INSTRUMENT_READY);
    const hatched = await page.locator('.status-map a.state[data-hatched="true"]').evaluateAll((as) => as.map((a) => a.getAttribute('data-iso3')).sort());
    assert.deepEqual(
      hatched,
      status.states
        .filter((s) => s.status === 'uncertain')
        .map((s) => s.iso3)
        .sort(),
    );
    // Each has a pattern over its colour, and the pattern exists in the drawing.
    const patterns = await page.locator('.status-map a.state[data-hatched="true"]').evaluateAll((as) =>
      as.map((a) => {
        const fill = a.querySelector('path.hatch')?.getAttribute('fill') ?? '';
        const id = /^url\(#(.+)\)$/.exec(fill)?.[1];
        return Boolean(id && document.getElementById(id)?.tagName === 'pattern');
      }),
    );
    assert.ok(patterns.length > 0 && patterns.every(Boolean), 'a hatching pattern over every uncertain State');
    assert.equal(await page.locator('.status-map a.state:not([data-hatched]) path.hatch').count(), 0, 'no other State is hatched');
    const item = page.locator('.legend li[data-status="uncertain"]');
    assert.equal((await item.locator('svg.swatch.hatched line').count()) > 0, true, 'the legend shows the hatching');
    assert.match((await item.textContent()) ?? '', /Hatched on the map\./);
    // The parties resting on secondary sources only are counted apart under the parties.
    assert.equal(Number(await page.locator('.legend li[data-status="party"] [data-secondary]').getAttribute('data-secondary')), status.counts.partyOnSecondary);
    await page.close();
  });

  test('the map colours every State by its status, and the legend counts agree with the API', async () => {
    const status = await api<InstrumentStatus>(server, '/instruments/ACHR/status?asOf=1993-06-25');
    const page = await context.newPage();
    await open(page, `${server.url}/en/instruments/ACHR?asOf=1993-06-25`, INSTRUMENT_READY);
    const c = status.counts;
    assert.equal(
      (await page.locator('.summary').textContent())?.trim(),
      `On 25 June 1993, States by status — party: ${c.party} (on secondary sources only: ${c.partyOnSecondary}); uncertain: ${c.uncertain}; signatory, not yet party: ${c.signatory}; withdrawn: ${c.withdrawn}; no action: ${c.noAction}; no data: ${c.noData}; not eligible: ${c.notEligible}; not yet a State: ${c.notYetState}.`,
    );
    assert.ok(c.party > 0 && c.notEligible > 0, 'the date has parties and States outside the OAS');
    for (const s of STATUSES) {
      const item = page.locator(`.legend li[data-status="${s}"]`);
      assert.equal(Number(await item.getAttribute('data-count')), status.counts[s], `legend count of ${s}`);
      assert.match((await item.textContent()) ?? '', new RegExp(`\\(${status.counts[s]} States?\\)`));
      assert.equal(await page.locator(`.status-map a.state[data-group="${s}"]`).count(), status.counts[s], `States drawn as ${s}`);
      // Every shape of that status has the colour of the legend's swatch (the uncertain one is hatched).
      const swatch = await item.locator('.swatch').evaluate((el) => (el.tagName === 'svg' ? getComputedStyle(el.querySelector('rect')!).fill : getComputedStyle(el).backgroundColor));
      const fills = await page.locator(`.status-map a.state[data-group="${s}"] path.shape`).evaluateAll((paths) => [...new Set(paths.map((p) => getComputedStyle(p).fill))]);
      if (status.counts[s] > 0) assert.deepEqual(fills, [swatch], `colour of ${s}`);
    }
    // Each State is read out with its status and its reason.
    for (const state of status.states.filter((s) => ['BRA', 'USA', 'TTO', 'FRA', 'CAN'].includes(s.iso3))) {
      const label = (await page.locator(`a.state[data-iso3="${state.iso3}"]`).getAttribute('aria-label')) ?? '';
      assert.ok(label.endsWith(`: ${shownText(state).slice(2)}`), `${state.iso3}: ${label}`);
    }
    assert.match((await page.locator('a.state[data-iso3="FRA"]').getAttribute('aria-label')) ?? '', /^France: Not eligible \(under art\. 74\(1\)\)$/);
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
    const lines = readFileSync((await csv.path())!, 'utf8')
      .slice(1)
      .trim()
      .split('\r\n');
    assert.equal(lines[0], 'instrument,code,status,acts,declarations,untcRef,reason,support,sources');
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
    // Each text says when it was made (the printed date, or upon ratification) and where it is printed.
    const headings = await disclosure.locator('.treaty-text .text-heading').allTextContents();
    assert.deepEqual(
      headings.map((h) => h.split(' · ')[1]),
      iccpr.reservations.map((r) => (r.date ? englishDate(r.date) : 'upon ratification, accession or succession')),
    );
    const sections = await disclosure.locator('.treaty-text').evaluateAll((divs) => divs.map((d) => d.querySelector('.text-section span')?.textContent ?? null));
    assert.deepEqual(
      sections,
      iccpr.reservations.map((r) => r.section),
    );

    // Slovenia's declaration under article 14 of the ICERD is dated.
    const slovenia = await api<StateTreaties>(server, '/states/SVN/treaties');
    const dated = slovenia.treaties.flatMap((t) => t.reservations.filter((r) => r.date).map((r) => ({ instrument: t.instrument, ...r })))[0];
    assert.ok(dated, 'some text of Slovenia is dated');
    await open(page, `${server.url}/en/states/SVN`, STATE_READY);
    const svn = page.locator(`details.treaty-texts[data-instrument="${dated.instrument}"]`);
    await svn.locator('> summary').click();
    assert.ok((await svn.locator('.text-heading').allTextContents()).some((h) => h.endsWith(` · ${englishDate(dated.date!)}`)));
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
    for (const [lang, path, ready] of [
      ['en', '/states/FRA', STATE_READY],
      ['ar', '/states/FRA', STATE_READY],
      ['en', '/instruments/ICCPR', INSTRUMENT_READY],
      ['ar', '/instruments/ACHR', INSTRUMENT_READY],
    ] as const) {
      await open(page, `${server.url}/${lang}${path}`, ready);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${lang}${path} is ${overflow}px wider than the screen`);
      await page.screenshot({ path: `${SCREENSHOTS}${lang}-360${path.replaceAll('/', '-')}-treaties.png` });
    }
    await narrow.close();
  });
});
