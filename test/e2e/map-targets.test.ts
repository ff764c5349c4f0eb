// The world map's small States can be reached: each has a marker whose target is at least
// 24 × 24 CSS px (WCAG 2.5.8), no two markers overlap, a click on a marker opens the State, and
// the keyboard reaches the same State through its link (which lights its marker up). Measured
// in Chromium from the boxes the browser lays out, at desktop and phone widths.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { axeViolations, describeViolations, SCREENSHOTS } from '../support/browser.ts';
import type { RunningServer } from '../support/server.ts';
import { open, useWebFixture } from '../support/web.ts';

const SMALL = ['KNA', 'ATG', 'DMA', 'LCA', 'VCT', 'GRD', 'BRB', 'TUV', 'NRU', 'MHL', 'PLW', 'KIR', 'TON', 'WSM', 'LUX', 'MLT', 'BHR', 'SGP', 'MCO', 'SMR', 'LIE', 'AND', 'MDV', 'SYC'];

interface Box {
  iso3: string;
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The boxes of the markers' targets, as laid out on screen. */
async function markerBoxes(page: Page): Promise<Box[]> {
  return page.locator('.markers .marker-target').evaluateAll((targets) =>
    targets.map((target) => {
      const box = target.querySelector('.marker-hit')!.getBoundingClientRect();
      return { iso3: target.getAttribute('data-iso3')!, left: box.left, top: box.top, right: box.right, bottom: box.bottom };
    }),
  );
}

function assertReachable(boxes: Box[], where: string): void {
  for (const iso3 of SMALL)
    assert.ok(
      boxes.some((b) => b.iso3 === iso3),
      `${where}: ${iso3} has a marker`,
    );
  for (const b of boxes) {
    assert.ok(b.right - b.left >= 24 && b.bottom - b.top >= 24, `${where}: ${b.iso3}'s target is ${(b.right - b.left).toFixed(1)} × ${(b.bottom - b.top).toFixed(1)} px`);
  }
  for (const [i, a] of boxes.entries()) {
    for (const b of boxes.slice(i + 1)) {
      const apart = a.right <= b.left + 0.5 || b.right <= a.left + 0.5 || a.bottom <= b.top + 0.5 || b.bottom <= a.top + 0.5;
      assert.ok(apart, `${where}: the markers of ${a.iso3} and ${b.iso3} overlap`);
    }
  }
}

describe('small States on the world map (Chromium, SQLite)', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  useWebFixture((web) => ({ server, browser, context } = web));

  test('at 1280 px: every small State has a marker of at least 24 × 24 px, none overlapping; a click opens the State', async () => {
    const page = await context.newPage();
    await open(page, `${server.url}/en/`, 'svg[data-drawn] .markers .marker-target');
    const boxes = await markerBoxes(page);
    assertReachable(boxes, '1280 px');
    // Every marker is on top where it is: the pointer reaches it, not a neighbour's shape.
    for (const b of boxes) {
      const hit = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.closest('.marker-target')?.getAttribute('data-iso3') ?? null, {
        x: (b.left + b.right) / 2,
        y: (b.top + b.bottom) / 2,
      });
      assert.equal(hit, b.iso3, `${b.iso3}: its marker is what the pointer meets`);
    }
    await page.screenshot({ path: `${SCREENSHOTS}en-map-markers.png` });
    const luxembourg = boxes.find((b) => b.iso3 === 'LUX')!;
    // Near an edge of the target, not only at its centre (the dot drawn is smaller than the target).
    await page.mouse.click(luxembourg.left + 2, luxembourg.top + 2);
    await page.waitForURL(/\/en\/states\/LUX$/);
    await page.close();
  });

  test('the keyboard reaches a small State through its link, which lights its marker up; axe passes', async () => {
    const page = await context.newPage();
    await open(page, `${server.url}/ar/`, 'svg[data-drawn] .markers .marker-target');
    await page.locator('a.state[data-iso3="MLT"]').focus();
    assert.equal(await page.locator('.marker-target[data-iso3="MLT"] .marker').first().getAttribute('class'), 'marker active');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/ar\/states\/MLT$/);
    await page.goBack();
    await page.waitForSelector('svg[data-drawn] .markers .marker-target');
    const violations = await axeViolations(page);
    assert.equal(violations.length, 0, describeViolations(violations));
    await page.close();
  });

  test('at 360 px the map keeps its markers at 24 px and apart, scrolling sideways in its own frame only', async () => {
    const narrow = await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2 });
    const page = await narrow.newPage();
    await open(page, `${server.url}/en/`, 'svg[data-drawn] .markers .marker-target');
    assertReachable(await markerBoxes(page), '360 px');
    assert.ok((await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)) <= 0, 'the page itself does not scroll sideways');
    assert.ok(await page.locator('.map-frame').evaluate((frame) => frame.scrollWidth > frame.clientWidth), 'the map scrolls in its frame');
    await narrow.close();
  });

  test('the status map of an instrument has the same markers', async () => {
    const page = await context.newPage();
    await open(page, `${server.url}/en/instruments/ICCPR`, 'svg[data-drawn] .markers .marker-target');
    assertReachable(await markerBoxes(page), 'ICCPR status map');
    await page.close();
  });
});
