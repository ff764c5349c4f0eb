// The two rules of text in another language or direction, checked inside a page (bidi.test.ts
// and the pages' own tests): text in another language than the page says which and its
// direction; in a right-to-left line, a Latin run with a bracket, full stop or slash at its edge
// is isolated.
import type { Page } from 'playwright-core';

/** Run in the page: the elements and text that break the two rules below. */
export const BIDI_CHECK = `
    const problems = [];
    const main = document.querySelector('main');
    const pageLang = document.documentElement.lang;
    // 1. Text in another language than the page says which, and its direction.
    for (const el of main.querySelectorAll('[lang]')) {
      if (el.getAttribute('lang') !== pageLang && !el.hasAttribute('dir')) problems.push(\`lang without dir: <\${el.tagName.toLowerCase()} lang="\${el.getAttribute('lang')}">\${el.textContent.trim().slice(0, 60)}\`);
    }
    // 2. In a right-to-left line, a Latin run with a bracket, full stop or slash at its edge is
    //    isolated: otherwise that character attaches to the wrong side ("(I/A Court H.R.)").
    const isolates = (el) => el.tagName === 'BDI' || el.hasAttribute('dir') || ['isolate', 'plaintext', 'isolate-override'].includes(getComputedStyle(el).unicodeBidi);
    const inline = (el) => ['inline', 'contents'].includes(getComputedStyle(el).display) || (el instanceof SVGElement && el.tagName !== 'svg');
    const edge = /[A-Za-z0-9][^\\sA-Za-z0-9\\u0600-\\u06FF\\u2066-\\u2069]+\\s*($|[\\u0600-\\u06FF])|(^|[\\u0600-\\u06FF])\\s*[^\\sA-Za-z0-9\\u0600-\\u06FF\\u2066-\\u2069]+[A-Za-z]/;
    const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.data.replace(/[\\u2066-\\u2068][^\\u2069]*\\u2069/g, ' '); // FSI/LRI/RLI … PDI: isolated
      if (!/[A-Za-z]/.test(text)) continue;
      let el = node.parentElement;
      let isolated = false;
      while (el && inline(el)) {
        if (isolates(el)) { isolated = true; break; }
        el = el.parentElement;
      }
      if (isolated || !el || isolates(el) || getComputedStyle(el).direction !== 'rtl') continue;
      if (edge.test(text.trim())) problems.push(\`not isolated in <\${el.tagName.toLowerCase()}>: \${node.data.trim().slice(0, 80)}\`);
    }
    return problems;
`;

/** What in the page breaks the two rules, after opening every list of sources. */
export async function bidiProblems(page: Page): Promise<string[]> {
  await page.evaluate(() => {
    for (const d of document.querySelectorAll('details')) d.open = true;
  });
  // Sent as source text: the test runner's transform would add helpers the page lacks.
  return page.evaluate(`(() => {${BIDI_CHECK}})()`);
}
