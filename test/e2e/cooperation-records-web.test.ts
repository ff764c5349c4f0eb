// Requests for assistance and projects in the web app, end to end in Chromium: an OHCHR editor
// enters a request for Kenya with the keyboard alone, moves it through the workflow (a step
// dated before the last one is refused, and the page says so next to the date and focuses it),
// enters a project with a country, a budget line and a link answering the request, corrects it
// (a budget period over a year is refused beside that row's field), finds it in the list with
// its exact amount, its exports and its totals (converted once an administrator enters an
// exchange rate, naming it), and can then mark the request answered; an anonymous reader is told
// requests are restricted and cannot open it, while the requesting State's editor sees it without
// OHCHR's forms; the request's and the project's pages in Arabic are right to left and pass axe.
// On SQLite and on PostgreSQL (TEST_DIALECTS).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { axeViolations, describeViolations, SCREENSHOTS } from '../support/browser.ts';
import { codeFor, makeAccount } from '../support/accounts.ts';
import { testDialects } from '../support/databases.ts';
import { dictionary, open, signedInContext, useWebFixture, watch, type WebFixture } from '../support/web.ts';

const en = dictionary('en');
const ar = dictionary('ar');
const label = (key: string) => {
  const text = en[key];
  assert.ok(text, `no English string ${key}`);
  return text;
};

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A field by its label, optional or not. */
const field = (scope: ReturnType<Page['locator']>, name: string) => scope.getByLabel(new RegExp(`^${escaped(name)}( ${escaped(label('edit.optional'))})?$`));

/** Types into the field of this label as a keyboard user would: focus, then keys. */
async function typeInto(page: Page, scope: ReturnType<Page['locator']>, name: string, text: string) {
  await field(scope, name).focus();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(text);
}

