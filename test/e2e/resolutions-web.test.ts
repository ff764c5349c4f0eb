// Resolutions and mandates in the web app, end to end in Chromium: with nothing imported the list
// says so; an OHCHR editor uploads the 2004 resolution on regional arrangements (the shared text)
// through the form and is told what was read; its page shows the local identifier as not an
// official symbol, OP13 at its anchor, footnote 1 with its way back, the parser's doubt and the
// mandates (OP13: the Secretary-General, due at the General Assembly's 61st session, overdue);
// the calendar shows it overdue today and not at a date before that session ended; the editor
// moves the mandate through its form (a refusal beside its field, a change made meanwhile said,
// then saved); the pages in Arabic run right to left with the identifier kept left to right; each
// page passes axe. On SQLite and PostgreSQL.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import type { Mandate, MandateCalendar } from '../../web/src/api/types.ts';
import { bidiProblems } from '../support/bidi.ts';
import { axeViolations, describeViolations, SCREENSHOTS } from '../support/browser.ts';
import { testDialects } from '../support/databases.ts';
import { sharedDataPath, skipWithoutSharedData } from '../support/shared-data.ts';
import { api, dictionary, open, signedInContext, useWebFixture, watch, type WebFixture } from '../support/web.ts';

const en = dictionary('en');
const ar = dictionary('ar');
const FILE = 'GA-59-regional-arrangements-2004-12-20.txt';
const ID = 'local-ga-59-regional-arrangements-2004-12-20';
const OP13 = `${ID}.op13`;

async function noAxeViolation(page: Page): Promise<void> {
  const violations = await axeViolations(page);
  assert.deepEqual(violations, [], describeViolations(violations));
}

/** A change made by someone else meanwhile: the same session, through the API, with its CSRF token. */
async function changeMeanwhile(page: Page, id: string, version: number, body: Record<string, unknown>): Promise<number | string> {
  return page.evaluate(
    async ({ id, version, body }) => {
      const me = await (await fetch('/api/v1/auth/me')).json();
      const response = await fetch(`/api/v1/mandates/${encodeURIComponent(id)}`, {
        method: 'PATCH',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrfToken, 'If-Match': `"v${version}"` },
        body: JSON.stringify(body),
      });
      return response.status === 200 ? 200 : `${response.status} ${await response.text()}`;
    },
    { id, version, body },
  );
}

/** A text imported through the API in the editor's session (the form is tested above). */
async function importThroughApi(page: Page, fileName: string, text: string): Promise<number> {
  return page.evaluate(
    async ({ fileName, text }) => {
      const me = await (await fetch('/api/v1/auth/me')).json();
      const response = await fetch('/api/v1/resolutions', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrfToken },
        body: JSON.stringify({ fileName, text, lang: 'en' }),
      });
      return response.status;
    },
    { fileName, text },
  );
}

