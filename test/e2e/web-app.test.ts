// The web app in Debian's Chromium against the real server: every main page in English and
// Arabic passes axe-core's WCAG 2.1 AA rules, the six languages show their own names, the map
// and its table work from the keyboard, a date change redraws the map with the API's numbers,
// search finds a State from another language, and exports hold what the table shows.
// Screenshots go to test-artifacts/screenshots/ (kept out of the repository).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { axeViolations, describeViolations, launchChromium, SCREENSHOTS } from '../support/browser.ts';
import { importM49Names } from '../../src/importers/m49-names/import.ts';
import { importUntermNames } from '../../src/importers/unterm-names/import.ts';
import { loadReferenceData } from '../../src/reference/load.ts';
import { seedReferenceData } from '../../src/reference/seed.ts';
import { createTestDb, testDialects, type TestDb } from '../support/databases.ts';
import { sharedDataPath, skipWithoutSharedData } from '../support/shared-data.ts';
import { startAccord, type RunningServer } from '../support/server.ts';

const PAGES = [
  { name: 'home', path: '/', ready: 'svg[data-drawn] a.state' },
  { name: 'states', path: '/states', ready: 'tbody tr a' },
  { name: 'state', path: '/states/BEN', ready: '.facts' },
  { name: 'organizations', path: '/organizations', ready: 'tbody tr a' },
  { name: 'organization', path: '/organizations/au', ready: '.timeline' },
  { name: 'instruments', path: '/instruments', ready: 'tbody tr a' },
  { name: 'instrument', path: '/instruments/ACHR', ready: '.facts' },
  { name: 'mechanisms', path: '/mechanisms', ready: 'tbody tr a' },
  { name: 'mechanism', path: '/mechanisms/ECTHR', ready: 'tbody tr a' },
  { name: 'presences', path: '/presences', ready: 'tbody tr a' },
  { name: 'search', path: '/search?q=union', ready: 'tbody tr a' },
  { name: 'sources', path: '/sources', ready: 'tbody tr a' },
];

function dictionary(lang: string): Record<string, string> {
  return JSON.parse(readFileSync(new URL(`../../web/src/i18n/${lang}.json`, import.meta.url), 'utf8'));
}

/** Opens a page of the app and waits until its data are shown. */
async function open(page: Page, url: string, ready: string): Promise<void> {
  await page.goto(url);
  await page.waitForSelector(ready, { timeout: 30_000 });
  await page.waitForFunction(() => !document.querySelector('.page-state[role="status"]'), undefined, { timeout: 30_000 });
}

async function api<T>(server: RunningServer, path: string): Promise<T> {
  const response = await fetch(`${server.url}/api/v1${path}`);
  assert.equal(response.status, 200, path);
  return (await response.json()) as T;
}

