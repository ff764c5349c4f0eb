// The treaty views in Debian's Chromium: the ratification matrix, "Since Vienna" and the data
// quality report, in English and Arabic (axe-core's WCAG 2.1 A/AA rules, screenshots); the
// matrix against the API for a date and a filter, cell by cell and in its counts of every
// status; how current each source is, and banners for missing sources (an instrument with no
// data, a database without UN treaty data); the date and the filters in the address; CSV and
// XLSX exports opened and compared with the API; every disagreement between sources listed;
// the datasets and sources with their kind and date; and the same answers on PostgreSQL.
// Screenshots go to test-artifacts/screenshots/.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { axeViolations, describeViolations, SCREENSHOTS } from '../support/browser.ts';
import { testDialects } from '../support/databases.ts';
import type { RunningServer } from '../support/server.ts';
import { skipWithoutSharedData } from '../support/shared-data.ts';
import { api, dictionary, open, useWebFixture, watch } from '../support/web.ts';

type Status = 'party' | 'uncertain' | 'signatory' | 'withdrawn' | 'noAction' | 'noData' | 'notEligible' | 'notYetState';
const STATUSES: Status[] = ['party', 'uncertain', 'signatory', 'withdrawn', 'noAction', 'noData', 'notEligible', 'notYetState'];
type Counts = Record<Status | 'partyOnSecondary', number>;
interface Collection {
  id: string;
  precision: 'day' | 'year';
  asOf: string | null;
}
interface Matrix {
  asOf: string;
  instruments: string[];
  states: { iso3: string; iso2: string; statuses: Status[] }[];
  counts: Record<string, Counts>;
  noData: string[];
  collections: Collection[];
}
interface GroupCounts {
  asOf: string;
  groups: { group: string; states: number; counts: Record<string, Counts> }[];
}
interface Instrument {
  code: string;
  core: boolean;
  binding: boolean;
}

// Tests that compare pages with the UN treaty data skip, saying why, without ../shared/data.
const noSharedData = skipWithoutSharedData();
const MATRIX = 'table.matrix tbody tr';
const PAGES = [
  { name: 'treaties', path: '/treaties?asOf=2010-01-01', ready: MATRIX },
  { name: 'since-vienna', path: '/treaties/since-vienna', ready: 'tbody tr a' },
  { name: 'data-quality', path: '/data-quality', ready: '.data-table caption' },
];

function englishDate(value: string): string {
  if (/^\d{4}$/.test(value)) return value;
  if (/^\d{4}-\d{2}$/.test(value)) return new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${value}-01T00:00:00Z`));
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${value}T00:00:00Z`));
}

/** The matrix as the page shows it: each row's State and the status of each of its cells. */
async function shownCells(page: Page): Promise<Record<string, string[]>> {
  return page.locator(MATRIX).evaluateAll((rows) => Object.fromEntries(rows.map((tr) => [(tr as HTMLElement).dataset.iso3!, [...tr.querySelectorAll('td')].map((td) => td.dataset.status!)])));
}

/** A filter's select, by the words of its label (the label also holds the options' words). */
function filterSelect(page: Page, label: string) {
  return page
    .locator('label.field')
    .filter({ has: page.locator('span', { hasText: new RegExp(`^${label}$`) }) })
    .locator('select');
}

async function columnsShown(page: Page): Promise<string[]> {
  return page.locator('table.matrix thead th.code-head a').allTextContents();
}

function assertSameCells(shown: Record<string, string[]>, matrix: Matrix, what: string): void {
  assert.equal(Object.keys(shown).length, matrix.states.length, `${what}: one row per State of the API`);
  for (const state of matrix.states) assert.deepEqual(shown[state.iso3], state.statuses, `${what}: ${state.iso3}`);
}