for (const dialect of testDialects()) {
  describe(`resolutions and mandates in the web app (${dialect})`, { skip: skipWithoutSharedData() }, () => {
    let web: WebFixture;
    useWebFixture((w) => (web = w), dialect, { sharedData: false });
    /** Screenshots of the SQLite run keep their plain names; PostgreSQL's are prefixed. */
    const shot = (name: string) => `${SCREENSHOTS}${dialect === 'sqlite' ? '' : `${dialect}-`}${name}.png`;
    const problems: string[] = [];

    test('an OHCHR editor uploads the 2004 text; its page shows anchors, footnotes, the local identifier and mandates', async () => {
      const context = await signedInContext(web, 'ohchr-resolutions@example.org', ['ohchr-editor']);
      const page = await context.newPage();
      problems.push(...watch(page, web.server));
      await open(page, `${web.server.url}/en/resolutions`, '.page-state.empty');
      assert.match((await page.locator('.page-state.empty').textContent()) ?? '', new RegExp(en['resolutions.none']!));
      await page.locator('.page-state.empty').getByRole('button', { name: en['resolutions.import.open'] }).click();

      // Sending without a file is refused before anything is sent, beside the file input.
      const form = page.locator('section.import-form form');
      await form.getByRole('button', { name: en['resolutions.import.submit'] }).click();
      await page.waitForSelector('input[type="file"][aria-invalid="true"]');
      assert.match((await form.locator('.field-error').textContent()) ?? '', new RegExp(en['resolutions.import.chooseFile']!));

      await form.getByLabel(en['resolutions.import.file']!).setInputFiles(sharedDataPath('resolutions', FILE));
      await form.getByRole('button', { name: en['resolutions.import.submit'] }).click();
      await page.waitForSelector('.import-result');
      const result = (await page.locator('.import-result').textContent()) ?? '';
      assert.match(result, new RegExp(en['resolutions.import.status.created']!));
      assert.match(result, /local:ga-59-regional-arrangements-2004-12-20/);
      assert.match(result, /Operative paragraphs: 14\./);
      // The list below is read again and shows it.
      await page.waitForSelector(`table.data-table tbody tr a[href="/en/resolutions/${ID}"]`);
      await noAxeViolation(page);
      await page.screenshot({ path: shot('resolution-imported'), fullPage: true });

      await page
        .locator('.import-result')
        .getByRole('link', { name: /local:ga-59/ })
        .click();
      await page.waitForSelector('#op13');
      // The identifier is local, and said plainly not to be a UN symbol.
      assert.match((await page.locator('.local-notice').textContent()) ?? '', new RegExp(en['resolutions.localNotice.title']!));
      assert.match((await page.locator('dl.facts').textContent()) ?? '', new RegExp(en['resolutions.localBadge']!));
      assert.equal(await page.locator('dl.facts code.hash').textContent(), (await api<{ fileSha256: string }>(web.server, `/resolutions/${ID}`)).fileSha256);
      // OP13 at its anchor, linkable.
      const op13 = page.locator('li#op13');
      assert.match((await op13.locator('> p').textContent()) ?? '', /^13\.\s+Requests the Secretary-General to submit to the General Assembly at its sixty-first session a report/);
      assert.equal(await op13.locator('a.anchor').getAttribute('href'), '#op13');
      // Its address copied with the keyboard: said copied, or shown to copy by hand where the clipboard is refused.
      await op13.locator('button.copy-link').focus();
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => (document.querySelector('#op13 .anchor-tools [role="status"]')?.textContent ?? '') !== '');
      assert.match((await op13.locator('.anchor-tools [role="status"]').textContent()) ?? '', new RegExp(`${en['resolutions.linkCopied']!.replace('.', '\\.')}|/en/resolutions/${ID}#op13$`));
      // Sub-paragraphs nested under their paragraph, with their own anchors.
      assert.equal(await page.locator('li#op8 ol.sub-paragraphs > li#op8a').count(), 1);
      // Footnote 1: its marker links to its text, which links back.
      const marker = page.locator('sup a[href="#fn-1"]').first();
      await marker.click();
      await page.waitForURL(/#fn-1$/);
      const footnote = page.locator('li#fn-1');
      assert.match((await footnote.textContent()) ?? '', /See Official Records of the Economic and Social Council, 1993, Supplement No\. 3/);
      const back = (await footnote.locator('a.back-link').first().getAttribute('href')) ?? '';
      assert.equal(await page.locator(back).count(), 1, 'the way back leads to the marker');
      // The parser's doubt about the header, in its panel.
      assert.match((await page.locator('section.doubts').textContent()) ?? '', /header.*no symbol, title or session is stated/);
      // The mandate of OP13: who, when, overdue in words.
      const row = page.locator('table.mandates tbody tr', { has: page.locator('a[href="#op13"]') });
      const text = (await row.textContent()) ?? '';
      assert.match(text, /Requests the Secretary-General/);
      assert.match(text, /General Assembly, session 61/);
      assert.match(text, new RegExp(en['mandates.overdue']!));
      // Family: 32/127 recalled, not imported, so plain text rather than a link.
      const family = (await page.locator('section[aria-labelledby="family-title"]').textContent()) ?? '';
      assert.match(family, /32\/127/);
      assert.equal(await page.locator('section[aria-labelledby="family-title"] a', { hasText: '32/127' }).count(), 0);
      assert.equal(await page.getByRole('link', { name: en['resolutions.akn'] }).getAttribute('href'), `/api/v1/resolutions/${ID}/akn`);
      await noAxeViolation(page);
      await page.screenshot({ path: shot('resolution-2004'), fullPage: true });

      // The address with #op13 opened afresh brings the paragraph into view.
      await page.goto(`${web.server.url}/en/resolutions/${ID}#op13`);
      await page.waitForSelector('#op13');
      await page.waitForFunction(() => {
        const box = document.getElementById('op13')!.getBoundingClientRect();
        return box.top >= 0 && box.top < window.innerHeight;
      });
      await context.close();
    });

    test('the calendar shows OP13 overdue today, and not at a day before its session ended', async () => {
      const page = await web.context.newPage();
      problems.push(...watch(page, web.server));
      await open(page, `${web.server.url}/en/mandates`, 'section.due-group');
      const calendar = await api<MandateCalendar>(web.server, '/mandate-calendar');
      const due = calendar.groups.find((g) => g.body === 'General Assembly' && g.session === 61)!;
      const group = page.locator('section.due-group', { has: page.locator('h2', { hasText: 'General Assembly, session 61' }) });
      const groupText = (await group.textContent()) ?? '';
      assert.ok(due.overdue >= 1);
      assert.match(groupText, new RegExp(`${en['mandates.overdueCount']!.replace('{n}', String(due.overdue))}`));
      assert.ok(due.endsBy, 'the API knows when the 61st session ends');
      assert.match(
        groupText,
        new RegExp(`${en['mandates.endsBy']}: ${new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${due.endsBy}T00:00:00Z`))}`),
      );
      const row = group.locator('tbody tr', { hasText: 'op13' });
      assert.match((await row.textContent()) ?? '', new RegExp(en['mandates.overdue']!));
      assert.equal(await row.getByRole('link', { name: /#op13$/ }).getAttribute('href'), `/en/resolutions/${ID}#op13`);
      // No due session printed: a group of its own, never an invented date.
      assert.match((await page.locator('main').textContent()) ?? '', new RegExp(en['mandates.noDueGroup']!));
      await noAxeViolation(page);
      await page.screenshot({ path: shot('mandates-calendar'), fullPage: true });

      // Judged at 1 January 2006, before the 61st session could have ended: not overdue.
      await page.getByLabel(en['mandates.asOf']!).fill('2006-01-01');
      await page.waitForURL(/asOf=2006-01-01/);
      await page.waitForFunction(() => /1 January 2006/.test(document.querySelector('main .summary')?.textContent ?? ''));
      const before = page.locator('section.due-group', { has: page.locator('h2', { hasText: 'General Assembly, session 61' }) });
      assert.doesNotMatch((await before.locator('tbody tr', { hasText: 'op13' }).textContent()) ?? '', new RegExp(en['mandates.overdue']!));

      // The list of the overdue only, today.
      await open(page, `${web.server.url}/en/mandates?view=list&overdue=true`, 'table.mandates tbody tr');
      const listed = await page.locator('table.mandates tbody tr').allTextContents();
      assert.ok(listed.length >= 1 && listed.every((r) => r.includes(en['mandates.overdue']!)));
      assert.ok(listed.some((r) => r.includes('#op13')));
      assert.equal(await page.getByRole('link', { name: en['mandates.edit'] }).count(), 0, 'no edit link for the public');
      await page.close();
    });

    test('an OHCHR editor moves the mandate through its form: a refusal, a change made meanwhile, then saved', async () => {
      const context = await signedInContext(web, 'ohchr-mandates@example.org', ['ohchr-editor']);
      const page = await context.newPage();
      problems.push(...watch(page, web.server));
      await open(page, `${web.server.url}/en/mandates`, 'section.due-group');
      await page.getByRole('link', { name: en['mandates.editOne']!.replace('{ref}', 'op13') }).click();
      await page.waitForSelector('form.mandate-form');
      const form = page.locator('form.mandate-form');

      // A day that does not exist is refused by the API, beside its field.
      await form.getByLabel(en['mandates.form.dueDate']!).fill('2007-02-30');
      await form.getByRole('button', { name: en['edit.save'] }).click();
      await page.waitForSelector('input[name="dueDate"][aria-invalid="true"]');
      assert.match((await form.locator('input[name="dueDate"] ~ .field-error').textContent()) ?? '', /YYYY-MM-DD|real date/);
      await form.getByLabel(en['mandates.form.dueDate']!).fill('');
      // Answered with nothing that answers it: refused beside the status.
      await form.getByLabel(en['col.status']!, { exact: true }).selectOption('answered');
      await form.getByRole('button', { name: en['edit.save'] }).click();
      await page.waitForSelector('select[name="status"][aria-invalid="true"]');
      assert.match((await form.locator('select[name="status"] ~ .field-error').textContent()) ?? '', /add an answer/);

      // Someone else marks it superseded meanwhile: the form says so, with their status, and keeps ours.
      assert.equal(await changeMeanwhile(page, OP13, 1, { status: 'superseded' }), 200);
      await form.getByLabel(en['col.status']!, { exact: true }).selectOption('in-progress');
      await form.getByLabel(en['mandates.form.statusNote']!).fill('Report in preparation (written for the tests)');
      await form.getByRole('button', { name: en['mandates.form.addAnswer'] }).click();
      await form.getByLabel(en['mandates.form.answerRef']!).fill('https://example.org/report-written-for-the-tests');
      await form.getByRole('button', { name: en['edit.save'] }).click();
      await page.waitForSelector('.form-errors.stale');
      assert.match((await page.locator('.form-errors.stale').textContent()) ?? '', new RegExp(en['mandates.status.superseded']!));
      await noAxeViolation(page);
      await page.screenshot({ path: shot('mandate-stale'), fullPage: true });

      // Sent again on the current version: saved, and the resolution's page shows it.
      await form.getByRole('button', { name: en['edit.applyAgain'] }).click();
      await page.waitForURL(new RegExp(`/en/resolutions/${ID}#op13$`));
      await page.waitForFunction((text) => document.querySelector('.form-done')?.textContent?.includes(text), en['edit.done.saved']!);
      const row = page.locator('table.mandates tbody tr', { has: page.locator('a[href="#op13"]') });
      await page.waitForFunction(() => /In progress/.test(document.querySelector('table.mandates')?.textContent ?? ''));
      const text = (await row.textContent()) ?? '';
      assert.match(text, /In progress/);
      assert.match(text, /report-written-for-the-tests/);
      const stored = await api<Mandate>(web.server, `/mandates/${OP13}`);
      assert.equal(stored.status, 'in-progress');
      assert.equal(stored.statusNote, 'Report in preparation (written for the tests)');
      assert.deepEqual(
        stored.answers.map((a) => [a.kind, a.ref]),
        [['report', 'https://example.org/report-written-for-the-tests']],
      );
      assert.equal(stored.version, 3);
      await context.close();
    });

    test('A/RES/80/212 compared word by word with A/RES/78/235, and its Akoma Ntoso download', async () => {
      const context = await signedInContext(web, 'ohchr-family@example.org', ['ohchr-editor']);
      const editor = await context.newPage();
      await editor.goto(`${web.server.url}/en/`);
      for (const path of [['corpus', 'A-RES-78-235.txt'], ['A-RES-80-212.txt']]) {
        assert.equal(await importThroughApi(editor, path.at(-1)!, readFileSync(sharedDataPath('resolutions', ...path), 'utf8')), 200);
      }
      await context.close();

      const page = await web.context.newPage();
      problems.push(...watch(page, web.server));
      await open(page, `${web.server.url}/en/resolutions/A-RES-80-212`, '#op1');
      // 78/235 is recalled and stored: a link, and a text to compare with.
      assert.equal(await page.locator('section[aria-labelledby="family-title"] a', { hasText: 'A/RES/78/235' }).count(), 1);
      await page.getByLabel(en['compare.with']!, { exact: true }).selectOption('A-RES-78-235');
      await page.waitForURL(/compare=A-RES-78-235/);
      await page.waitForSelector('.compare-pair');
      assert.match((await page.locator('.compare .summary').textContent()) ?? '', /A\/RES\/78\/235.*A\/RES\/80\/212/);
      // The later text recalls 78/235 itself in pp3: added words, marked in words as well as by colour.
      const pp3 = page.locator('.compare-pair', { hasText: 'pp3 → pp3' });
      assert.match((await pp3.textContent()) ?? '', new RegExp(en['compare.change.changed']!));
      const added = (await pp3.locator('ins').allTextContents()).join(' ');
      assert.match(added, /78\/235 of 22 December 2023/);
      assert.match(added, new RegExp(`\\[${en['compare.addedStart']}\\]`));
      await noAxeViolation(page);
      await page.screenshot({ path: shot('resolution-compare'), fullPage: true });

      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: en['resolutions.akn'] }).click()]);
      assert.equal(download.suggestedFilename(), 'A-RES-80-212.akn.xml');
      assert.match(readFileSync((await download.path())!, 'utf8'), /<akomaNtoso[\s>]/);
      await page.close();
    });

    test('the resolution and the calendar in Arabic: right to left, the identifier left to right', async () => {
      const page = await web.context.newPage();
      problems.push(...watch(page, web.server));
      await open(page, `${web.server.url}/ar/resolutions/${ID}`, '#op13');
      assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
      assert.match((await page.locator('.local-notice').textContent()) ?? '', new RegExp(ar['resolutions.localNotice.title']!));
      const key = page.locator('dl.facts .resolution-local > span[dir="ltr"]');
      assert.equal(await key.textContent(), 'local:ga-59-regional-arrangements-2004-12-20');
      assert.equal(await page.locator('li#op13 a.anchor').getAttribute('dir'), 'ltr');
      assert.equal(await page.locator('li#op13 > p').getAttribute('dir'), 'ltr', 'the English text keeps its direction');
      assert.deepEqual(await bidiProblems(page), []);
      await noAxeViolation(page);
      await page.screenshot({ path: shot('ar-resolution-2004'), fullPage: true });
      await open(page, `${web.server.url}/ar/resolutions`, 'table.data-table tbody tr a');
      assert.equal(await page.locator(`tbody tr a[href="/ar/resolutions/${ID}"] .resolution-local > span[dir="ltr"]`).textContent(), 'local:ga-59-regional-arrangements-2004-12-20');
      assert.deepEqual(await bidiProblems(page), []);
      await noAxeViolation(page);
      await open(page, `${web.server.url}/ar/mandates`, 'section.due-group');
      assert.deepEqual(await bidiProblems(page), []);
      await noAxeViolation(page);
      await page.screenshot({ path: shot('ar-mandates-calendar'), fullPage: true });
      await page.close();
      // At 360 px wide, the resolution's page does not scroll sideways (its tables scroll inside).
      const narrow = await web.browser.newContext({ viewport: { width: 360, height: 740 } });
      const small = await narrow.newPage();
      await open(small, `${web.server.url}/ar/resolutions/${ID}`, '#op13');
      assert.ok((await small.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)) <= 0, 'no sideways scrolling at 360 px');
      await small.screenshot({ path: shot('ar-360-resolution-2004') });
      await narrow.close();
      assert.deepEqual(
        problems.filter((p) => !/status of 4\d\d/.test(p)),
        [],
      );
    });
  });
}
