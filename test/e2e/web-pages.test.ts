// Every main page of the web app in Debian's Chromium, in English and Arabic: it loads, names
// itself, is laid out for its language and passes axe-core's WCAG 2.1 A/AA rules; the six
// languages show their own interface and names; narrow screens, unknown addresses; and the
// same pages on PostgreSQL. Screenshots go to test-artifacts/screenshots/.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Browser, BrowserContext } from 'playwright-core';
import { axeViolations, describeViolations, SCREENSHOTS } from '../support/browser.ts';
import { testDialects } from '../support/databases.ts';
import type { RunningServer } from '../support/server.ts';
import { skipWithoutSharedData } from '../support/shared-data.ts';
import { api, dictionary, open, useWebFixture, watch } from '../support/web.ts';

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
  // No resolution is imported here: the lists show their empty state.
  { name: 'resolutions', path: '/resolutions', ready: '.page-state.empty, tbody tr a' },
  { name: 'mandates', path: '/mandates', ready: '.page-state.empty, section.due-group' },
  { name: 'report', path: '/report?session=61&periodStart=2005-07-01&asOf=2006-06-30', ready: 'form.report-form input[name="regions"]' },
];

describe('web app pages in Chromium (SQLite)', () => {
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
        assert.equal(await page.getAttribute('html', 'lang'), lang);
        assert.equal(await page.getAttribute('html', 'dir'), lang === 'ar' ? 'rtl' : 'ltr');
        assert.ok((await page.locator('main h1').textContent())?.trim(), 'the page has a heading');
        for (const [role, count] of [
          ['banner', 1],
          ['main', 1],
          ['contentinfo', 1],
          ['search', 1],
        ] as const) {
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
      const inLang = await api<{ name: string; subregion: { name: string; nameLang: string } }>(server, `/states/FRA?lang=${lang}`);
      // The heading is the short name: the official one without UNTERM's sorting article ("France (la)").
      assert.equal((await page.locator('main h1').textContent())?.trim(), inLang.name, `State name in ${lang}`);
      assert.ok(france.names[lang]!.startsWith(inLang.name) && !/\((the|la|le|el)\)$/.test(inLang.name), `short form of ${france.names[lang]}`);
      assert.ok(((await page.locator('.facts dd').nth(1).textContent()) ?? '').includes(inLang.subregion.name), `region names in ${lang}`);
      if (!skipWithoutSharedData()) assert.equal(inLang.subregion.nameLang, lang, `M49 names were imported in ${lang}`);
      assert.equal(await page.locator('nav.main-nav a').nth(1).textContent(), dictionary(lang)['nav.states'], `navigation in ${lang}`);
      assert.equal(await page.getAttribute('html', 'lang'), lang);
    }
    await page.screenshot({ path: `${SCREENSHOTS}ar-state-france.png` });
    await page.close();
  });

  test('timelines in Arabic keep their labels inside the chart', async () => {
    const page = await context.newPage();
    await open(page, `${server.url}/ar/organizations/coe`, '.timeline');
    const outside = await page.evaluate(() => {
      const svg = document.querySelector('.timeline svg')!.getBoundingClientRect();
      return [...document.querySelectorAll('.timeline .row-label')].map((label) => label.getBoundingClientRect()).filter((box) => box.left < svg.left - 1 || box.right > svg.right + 1).length;
    });
    assert.equal(outside, 0);
    await page.close();
  });

  test('works at 360 px wide without sideways scrolling', async () => {
    const narrow = await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2 });
    const page = await narrow.newPage();
    for (const [lang, path, ready] of [
      ['en', '/', 'svg[data-drawn] a.state'],
      ['ar', '/states/BEN', '.facts'],
      ['en', '/organizations/eu', '.timeline'],
    ] as const) {
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
    await page.goto(`${server.url}/en/resolutions/A-RES-0-0`);
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
  let server: RunningServer;
  let context: BrowserContext;
  useWebFixture((web) => ({ server, context } = web), 'postgres');

  test('the map, a profile and an organization page show the same registry in three languages', async () => {
    const page = await context.newPage();
    const problems = watch(page, server);
    const coverage = await api<{ states: { mechanisms: { verified: boolean }[] }[]; uncovered: string[] }>(server, '/coverage?asOf=2010-01-01');
    await open(page, `${server.url}/en/?asOf=2010-01-01`, 'svg[data-drawn] a.state');
    const certainlyCovered = coverage.states.filter((s) => s.mechanisms.some((m) => m.verified)).length;
    assert.ok(((await page.locator('.summary').textContent()) ?? '').startsWith(`On 1 January 2010: ${certainlyCovered} of ${coverage.states.length} States`));
    await open(page, `${server.url}/zh/states/CHN`, '.facts');
    assert.equal((await page.locator('main h1').textContent())?.trim(), '中国');
    await open(page, `${server.url}/ar/organizations/las`, '.timeline');
    assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
    await page.screenshot({ path: `${SCREENSHOTS}postgres-ar-organization.png` });
    assert.deepEqual(problems, []);
    await page.close();
  });
});
