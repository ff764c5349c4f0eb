// The follow-up of recommendations in the web app, end to end in Chromium: Kenya's editor opens
// a recommendation to Kenya, which says "No follow-up recorded", is refused a date that does not
// exist next to its field, records a status and sees it head the history; the page passes axe.
// On the search, the editor assigns a status to every result: the count comes first, in a
// dialog, and the followUp facet then counts them; a search that reaches France's
// recommendations is refused before anything is written, naming how many and one of them.
// An editor withdraws a status recorded by mistake: a reason is required (refused next to its
// field without one), the entry stays in the history marked with the reason, and the status
// shown as current becomes the previous one; the page in Arabic offers the same, right to left.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { importUprInfo } from '../../src/importers/upr-info/import.ts';
import { systemContext } from '../../src/modules/audit/context.ts';
import { recordFollowUp } from '../../src/modules/follow-up/write.ts';
import { axeViolations, describeViolations, SCREENSHOTS } from '../support/browser.ts';
import { dictionary, open, signedInContext, useWebFixture, watch, type WebFixture } from '../support/web.ts';

const en = dictionary('en');
/** A field by the start of its label (an optional field's label says so after it). */
const labelled = (key: string) => new RegExp(`^${en[key]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);
const say = (key: string, vars: Record<string, string | number> = {}) => en[key]!.replace(/\{(\w+)\}/g, (_, name) => String(vars[name]));

/** A UPR Info export written for this test: three recommendations to Kenya, one to France. */
const CSV = `To,Text,From,Response,Session
Kenya,Ratify the Optional Protocol to the Convention against Torture (e2e follow-up 1),France,Accepted,8
Kenya,Adopt a national action plan on human rights (e2e follow-up 2),Brazil,Accepted,8
Kenya,Abolish the death penalty (e2e follow-up 3),Spain,Noted,8
France,Strengthen the fight against racial discrimination (e2e follow-up 4),Kenya,Accepted,8
`;

describe('follow-up of recommendations in the web app', () => {
  let web: WebFixture;
  useWebFixture((w) => (web = w), 'sqlite', { sharedData: false });
  const problems: string[] = [];
  let kenya: string[] = [];

  before(async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'accord-e2e-follow-up-')), 'follow-up.csv');
    writeFileSync(path, CSV);
    await importUprInfo(web.database.db, path, { context: systemContext('test') });
    kenya = (await web.database.db.selectFrom('recommendation').select('id').where('state_iso3', '=', 'KEN').orderBy('id').execute()).map((r) => r.id);
    assert.equal(kenya.length, 3);
  });

  const signedIn = (email: string, roles: string[]) => signedInContext(web, email, roles);

  async function newPage(context: BrowserContext): Promise<Page> {
    const page = await context.newPage();
    const seen = watch(page, web.server);
    // A refusal the test asks for is logged by the browser as a failed request: not a problem.
    page.on('close', () => problems.push(...seen.filter((p) => !/status of 4\d\d/.test(p))));
    return page;
  }

  test("Kenya's editor records a status on the recommendation page and sees it in the history", async () => {
    const page = await newPage(await signedIn('fu-ken@example.org', ['state-editor:KEN']));
    await open(page, `${web.server.url}/en/recommendations/${kenya[0]}`, '#follow-up-title');
    await page.waitForSelector('[data-testid="follow-up-current"]');
    assert.equal(await page.getByTestId('follow-up-current').textContent(), en['fu.none']);

    await page.getByRole('button', { name: en['fu.open.statuses'], exact: true }).click();
    await page.getByLabel(en['fu.status']!, { exact: true }).selectOption('implemented');
    await page.getByLabel(en['fu.holdsFrom']!, { exact: true }).fill('2024-13');
    await page.getByLabel(labelled('fu.note')).fill('Law adopted by Parliament (test)');
    await page.getByRole('button', { name: en['fu.add.statuses'], exact: true }).click();
    // A month that does not exist is refused next to its field, and focus goes there.
    await page.waitForSelector('[aria-invalid="true"]');
    assert.equal(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value), '2024-13');
    await page.getByLabel(en['fu.holdsFrom']!, { exact: true }).fill('2024-05');
    await page.getByRole('button', { name: en['fu.add.statuses'], exact: true }).click();

    await page.getByText(en['fu.saved.statuses']!).waitFor();
    const history = page.locator('ol.follow-up-history li');
    await history.first().waitFor();
    assert.equal(await history.count(), 1);
    const entry = (await history.first().textContent()) ?? '';
    assert.match(entry, new RegExp(en['fu.status.implemented']!));
    assert.match(entry, /Law adopted by Parliament \(test\)/);
    assert.match(entry, /fu-ken@example\.org|Recorded by/);
    assert.match((await page.getByTestId('follow-up-current').textContent()) ?? '', new RegExp(`^${en['fu.status.implemented']}`));
    const violations = await axeViolations(page);
    assert.deepEqual(violations, [], describeViolations(violations));
    await page.screenshot({ path: `${SCREENSHOTS}follow-up-recommendation.png`, fullPage: true });
    await page.close();
  });

  test('an editor withdraws a mistaken status: a reason is required, the entry stays marked, the current status changes', async () => {
    const id = kenya[2]!;
    for (const body of [
      // Not "in progress": the bulk assignment below waits for that value to appear in the facet.
      { status: 'not-started', holdsFrom: '2022' },
      { status: 'implemented', holdsFrom: '2023-06', note: 'Recorded by mistake (test)' },
    ]) {
      await recordFollowUp(web.database.db, 'statuses', { recommendation: id, body }, systemContext('test'));
    }
    const context = await signedIn('fu-ken-withdraw@example.org', ['state-editor:KEN']);
    const page = await newPage(context);
    await open(page, `${web.server.url}/en/recommendations/${id}`, '#follow-up-title');
    const current = page.getByTestId('follow-up-current');
    await current.waitFor();
    assert.match((await current.textContent()) ?? '', new RegExp(`^${en['fu.status.implemented']}`));

    const history = page.locator('ol.follow-up-history li');
    await history.first().getByRole('button', { name: en['fu.withdraw'], exact: true }).click();
    // The reason is focused first; sent empty, it is refused next to its field.
    const reason = page.getByLabel(labelled('fu.withdraw.reason'));
    await reason.waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'TEXTAREA');
    await page.getByRole('button', { name: en['fu.withdraw.confirm'], exact: true }).click();
    await page.waitForSelector('textarea[aria-invalid="true"]');
    const violations = await axeViolations(page);
    assert.deepEqual(violations, [], describeViolations(violations));
    await reason.fill('Recorded for the wrong recommendation (test)');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter'); // the confirm button, from the keyboard

    await page.getByText(en['fu.saved.withdrawn']!).waitFor();
    await page.locator('ol.follow-up-history li.withdrawn').waitFor();
    const first = history.first();
    const text = (await first.textContent()) ?? '';
    assert.match(text, new RegExp(en['fu.status.implemented']!));
    assert.match(text, /Recorded for the wrong recommendation \(test\)/);
    assert.match(text, new RegExp(en['fu.withdrawn']!.split(' {date}')[0]!));
    assert.equal(await first.getByRole('button', { name: en['fu.withdraw'], exact: true }).count(), 0, 'a withdrawn entry cannot be withdrawn again');
    assert.equal(await first.locator('.entry-content').evaluate((e) => getComputedStyle(e).textDecorationLine), 'line-through');
    assert.match((await current.textContent()) ?? '', new RegExp(`^${en['fu.status.not-started']}`), 'the previous status is current again');
    await page.screenshot({ path: `${SCREENSHOTS}follow-up-withdrawn.png`, fullPage: true });

    // In Arabic, right to left: the withdrawn entry says so, and the live one offers to withdraw it.
    const ar = dictionary('ar');
    await open(page, `${web.server.url}/ar/recommendations/${id}`, '#follow-up-title');
    assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
    await page.locator('ol.follow-up-history li.withdrawn').waitFor();
    assert.match((await page.locator('ol.follow-up-history li.withdrawn').textContent()) ?? '', new RegExp(ar['fu.withdrawn']!.split(' {date}')[0]!));
    assert.equal(await history.nth(1).getByRole('button', { name: ar['fu.withdraw'], exact: true }).count(), 1);
    await page.close();
  });

  test("bulk assignment from the search: a count, a confirmation, the facet; France's are refused", async () => {
    const page = await newPage(await signedIn('fu-ken-bulk@example.org', ['state-editor:KEN']));
    await open(page, `${web.server.url}/en/recommendations?state=KEN`, '.rec-item');
    await page.getByRole('button', { name: say('fu.bulk.open', { count: 3 }), exact: true }).click();
    await page.getByLabel(labelled('fu.status')).selectOption('in-progress');
    await page.getByLabel(en['fu.holdsFrom']!, { exact: true }).fill('2025-01');
    await page.getByRole('button', { name: en['fu.bulk.check'], exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    assert.match((await dialog.textContent()) ?? '', new RegExp(say('fu.bulk.preview', { count: 3 })));
    await page.screenshot({ path: `${SCREENSHOTS}follow-up-bulk-confirm.png` });
    await dialog.getByRole('button', { name: say('fu.bulk.confirm', { count: 3 }), exact: true }).click();
    await page.getByText(say('fu.bulk.done', { count: 3 })).waitFor();
    // The facet counts the latest status the reader may see: all three are now in progress.
    const facet = page.getByRole('group', { name: en['rec.facet.followUp'], exact: true });
    await facet.getByText(en['fu.status.in-progress']!).waitFor();
    const boxes = await facet.locator('li').allTextContents();
    assert.ok(
      boxes.some((b) => b.includes(en['fu.status.in-progress']!) && b.includes('3')),
      boxes.join(' | '),
    );

    await open(page, `${web.server.url}/en/recommendations?state=KEN,FRA`, '.rec-item');
    await page.getByRole('button', { name: say('fu.bulk.open', { count: 4 }), exact: true }).click();
    await page.getByLabel(labelled('fu.entity')).fill('Ministry of Justice (test)');
    await page.getByRole('button', { name: en['fu.bulk.check'], exact: true }).click();
    const refusal = page.getByRole('alert').filter({ hasText: /France|FRA|1 of these 4/ });
    await refusal.waitFor();
    assert.match((await refusal.textContent()) ?? '', /1 of these 4 recommendations/);
    assert.equal(await page.getByRole('dialog').isVisible(), false, 'nothing to confirm');
    await page.close();
    assert.deepEqual(problems, []);
  });
});
