// The report builder in Chromium, on the registry with the shared data: the settings kept in the
// address; the download links carry the same query as the API; the fields left empty or wrong
// are said beside them before anything is sent; Preview shows the document the API writes (its
// title and its sections' headings) in a sandboxed frame, and the API's refusal instead of an
// empty frame; in Arabic the page and the previewed document run right to left; axe finds no
// violation; the drafts are hidden from, and refused to, readers who may not draft. On SQLite
// and PostgreSQL.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { bidiProblems } from '../support/bidi.ts';
import { axeViolations, describeViolations, SCREENSHOTS } from '../support/browser.ts';
import { testDialects } from '../support/databases.ts';
import { api, dictionary, open, signedInContext, useWebFixture, watch, type WebFixture } from '../support/web.ts';

const en = dictionary('en');
const ar = dictionary('ar');
const SETTINGS = { session: '61', periodStart: '2005-07-01', asOf: '2006-06-30', regions: '002,150' };
const READY = 'form.report-form input[name="regions"]';

interface Generated {
  head: { title: string; subtitle: string };
  sections: { id: string; label: string; heading: string }[];
}

async function noAxeViolation(page: Page): Promise<void> {
  const violations = await axeViolations(page);
  assert.deepEqual(violations, [], describeViolations(violations));
}

/** The preview's document, once it is there. */
async function previewed(page: Page) {
  await page.waitForSelector('iframe.report-frame:not([hidden])', { timeout: 60_000 });
  const frame = page.frameLocator('iframe.report-frame');
  await frame.locator('body').waitFor();
  return frame;
}