describe('treaty views in Chromium (SQLite)', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  useWebFixture((web) => ({ server, browser, context } = web));

  for (const lang of ['en', 'ar'] as const) {
    for (const { name, path, ready } of PAGES) {
      test(`${name} page in ${lang}: loads, is titled and laid out for the language, and has no axe violation`, async () => {
        const page = await context.newPage();
        const problems = watch(page, server);
        await open(page, `${server.url}/${lang}${path}`, ready);
        assert.match(await page.title(), / · Accord$/);
        assert.equal(await page.getAttribute('html', 'dir'), lang === 'ar' ? 'rtl' : 'ltr');
        assert.ok((await page.locator('main h1').textContent())?.trim(), 'the page has a heading');
        const violations = await axeViolations(page);
        await page.screenshot({ path: `${SCREENSHOTS}${lang}-${name}.png`, fullPage: true });
        assert.deepEqual(problems, []);
        assert.equal(violations.length, 0, describeViolations(violations));
        await page.close();
      });
    }
  }

  test('the header links to the matrix and to the data-quality report', async () => {
    const page = await context.newPage();
    await open(page, `${server.url}/en/`, 'main h1');
    await page.locator('nav.main-nav').getByRole('link', { name: 'Treaties' }).click();
    await page.waitForURL(/\/en\/treaties$/);
    await page.waitForSelector(MATRIX);
    await page.locator('nav.main-nav').getByRole('link', { name: 'Data quality' }).click();
    await page.waitForURL(/\/en\/data-quality$/);
    await page.waitForSelector('.data-table caption');
    await page.close();
  });

  test('the matrix shows the API’s statuses and counts for a date and a filter, each cell with words for screen readers', { skip: noSharedData }, async () => {
    const page = await context.newPage();
    const problems = watch(page, server);
    await open(page, `${server.url}/en/treaties?asOf=2010-01-01&group=AG`, MATRIX);
    const instruments = await api<{ items: Instrument[] }>(server, '/instruments?limit=1000');
    const columns = await columnsShown(page);
    assert.deepEqual(
      [...columns].sort(),
      instruments.items
        .filter((i) => i.core)
        .map((i) => i.code)
        .sort(),
      'the core UN treaties by default',
    );
    const matrix = await api<Matrix>(server, `/treaty-status/matrix?asOf=2010-01-01&group=AG&instruments=${columns.join(',')}`);
    assert.ok(matrix.states.length > 40 && matrix.states.length < 60, 'the African Group');
    assertSameCells(await shownCells(page), matrix, 'AG on 2010-01-01');

    const counts = await page
      .locator('tfoot td[data-instrument]')
      .evaluateAll((cells) => cells.map((td) => [(td as HTMLElement).dataset.instrument!, (td as HTMLElement).dataset.status!, td.textContent!]));
    assert.equal(counts.length, columns.length * 9, 'under each column, a count per status and the parties on secondary sources only');
    assert.deepEqual([...new Set(counts.map((c) => c[1]))].sort(), [...STATUSES, 'partyOnSecondary'].sort());
    for (const [code, status, text] of counts) assert.equal(Number(text), matrix.counts[code!]![status as Status], `${status} count of ${code}`);
    assert.ok(
      Object.values(matrix.counts).some((c) => c.party > 0 && c.signatory > 0),
      'the date has parties and signatories to compare',
    );

    // Not colour alone: every cell has a symbol and the status in words.
    const words = dictionary('en');
    const spoken = await page
      .locator('tbody td')
      .evaluateAll((cells) => cells.map((td) => [(td as HTMLElement).dataset.status!, td.querySelector('.visually-hidden')?.textContent, td.querySelector('[aria-hidden="true"]')?.textContent]));
    for (const [status, text, symbol] of spoken) {
      assert.equal(text, words[`treaty.status.${status}`]);
      assert.ok(symbol?.trim(), 'a visible symbol');
    }
    // State names link to the State page, instrument codes to the instrument page, with the full title.
    assert.match((await page.locator('tbody th a').first().getAttribute('href')) ?? '', /^\/en\/states\/[A-Z]{3}$/);
    const iccpr = page.locator('thead a', { hasText: /^ICCPR$/ });
    assert.equal(await iccpr.getAttribute('href'), '/en/instruments/ICCPR');
    assert.equal(await iccpr.getAttribute('title'), 'International Covenant on Civil and Political Rights');
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('the date is in the address, and the Vienna and today buttons change the cells', { skip: noSharedData }, async () => {
    const page = await context.newPage();
    await open(page, `${server.url}/en/treaties?set=all`, MATRIX);
    const columns = await columnsShown(page);
    const now = await api<Matrix>(server, `/treaty-status/matrix?instruments=${columns.join(',')}`);
    assertSameCells(await shownCells(page), now, 'today');

    await page.getByRole('button', { name: 'Vienna Declaration (25 June 1993)' }).click();
    await page.waitForURL(/asOf=1993-06-25/);
    await page.waitForFunction(() => document.querySelector('.summary')?.textContent?.startsWith('On 25 June 1993'));
    const vienna = await api<Matrix>(server, `/treaty-status/matrix?asOf=1993-06-25&instruments=${columns.join(',')}`);
    const cells = await shownCells(page);
    assertSameCells(cells, vienna, '1993-06-25');
    assert.notDeepEqual(vienna.states, now.states, 'the two dates differ');
    assert.ok(vienna.counts.CRPD!.party === 0 && now.counts.CRPD!.party > 100, 'the CRPD (2006) had no party in 1993');
    await page.screenshot({ path: `${SCREENSHOTS}en-treaties-1993.png` });

    // The address gives the same view on reload; "Today" takes the date out of it.
    await page.reload();
    await page.waitForSelector(MATRIX);
    assert.deepEqual(await shownCells(page), cells);
    await page.getByRole('button', { name: 'Today' }).click();
    await page.waitForURL((url) => !url.search.includes('asOf'));
    await page.waitForFunction(() => !document.querySelector('.summary')?.textContent?.startsWith('On 25 June 1993'));
    assertSameCells(await shownCells(page), now, 'back to today');
    await page.close();
  });

  test('filters by UN regional group, region and organization narrow the rows and stay in the address', async () => {
    const page = await context.newPage();
    await open(page, `${server.url}/en/treaties?asOf=2010-01-01`, MATRIX);
    const columns = (await columnsShown(page)).join(',');
    const all = await api<Matrix>(server, `/treaty-status/matrix?asOf=2010-01-01&instruments=${columns}`);
    assert.equal(await page.locator(MATRIX).count(), all.states.length);

    await filterSelect(page, 'UN regional group').selectOption('WEOG');
    await page.waitForURL(/group=WEOG/);
    const weog = await api<Matrix>(server, `/treaty-status/matrix?asOf=2010-01-01&group=WEOG&instruments=${columns}`);
    await page.waitForFunction((n) => document.querySelectorAll('table.matrix tbody tr').length === n, weog.states.length);
    assert.ok(weog.states.length < all.states.length);
    assertSameCells(await shownCells(page), weog, 'WEOG');

    // Region and organization (its members at the date) combine with the group.
    await filterSelect(page, 'UN regional group').selectOption('');
    await filterSelect(page, 'Region').selectOption('150');
    await page.waitForURL(/region=150/);
    await filterSelect(page, 'Organization').selectOption('eu');
    await page.waitForURL(/organization=eu/);
    const eu = await api<Matrix>(server, `/treaty-status/matrix?asOf=2010-01-01&region=150&organization=eu&instruments=${columns}`);
    await page.waitForFunction((n) => document.querySelectorAll('table.matrix tbody tr').length === n, eu.states.length);
    assert.ok(eu.states.length > 20 && eu.states.length < 27, 'members of the European Union on 1 January 2010 in Europe (Cyprus is in Asia)');
    assertSameCells(await shownCells(page), eu, 'EU in Europe');

    // Choosing instruments: ticking a box makes a list of one's own, kept in the address.
    await page.locator('summary', { hasText: 'Choose instruments' }).click();
    await page
      .locator('.chooser li')
      .filter({ hasText: /^\s*ICCPR\s/ })
      .getByRole('checkbox')
      .click(); // controlled by the address: .uncheck() may look too early
    await page.waitForURL(/instruments=/);
    await page.waitForFunction((n) => document.querySelectorAll('thead th.code-head a').length === n, columns.split(',').length - 1);
    assert.ok(!(await columnsShown(page)).includes('ICCPR'));
    await page.getByRole('radio', { name: 'Regional treaties' }).click(); // checked once the address changes
    await page.waitForURL(/set=regional/);
    await page.waitForFunction(() => [...document.querySelectorAll('thead th.code-head a')].some((a) => a.textContent === 'ECHR'));
    assert.ok(!page.url().includes('instruments='));

    // A filter the registry does not know is taken out of the address.
    await page.goto(`${server.url}/en/treaties?group=NOWHERE&organization=zzz`);
    await page.waitForSelector(MATRIX);
    await page.waitForURL((url) => !url.search.includes('group') && !url.search.includes('organization'));
    await page.close();
  });

  test('the matrix is keyboard reachable and scrolls in its own region at 360 px, in English and Arabic', async () => {
    const narrow = await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2 });
    const page = await narrow.newPage();
    for (const lang of ['en', 'ar']) {
      await open(page, `${server.url}/${lang}/treaties?set=all`, MATRIX);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${lang}: the page is ${overflow}px wider than the screen`);
      const region = await page.locator('.matrix-scroll').evaluate((el) => ({ scrolls: el.scrollWidth > el.clientWidth, role: el.getAttribute('role'), label: el.getAttribute('aria-label') }));
      assert.ok(region.scrolls, 'the table scrolls inside its region');
      assert.equal(region.role, 'region');
      assert.ok(region.label);
      await page.screenshot({ path: `${SCREENSHOTS}${lang}-360-treaties.png` });
    }
    // Tab reaches the region, then the first instrument of the header.
    await page.goto(`${server.url}/en/treaties`);
    await page.waitForSelector(MATRIX);
    let inRegion = false;
    for (let i = 0; i < 120 && !inRegion; i++) {
      await page.keyboard.press('Tab');
      inRegion = await page.evaluate(() => document.activeElement?.classList.contains('matrix-scroll') ?? false);
    }
    assert.ok(inRegion, 'the scrolling region takes the focus');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.closest('th')?.className), 'code-head');
    await narrow.close();
  });

  test('CSV and XLSX exports hold the cells of the API, with the API address and the date', async () => {
    const page = await context.newPage();
    await open(page, `${server.url}/en/treaties?asOf=2010-01-01&group=GRULAC`, MATRIX);
    const columns = await columnsShown(page);
    const matrix = await api<Matrix>(server, `/treaty-status/matrix?asOf=2010-01-01&group=GRULAC&instruments=${columns.join(',')}`);
    const byIso3 = new Map(matrix.states.map((s) => [s.iso3, s.statuses]));

    const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    assert.equal(csvDownload.suggestedFilename(), 'accord-treaty-matrix-2010-01-01.csv');
    const csv = readFileSync((await csvDownload.path())!, 'utf8');
    assert.ok(csv.startsWith('\uFEFF'), 'a byte-order mark, so spreadsheets read UTF-8');
    const rows = parse(csv.slice(1), { columns: true }) as Record<string, string>[];
    assert.equal(csv.slice(1).split('\r\n')[0], ['state', 'iso3', 'iso2', ...columns, 'sources'].join(','));
    assert.equal(rows.length, matrix.states.length);
    for (const row of rows) {
      assert.deepEqual(
        columns.map((c) => row[c]),
        byIso3.get(row.iso3!),
        `CSV ${row.iso3}`,
      );
      assert.match(row.sources!, /<http:\/\/127\.0\.0\.1:\d+\/api\/v1\/treaty-status\/matrix\?asOf=2010-01-01&instruments=[A-Z0-9%,-]+&group=GRULAC>/);
    }

    const [xlsxDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export XLSX' }).click()]);
    assert.equal(xlsxDownload.suggestedFilename(), 'accord-treaty-matrix-2010-01-01.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile((await xlsxDownload.path())!);
    assert.equal(book.worksheets.length, 2);
    const [sheet, sources] = book.worksheets as [ExcelJS.Worksheet, ExcelJS.Worksheet];
    const words = dictionary('en');
    const statusOf = new Map(STATUSES.map((s) => [words[`treaty.status.${s}`]!, s]));
    assert.equal(statusOf.size, STATUSES.length, 'eight different words');
    const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1).map(String);
    assert.deepEqual(values(1), ['State', 'Code', ...columns]);
    assert.equal(sheet.rowCount, matrix.states.length + 1);
    for (let n = 2; n <= sheet.rowCount; n++) {
      const [, iso3, ...cells] = values(n);
      assert.deepEqual(
        cells.map((c) => statusOf.get(c)),
        byIso3.get(iso3!),
        `XLSX ${iso3}`,
      );
    }
    assert.equal(sheet.views[0]?.state, 'frozen');
    assert.equal((sheet.views[0] as { ySplit?: number }).ySplit, 1, 'the header row stays in view');
    const about = sources.getSheetValues().flatMap((row) => (Array.isArray(row) ? row.slice(1).map(String) : []));
    assert.ok(about.includes('2010-01-01'), 'the date');
    assert.ok(
      about.some((v) => /^http:\/\/127\.0\.0\.1:\d+\/api\/v1\/treaty-status\/matrix\?asOf=2010-01-01&/.test(v)),
      'the API address',
    );
    await page.close();
  });

  test('the XLSX in Arabic has Arabic status words and reads right to left', async () => {
    const page = await context.newPage();
    await open(page, `${server.url}/ar/treaties?asOf=2010-01-01&group=EEG`, MATRIX);
    const columns = await columnsShown(page);
    const matrix = await api<Matrix>(server, `/treaty-status/matrix?asOf=2010-01-01&group=EEG&instruments=${columns.join(',')}`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: dictionary('ar')['treaties.xlsx'] }).click()]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile((await download.path())!);
    const sheet = book.worksheets[0]!;
    assert.equal((sheet.views[0] as { rightToLeft?: boolean }).rightToLeft, true);
    const words = dictionary('ar');
    const first = matrix.states.find((s) => s.iso3 === String(sheet.getRow(2).getCell(2).value))!;
    assert.deepEqual(
      (sheet.getRow(2).values as unknown[]).slice(3).map(String),
      first.statuses.map((s) => words[`treaty.status.${s}`]),
    );
    await page.close();
  });

  test('Since Vienna shows the API’s counts on 25 June 1993 and at the chosen date, by region and by group', { skip: noSharedData }, async () => {
    const page = await context.newPage();
    const problems = watch(page, server);
    await open(page, `${server.url}/en/treaties/since-vienna?asOf=2010-01-01&t.set=`, 'tbody tr a');
    const instruments = await api<{ items: Instrument[] }>(server, '/instruments?limit=1000');
    const codes = instruments.items.filter((i) => i.binding).map((i) => i.code);
    for (const by of ['region', 'group'] as const) {
      if (by === 'group') {
        await page.getByRole('radio', { name: 'UN regional group' }).click(); // checked once the address changes, so not .check()
        await page.waitForURL(/by=group/);
        await page.waitForFunction(() => [...document.querySelectorAll('tbody td')].some((td) => td.textContent === 'African States'));
      }
      const [then, now] = await Promise.all([api<GroupCounts>(server, `/treaty-status/counts?by=${by}&asOf=1993-06-25`), api<GroupCounts>(server, `/treaty-status/counts?by=${by}&asOf=2010-01-01`)]);
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
      assert.equal(download.suggestedFilename(), `accord-since-vienna-${by}-2010-01-01.csv`);
      const rows = parse(readFileSync((await download.path())!, 'utf8').slice(1), { columns: true }) as Record<string, string>[];
      assert.equal(rows.length, codes.length * (now.groups.length + 1), 'a row per instrument and group, and a total');
      for (const row of rows) {
        const counts = (answer: GroupCounts) =>
          answer.groups
            .filter((g) => !row.groupCode || g.group === row.groupCode)
            .reduce(
              (sum, g) => {
                const c = g.counts[row.instrument!]!;
                return { party: sum.party + c.party, uncertain: sum.uncertain + c.uncertain, secondary: sum.secondary + c.partyOnSecondary, all: sum.all + STATUSES.reduce((n, s) => n + c[s], 0) };
              },
              { party: 0, uncertain: 0, secondary: 0, all: 0 },
            );
        const [before, later] = [counts(then), counts(now)];
        assert.deepEqual(
          [row.partiesVienna, row.uncertainVienna, row.parties, row.partyOnSecondary, row.uncertain, row.change].map(Number),
          [before.party, before.uncertain, later.party, later.secondary, later.uncertain, later.party + later.uncertain - (before.party + before.uncertain)],
          `${by} ${row.instrument} ${row.groupCode || 'total'}`,
        );
        // The export holds every other status too: each date's counts add up to the States.
        const rest = (suffix: string) => STATUSES.filter((s) => s !== 'party' && s !== 'uncertain').reduce((n, s) => n + Number(row[`${s}${suffix}`]), 0);
        assert.equal(Number(row.parties) + Number(row.uncertain) + rest(''), later.all, `${row.instrument} ${row.groupCode || 'total'} adds up`);
        assert.equal(Number(row.partiesVienna) + Number(row.uncertainVienna) + rest('Vienna'), before.all);
      }
    }
    const iccpr = await api<GroupCounts>(server, '/treaty-status/counts?by=group&asOf=2010-01-01&instruments=ICCPR');
    assert.ok(iccpr.groups.reduce((n, g) => n + g.counts.ICCPR!.party, 0) > 150, 'the counts are not all zero');
    await page.screenshot({ path: `${SCREENSHOTS}en-since-vienna-by-group.png` });
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('the data-quality report lists every disagreement of the API, in plain words, with provenance', async () => {
    const page = await context.newPage();
    const problems = watch(page, server);
    const { total } = await api<{ total: number }>(server, '/data-quality/conflicts?limit=1');
    await open(page, `${server.url}/en/data-quality?t.size=250`, '#conflicts .data-table caption');
    // The page has two tables: the disagreements, then the datasets they come from.
    const section = page.locator('#conflicts');
    assert.equal(await section.locator('.data-table tbody tr:not(:has(td.empty))').count(), total);
    assert.equal((await section.locator('.data-table caption .muted').textContent())?.trim(), total === 1 ? '(1 row)' : `(${total} rows)`);
    if (total > 0) {
      // A year-level list against the UN Treaty Collection, said in words, with the file and row of each side.
      const years = await api<{ items: { instrument: string; participant: string; sides: { file: string | null; row: number | null }[] }[]; total: number }>(
        server,
        '/data-quality/conflicts?kind=year-differs&limit=1000',
      );
      assert.ok(years.total > 0);
      await filterSelect(page, 'Kind').selectOption('year-differs');
      await page.waitForURL(/t\.kind=year-differs/);
      await page.waitForFunction((n) => document.querySelectorAll('#conflicts .data-table tbody tr').length === n, years.total);
      const first = section.locator('.data-table tbody tr').first();
      const says = (await first.locator('td').nth(3).textContent()) ?? '';
      assert.match(says, /UN Treaty Collection (pages|tables): (ratification|accession|succession) \d{1,2} [A-Z][a-z]+ \d{4}/);
      assert.match(says, /WPDL list: ratification or accession \d{4}/);
      assert.match((await first.locator('td').nth(4).textContent())?.trim() ?? '', /^UN Treaty Collection (pages|tables)$/);
      const provenance = (await first.locator('td').nth(5).textContent()) ?? '';
      // File names are isolated (U+2068…U+2069) so that they keep their order in Arabic.
      assert.match(provenance, /file \u2068[\w.-]+\.(csv|html)\u2069, row \d+/);
      await first.locator('td').nth(5).locator('summary').first().click();
      assert.match((await first.locator('td').nth(5).locator('.sources a').first().getAttribute('href')) ?? '', /^https?:\/\//);

      const [download] = await Promise.all([page.waitForEvent('download'), section.getByRole('button', { name: 'Export JSON' }).click()]);
      const exported = JSON.parse(readFileSync((await download.path())!, 'utf8')) as { items: { kind: string; sources: string }[] };
      assert.equal(exported.items.length, years.total);
      assert.ok(exported.items.every((i) => i.kind === 'year-differs' && /https?:\/\//.test(i.sources)));
    }
    await page.screenshot({ path: `${SCREENSHOTS}en-data-quality-years.png`, fullPage: true });
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('the data-quality report lists the datasets with their source, its kind and the dates they speak for', { skip: noSharedData }, async () => {
    const page = await context.newPage();
    const datasets = await api<{
      items: { id: string; label: string; collection: string; asOf: string | null; collectionAsOf: string | null; source: { kind: string; url: string } }[];
      total: number;
    }>(server, '/data-quality/datasets?limit=1000');
    await open(page, `${server.url}/en/data-quality?d.size=250`, '#datasets .data-table caption');
    const rows = page.locator('#datasets .data-table tbody tr:not(:has(td.empty))');
    assert.equal(await rows.count(), datasets.total);
    const cellsOf = async (label: string) =>
      (
        await rows
          .filter({ hasText: new RegExp(`^${label.replace(/[.]/g, '\\.')}`) })
          .first()
          .locator('td')
          .allTextContents()
      ).map((c) => c.trim());
    assert.deepEqual((await cellsOf('4-4.csv')).slice(0, 6), ['4-4.csv', 'UN Treaty Collection tables', 'official source', 'the day', '14 March 2015', '14 March 2015']);
    // The reference data are a dataset too; they speak for no date of their own, their collection for the latest act.
    const echr = datasets.items.find((d) => d.id === 'reference:ECHR')!;
    assert.equal(echr.source.kind, 'secondary');
    const echrCells = await cellsOf(echr.label);
    assert.deepEqual(echrCells.slice(0, 5), [echr.label, 'Accord reference data', 'secondary source', 'the day', '–']);
    assert.equal(echrCells[5], englishDate(echr.collectionAsOf!));
    // Its source is a path of the repository: shown as text, never as a link.
    const source = rows.filter({ hasText: echr.label }).first().locator('td').last();
    await source.locator('summary').click();
    assert.equal(await source.locator('a').count(), 0);
    assert.equal(await source.locator('.url').textContent(), echr.source.url);
    // Under the title: how current each collection is.
    const currency = await page.locator('main > .currency .currency-item').evaluateAll((items) => items.map((i) => [(i as HTMLElement).dataset.collection, i.textContent]));
    assert.ok(
      currency.some(([id, text]) => id === 'untc' && text === 'UN Treaty Collection tables: to 14 March 2015'),
      JSON.stringify(currency),
    );
    assert.deepEqual(new Set(currency.map(([id]) => id)), new Set(datasets.items.map((d) => d.collection)));
    await page.close();
  });

  test('the data-quality report lists where the year-level membership list disagrees with the registry', { skip: noSharedData }, async () => {
    const page = await context.newPage();
    const conflicts = await api<{ items: { organization: string; iso3: string; fromYear: string; toYear: string }[]; total: number }>(server, '/data-quality/membership-conflicts?limit=1000');
    assert.ok(conflicts.total > 0);
    await open(page, `${server.url}/en/data-quality?m.size=250`, '#memberships .data-table caption');
    const rows = page.locator('#memberships .data-table tbody tr:not(:has(td.empty))');
    assert.equal(await rows.count(), conflicts.total);
    // Greece left the Council of Europe in December 1969 and returned in November 1974; the list keeps it a member.
    const greece = (await rows.filter({ hasText: 'Greece' }).filter({ hasText: '1970–1973' }).first().locator('td').allTextContents()).map((c) => c.trim());
    assert.equal(greece[2], '1970–1973');
    assert.equal(greece[3], 'member');
    assert.match(greece[4]!, /^not a member/);
    assert.match(greece[5]!, /^state_year_regional_igos\.csv, row \d+, coe/);
    // Filtered to one organization, through the address.
    await open(page, `${server.url}/en/data-quality?m.organization=oas&m.size=250`, '#memberships .data-table caption');
    assert.equal(await rows.count(), conflicts.items.filter((c) => c.organization === 'oas').length);
    await page.close();
  });

  test('the matrix says how current each source is, and names the instruments Accord holds nothing on', { skip: noSharedData }, async () => {
    const page = await context.newPage();
    await open(page, `${server.url}/en/treaties?set=all`, MATRIX);
    const columns = await columnsShown(page);
    const matrix = await api<Matrix>(server, `/treaty-status/matrix?instruments=${columns.join(',')}`);
    const items = await page.locator('main > .currency .currency-item').evaluateAll((els) => els.map((i) => [(i as HTMLElement).dataset.collection, i.textContent]));
    assert.deepEqual(
      items.map(([id]) => id),
      matrix.collections.map((c) => c.id),
    );
    const text = (id: string) => items.find(([c]) => c === id)?.[1];
    assert.equal(text('untc-html'), `UN Treaty Collection pages: status as at ${englishDate(matrix.collections.find((c) => c.id === 'untc-html')!.asOf!)}`);
    assert.equal(text('untc'), `UN Treaty Collection tables: to ${englishDate(matrix.collections.find((c) => c.id === 'untc')!.asOf!)}`);
    assert.equal(text('untc-years'), `year-level lists: ${matrix.collections.find((c) => c.id === 'untc-years')!.asOf}`);
    // A mapped table the dictionaries do not name is shown by its id.
    const csv = matrix.collections.find((c) => c.id.startsWith('csv:'));
    if (csv) assert.ok(text(csv.id)?.startsWith(`${csv.id}: `));
    assert.equal(await page.locator('.no-un-data').count(), 0, 'the UN data are imported');

    assert.ok(matrix.noData.includes('IACPPT'), 'Accord holds nothing on the parties to the Inter-American torture convention');
    const banner = page.locator('.no-data-banner');
    assert.equal((await banner.textContent())?.trim(), dictionary('en')['treaties.noDataBanner']!.replace('{codes}', matrix.noData.join(', ')));
    // Its column reads "no data" (or "not eligible") for every State, never "no action".
    const column = columns.indexOf('IACPPT');
    const cells = await page.locator(MATRIX).evaluateAll((trs, n) => [...new Set(trs.map((tr) => tr.querySelectorAll('td')[n]!.dataset.status))], column);
    assert.deepEqual(cells, ['noData']);

    // The core UN treaties all have data: no banner.
    await open(page, `${server.url}/en/treaties`, MATRIX);
    assert.equal(await page.locator('.no-data-banner').count(), 0);
    await page.close();
  });

  test("the sources page shows each source's kind, the date it speaks for and what it copies; a repository path is not a link", async () => {
    const sources = await api<{ items: { id: string; title: string; url: string; kind: string | null; asOf: string | null; copyOf: string | null }[] }>(server, '/sources?limit=1000');
    const page = await context.newPage();
    await open(page, `${server.url}/en/sources?t.size=250`, 'tbody tr');
    const rowOf = (id: string) => page.locator('tbody tr', { has: page.locator('td code', { hasText: new RegExp(`^${id}$`) }) });
    for (const source of [sources.items.find((s) => s.copyOf && s.asOf), sources.items.find((s) => s.copyOf), sources.items.find((s) => !/^https?:/.test(s.url))].filter((s) => s !== undefined)) {
      await page.getByRole('searchbox', { name: 'Filter rows' }).fill(source.id);
      await rowOf(source.id).waitFor();
      const cells = (await rowOf(source.id).locator('td').allTextContents()).map((c) => c.trim());
      assert.equal(cells[1], { official: 'official source', secondary: 'secondary source', tertiary: 'tertiary source' }[source.kind!] ?? '–', `${source.id} kind`);
      assert.equal(cells[2], source.asOf ? englishDate(source.asOf) : '–', `${source.id} date`);
      if (source.copyOf) assert.ok(cells[0]!.endsWith(`copy of: ${source.copyOf}`), `${source.id} copy`);
      assert.equal(await rowOf(source.id).locator('td').first().locator('a').count(), /^https?:/.test(source.url) ? 1 : 0, `${source.id} link`);
    }
    await page.close();
  });
});

describe('a registry without UN treaty data, in Chromium', () => {
  let server: RunningServer;
  let context: BrowserContext;
  // Seeded as `accord db seed` leaves it: the reference data, nothing imported.
  useWebFixture((web) => ({ server, context } = web), 'sqlite', { sharedData: false });

  test('the matrix says that no UN treaty data were imported, and how to import them', async () => {
    const page = await context.newPage();
    const problems = watch(page, server);
    await open(page, `${server.url}/en/treaties`, MATRIX);
    const matrix = await api<Matrix>(server, `/treaty-status/matrix?instruments=${(await columnsShown(page)).join(',')}`);
    assert.ok(!matrix.collections.some((c) => c.id === 'untc' || c.id === 'untc-html'));
    const banner = page.locator('.no-un-data');
    assert.match((await banner.textContent()) ?? '', /^No UN Treaty Collection data has been imported into this database/);
    assert.equal(await banner.locator('code').textContent(), 'accord import all');
    // The UN treaties read "no data", never "no action" (nor anything a source would have to say).
    const columns = await columnsShown(page);
    const cells = await shownCells(page);
    assert.deepEqual([...new Set(Object.values(cells).map((statuses) => statuses[columns.indexOf('ICCPR')]))], ['noData']);
    const all = new Set(Object.values(cells).flat());
    for (const said of ['party', 'uncertain', 'signatory', 'withdrawn', 'noAction']) assert.ok(!all.has(said), `no cell reads ${said}`);
    // The regional treaties come with Accord's reference data: no such banner for them alone.
    await open(page, `${server.url}/en/treaties?set=regional`, MATRIX);
    assert.equal(await page.locator('.no-un-data').count(), 0);
    // An instrument page says it holds nothing on the ICCPR.
    await open(page, `${server.url}/en/instruments/ICCPR`, '#participants-table ~ .data-table .treaty-status');
    assert.equal(await page.locator('.no-data-banner').count(), 1);
    await page.screenshot({ path: `${SCREENSHOTS}en-treaties-without-un-data.png` });
    assert.deepEqual(problems, []);
    await page.close();
  });
});

describe('treaty views in Chromium (PostgreSQL)', { skip: (!testDialects().includes('postgres') && 'TEST_DIALECTS excludes postgres') || skipWithoutSharedData() }, () => {
  let server: RunningServer;
  let context: BrowserContext;
  useWebFixture((web) => ({ server, context } = web), 'postgres');

  test("the matrix, a State's treaties and the data-quality list show the API's answers", async () => {
    const page = await context.newPage();
    const problems = watch(page, server);
    await open(page, `${server.url}/fr/treaties?asOf=1993-06-25&group=WEOG`, MATRIX);
    const matrix = await api<Matrix>(server, `/treaty-status/matrix?asOf=1993-06-25&group=WEOG&instruments=${(await columnsShown(page)).join(',')}`);
    assertSameCells(await shownCells(page), matrix, 'WEOG on 1993-06-25, PostgreSQL');
    const france = await api<{ treaties: { instrument: string; status: Status }[] }>(server, '/states/FRA/treaties?asOf=1993-06-25');
    assert.equal(france.treaties.find((t) => t.instrument === 'ICCPR')?.status, 'party');
    const { total } = await api<{ total: number }>(server, '/data-quality/conflicts?limit=1');
    assert.ok(total > 40, 'the two UN sources disagree on dozens of facts');
    await open(page, `${server.url}/en/data-quality?t.size=250`, '#conflicts .data-table caption');
    assert.equal(await page.locator('#conflicts .data-table tbody tr').count(), total);
    assert.deepEqual(problems, []);
    await page.close();
  });
});