for (const dialect of testDialects()) {
  describe(`requests for assistance and projects in the web app (${dialect})`, () => {
    let web: WebFixture;
    useWebFixture((w) => (web = w), dialect, { sharedData: false });
    const problems: string[] = [];
    let requestPath = '';
    let projectPath = '';

    test('an OHCHR editor enters a request, moves it on, and enters a project that answers it', async () => {
      const context = await signedInContext(web, 'ohchr-cooperation@example.org', ['ohchr-editor']);
      const page = await context.newPage();
      problems.push(...watch(page, web.server));

      // The request, entered with the keyboard alone and sent with Enter.
      await open(page, `${web.server.url}/en/requests/new`, 'form.edit-form');
      const form = page.locator('form.edit-form');
      await form.getByLabel(label('requests.state'), { exact: true }).focus();
      await page.keyboard.type('Kenya');
      assert.equal(await form.getByLabel(label('requests.state'), { exact: true }).inputValue(), 'KEN');
      await typeInto(page, form, label('requests.authority'), 'Ministry of Justice (test)');
      await typeInto(page, form, label('requests.received'), '2025-03-01');
      await typeInto(page, form, label('requests.subject'), 'Training of prison staff on the Nelson Mandela Rules (test)');
      await typeInto(page, form, label('requests.due'), '2025-04-01');
      await typeInto(page, form, label('edit.source.title'), 'Letter of the Ministry of Justice to OHCHR (test)');
      await typeInto(page, form, label('edit.source.url'), 'https://example.org/letters/ken-2025-03.pdf');
      await form.getByLabel(label('edit.kind.official'), { exact: true }).focus();
      await page.keyboard.press('Space');
      await form.getByLabel(label('edit.source.url'), { exact: true }).focus();
      await page.keyboard.press('Enter');
      await page.waitForSelector('.form-done');
      requestPath = new URL(page.url()).pathname.replace(/^\/en/, '');
      assert.match(requestPath, /^\/requests\/[a-z0-9-]+$/);
      assert.match((await page.locator('main h1').textContent()) ?? '', /Request of Kenya, received 1 March 2025/);
      assert.match((await page.locator('.facts').textContent()) ?? '', /Overdue/, 'due on 1 April 2025 and still received: overdue');
      assert.match((await page.locator('.facts').textContent()) ?? '', /Restricted/, 'restricted to OHCHR and Kenya by default');

      // Under assessment, then a step dated before it: refused, said next to the date, which gets the focus.
      const move = page.locator('section[aria-labelledby="move-title"]');
      await move.getByLabel(label('requests.move.status'), { exact: true }).selectOption('under-assessment');
      await move.getByLabel(label('requests.move.date'), { exact: true }).fill('2025-03-05');
      await move.getByRole('button', { name: label('requests.move.submit') }).click();
      await page.waitForFunction(() => document.querySelector('table')?.textContent?.includes('Under assessment'));
      await page.locator('section[aria-labelledby="move-title"] select option[value="accepted"]').waitFor({ state: 'attached' });
      await move.getByLabel(label('requests.move.status'), { exact: true }).selectOption('accepted');
      await move.getByLabel(label('requests.move.date'), { exact: true }).fill('2025-03-02');
      await move.getByRole('button', { name: label('requests.move.submit') }).click();
      const date = move.getByLabel(label('requests.move.date'), { exact: true });
      await page.waitForSelector('section[aria-labelledby="move-title"] input[aria-invalid="true"]');
      assert.equal(await date.getAttribute('aria-invalid'), 'true');
      const describedBy = (await date.getAttribute('aria-describedby')) ?? '';
      const message = await page.locator(`[id="${describedBy.split(' ').at(-1)}"]`).textContent();
      assert.match(message ?? '', /2025-03-05|before/, 'the date field says why: before the last step');
      assert.equal(await date.evaluate((el) => el === document.activeElement), true, 'focus goes to the date at fault');
      await page.screenshot({ path: `${SCREENSHOTS}request-move-refused.png`, fullPage: true });
      // Corrected from the keyboard and sent with Enter.
      await page.keyboard.press('ControlOrMeta+a');
      await page.keyboard.type('2025-03-10');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.querySelector('table')?.textContent?.includes('Accepted'));
      assert.doesNotMatch((await page.locator('.facts').textContent()) ?? '', /Overdue.*Overdue/);

      // "Answered" needs a project or an event answering the request: refused, naming the status.
      await move.getByLabel(label('requests.move.status'), { exact: true }).selectOption('answered');
      await move.getByLabel(label('requests.move.date'), { exact: true }).fill('2025-06-01');
      await move.getByRole('button', { name: label('requests.move.submit') }).click();
      await page.waitForSelector('section[aria-labelledby="move-title"] select[aria-invalid="true"]');

      // The list marks it overdue, and its overdue filter keeps it.
      await open(page, `${web.server.url}/en/requests?overdue=true`, 'tbody tr a');
      const listed = page.locator('tbody tr', { hasText: 'Ministry of Justice (test)' });
      assert.match((await listed.locator('.badge.overdue').textContent()) ?? '', /Overdue/);
      assert.match((await listed.textContent()) ?? '', /Accepted/);

      // A project with a country, a budget line and a link to the request.
      await open(page, `${web.server.url}/en/projects/new`, 'form.edit-form');
      const projectForm = page.locator('form.edit-form');
      await projectForm.locator('input[name="title"]').fill('Prison staff training in Kenya (test)');
      await projectForm.getByLabel(label('projects.status'), { exact: true }).selectOption('implementation');
      await projectForm.getByRole('button', { name: label('projects.country.add') }).click();
      await projectForm.getByLabel(label('col.state'), { exact: true }).selectOption('KEN');
      await projectForm.getByRole('button', { name: label('projects.budget.add') }).click();
      const line = projectForm.locator('fieldset.row-fields', { hasText: 'Budget line 1' });
      await line.getByLabel(label('projects.periodStart'), { exact: true }).fill('2025-01-01');
      await line.getByLabel(label('projects.periodEnd'), { exact: true }).fill('2025-12-31');
      await line.getByLabel(label('projects.amount'), { exact: true }).fill('1250000.50');
      await line.getByLabel(label('projects.currency'), { exact: true }).fill('EUR');
      await line.getByLabel(label('projects.budgetStatus'), { exact: true }).selectOption('committed');
      await projectForm.getByRole('button', { name: label('requests.link.add') }).click();
      const link = projectForm.locator('fieldset.row-fields', { hasText: 'Link 1' });
      await link.getByLabel(label('requests.link.kind'), { exact: true }).selectOption('request');
      await link.getByLabel(label('requests.link.ref'), { exact: true }).fill(requestPath.split('/').at(-1)!);
      await projectForm
        .getByRole('group', { name: label('edit.source') })
        .getByLabel(label('edit.source.title'), { exact: true })
        .fill('Project document (test)');
      await projectForm.getByLabel(label('edit.source.url'), { exact: true }).fill('https://example.org/projects/ken-prisons.pdf');
      await projectForm.getByLabel(label('edit.kind.official'), { exact: true }).check();
      await projectForm.getByRole('button', { name: label('edit.create') }).click();
      await page.waitForSelector('.form-done');
      projectPath = new URL(page.url()).pathname.replace(/^\/en/, '');
      assert.match((await page.locator('main h1').textContent()) ?? '', /Prison staff training in Kenya/);
      // The amount exactly as entered, with its currency, formatted for the page's language.
      const budget = (await page.locator('table', { hasText: label('projects.periodStart') }).textContent()) ?? '';
      assert.match(budget, /€1,250,000\.50/);
      assert.match(budget, /Committed/);
      assert.match((await page.locator('.facts').textContent()) ?? '', /Kenya/);
      assert.equal(await page.locator(`a[href="/en${requestPath}"]`).count(), 1, 'the link to the request it answers');

      // Its correction: a budget period over a year is refused beside that row's end; a disbursement is added.
      await page.getByRole('link', { name: label('edit.edit'), exact: true }).click();
      await page.waitForSelector('form.edit-form fieldset.row-fields');
      const editForm = page.locator('form.edit-form');
      const firstLine = editForm.locator('fieldset.row-fields', { hasText: 'Budget line 1' });
      await firstLine.getByLabel(label('projects.periodEnd'), { exact: true }).fill('2026-06-30');
      await editForm.getByRole('button', { name: label('projects.transaction.add') }).click();
      const disbursement = editForm.locator('fieldset.row-fields', { hasText: 'Transaction 1' });
      await disbursement.getByLabel(label('projects.date'), { exact: true }).fill('2025-02-15');
      await disbursement.getByLabel(label('projects.amount'), { exact: true }).fill('300000.25');
      await disbursement.getByLabel(label('projects.currency'), { exact: true }).fill('EUR');
      await editForm
        .getByRole('group', { name: label('edit.source') })
        .getByLabel(label('edit.source.title'), { exact: true })
        .fill('Disbursement record (test)');
      await editForm.getByLabel(label('edit.source.url'), { exact: true }).fill('https://example.org/projects/ken-prisons-disbursement.pdf');
      await editForm.getByLabel(label('edit.kind.official'), { exact: true }).check();
      await editForm.getByRole('button', { name: label('edit.save') }).click();
      const periodEnd = firstLine.getByLabel(label('projects.periodEnd'), { exact: true });
      await page.waitForSelector('fieldset.row-fields input[aria-invalid="true"]');
      assert.equal(await periodEnd.getAttribute('aria-invalid'), 'true', 'the problem is shown on budget[0].periodEnd');
      assert.match((await firstLine.locator('.field-error').textContent()) ?? '', /at most one year/);
      assert.match((await editForm.locator('.form-errors').textContent()) ?? '', /Budget lines: a budget period is at most one year/, 'the summary names the list by its label');
      assert.equal(await periodEnd.evaluate((el) => el === document.activeElement), true, 'focus goes to the field at fault');
      await periodEnd.fill('2025-12-31');
      await editForm.getByRole('button', { name: label('edit.save') }).click();
      await page.waitForSelector('.form-done');
      assert.match((await page.getByRole('table', { name: new RegExp(`^${label('projects.transactions')}`) }).textContent()) ?? '', /Disbursement.*€300,000\.25/);
      assert.match((await page.locator('.facts').textContent()) ?? '', /€300,000\.25/, 'disbursed to date');
      assert.match((await page.locator('table', { hasText: label('projects.periodStart') }).textContent()) ?? '', /€1,250,000\.50/, 'the budget line kept');
      await page.screenshot({ path: `${SCREENSHOTS}project-page.png`, fullPage: true });

      // The list shows it, with its budget, links to the exports and the totals per currency.
      await open(page, `${web.server.url}/en/projects?state=KEN`, 'tbody tr a');
      const row = (await page.locator('tbody tr', { hasText: 'Prison staff training in Kenya' }).textContent()) ?? '';
      assert.match(row, /€1,250,000\.50/);
      assert.match(row, /Implementation/);
      assert.equal(await page.locator('a[href^="/api/v1/projects/export/csv"][href*="state=KEN"]').count(), 1);
      assert.equal(await page.locator('a[href^="/api/v1/projects/export/xlsx"]').count(), 1);
      assert.equal(await page.locator('form[action="/api/v1/iati/activities.xml"]').count(), 1);
      await page.waitForSelector('.project-totals .money');
      assert.match((await page.locator('.project-totals').textContent()) ?? '', /€1,250,000\.50/);
      const csv = await fetch(`${web.server.url}/api/v1/projects/export/csv?state=KEN`);
      assert.equal(csv.status, 200, 'the CSV link answers');

      // An administrator enters a rate: the totals convert at it, and name it with its source.
      const admin = await makeAccount(web.database.db, 'admin-rates@example.org', ['admin']);
      const login = await fetch(`${web.server.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: admin.email, password: admin.password, code: admin.totpSecret ? codeFor(admin) : undefined }),
      });
      assert.equal(login.status, 200);
      const { csrfToken } = (await login.json()) as { csrfToken: string };
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      const rate = await fetch(`${web.server.url}/api/v1/exchange-rates`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Cookie: cookie, 'X-CSRF-Token': csrfToken },
        body: JSON.stringify({
          currency: 'EUR',
          base: 'USD',
          rate: '1.0850',
          asOf: '2025-01-02',
          source: { title: 'Euro foreign exchange reference rates (test)', url: 'https://example.org/rates/2025-01-02', kind: 'official', retrieved: '2025-01-02' },
        }),
      });
      assert.equal(rate.status, 200, await rate.text());
      await open(page, `${web.server.url}/en/projects?state=KEN`, '.project-totals .money');
      const totals = (await page.locator('.project-totals').textContent()) ?? '';
      assert.match(totals, /Converted total in USD:\s*US\$1,356,250\.54/, '1250000.50 × 1.0850 = 1356250.5425, shown to the cent');
      assert.match(totals, /US\$325,500\.27/, 'the disbursement, converted');
      assert.match(totals, /1 EUR = 1\.0850 USD/);
      assert.match(totals, /Euro foreign exchange reference rates \(test\)/);

      // The request now has a project answering it: "answered" is accepted, and its page links the project.
      await open(page, `${web.server.url}/en${requestPath}`, 'section[aria-labelledby="move-title"]');
      assert.equal(await page.locator(`a[href="/en${projectPath}"]`).count(), 1);
      await move.getByLabel(label('requests.move.status'), { exact: true }).selectOption('answered');
      await move.getByLabel(label('requests.move.date'), { exact: true }).fill('2025-06-01');
      await move.getByRole('button', { name: label('requests.move.submit') }).click();
      await page.waitForFunction(() => document.querySelector('table')?.textContent?.includes('Answered'));

      // Its correction: the authority, and a document; the links it had are kept.
      await page.getByRole('link', { name: label('edit.edit'), exact: true }).click();
      await page.waitForSelector('form.edit-form');
      const requestForm = page.locator('form.edit-form');
      await requestForm.getByLabel(label('requests.authority'), { exact: true }).fill('Ministry of Justice and Constitutional Affairs (test)');
      await requestForm.getByRole('button', { name: label('requests.document.add') }).click();
      const documentRow = requestForm.locator('fieldset.row-fields', { hasText: 'Document 1' });
      await documentRow.getByLabel(label('requests.document.title'), { exact: true }).fill('Letter of request (test)');
      await documentRow.getByLabel(label('requests.document.url'), { exact: true }).fill('https://example.org/letters/ken-2025-03.pdf');
      await requestForm
        .getByRole('group', { name: label('edit.source') })
        .getByLabel(label('edit.source.title'), { exact: true })
        .fill('Second letter of the Ministry (test)');
      await requestForm
        .getByRole('group', { name: label('edit.source') })
        .getByLabel(label('edit.source.url'), { exact: true })
        .fill('https://example.org/letters/ken-2025-05.pdf');
      await requestForm.getByLabel(label('edit.kind.official'), { exact: true }).check();
      await requestForm.getByRole('button', { name: label('edit.save') }).click();
      await page.waitForSelector('.form-done');
      assert.match((await page.locator('.facts').textContent()) ?? '', /Ministry of Justice and Constitutional Affairs \(test\)/);
      assert.equal(await page.locator('section[aria-labelledby="documents-title"] a[href="https://example.org/letters/ken-2025-03.pdf"]').count(), 1);
      assert.equal(await page.locator(`a[href="/en${projectPath}"]`).count(), 1, 'the project answering it is still linked');

      // The list of requests, filtered as the address says.
      await open(page, `${web.server.url}/en/requests?status=answered`, 'tbody tr a');
      assert.match((await page.locator('tbody').textContent()) ?? '', /Ministry of Justice and Constitutional Affairs \(test\)/);
      await open(page, `${web.server.url}/en/requests?status=declined`, 'tbody td.empty');
      assert.match((await page.locator('tbody').textContent()) ?? '', new RegExp(label('requests.noneMatch')));
      await context.close();
    });

    test('an anonymous reader is told requests are restricted and cannot open this one', async () => {
      const page = await web.context.newPage();
      problems.push(...watch(page, web.server));
      await open(page, `${web.server.url}/en/requests`, 'tbody td.empty');
      assert.match((await page.locator('.note').first().textContent()) ?? '', /restricted to OHCHR and the requesting State/);
      assert.match((await page.locator('tbody').textContent()) ?? '', /does not mean that none was made/);
      assert.equal(await page.locator('tbody tr', { hasText: 'Ministry of Justice' }).count(), 0);
      await open(page, `${web.server.url}/en${requestPath}`, 'main h1');
      assert.equal(await page.locator('main h1').textContent(), label('requests.notShown'));
      assert.doesNotMatch((await page.locator('main').textContent()) ?? '', /Ministry of Justice|prison/i);
      assert.equal(await page.locator('a[href^="/en/requests/new"]').count(), 0);
      // The project is public: listed and shown, with no form and no way to change it.
      await open(page, `${web.server.url}/en/projects`, 'tbody tr a');
      assert.equal(await page.locator('tbody tr', { hasText: 'Prison staff training in Kenya' }).count(), 1);
      assert.equal(await page.locator('a[href="/en/projects/new"]').count(), 0);
      await open(page, `${web.server.url}/en${projectPath}`, 'main h1');
      assert.equal(await page.locator('form.edit-form, a[href$="/edit"], button.danger').count(), 0);
      await page.close();
    });

    test("the requesting State's editor sees the request, without the OHCHR forms", async () => {
      const context = await signedInContext(web, 'kenya-cooperation@example.org', ['state-editor:KEN']);
      const page = await context.newPage();
      problems.push(...watch(page, web.server));
      await open(page, `${web.server.url}/en/requests`, 'tbody tr a');
      assert.match((await page.locator('.note').first().textContent()) ?? '', /only the requests shared with you/);
      assert.equal(await page.locator('tbody tr', { hasText: 'Ministry of Justice and Constitutional Affairs (test)' }).count(), 1);
      await open(page, `${web.server.url}/en${requestPath}`, 'main h1');
      assert.match((await page.locator('main h1').textContent()) ?? '', /Request of Kenya/);
      assert.equal(await page.locator('section[aria-labelledby="move-title"], a[href$="/edit"], button.danger').count(), 0);
      await open(page, `${web.server.url}/en/requests/new`, 'main h1');
      assert.equal(await page.locator('form.edit-form').count(), 0, 'a State editor enters no request');
      await context.close();
    });

    test('the pages in Arabic are right to left and pass axe', async () => {
      const context = await signedInContext(web, 'ohchr-cooperation-ar@example.org', ['ohchr-editor']);
      const page = await context.newPage();
      problems.push(...watch(page, web.server));
      for (const path of [requestPath, projectPath, '/projects', '/requests', '/requests/new', `${projectPath}/edit`]) {
        await open(page, `${web.server.url}/ar${path}`, 'main h1');
        await page.waitForSelector('table, form.edit-form');
        assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
        const violations = await axeViolations(page);
        assert.deepEqual(violations, [], `${path}: ${describeViolations(violations)}`);
      }
      await open(page, `${web.server.url}/ar${requestPath}`, 'main h1');
      assert.match((await page.locator('h2', { hasText: ar['requests.steps']! }).count()).toString(), /^1$/);
      assert.match((await page.locator('.facts').textContent()) ?? '', new RegExp(ar['requests.statusName.answered']!));
      await page.screenshot({ path: `${SCREENSHOTS}ar-request.png`, fullPage: true });
      await context.close();
      assert.deepEqual(
        problems.filter((p) => !/status of 4\d\d/.test(p)),
        [],
      );
    });
  });
}