/** Fails the test on any script error or request that leaves our server. */
function watch(page: Page, server: RunningServer): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`script error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(server.url) && !url.startsWith('data:') && !url.startsWith('blob:')) problems.push(`foreign request: ${url}`);
  });
  return problems;
}

describe('web app in Chromium (SQLite)', () => {
  let database: TestDb;
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  before(async () => {
    // The registry as a user would set it up: reference data, then the official UN names of
    // States (UNTERM) and regions (M49) imported from ../shared/data when it is there.
    database = await createTestDb('sqlite');
    await seedReferenceData(database.db, loadReferenceData());
    if (!skipWithoutSharedData()) {
      await importUntermNames(database.db, sharedDataPath('country-codes-datahub', 'country-codes.csv'));
      await importM49Names(database.db, sharedDataPath('country-codes-datahub', 'unsd-m49-6lang'));
    }
    server = await startAccord(database.url);
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  });
  after(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
    await database?.drop();
  });

  for (const lang of ['en', 'ar'] as const) {
    for (const { name, path, ready } of PAGES) {
      test(`${name} page in ${lang}: loads, is titled and laid out for the language, and has no axe violation`, async () => {
        const page = await context.newPage();
        const problems = watch(page, server);
        await open(page, `${server.url}/${lang}${path}`, ready);
        assert.match(await page.title(), / · Accord$/);
        assert.equal(await page.getAttribute('html', 'lang'), lang);
        assert.equal(await page.getAttribute('html', 'dir'), lang === 'ar' ? 'rtl' : 'ltr');
        assert.ok((await page.locator('main h1').textContent())?.trim(), 'the page has a heading');
        for (const [role, count] of [['banner', 1], ['main', 1], ['contentinfo', 1], ['search', 1]] as const) {
          assert.equal(await page.getByRole(role).count(), count, `one ${role} landmark`);
        }
        assert.equal(await page.getByRole('navigation').count(), 2 + (await page.locator('nav.pager:visible').count()), 'navigation: sections, languages and table pages');
        assert.equal(await page.locator('nav.main-nav a').first().textContent(), dictionary(lang)['nav.map']);
        const violations = await axeViolations(page);
        await page.screenshot({ path: `${SCREENSHOTS}${lang}-${name}.png` });
        assert.deepEqual(problems, []);
        assert.equal(violations.length, 0, describeViolations(violations));
        await page.close();
      });
    }
  }

  test('each of the six languages shows the interface and names in that language', async () => {
    const france = await api<{ names: Record<string, string> }>(server, '/states/FRA');
    const page = await context.newPage();
    for (const lang of ['en', 'fr', 'es', 'ru', 'zh', 'ar']) {
      await open(page, `${server.url}/${lang}/states/FRA`, '.facts');
      assert.equal((await page.locator('main h1').textContent())?.trim(), france.names[lang], `State name in ${lang}`);
      const inLang = await api<{ subregion: { name: string; nameLang: string } }>(server, `/states/FRA?lang=${lang}`);
      assert.ok(((await page.locator('.facts dd').nth(1).textContent()) ?? '').includes(inLang.subregion.name), `region names in ${lang}`);
      if (!skipWithoutSharedData()) assert.equal(inLang.subregion.nameLang, lang, `M49 names were imported in ${lang}`);
      assert.equal(await page.locator('nav.main-nav a').nth(1).textContent(), dictionary(lang)['nav.states'], `navigation in ${lang}`);
      assert.equal(await page.getAttribute('html', 'lang'), lang);
    }
    await page.screenshot({ path: `${SCREENSHOTS}ar-state-france.png` });
    await page.close();
  });

  test('the language links keep the page and its date, work from the keyboard, and are remembered', async () => {
    const page = await context.newPage();
    await open(page, `${server.url}/en/organizations/coe?asOf=2000-01-01`, '.timeline');
    const languages = page.getByRole('navigation', { name: 'Language' });
    assert.deepEqual(await languages.getByRole('link').allTextContents(), ['English', 'Français', 'Español', 'Русский', '中文', 'العربية']);
    await languages.getByRole('link', { name: 'Français' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/fr\/organizations\/coe\?asOf=2000-01-01$/);
    await page.waitForSelector('.timeline');
    assert.equal(await page.getByRole('navigation', { name: 'Langue' }).getByRole('link', { name: 'Français' }).getAttribute('aria-current'), 'true');
    await page.goto(`${server.url}/`);
    await page.waitForURL(/\/fr\/$/);
    // An address without a language keeps its path, in the remembered language.
    await page.goto(`${server.url}/states/FRA`);
    await page.waitForURL(/\/fr\/states\/FRA$/);
    await page.close();
  });

  test('timelines in Arabic keep their labels inside the chart', async () => {
    const page = await context.newPage();
    await open(page, `${server.url}/ar/organizations/coe`, '.timeline');
    const outside = await page.evaluate(() => {
      const svg = document.querySelector('.timeline svg')!.getBoundingClientRect();
      return [...document.querySelectorAll('.timeline .row-label')]
        .map((label) => label.getBoundingClientRect())
        .filter((box) => box.left < svg.left - 1 || box.right > svg.right + 1).length;
    });
    assert.equal(outside, 0);
    await page.close();
  });

  test('the map and its table work from the keyboard', async () => {
    const page = await context.newPage();
    await open(page, `${server.url}/en/`, 'svg[data-drawn] a.state');
    const states = await api<{ items: { iso3: string; name: string }[] }>(server, '/states?limit=1000&lang=en');
    // Tab from the top of the page until the first State of the map has focus.
    let focused: string | null = null;
    for (let i = 0; i < 40 && !focused; i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => document.activeElement?.closest('a.state')?.getAttribute('data-iso3') ?? null);
    }
    assert.equal(focused, states.items[0]!.iso3, 'the first State in the map is the first of the list');
    await page.keyboard.press('Tab');
    const second = states.items[1]!;
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-iso3')), second.iso3);
    assert.ok(((await page.locator('.map-tip').textContent()) ?? '').includes(second.name));
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/en/states/${second.iso3}$`));
    await page.waitForSelector('.facts');
    assert.equal((await page.locator('main h1').textContent())?.trim(), second.name);

    // Every State is in the map as a link, including the smallest.
    await page.goBack();
    await page.waitForSelector('svg[data-drawn] a.state');
    const inMap = await page.locator('a.state').evaluateAll((links) => links.map((a) => a.getAttribute('data-iso3')));
    assert.deepEqual([...inMap].sort(), states.items.map((s) => s.iso3).sort());
    for (const small of ['TUV', 'NRU', 'MDV', 'MLT', 'BHR', 'SGP', 'KNA', 'MCO']) assert.ok(inMap.includes(small), `${small} is on the map`);

    // The table under the map: the skip link leads to it; sort and page with the keyboard.
    await page.getByRole('link', { name: 'Skip the map: the same facts as a table' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'coverage-table');
    await page.getByRole('searchbox', { name: 'Filter rows' }).focus();
    const sortButton = page.getByRole('button', { name: /^State/ });
    for (let i = 0; i < 6 && !(await sortButton.evaluate((b) => b === document.activeElement)); i++) await page.keyboard.press('Tab');
    assert.ok(await sortButton.evaluate((b) => b === document.activeElement), 'the State column can be sorted from the keyboard');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#coverage-table ~ .data-table th[aria-sort="descending"]');
    assert.equal((await page.locator('#coverage-table ~ .data-table tbody tr td a').first().textContent())?.trim(), states.items.at(-1)!.name);
    const next = page.locator('#coverage-table ~ .data-table').getByRole('button', { name: 'Next' });
    await next.focus();
    for (const range of ['51–100 of 197', '101–150 of 197', '151–197 of 197']) {
      await page.keyboard.press('Enter');
      await page.waitForFunction((text) => document.querySelector('#coverage-table ~ .data-table .pager > span')?.textContent?.trim() === text, range);
    }
    assert.equal(await next.getAttribute('aria-disabled'), 'true');
    assert.ok(await next.evaluate((b) => b === document.activeElement), 'focus stays on the pager at the last page');
    await page.close();
  });

  test('changing the date redraws the map with the coverage of that date', async () => {
    const page = await context.newPage();
    await open(page, `${server.url}/en/`, 'svg[data-drawn] a.state');
    const vienna = await api<{ states: unknown[]; uncovered: string[] }>(server, '/coverage?asOf=1993-06-25');
    await page.getByRole('textbox', { name: 'As of' }).fill('1993-06-25');
    await page.waitForFunction(() => document.querySelector('.summary')?.textContent?.startsWith('On 25 June 1993'));
    const covered = vienna.states.length - vienna.uncovered.length;
    assert.equal(
      (await page.locator('.summary').textContent())?.trim(),
      `On 25 June 1993: ${covered} of ${vienna.states.length} States are covered by at least one regional human-rights mechanism; ${vienna.uncovered.length} are covered by none.`,
    );
    assert.match(page.url(), /asOf=1993-06-25/);
    const uncoveredInMap = await page.locator('a.state').evaluateAll((links) => links.filter((a) => / 0 regional mechanisms/.test(a.getAttribute('aria-label') ?? '')).length);
    assert.equal(uncoveredInMap, vienna.uncovered.length);
    await page.screenshot({ path: `${SCREENSHOTS}en-home-1993.png` });
    // The date is in the address: a reload shows the same date.
    await page.reload();
    await page.waitForFunction(() => document.querySelector('.summary')?.textContent?.startsWith('On 25 June 1993'));
    // A date in the address that is not a usable one is taken out, and today is shown.
    const today = await api<{ asOf: string }>(server, '/coverage');
    const todayText = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${today.asOf}T00:00:00Z`));
    for (const bad of ['2023-02-30', '2300-01-01', 'yesterday']) {
      await page.goto(`${server.url}/en/?asOf=${bad}`);
      await page.waitForFunction(() => !location.search.includes('asOf'));
      await page.waitForSelector('.summary');
      assert.ok(((await page.locator('.summary').textContent()) ?? '').startsWith(`On ${todayText}:`), `today is shown instead of ${bad}`);
    }
    await page.close();
  });

  test('search finds a State from a name in another language', async () => {
    const page = await context.newPage();
    await open(page, `${server.url}/en/states`, 'tbody tr a');
    await page.getByRole('searchbox', { name: /Search States/ }).fill('Франция');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/en\/search\?q=/);
    await page.waitForSelector('tbody tr a');
    assert.equal((await page.locator('tbody tr a').first().textContent())?.trim(), 'France');
    await page.screenshot({ path: `${SCREENSHOTS}en-search-russian.png` });
    await page.locator('tbody tr a').first().click();
    await page.waitForURL(/\/en\/states\/FRA$/);
    // Codes are found as well as names.
    await page.goto(`${server.url}/en/search?q=ECHR`);
    await page.waitForSelector('tbody tr a');
    assert.equal(await page.locator('tbody tr a').first().getAttribute('href'), '/en/instruments/ECHR');
    await page.goto(`${server.url}/en/search?q=zzzz-nothing`);
    await page.waitForSelector('td.empty');
    assert.match((await page.locator('td.empty').textContent()) ?? '', /Nothing matches/);
    await page.close();
  });

  test('exports hold the rows shown, with their sources', async () => {
    const page = await context.newPage();
    await open(page, `${server.url}/en/states`, 'tbody tr a');
    const states = await api<{ items: { iso3: string; name: string }[] }>(server, '/states?limit=1000&lang=en');
    // Typed key by key, as a person types: every letter must reach the filter.
    await page.getByRole('searchbox', { name: 'Filter rows' }).click();
    await page.keyboard.type('guinea', { delay: 30 });
    assert.equal(await page.getByRole('searchbox', { name: 'Filter rows' }).inputValue(), 'guinea');
    await page.waitForURL(/t\.q=guinea/);
    const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    assert.equal(csvDownload.suggestedFilename(), 'accord-states.csv');
    const csv = readFileSync((await csvDownload.path())!, 'utf8');
    assert.ok(csv.startsWith('\uFEFF'), 'a byte-order mark, so spreadsheets read UTF-8');
    const lines = csv.slice(1).trim().split('\r\n');
    assert.equal(lines[0], 'name,iso3,region,subregion,regionalGroup,unStatus,unAdmission,iso2,m49,verified,sources');
    const expected = states.items.filter((s) => s.name.toLowerCase().includes('guinea'));
    assert.equal(lines.length - 1, expected.length);
    assert.ok(lines.slice(1).every((line) => /https?:\/\//.test(line)), 'every row carries its sources');

    await open(page, `${server.url}/en/`, 'svg[data-drawn] a.state');
    const [jsonDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export JSON' }).click()]);
    const exported = JSON.parse(readFileSync((await jsonDownload.path())!, 'utf8')) as { asOf: string; items: { iso3: string; mechanismCount: number; sources: string }[] };
    const coverage = await api<{ asOf: string; states: { iso3: string; mechanisms: unknown[] }[] }>(server, '/coverage');
    assert.equal(exported.asOf, coverage.asOf);
    assert.equal(exported.items.length, coverage.states.length);
    const benin = exported.items.find((r) => r.iso3 === 'BEN')!;
    assert.equal(benin.mechanismCount, coverage.states.find((s) => s.iso3 === 'BEN')!.mechanisms.length);
    assert.match(benin.sources, /https?:\/\//);
    await page.close();
  });

  test('a table keeps its filter, sort and page in the address, so Back returns to the same rows', async () => {
    const page = await context.newPage();
    await open(page, `${server.url}/en/states`, 'tbody tr a');
    await page.getByRole('button', { name: /^State/ }).click();
    await page.waitForSelector('th[aria-sort="descending"]');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.waitForURL(/t\.page=2/);
    await page.waitForFunction(() => document.querySelector('.pager > span')?.textContent?.startsWith('51–'));
    const first = (await page.locator('tbody tr a').first().textContent())?.trim();
    assert.match(page.url(), /t\.sort=-name/);
    assert.match(page.url(), /t\.page=2/);
    await page.locator('tbody tr a').first().click();
    await page.waitForSelector('.facts');
    await page.goBack();
    await page.waitForSelector('tbody tr a');
    assert.equal((await page.locator('tbody tr a').first().textContent())?.trim(), first);
    assert.equal(await page.locator('th[aria-sort]').getAttribute('aria-sort'), 'descending');
    await page.close();
  });

  test('sources open on demand beside a fact', async () => {
    const page = await context.newPage();
    await open(page, `${server.url}/en/states/FRA`, '.facts');
    const summary = page.locator('.facts .sources summary').first();
    const link = page.locator('.facts .sources a').first();
    assert.equal(await link.isVisible(), false);
    await summary.focus();
    await page.keyboard.press('Enter');
    assert.equal(await link.isVisible(), true);
    assert.match((await link.getAttribute('href')) ?? '', /^https?:\/\//);
    await page.close();
  });

  test('works at 360 px wide without sideways scrolling', async () => {
    const narrow = await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2 });
    const page = await narrow.newPage();
    for (const [lang, path, ready] of [['en', '/', 'svg[data-drawn] a.state'], ['ar', '/states/BEN', '.facts'], ['en', '/organizations/eu', '.timeline']] as const) {
      await open(page, `${server.url}/${lang}${path}`, ready);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${lang}${path} is ${overflow}px wider than the screen`);
      await page.screenshot({ path: `${SCREENSHOTS}${lang}-360${path.replaceAll('/', '-')}.png` });
    }
    await narrow.close();
  });

  test('deep links, unknown pages and unknown codes give clear pages, never a blank one', async () => {
    const page = await context.newPage();
    await open(page, `${server.url}/en/nowhere/at/all`, 'main h1');
    assert.equal((await page.locator('main h1').textContent())?.trim(), 'Page not found');
    await page.goto(`${server.url}/en/states/XYZ`);
    await page.waitForSelector('[role="alert"] h1');
    assert.equal(await page.locator('main h1').textContent(), 'Page not found');
    await page.goto(`${server.url}/ar/mechanisms/XYZ`);
    await page.waitForSelector('[role="alert"] h1');
    assert.equal(await page.locator('main h1').textContent(), dictionary('ar')['notFound.title']);
    assert.equal(await page.title(), `${dictionary('ar')['notFound.title']} · Accord`);
    // Hostile input in the address is shown as text and never reaches the page as markup.
    await page.goto(`${server.url}/en/search?q=${encodeURIComponent('<img src=x onerror=alert(1)>%00')}`);
    await page.waitForSelector('main h1');
    assert.equal(await page.locator('main img').count(), 0);
    assert.match((await page.locator('main h1').textContent()) ?? '', /<img src=x onerror=alert\(1\)>/);
    // A NUL character in a page's address still gets the page (the API refuses it, the app drops it).
    await page.goto(`${server.url}/en/search?q=abc%00`);
    await page.waitForSelector('main h1');
    assert.equal(await page.locator('main h1').textContent(), 'Search: abc');
    await page.close();
  });
});

