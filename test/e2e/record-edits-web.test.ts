// Editing the registry in the web app, end to end in Chromium: an organization editor of AU
// corrects AU's website with a new official source, and the page shows the new value, the
// shipped one it overrides and both sources, and the history names the editor; a second tab
// that read the record before gets "changed by someone else"; an editor of another organization
// sees no Edit button; an editor finds a source the registry holds by typing words of it and
// corrects with it; a State editor enters a treaty act for their State; the form in Arabic is
// right-to-left and passes axe; a bad date is refused next to its field, in French; a restricted
// record shows its level, its form starts from it, and a correction of another field keeps it;
// a declaration is entered with the procedure it accepts, among its instrument's; a name is
// corrected in one language and added in another.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { systemContext } from '../../src/modules/audit/context.ts';
import { updateMechanism } from '../../src/modules/mechanisms/write.ts';
import { makeAccount, PASSWORD } from '../support/accounts.ts';
import { axeViolations, describeViolations, SCREENSHOTS } from '../support/browser.ts';
import { dictionary, open, useWebFixture, watch, type WebFixture } from '../support/web.ts';

const en = dictionary('en');
const fr = dictionary('fr');
const ar = dictionary('ar');
const text = async (locator: Locator) => (await locator.textContent()) ?? '';

describe('editing the registry in the web app', () => {
  let web: WebFixture;
  useWebFixture((w) => (web = w), 'sqlite', { sharedData: false });
  const contexts: Record<string, BrowserContext> = {};
  const problems: string[] = [];

  /** A browser context signed in as a new account with these roles (the session cookie set as the sign-in answered it). */
  async function signedIn(email: string, roles: string[]): Promise<BrowserContext> {
    if (contexts[email]) return contexts[email];
    await makeAccount(web.database.db, email, roles);
    const response = await fetch(`${web.server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email, password: PASSWORD }),
    });
    assert.equal(response.status, 200, `sign-in of ${email}`);
    const [pair = ''] = (response.headers.get('set-cookie') ?? '').split(';');
    const at = pair.indexOf('=');
    const context = await web.browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addCookies([{ name: pair.slice(0, at), value: pair.slice(at + 1), url: web.server.url }]);
    contexts[email] = context;
    return context;
  }

  async function newPage(context: BrowserContext): Promise<Page> {
    const page = await context.newPage();
    const seen = watch(page, web.server);
    page.on('close', () => problems.push(...seen.filter((p) => !/status of 4\d\d/.test(p))));
    return page;
  }

  /** Fills the "new source" part of a form. */
  async function newSource(page: Page, dict: Record<string, string>, title: string, url: string) {
    await page.getByLabel(dict['edit.source.title']!, { exact: true }).fill(title);
    await page.getByLabel(dict['edit.source.url']!, { exact: true }).fill(url);
    await page.getByLabel(dict['edit.kind.official']!, { exact: true }).check();
  }

  test('an AU editor corrects the website; the page shows both values and sources, and the history', async () => {
    const context = await signedIn('au-editor@example.org', ['organization-editor:au']);
    const page = await newPage(context);
    // A second tab reads the form before the change: its edit will be stale.
    const second = await newPage(context);
    await open(second, `${web.server.url}/en/organizations/au/edit`, 'form.edit-form');

    await open(page, `${web.server.url}/en/organizations/au`, 'h1');
    await page.getByRole('link', { name: en['edit.edit'], exact: true }).click();
    await page.waitForSelector('form.edit-form');
    await page.getByLabel(en['edit.field.website']!).fill('https://au.int/en/corrected');
    await newSource(page, en, 'African Union: about the Union (test)', 'https://au.int/en/about');
    await page.getByLabel(en['edit.reason']!).fill('The address moved (test)');
    await page.getByRole('button', { name: en['edit.save'] }).click();

    await page.waitForSelector('.form-done');
    await page.waitForSelector('#corrections-title');
    const corrections = await text(page.locator('section.corrections'));
    assert.match(corrections, /https:\/\/au\.int\/en\/corrected/);
    assert.match(corrections, /https:\/\/au\.int(?!\/)/, 'the shipped value it overrides');
    await page.locator('section.corrections summary').first().click();
    await page.locator('section.corrections summary').nth(1).click();
    const opened = await text(page.locator('section.corrections'));
    assert.match(opened, /African Union: about the Union \(test\)/, 'the source of the correction');
    assert.ok((await page.locator('section.corrections .overridden li').count()) >= 1, 'the shipped sources');
    assert.match(await text(page.locator('.facts').first()), /au\.int\/en\/corrected/);

    await page.waitForSelector('.history-list li');
    const history = await text(page.locator('section.history'));
    assert.match(history, /au-editor/);
    assert.match(history, new RegExp(en['edit.field.website']!));
    assert.match(history, /https:\/\/au\.int → https:\/\/au\.int\/en\/corrected/);
    assert.match(history, /The address moved \(test\)/);
    assert.match(history, /official source/);
    await page.locator('section.corrections').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENSHOTS}record-edits-corrected.png` });

    // The second tab's edit was made on the version before: the app says so and shows the record now.
    await second.getByLabel(en['edit.field.website']!).fill('https://au.int/en/other');
    await newSource(second, en, 'Another page (test)', 'https://au.int/en/other');
    await second.getByRole('button', { name: en['edit.save'] }).click();
    await second.waitForSelector('.stale');
    assert.match(await text(second.locator('.stale')), new RegExp(en['edit.stale']!.slice(0, 40)));
    assert.match(await text(second.locator('.stale')), /au\.int\/en\/corrected/, 'the current value');
    assert.equal(await second.evaluate(() => document.activeElement?.classList.contains('stale')), true, 'focus on the message');
    await second.close();
    await page.close();
  });

  test('an AU editor finds a source the registry holds by typing, with the keyboard, and corrects with it', async () => {
    const page = await newPage(await signedIn('au-editor@example.org', ['organization-editor:au']));
    const asked: URL[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/v1/sources')) asked.push(new URL(r.url()));
    });
    await open(page, `${web.server.url}/en/organizations/au/edit`, 'form.edit-form');
    await page.getByLabel(en['edit.field.hqCity']!).fill('Addis Ababa (test of the picker)');
    await page.getByLabel(en['edit.source.existing']!, { exact: true }).check();
    const search = page.getByLabel(en['edit.source.search']!, { exact: true });
    const status = page.locator('fieldset.source-results [aria-live]');

    await search.pressSequentially('qqqzzz nowhere');
    await page.waitForFunction((said) => document.querySelector('fieldset.source-results [aria-live]')?.textContent === said, en['edit.source.noMatch']);
    assert.equal(await page.locator('fieldset.source-results input[type="radio"]').count(), 0);

    // Case and accents do not matter; the list follows the typing.
    await search.fill('');
    await search.pressSequentially('COTE ivoire africtivistes', { delay: 20 });
    const match = page.getByRole('radio', { name: /AfricTivistes press release/ });
    await match.waitFor();
    assert.equal(await text(status), en['edit.source.matches_one']!.replace('{count}', '1'));
    assert.match(await text(page.locator('fieldset.source-results .choice-option').first()), /secondary source/, 'its kind');
    // Enter in the search box goes to the list, and sends nothing; Space chooses.
    await search.press('Enter');
    assert.equal(await match.evaluate((input) => input === document.activeElement), true, 'focus on the match');
    assert.equal(await page.locator('.form-errors, .form-done').count(), 0, 'nothing sent');
    await page.keyboard.press('Space');
    assert.equal(await match.isChecked(), true);
    const violations = await axeViolations(page);
    assert.deepEqual(violations, [], describeViolations(violations));
    await page.screenshot({ path: `${SCREENSHOTS}record-edits-source-search.png`, fullPage: true });

    await page.getByRole('button', { name: en['edit.save'] }).click();
    await page.waitForSelector('.form-done');
    await page.waitForSelector('#corrections-title');
    const corrected = page.locator('section.corrections dd', { hasText: 'Addis Ababa (test of the picker)' });
    await corrected.locator('summary').first().click();
    assert.match(await text(corrected), /AfricTivistes press release/, 'the source chosen is the correction’s');
    // The picker never loaded every source: each request asked for one short page.
    assert.ok(asked.length > 0);
    for (const url of asked) assert.ok(Number(url.searchParams.get('limit')) <= 20, `a short page: ${url.search}`);
    await page.close();
  });

  test('an editor of another organization sees no Edit button on AU; an anonymous reader causes no permissions request', async () => {
    const context = await signedIn('ecowas-editor@example.org', ['organization-editor:ecowas']);
    const page = await newPage(context);
    const permissions = page.waitForResponse((r) => r.url().includes('/api/v1/permissions'));
    await open(page, `${web.server.url}/en/organizations/au`, 'h1');
    assert.deepEqual(await (await permissions).json(), { update: false, delete: false });
    assert.equal(await page.getByRole('link', { name: en['edit.edit'], exact: true }).count(), 0);
    await page.close();

    const anonymous = await newPage(web.context);
    const asked: string[] = [];
    anonymous.on('request', (r) => {
      if (/\/api\/v1\/(permissions|history)/.test(r.url())) asked.push(r.url());
    });
    await open(anonymous, `${web.server.url}/en/organizations/au`, 'h1');
    await anonymous.waitForSelector('#corrections-title');
    assert.equal(await anonymous.getByRole('link', { name: en['edit.edit'], exact: true }).count(), 0);
    assert.equal(await anonymous.locator('section.history').count(), 0);
    assert.deepEqual(asked, []);
    await anonymous.close();
  });

  test('a State editor enters a treaty act for their State', async () => {
    const context = await signedIn('ken-editor@example.org', ['state-editor:KEN']);
    const page = await newPage(context);
    await open(page, `${web.server.url}/en/states/KEN`, 'h1');
    await page.getByRole('link', { name: en['edit.enterAct'] }).click();
    await page.waitForSelector('form.edit-form');
    await page.getByLabel(en['col.instrument']!, { exact: true }).selectOption('ICCPR');
    await page.getByLabel(en['edit.field.actKind']!, { exact: true }).selectOption('accession');
    await page.getByLabel(en['edit.field.actDate']!, { exact: true }).fill('1972-05-01');
    await newSource(page, en, 'UN Treaty Collection: ICCPR status (test)', 'https://treaties.un.org/Pages/ViewDetails.aspx?chapter=4&mtdsg_no=IV-4');
    await page.getByRole('button', { name: en['edit.create'], exact: true }).click();
    await page.waitForSelector('.form-done');
    await page.waitForSelector('.entered-acts li');
    assert.match(await text(page.locator('.entered-acts')), /Accession · ICCPR · 1 May 1972/);
    await page.close();
  });

  test('the form in Arabic is right-to-left and passes axe', async () => {
    const page = await newPage(await signedIn('ken-editor@example.org', ['state-editor:KEN']));
    await open(page, `${web.server.url}/ar/treaty-acts/new?participant=KEN`, 'form.edit-form');
    assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
    assert.ok(await page.getByText(ar['edit.source']!, { exact: true }).isVisible());
    // Restricted: the audience pickers are shown too.
    await page.getByLabel(ar['edit.access.restricted']!, { exact: true }).check();
    await page.waitForSelector('fieldset.audience');
    // And the sources already in Accord, with their English titles and long addresses.
    await page.getByLabel(ar['edit.source.existing']!, { exact: true }).check();
    await page.waitForSelector('fieldset.source-results input[type="radio"]');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 1, `no sideways scrolling in RTL (${overflow} px)`);
    const violations = await axeViolations(page);
    await page.screenshot({ path: `${SCREENSHOTS}record-edits-ar.png`, fullPage: true });
    assert.deepEqual(violations, [], describeViolations(violations));
    await page.close();
  });

  test('a bad date is refused next to its field, in French, and focus goes to it', async () => {
    const page = await newPage(await signedIn('ken-editor@example.org', ['state-editor:KEN']));
    await open(page, `${web.server.url}/fr/treaty-acts/new?participant=KEN`, 'form.edit-form');
    await page.getByLabel(fr['col.instrument']!, { exact: true }).selectOption('ICESCR');
    const date = page.getByLabel(fr['edit.field.actDate']!, { exact: true });
    await date.fill('1972-13-45');
    await page.getByRole('button', { name: fr['edit.create'], exact: true }).click();
    await page.waitForSelector('[aria-invalid="true"]');
    assert.equal(await date.getAttribute('aria-invalid'), 'true');
    const describedBy = (await date.getAttribute('aria-describedby')) ?? '';
    const message = await text(page.locator(`[id="${describedBy.split(' ').at(-1)}"]`));
    assert.equal(message.trim(), fr['edit.rule.partialDate']);
    assert.equal(await date.evaluate((input) => input === document.activeElement), true, 'focus on the date');
    assert.match(await text(page.locator('.form-errors').first()), new RegExp(fr['errors.validation']!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    await page.close();
  });

  test('a restricted record shows its level; its form starts from it, and a correction of another field keeps it', async () => {
    const db = web.database.db;
    const AUDIENCE = ['organization:au', 'state:KEN'];
    const stored = () => db.selectFrom('mechanism').select(['confidentiality', 'audience', 'note', 'row_version']).where('code', '=', 'ACERWC').executeTakeFirstOrThrow();
    await updateMechanism(
      db,
      {
        code: 'ACERWC',
        confidentiality: 'restricted',
        audience: AUDIENCE,
        expectedVersion: (await stored()).row_version,
        source: { title: 'African Union: ACERWC (test)', url: 'https://www.acerwc.africa/', kind: 'official', retrieved: '2026-01-15' },
      },
      systemContext('test'),
    );
    const page = await newPage(await signedIn('au-editor@example.org', ['organization-editor:au']));
    await open(page, `${web.server.url}/en/mechanisms/ACERWC`, 'h1');
    const badge = page.locator('.record-tools .badge.access');
    await page.waitForFunction(() => /Kenya/.test(document.querySelector('.record-tools .badge.access')?.textContent ?? ''));
    assert.match(await text(badge), /^Restricted to: \u2068African Union \(AU\)\u2069 and \u2068Kenya\u2069$/);
    await page.screenshot({ path: `${SCREENSHOTS}record-edits-restricted.png` });

    await page.getByRole('link', { name: en['edit.edit'], exact: true }).click();
    await page.waitForSelector('form.edit-form');
    assert.equal(await page.getByLabel(en['edit.access.restricted']!, { exact: true }).isChecked(), true, 'the level as it is');
    await page.waitForFunction(() => /Kenya/.test(document.querySelector('fieldset.audience ul')?.textContent ?? ''));
    const audience = await text(page.locator('fieldset.audience ul'));
    assert.match(audience, /African Union \(AU\)/);
    assert.match(audience, /Kenya/);
    await page.locator('textarea[name="note"]').fill('Monitors the African Charter on the Rights and Welfare of the Child (test)');
    await newSource(page, en, 'ACERWC: about the Committee (test)', 'https://www.acerwc.africa/about');
    const sent = page.waitForRequest((r) => r.method() === 'PATCH');
    await page.getByRole('button', { name: en['edit.save'] }).click();
    assert.deepEqual(Object.keys((await sent).postDataJSON()).sort(), ['note', 'source'], 'only the field changed, and the source');
    await page.waitForSelector('.form-done');
    await page.waitForSelector('.record-tools .badge.access');

    const after = await stored();
    assert.equal(after.confidentiality, 'restricted');
    assert.deepEqual(JSON.parse(after.audience), AUDIENCE);
    assert.match(after.note ?? '', /\(test\)$/);
    await page.close();
  });

  test('a declaration is entered with the procedure it accepts; a procedure of another instrument is refused next to its field', async () => {
    const page = await newPage(await signedIn('zaf-editor@example.org', ['state-editor:ZAF']));
    await open(page, `${web.server.url}/en/treaty-acts/new?participant=ZAF`, 'form.edit-form');
    const procedure = page.locator('select[name="procedure"]');
    assert.equal(await procedure.count(), 0, 'no procedure for a ratification');
    await page.getByLabel(en['col.instrument']!, { exact: true }).selectOption('CAT');
    await page.getByLabel(en['edit.field.actKind']!, { exact: true }).selectOption('declaration-accept');
    await procedure.waitFor();
    assert.match(await text(procedure), /CAT art\. 22 · individual communications/);
    await procedure.selectOption('cat-22');
    // South Africa recognized the Committee's competence under articles 21 and 22 on ratifying, 10 December 1998.
    await page.getByLabel(en['edit.field.actDate']!, { exact: true }).fill('1998-12-10');
    await newSource(page, en, 'UN Treaty Collection: CAT, declarations under articles 21 and 22 (test)', 'https://treaties.un.org/Pages/ViewDetails.aspx?src=TREATY&mtdsg_no=IV-9&chapter=4');

    // Another instrument, the procedure left as it was: the API refuses it, and the form says so beside the field.
    await page.getByLabel(en['col.instrument']!, { exact: true }).selectOption('ICCPR');
    await page.getByRole('button', { name: en['edit.create'], exact: true }).click();
    await page.waitForSelector('select[name="procedure"][aria-invalid="true"]');
    const describedBy = (await procedure.getAttribute('aria-describedby')) ?? '';
    assert.equal((await text(page.locator(`[id="${describedBy.split(' ').at(-1)}"]`))).trim(), en['edit.rule.procedure']);

    await page.getByLabel(en['col.instrument']!, { exact: true }).selectOption('CAT');
    await procedure.selectOption('cat-22');
    await page.getByRole('button', { name: en['edit.create'], exact: true }).click();
    await page.waitForSelector('.form-done');
    const act = await web.database.db
      .selectFrom('treaty_action')
      .select(['seq', 'kind', 'procedure'])
      .where('dataset_id', '=', 'edit:CAT')
      .where('participant_id', '=', 'ZAF')
      .executeTakeFirstOrThrow();
    assert.deepEqual([act.kind, act.procedure], ['declaration-accept', 'cat-22']);

    // Its page names the procedure, and the form to correct it starts from it.
    await open(page, `${web.server.url}/en/treaty-acts/CAT/${act.seq}`, 'form.edit-form');
    assert.match(await text(page.locator('dl.facts').first()), /CAT art\. 22 · individual communications/);
    assert.equal(await page.locator('select[name="procedure"]').inputValue(), 'cat-22');
    await page.close();
  });

  test('an AU editor corrects a name in one language and adds one in another; both names of the corrected language stay shown', async () => {
    const page = await newPage(await signedIn('au-editor@example.org', ['organization-editor:au']));
    await open(page, `${web.server.url}/en/mechanisms/ACHPR-COMM/edit`, 'form.edit-form');
    const french = page.getByLabel('Name in Français (optional)', { exact: true });
    assert.equal(await french.inputValue(), 'Commission africaine des droits de l’homme et des peuples', 'the shipped French name, as shown');
    assert.equal(await page.getByLabel('Name in Español (optional)', { exact: true }).inputValue(), '', 'no Spanish name shipped');
    await french.fill('Commission africaine des droits de l’homme et des peuples (test)');
    await page.getByLabel('Name in Español (optional)', { exact: true }).fill('Comisión Africana de Derechos Humanos y de los Pueblos (test)');
    await newSource(page, en, 'ACHPR: the Commission in French and Spanish (test)', 'https://achpr.au.int/fr');
    const sent = page.waitForRequest((r) => r.method() === 'PATCH');
    await page.getByRole('button', { name: en['edit.save'] }).click();
    assert.deepEqual((await sent).postDataJSON().name, { fr: 'Commission africaine des droits de l’homme et des peuples (test)', es: 'Comisión Africana de Derechos Humanos y de los Pueblos (test)' });
    await page.waitForSelector('.form-done');
    await page.waitForSelector('#corrections-title');
    const corrections = await text(page.locator('section.corrections'));
    assert.match(corrections, /Name in Français/, 'the corrected name, labelled with its language');
    assert.match(corrections, /des peuples \(test\)/);
    assert.match(corrections, /Commission africaine des droits de l’homme et des peuples(?! \(test\))/, 'the shipped name it overrides');
    assert.doesNotMatch(corrections, /Name in Español/, 'an added name overrides nothing');
    await open(page, `${web.server.url}/es/mechanisms/ACHPR-COMM`, 'h1');
    assert.equal(await text(page.locator('h1')), 'Comisión Africana de Derechos Humanos y de los Pueblos (test) (ACHPR)', 'the name shown in Spanish, with its acronym');
    await page.close();
  });

  test('no script error on any page', async () => {
    for (const context of Object.values(contexts)) await context.close();
    assert.deepEqual(problems, []);
  });
});
