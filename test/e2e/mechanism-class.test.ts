// Each mechanism says why it is in its class on the map, on its page and in the list, in the
// page's language, from the registry's own fields (kind, individual complaints, coverage rule).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { BrowserContext } from 'playwright-core';
import { axeViolations, describeViolations, SCREENSHOTS } from '../support/browser.ts';
import type { RunningServer } from '../support/server.ts';
import { api, dictionary, open, useWebFixture } from '../support/web.ts';

/** A dictionary sentence with its placeholders filled, as the page shows it. */
function sentence(lang: string, key: string, vars: Record<string, string> = {}): string {
  return dictionary(lang)[key]!.replace(/\{(\w+)\}/g, (_, name: string) => vars[name] ?? `{${name}}`);
}

describe('why a mechanism is in its class (Chromium, SQLite)', () => {
  let server: RunningServer;
  let context: BrowserContext;
  useWebFixture((web) => ({ server, context } = web));

  test('the Inter-American Court: a court without individual complaints, covering States that accepted ACHR art. 62', async () => {
    const page = await context.newPage();
    await open(page, `${server.url}/en/mechanisms/IACTHR`, '.facts');
    const explanation = page.locator('.facts .mechanism-class');
    assert.equal(await explanation.getAttribute('data-class'), 'other');
    const en = (k: string, v: Record<string, string> = {}) => sentence('en', k, v);
    assert.equal(
      (await explanation.textContent())?.trim(),
      [
        en('mechanism.classIs', { class: en('map.class.kind.other') }),
        en('mechanism.why.courtWithout'),
        en('mechanism.why.jurisdiction', { instruments: 'ACHR', acceptance: 'ACHR art. 62 declaration' }),
      ].join(' '),
    );
    assert.equal(await explanation.locator('[lang="en"][dir="ltr"]').textContent(), 'ACHR art. 62 declaration');
    assert.equal(await explanation.locator('bdi').first().textContent(), 'ACHR');
    await page.close();
  });

  test('in Arabic, the OIC commission is explained in Arabic, its codes isolated, and axe passes', async () => {
    const page = await context.newPage();
    await open(page, `${server.url}/ar/mechanisms/IPHRC`, '.facts');
    const explanation = page.locator('.facts .mechanism-class');
    const ar = (k: string, v: Record<string, string> = {}) => sentence('ar', k, v);
    assert.equal(
      (await explanation.textContent())?.trim(),
      [ar('mechanism.classIs', { class: ar('map.class.kind.other') }), ar('mechanism.why.noComplaints'), ar('mechanism.why.membership', { organization: 'OIC' })].join(' '),
    );
    assert.equal(await explanation.locator('bdi').textContent(), 'OIC');
    await page.screenshot({ path: `${SCREENSHOTS}ar-mechanism-class.png` });
    const violations = await axeViolations(page);
    assert.equal(violations.length, 0, describeViolations(violations));
    await page.close();
  });

  test("the list gives every mechanism its class and reasons, matching the API's fields", async () => {
    const mechanisms = await api<{ items: { code: string; kind: string; system: string; individualComplaints: boolean }[] }>(server, '/mechanisms?limit=1000&lang=fr');
    const page = await context.newPage();
    await open(page, `${server.url}/fr/mechanisms?t.size=100`, 'tbody tr a');
    const shown = await page.locator('tbody tr').evaluateAll((rows) =>
      rows.map((row) => ({
        code: row.querySelector('a')!.getAttribute('href')!.split('/').pop(),
        mapClass: row.querySelector('.mechanism-class')?.getAttribute('data-class'),
        reasons: row.querySelectorAll('.mechanism-class .reason').length,
      })),
    );
    const regional = mechanisms.items.filter((m) => m.system === 'regional');
    assert.equal(shown.length, regional.length, 'the list shows the regional mechanisms by default');
    for (const m of regional) {
      const row = shown.find((r) => r.code === m.code)!;
      const expected = !m.individualComplaints ? 'other' : m.kind === 'court' ? 'court' : 'commission';
      assert.deepEqual([row.mapClass, row.reasons], [expected, 2], m.code);
    }
    assert.ok((await page.locator('thead').textContent())?.includes(dictionary('fr')['mechanism.class']!));
    await page.close();
  });
});
