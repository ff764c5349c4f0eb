// Using the web app in Debian's Chromium: language links, the map and its table from the
// keyboard, a date change, search, exports, table state in the address, sources on demand.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import type { BrowserContext } from 'playwright-core';
import { axeViolations, describeViolations, SCREENSHOTS } from '../support/browser.ts';
import type { RunningServer } from '../support/server.ts';
import { api, dictionary, open, useWebFixture } from '../support/web.ts';

/** Today in the browser's calendar, as the date control writes it. */
function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

describe('using the web app in Chromium (SQLite)', () => {
  let server: RunningServer;
  let context: BrowserContext;
  useWebFixture((web) => ({ server, context } = web));

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
    const vienna = await api<{ states: { mechanisms: { verified: boolean }[] }[]; uncovered: string[] }>(server, '/coverage?asOf=1993-06-25');
    await page.getByRole('textbox', { name: 'As of' }).fill('1993-06-25');
    await page.waitForFunction(() => document.querySelector('.summary')?.textContent?.startsWith('On 25 June 1993'));
    // Only States certainly covered count as covered; those covered only by uncertain facts are counted apart.
    const covered = vienna.states.filter((s) => s.mechanisms.some((m) => m.verified)).length;
    const uncertainOnly = vienna.states.filter((s) => s.mechanisms.length > 0 && s.mechanisms.every((m) => !m.verified)).length;
    const apart = uncertainOnly === 0 ? '' : ` ${uncertainOnly} more State${uncertainOnly === 1 ? ' is' : 's are'} covered only by facts not certain at this date (hatched).`;
    assert.equal(
      (await page.locator('.summary').textContent())?.trim(),
      `On 25 June 1993: ${covered} of ${vienna.states.length} States are covered by at least one regional human-rights mechanism; ${vienna.uncovered.length} are covered by none.${apart}`,
    );
    assert.match(page.url(), /asOf=1993-06-25/);
    const uncoveredInMap = await page.locator('a.state').evaluateAll((links) => links.filter((a) => / 0 regional mechanisms/.test(a.getAttribute('aria-label') ?? '')).length);
    assert.equal(uncoveredInMap, vienna.uncovered.length);
    await page.screenshot({ path: `${SCREENSHOTS}en-home-1993.png` });
    // The date is in the address: a reload shows the same date.
    await page.reload();
    await page.waitForFunction(() => document.querySelector('.summary')?.textContent?.startsWith('On 25 June 1993'));
    // A date in the address that is not a usable one is taken out, today is shown, and the
    // page says so (never silently): which value was refused and which date is shown.
    const today = await api<{ asOf: string }>(server, '/coverage');
    const todayText = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${today.asOf}T00:00:00Z`));
    for (const bad of ['2023-02-30', '2300-01-01', 'yesterday']) {
      await page.goto(`${server.url}/en/?asOf=${bad}`);
      await page.waitForFunction(() => !location.search.includes('asOf'));
      await page.waitForSelector('.summary');
      assert.ok(((await page.locator('.summary').textContent()) ?? '').startsWith(`On ${todayText}:`), `today is shown instead of ${bad}`);
      assert.equal(
        (await page.locator('.date-rejected').textContent())?.replace(/[\u2066-\u2069]/g, ''),
        dictionary('en')['date.rejected']!.replace('{value}', bad).replace('{date}', todayText),
        `the page says that ${bad} was refused and which date is shown`,
      );
    }
    // Choosing a date clears the message.
    await page.getByRole('button', { name: 'Vienna Declaration (25 June 1993)' }).click();
    await page.waitForFunction(() => document.querySelector('.summary')?.textContent?.startsWith('On 25 June 1993'));
    assert.equal(await page.locator('.date-rejected').count(), 0);
    await page.close();
  });

  test("a date that is not valid in the address of another page says so in the page's language, with axe passing", async () => {
    const page = await context.newPage();
    for (const [lang, bad] of [
      ['en', '2020-13-45'],
      ['ar', 'abc'],
      ['fr', '2020-13-45'],
      ['zh', 'abc'],
    ] as const) {
      await page.goto(`${server.url}/${lang}/treaties?asOf=${bad}`);
      await page.waitForSelector('.date-rejected');
      await page.waitForFunction(() => !location.search.includes('asOf'));
      const shown = await page.getByRole('textbox', { name: dictionary(lang)['date.asOf'] }).inputValue();
      const text = (await page.locator('.date-rejected').textContent()) ?? '';
      const [before, after] = dictionary(lang)['date.rejected']!.split('{value}');
      assert.ok(text.startsWith(before!), `${lang}: ${text}`);
      assert.ok(text.includes(`\u2068${bad}\u2069`), `${lang}: the refused value is shown, isolated from the text around it`);
      assert.ok(text.endsWith(after!.slice(after!.indexOf('{date}') + '{date}'.length)), `${lang}: ${text}`);
      assert.equal(shown, today(), `${lang}: the date control shows today`);
      assert.equal(await page.locator('.date-rejected').getAttribute('role'), 'status');
      if (lang === 'ar') {
        const violations = await axeViolations(page);
        assert.equal(violations.length, 0, describeViolations(violations));
      }
    }
    // The API refuses the same values with a 400 that names the parameter and the value.
    for (const bad of ['2020-13-45', 'abc']) {
      const response = await fetch(`${server.url}/api/v1/treaty-status/matrix?asOf=${bad}`);
      assert.equal(response.status, 400);
      const body = (await response.json()) as { error: { code: string; message: string; details: { parameter: string; reason: string }[] } };
      assert.equal(body.error.code, 'validation_failed');
      assert.deepEqual(
        body.error.details.map((d) => d.parameter),
        ['asOf'],
      );
      assert.ok(body.error.details[0]!.reason.includes(bad), body.error.details[0]!.reason);
    }
    await page.close();
  });

  test('changing the date adds a history entry: Back returns to the previous date, filters replace', async () => {
    const page = await context.newPage();
    await open(page, `${server.url}/en/organizations?asOf=2000-01-01`, 'tbody tr a');
    const field = page.getByRole('textbox', { name: 'As of' });
    await field.fill('2010-05-05');
    await page.waitForURL(/asOf=2010-05-05/);
    await page.getByRole('button', { name: 'Vienna Declaration (25 June 1993)' }).click();
    await page.waitForURL(/asOf=1993-06-25/);
    // A filter typed in the table replaces the entry: Back skips it.
    await page.getByRole('searchbox', { name: 'Filter rows' }).fill('union');
    await page.waitForURL(/t\.q=union/);
    await page.goBack();
    await page.waitForURL(/asOf=2010-05-05/);
    assert.equal(await field.inputValue(), '2010-05-05');
    await page.goBack();
    await page.waitForURL(/asOf=2000-01-01/);
    assert.equal(await field.inputValue(), '2000-01-01');
    await page.goForward();
    await page.waitForURL(/asOf=2010-05-05/);
    // Stepping a date key by key in the field adds one entry, not one per date on the way.
    await field.focus();
    for (let i = 0; i < 3; i++) {
      const before = page.url();
      await page.keyboard.press('ArrowDown');
      await page.waitForFunction((url) => location.href !== url, before);
    }
    const stepped = new URL(page.url()).searchParams.get('asOf');
    assert.notEqual(stepped, '2010-05-05');
    await page.keyboard.press('Tab');
    await page.goBack();
    await page.waitForURL(/asOf=2010-05-05/);
    assert.equal(await field.inputValue(), '2010-05-05');
    await page.close();
  });

  test('a State covered by a fact that is not verified at the date is hatched on the map, with the hatching in the legend', async () => {
    const coverage = await api<{ states: { iso3: string; mechanisms: { verified: boolean }[] }[] }>(server, '/coverage');
    const expected = coverage.states
      .filter((s) => s.mechanisms.length > 0 && s.mechanisms.some((m) => !m.verified))
      .map((s) => s.iso3)
      .sort();
    const page = await context.newPage();
    await open(page, `${server.url}/en/`, 'svg[data-drawn] a.state');
    const hatched = await page.locator('a.state[data-hatched="true"]').evaluateAll((links) => links.map((a) => a.getAttribute('data-iso3')).sort());
    assert.deepEqual(hatched, expected);
    if (expected.length > 0) {
      assert.equal((await page.locator('a.state[data-hatched="true"] path.hatch').count()) > 0, true);
      assert.match((await page.locator('a.state[data-hatched="true"]').first().getAttribute('aria-label')) ?? '', / — unverified$/);
      const item = page.locator('.legend li.hatched-item');
      assert.match((await item.textContent()) ?? '', new RegExp(`\\(${expected.length} States?\\)$`));
      assert.ok((await item.locator('svg.swatch line').count()) > 0);
    } else {
      assert.equal(await page.locator('.legend li.hatched-item').count(), 0);
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
    assert.ok(
      lines.slice(1).every((line) => /https?:\/\//.test(line)),
      'every row carries its sources',
    );

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
});
