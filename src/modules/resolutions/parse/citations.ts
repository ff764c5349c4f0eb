// Document symbols and cited resolutions in the running text and footnotes.
import type { CitedResolution } from './types.ts';

/** "A/59/323", "E/2004/23", "A/CONF.157/24 (Part I)", "ST/SGB/2013/4/Amend.1", "S/2002/914". */
const SYMBOL = /\b(?:A|S|E|ST|TD|UNEP|FCCC|DP|CCPR|CRC|CEDAW|CERD|CAT|HRC|E\/CN\.\d+)\/(?:[A-Z0-9][A-Za-z0-9.-]*\/)*[A-Za-z0-9][A-Za-z0-9.]*(?: \(Part [IVX]+\))?/g;

export function findSymbols(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(SYMBOL)) {
    const s = m[0].replace(/[.,;]+$/, '');
    // A/RES/80/212 cites itself in the running header of some extractions; keep it, it is a symbol.
    if (!out.includes(s)) out.push(s);
    // "S/25704 and Add.1", "E/1993/23 and Corr.2, 4 and 5": the addenda and corrigenda named after it.
    const more = /^ and ((?:Add|Corr)\.)(\d+)((?:, \d+)*(?: and \d+)?)/.exec(text.slice((m.index ?? 0) + m[0].length));
    if (more) {
      const numbers = [more[2] ?? '', ...(more[3] ?? '').split(/,\s*|\s+and\s+/).filter((n) => /^\d+$/.test(n))];
      for (const n of numbers) if (!out.includes(`${s}/${more[1]}${n}`)) out.push(`${s}/${more[1]}${n}`);
    }
  }
  return out;
}

const BODIES = ['Commission on Human Rights', 'Human Rights Council', 'Security Council', 'Economic and Social Council', 'World Health Assembly', 'General Assembly'];
const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December';
/** One item of a list after "resolution(s)": "32/127 of 16 December 1977", "75/254 A to C", "1325 (2000)", "169 (II)", "2200 A (XXI)". */
const ITEM = new RegExp(
  `^(?:,\\s*|\\s+and\\s+|\\s*)(\\d{1,4}\\/\\d{1,4}(?: [A-Z](?: to [A-Z])?)?|\\d{1,4}(?: [A-Z])? \\((?:\\d{4}|[IVXL]+)\\)|\\d{1,3}\\.\\d{1,2})(?: of (\\d{1,2} (?:${MONTHS}) \\d{4}))?`,
);

/** Resolutions cited after the word "resolution(s)", with the body named before it, if any. */
export function findResolutions(text: string): CitedResolution[] {
  const found: CitedResolution[] = [];
  for (const m of text.matchAll(/\b[Rr]esolutions?\b/g)) {
    const at = m.index ?? 0;
    const before = text.slice(Math.max(0, at - 40), at).trim();
    const body = BODIES.find((b) => before.endsWith(b)) ?? null;
    let rest = text.slice(at + m[0].length);
    for (;;) {
      const item = ITEM.exec(rest);
      if (!item) break;
      const number = item[1] ?? '';
      if (!found.some((f) => f.number === number && f.body === body)) found.push({ number, body, date: item[2] ?? null });
      rest = rest.slice(item[0].length);
    }
  }
  return found;
}