describe('web app in Chromium (PostgreSQL)', { skip: !testDialects().includes('postgres') && 'TEST_DIALECTS excludes postgres' }, () => {
  let database: TestDb;
  let server: RunningServer;
  let browser: Browser;
  before(async () => {
    database = await createTestDb('postgres');
    server = await startAccord(database.url);
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
    await database?.drop();
  });

  test('the map, a profile and an organization page show the same registry in three languages', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems = watch(page, server);
    const coverage = await api<{ states: unknown[]; uncovered: string[] }>(server, '/coverage?asOf=2010-01-01');
    await open(page, `${server.url}/en/?asOf=2010-01-01`, 'svg[data-drawn] a.state');
    assert.ok(((await page.locator('.summary').textContent()) ?? '').startsWith(`On 1 January 2010: ${coverage.states.length - coverage.uncovered.length} of ${coverage.states.length} States`));
    await open(page, `${server.url}/zh/states/CHN`, '.facts');
    assert.equal((await page.locator('main h1').textContent())?.trim(), '中国');
    await open(page, `${server.url}/ar/organizations/las`, '.timeline');
    assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
    await page.screenshot({ path: `${SCREENSHOTS}postgres-ar-organization.png` });
    assert.deepEqual(problems, []);
    await page.close();
  });
});
