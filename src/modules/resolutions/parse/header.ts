// What the heading of a resolution states: symbol, body, session, title, date, meeting. Each is
// read only from words the text prints; a text that begins at the enacting formula (the 2004
// text) has none of them, and gets none.
import type { Doubt, Header } from './types.ts';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DATE = new RegExp(`\\b(\\d{1,2}) (${MONTHS.join('|')}) (\\d{4})\\b`);

export const FORMULA = /^\s*The (General Assembly|Security Council|Economic and Social Council|Human Rights Council)\s*,?\s*$/;

const UNITS = ['', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth'];
const TEENS: Record<string, number> = { tenth: 10, eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17, eighteenth: 18, nineteenth: 19 };
const TENS: Record<string, number> = { twent: 20, thirt: 30, fort: 40, fift: 50, sixt: 60, sevent: 70, eight: 80, ninet: 90 };

/** "Eightieth" → 80, "Fifty-ninth" → 59, "sixty-first" → 61. Null for anything else. */
export function ordinalToNumber(word: string): number | null {
  const w = word.toLowerCase().trim();
  if (TEENS[w] !== undefined) return TEENS[w];
  const unit = UNITS.indexOf(w);
  if (unit > 0) return unit;
  const [tensPart, unitPart] = w.split('-');
  for (const [stem, value] of Object.entries(TENS)) {
    if (tensPart === `${stem}ieth` && unitPart === undefined) return value;
    if (tensPart === `${stem}y` && unitPart !== undefined) {
      const u = UNITS.indexOf(unitPart);
      if (u > 0) return value + u;
    }
  }
  return null;
}

export function isoDate(text: string): string | null {
  const m = DATE.exec(text);
  if (!m) return null;
  const month = MONTHS.indexOf(m[2] ?? '') + 1;
  return `${m[3]}-${String(month).padStart(2, '0')}-${String(m[1]).padStart(2, '0')}`;
}

/** The meeting line and the date after it: "69th (resumed) plenary meeting", "1382nd meeting". */
export const MEETING_LINE = /^\s*(\d{1,5}(?:st|nd|rd|th|Ist)_?\s+(?:\(resumed\)\s+)?(?:plenary\s+)?meeting)\.?\s*$/;
export const ADOPTED_LINE = /^\s*Adopted\s+(unanimously\s+)?at\s+the\b/;

export function readHeader(lines: string[], doubts: Doubt[]): Header {
  const header: Header = { body: null, session: null, symbol: null, title: null, date: null, meeting: null };
  const formulaAt = lines.findIndex((l) => FORMULA.test(l) || /^\s*(?:Therefore the|The) (General Assembly|Security Council)\b/.test(l));
  const head = formulaAt >= 0 ? lines.slice(0, formulaAt) : lines.slice(0, 20);
  const headText = head.join('\n');

  const formula = formulaAt >= 0 ? /[Tt]he (General Assembly|Security Council|Economic and Social Council|Human Rights Council)/.exec(lines[formulaAt] ?? '') : null;
  header.body = formula?.[1] ?? null;

  const symbol = /(?:^|\s)((?:A|S|E)\/RES\/\d+(?:\/\d+)?(?: \(\d{4}\))?)\s*$/m.exec(headText);
  if (symbol) header.symbol = symbol[1] ?? null;

  const session = /^\s*([A-Z][a-z]+(?:-[a-z]+)?) session\s*$/m.exec(headText);
  if (session) header.session = ordinalToNumber(session[1] ?? '');
  if (header.session === null && header.symbol) {
    const s = /^A\/RES\/(\d+)\//.exec(header.symbol);
    if (s) header.session = Number(s[1]);
  }

  // GA: the resolution's number line ("80/212.") and the title lines down to the formula.
  // PyMuPDF prints the number and the title's first words on one line: " 80/212. Subregional …".
  const numberAt = head.findIndex((l) => /^\s*\d{1,3}\/\d{1,4}\.(?:\s|$)/.test(l));
  if (numberAt >= 0) {
    const sameLine = (head[numberAt] ?? '').replace(/^\s*\d{1,3}\/\d{1,4}\.\s*/, '');
    const titleLines = [sameLine, ...head.slice(numberAt + 1)].map((l) => l.trim()).filter((l) => l !== '');
    if (titleLines.length > 0) header.title = titleLines.join(' ').replace(/\s+/g, ' ');
  }

  const adopted = /Resolution adopted by the [A-Za-z ]+\s+on (\d{1,2} [A-Z][a-z]+ \d{4})/.exec(headText);
  const scAdopted = /Adopted by the Security Council at its (\d+(?:st|nd|rd|th)) meeting,?\s*on\s+(\d{1,2} [A-Z][a-z]+ \d{4})/.exec(headText);
  // "Resolution 242 (1967)" / "of 22 November 1967", or "4 (1946). Resolution of 29 April 1946".
  const scOf = /^\s*Resolution \d+ \(\d{4}\)\s*\n\s*of (\d{1,2} [A-Z][a-z]+\]? \d{4})/m.exec(headText) ?? /^\s*\d+ \(\d{4}\)\. Resolution of (\d{1,2} [A-Z][a-z]+ \d{4})/m.exec(headText);
  if (adopted) header.date = isoDate(adopted[1] ?? '');
  else if (scAdopted) {
    header.date = isoDate(scAdopted[2] ?? '');
    header.meeting = `${scAdopted[1]} meeting`;
  } else if (scOf) {
    let printed = scOf[1] ?? '';
    if (/\]/.test(printed)) {
      // OCR: "Apri]" for "April".
      const fixed = printed.replace(/([A-Z][a-z]+)\]/, '$1l');
      doubts.push({ where: 'header', why: `date "${printed}" read as "${fixed}" (an OCR misreading)` });
      printed = fixed;
    }
    header.date = isoDate(printed);
  }

  if (header.symbol === null && formulaAt <= 0) {
    doubts.push({ where: 'header', why: 'the text begins at the enacting formula: no symbol, title or session is stated, and none is inferred' });
  } else if (header.symbol === null) {
    doubts.push({ where: 'header', why: 'no document symbol is printed in the heading; none is inferred' });
  }
  return header;
}

/** Reads the meeting and date from the lines that close the operative part. */
export function readClosing(lines: string[], header: Header): void {
  const text = lines.join(' ').replace(/\s+/g, ' ');
  const meeting = /(\d{1,5}(?:st|nd|rd|th|Ist)_?\s+(?:\(resumed\)\s+)?(?:plenary\s+)?meeting)/.exec(text);
  if (meeting && header.meeting === null) header.meeting = (meeting[1] ?? '').replace('_', '');
  const date = isoDate(text);
  if (date && header.date === null) header.date = date;
}

/** The resolution's own number as its heading prints it: "80/212" (GA), "242 (1967)" (SC). */
export function readResolutionNumber(lines: string[]): string | null {
  for (const l of lines.slice(0, 30)) {
    const t = l.trim();
    const ga = /^(\d{1,3}\/\d{1,4})\.(?:\s|$)/.exec(t);
    if (ga) return ga[1] ?? null;
    const sc = /^(?:RESOLUTION|Resolution) (\d{1,4} \(\d{4}\))$/.exec(t) ?? /^(\d{1,4} \(\d{4}\))\. Resolution of\b/.exec(t);
    if (sc) return sc[1] ?? null;
    if (FORMULA.test(t)) break;
  }
  return null;
}