for (const dialect of testDialects()) {
  describe(`the report builder in the web app (${dialect})`, () => {
    let web: WebFixture;
    useWebFixture((w) => (web = w), dialect);
    const shot = (name: string) => `${SCREENSHOTS}${dialect === 'sqlite' ? '' : `${dialect}-`}${name}.png`;

    test('the download links carry the settings of the address, as the API takes them', async () => {
      const page = await web.context.newPage();
      const problems = watch(page, web.server);
      await open(page, `${web.server.url}/en/report?${new URLSearchParams({ ...SETTINGS, lang: 'fr', symbol: 'A/61/999' })}`, READY);
      assert.equal(await page.getByLabel(en['report.session']!).inputValue(), '61');
      assert.equal(await page.getByLabel(en['report.lang']!).inputValue(), 'fr');
      for (const code of ['002', '150']) assert.equal(await page.locator(`input[name="regions"][value="${code}"]`).isChecked(), true, code);
      assert.equal(await page.locator('input[name="regions"]:checked').count(), 2);
      for (const format of ['docx', 'pdf', 'html']) {
        const link = page.locator(`.report-downloads a[data-format="${format}"]`);
        assert.notEqual(await link.getAttribute('download'), null, `${format} is downloaded`);
        const href = new URL((await link.getAttribute('href'))!, web.server.url);
        assert.equal(href.pathname, '/api/v1/reports/regional-arrangements');
        assert.deepEqual(Object.fromEntries(href.searchParams), { ...SETTINGS, lang: 'fr', symbol: 'A/61/999', format });
      }
      // The DOCX the link names is a document the API writes (a zip: "PK").
      const docx = await fetch(new URL((await page.locator('.report-downloads a[data-format="docx"]').getAttribute('href'))!, web.server.url));
      assert.equal(docx.status, 200);
      assert.match(docx.headers.get('content-disposition') ?? '', /attachment/);
      assert.equal(
        Buffer.from(await docx.arrayBuffer())
          .subarray(0, 2)
          .toString(),
        'PK',
      );
      // A click reads the file, says it is coming, and saves it under the API's name.
      const [pdf] = await Promise.all([page.waitForEvent('download', { timeout: 90_000 }), page.locator('.report-downloads a[data-format="pdf"]').click()]);
      assert.match(pdf.suggestedFilename(), /\.pdf$/);
      assert.equal(
        readFileSync((await pdf.path())!)
          .subarray(0, 5)
          .toString(),
        '%PDF-',
      );
      // A change of setting is written to the address at once.
      await page.locator('input[name="regions"][value="150"]').uncheck();
      await page.waitForURL((url) => url.searchParams.get('regions') === '002');
      assert.deepEqual(problems, []);
      await page.close();
    });

    test('fields left empty or wrong are said beside them, and nothing is sent', async () => {
      const page = await web.context.newPage();
      const problems = watch(page, web.server);
      await open(page, `${web.server.url}/en/report`, READY);
      assert.equal(await page.locator('.report-downloads').count(), 0, 'no downloads without settings');
      await page.getByRole('button', { name: en['report.preview'], exact: true }).click();
      const session = page.getByLabel(en['report.session']!);
      assert.equal(await session.getAttribute('aria-invalid'), 'true');
      const describedBy = (await session.getAttribute('aria-describedby'))!.split(' ');
      const said = await Promise.all(describedBy.map((id) => page.locator(`[id="${id}"]`).textContent()));
      assert.ok(said.includes(en['report.problem.required']!), said.join(' | '));
      assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('name')), 'session', 'focus goes to the first field at fault');
      assert.equal(await page.locator('iframe').count(), 0);
      // A session that is not a whole number is said at once.
      await session.fill('6x');
      await page.locator('.field-error', { hasText: en['report.problem.session']! }).waitFor();
      // The report's date before the period's start.
      await session.fill('61');
      await page.getByLabel(en['report.periodStart']!).fill('2006-07-01');
      await page.getByLabel(en['report.asOf']!).fill('2006-06-30');
      await page.locator('.field-error', { hasText: en['report.problem.order']! }).waitFor();
      assert.deepEqual(problems, []);
      await page.close();
    });

    test('Preview shows the title and the headings of the report the API writes, in a sandboxed frame', async () => {
      const generated = await api<Generated>(web.server, `/reports/regional-arrangements?${new URLSearchParams({ ...SETTINGS, lang: 'en' })}`);
      const page = await web.context.newPage();
      const problems = watch(page, web.server);
      await open(page, `${web.server.url}/en/report?${new URLSearchParams({ ...SETTINGS, lang: 'en' })}`, READY);
      await page.getByRole('button', { name: en['report.preview'], exact: true }).click();
      const frame = await previewed(page);
      assert.equal(new URL(page.url()).searchParams.get('preview'), '1', 'the address shows the preview again when shared');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'report-preview-title', 'focus goes to the preview');
      assert.equal(await page.locator('iframe.report-frame').getAttribute('sandbox'), '');
      const text = (await frame.locator('body').textContent()) ?? '';
      assert.ok(text.includes(generated.head.title), `the title: ${generated.head.title}`);
      assert.ok(generated.sections.length >= 7);
      for (const section of generated.sections) assert.ok(text.includes(section.heading), `the heading ${section.heading}`);
      assert.equal(await frame.locator('html').getAttribute('lang'), 'en');
      await page.screenshot({ path: shot('en-report-preview'), fullPage: false });
      await noAxeViolation(page);
      assert.deepEqual(problems, []);
      await page.close();
    });

    test("the API's refusal is shown instead of an empty preview", async () => {
      const page = await web.context.newPage();
      await open(page, `${web.server.url}/en/report?${new URLSearchParams({ ...SETTINGS, regions: '999', preview: '1' })}`, READY);
      const alert = page.locator('.report-preview [role="alert"]');
      await alert.waitFor({ timeout: 60_000 });
      assert.match((await alert.textContent()) ?? '', new RegExp(en['report.preview.failed']!.replace(/\./g, '\\.')));
      assert.match((await alert.textContent()) ?? '', /regions/);
      assert.equal(await page.locator('iframe').count(), 0);
      // The field the API named shows the problem too.
      assert.ok((await page.locator('fieldset.report-regions .field-error').textContent())?.trim());
      // A download refused is said beside the links, not left as a failed file.
      await page.locator('.report-downloads a[data-format="docx"]').click();
      const refused = page.locator('.report-downloads-block [role="alert"]');
      await refused.waitFor();
      assert.match((await refused.textContent()) ?? '', new RegExp(en['report.download.failed']!.replace(/\./g, '\\.')));
      await page.close();
    });

    test('in Arabic the page and the previewed document run right to left', async () => {
      const page = await web.context.newPage();
      const problems = watch(page, web.server);
      await open(page, `${web.server.url}/ar/report?${new URLSearchParams({ ...SETTINGS, lang: 'ar', preview: '1' })}`, READY);
      assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
      assert.equal(await page.locator('main h1').textContent(), ar['report.title']);
      const frame = await previewed(page);
      assert.equal(await frame.locator('html').getAttribute('dir'), 'rtl');
      assert.equal(await frame.locator('html').getAttribute('lang'), 'ar');
      assert.deepEqual(await bidiProblems(page), []);
      await page.screenshot({ path: shot('ar-report-preview'), fullPage: false });
      await noAxeViolation(page);
      assert.deepEqual(problems, []);
      await page.close();
    });

    test('drafts: an OHCHR editor saves a draft, rewrites a section, saves a version and compares', async () => {
      const context = await signedInContext(web, `report-editor-${dialect}@example.org`, ['ohchr-editor']);
      const page = await context.newPage();
      const problems = watch(page, web.server);
      await open(page, `${web.server.url}/en/report?${new URLSearchParams({ ...SETTINGS, lang: 'en' })}`, READY);
      // The drafts list starts empty.
      await page.getByRole('link', { name: en['report.drafts.title'] }).click();
      await page.locator('.page-state.empty').waitFor();
      await page.goBack();
      await page.locator(READY).first().waitFor();

      // Save as a draft: a name is required, then the draft's page opens.
      await page.getByRole('button', { name: en['report.draft.save'] }).click();
      await page.getByRole('button', { name: en['report.draft.create'] }).click();
      await page.locator('.field-error', { hasText: en['report.problem.required']! }).waitFor();
      await page.getByLabel(en['report.draft.name']!).fill('Sixty-first session, first draft');
      await page.getByRole('button', { name: en['report.draft.create'] }).click();
      await page.waitForURL(/\/en\/report\/drafts\/[^/]+$/);
      await page.locator('section.draft-section').first().waitFor();
      assert.equal(await page.locator('main h1').textContent(), 'Sixty-first session, first draft');
      const id = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
      const headings = await page.locator('section.draft-section h3').allTextContents();
      assert.ok(headings.length >= 7, headings.join(' | '));
      await noAxeViolation(page);

      // Rewrite the introduction: the field opens with the section's text; Escape leaves it as it was.
      const intro = page.locator('section.draft-section[data-section="introduction"]');
      await intro.getByRole('button', { name: en['report.section.rewrite'] }).click();
      const field = intro.getByLabel(en['report.section.text']!);
      assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'TEXTAREA');
      await field.press('Escape');
      assert.equal(await intro.locator('textarea').count(), 0);
      assert.equal(await page.evaluate(() => document.activeElement?.textContent), en['report.section.rewrite'], 'focus back on Rewrite');
      await intro.getByRole('button', { name: en['report.section.rewrite'] }).click();
      await field.fill('The drafters wrote this introduction.\n\n## A. A sub-heading\n\nA second paragraph.[[note: A note.]]');
      await intro.getByRole('button', { name: en['report.section.save'] }).click();
      await page.locator('section.draft-section[data-section="introduction"][data-rewritten="true"]').waitFor();
      assert.match((await intro.locator('.section-text').textContent()) ?? '', /The drafters wrote this introduction\./);
      assert.equal(await intro.locator('.section-text h4').textContent(), 'A. A sub-heading');

      // Save version 1 with a note; it is listed with its downloads.
      await page.getByLabel(en['report.version.note']!).fill('For comment');
      await page.getByRole('button', { name: en['report.version.save'] }).click();
      const versionRow = page.locator('.report-versions tbody tr');
      await versionRow.first().waitFor();
      assert.equal(await versionRow.count(), 1);
      assert.match((await versionRow.first().textContent()) ?? '', /For comment/);
      const versionDocx = new URL((await versionRow.first().locator('a[data-format="docx"]').getAttribute('href'))!, web.server.url);
      assert.equal(versionDocx.pathname, `/api/v1/report-drafts/${encodeURIComponent(id)}/versions/1`);
      assert.equal(versionDocx.searchParams.get('format'), 'docx');

      // Rewrite again, then compare version 1 with the draft now: the change is marked.
      await intro.getByRole('button', { name: en['report.section.rewrite'] }).click();
      await field.fill('The drafters rewrote this introduction.\n\n## A. A sub-heading\n\nA second paragraph.[[note: A note.]]');
      await intro.getByRole('button', { name: en['report.section.save'] }).click();
      await intro.locator('.section-text', { hasText: 'rewrote' }).waitFor();
      await page.getByLabel(en['report.compare.from']!).selectOption('1');
      const changed = page.locator('.compare-section.changed[data-section="introduction"]');
      await changed.waitFor();
      assert.equal((await changed.locator('ins').textContent())?.replace(/\[[^\]]*\]/g, '').trim(), 'rewrote');
      assert.equal((await changed.locator('del').textContent())?.replace(/\[[^\]]*\]/g, '').trim(), 'wrote');
      assert.ok((await page.locator('.compare-section.unchanged details').count()) >= 1, 'unchanged sections folded');
      assert.equal(new URL(page.url()).searchParams.get('from'), '1');
      await page.screenshot({ path: shot('en-report-draft-compare'), fullPage: true });
      await noAxeViolation(page);

      // The whole draft previewed: the rewritten text in its place.
      await page.getByRole('button', { name: en['report.preview'], exact: true }).click();
      const draftFrame = await previewed(page);
      await draftFrame.getByText('The drafters rewrote this introduction.').waitFor();
      assert.equal(await draftFrame.locator('html').getAttribute('lang'), 'en');

      // Another report date: the data beneath the rewritten section changed, and it is said.
      await page.getByRole('button', { name: en['report.draft.changeSettings'] }).click();
      await page.getByLabel(en['report.asOf']!).fill('2006-12-31');
      await page.getByRole('button', { name: en['report.draft.saveSettings'] }).click();
      await page.locator('.form-done', { hasText: en['report.draft.settingsSaved']! }).waitFor();
      const warning = intro.locator('.badge.data-changed');
      await warning.waitFor();
      assert.equal((await warning.textContent())?.replace('⚠', '').trim(), en['report.section.dataChanged']);
      await intro.getByRole('button', { name: en['report.section.showGenerated'] }).click();
      assert.equal(await intro.locator('.side-by-side > div > h4').count(), 2);

      // Restore the generated text, after a confirmation.
      await intro.getByRole('button', { name: en['report.section.restore'] }).click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      await dialog.getByRole('button', { name: en['report.section.restore'] }).click();
      await page.locator('section.draft-section[data-section="introduction"][data-rewritten="false"]').waitFor();

      // A change made meanwhile by someone else: the settings form says so and keeps the form.
      const version = await page.evaluate(async (id) => {
        const response = await fetch(`/api/v1/report-drafts/${encodeURIComponent(id)}`);
        return response.headers.get('ETag');
      }, id);
      await page.getByRole('button', { name: en['report.draft.changeSettings'] }).click();
      const status = await page.evaluate(
        async ({ id, version }) => {
          const me = await (await fetch('/api/v1/auth/me')).json();
          const response = await fetch(`/api/v1/report-drafts/${encodeURIComponent(id)}`, {
            method: 'PATCH',
            headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrfToken, 'If-Match': version! },
            body: JSON.stringify({ name: 'Renamed meanwhile' }),
          });
          return response.status;
        },
        { id, version },
      );
      assert.equal(status, 200);
      await page.getByLabel(en['report.session']!).fill('62');
      await page.getByRole('button', { name: en['report.draft.saveSettings'] }).click();
      await page.locator('.form-errors.stale', { hasText: en['report.draft.stale']! }).waitFor();
      await page.getByRole('button', { name: en['edit.applyAgain'] }).click();
      await page.locator('.form-done', { hasText: en['report.draft.settingsSaved']! }).waitFor();
      await page.locator('.facts dd', { hasText: /^62$/ }).waitFor();

      // In Arabic the draft's page runs right to left; the codes, dates and names in it are isolated.
      await open(page, `${web.server.url}/ar/report/drafts/${encodeURIComponent(id)}`, 'section.draft-section');
      assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
      await page.getByRole('button', { name: ar['report.section.rewrite'] }).first().click();
      assert.deepEqual(await bidiProblems(page), []);
      await noAxeViolation(page);
      await page.screenshot({ path: shot('ar-report-draft'), fullPage: true });

      // The drafts list shows it.
      await open(page, `${web.server.url}/en/report/drafts`, 'table.report-drafts tbody tr');
      assert.match((await page.locator('table.report-drafts tbody tr').first().textContent()) ?? '', /Renamed meanwhile/);
      await noAxeViolation(page);
      // The refused change (412) is the browser's only complaint, and it was asked for.
      assert.deepEqual(
        problems.filter((p) => !p.includes('status of 412')),
        [],
      );
      await context.close();
    });

    test('drafts: hidden from readers who may not draft, and their pages say why', async () => {
      const page = await web.context.newPage();
      await open(page, `${web.server.url}/en/report?${new URLSearchParams(SETTINGS)}`, READY);
      assert.equal(await page.getByRole('button', { name: en['report.draft.save'] }).count(), 0);
      assert.equal(await page.getByRole('link', { name: en['report.drafts.title'] }).count(), 0);
      await open(page, `${web.server.url}/en/report/drafts`, '.page-state h1');
      assert.equal(await page.locator('.page-state h1').textContent(), en['auth.required.title']);
      await page.close();

      const context = await signedInContext(web, `report-state-${dialect}@example.org`, ['state-editor:KEN']);
      const editorPage = await context.newPage();
      await open(editorPage, `${web.server.url}/en/report/drafts/1`, '.page-state h1');
      assert.equal(await editorPage.locator('.page-state h1').textContent(), en['auth.notAllowed.title']);
      await context.close();
    });
  });
}
