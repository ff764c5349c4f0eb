// When a mandate is due and whether it is overdue. A paragraph words its deadline as a session
// of a body ("to the Commission on Human Rights at its sixty-first session") or as a date ("no
// later than 31 March 2026"). Whose session it is: the body named last before "at its", else the
// body that adopted the resolution (its own sessions). Overdue is computed only where the calendar
// of sessions is fixed by rule (see dueEnds); elsewhere the answer is "not known", never a guess.
import { isValidDay } from '../../shared/dates.ts';
import { isoDate } from './family/relations.ts';

const UNITS = ['', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth'];
const TEENS = ['tenth', 'eleventh', 'twelfth', 'thirteenth', 'fourteenth', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'nineteenth'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const TENTHS = ['', '', 'twentieth', 'thirtieth', 'fortieth', 'fiftieth', 'sixtieth', 'seventieth', 'eightieth', 'ninetieth'];

/** "sixty-first" → 61, "eightieth" → 80, "tenth" → 10; null for what is not an ordinal under 100. */
export function ordinalNumber(word: string): number | null {
  const w = word.toLowerCase().trim();
  const unit = UNITS.indexOf(w);
  if (unit > 0) return unit;
  if (TEENS.includes(w)) return 10 + TEENS.indexOf(w);
  if (TENTHS.includes(w) && w) return 10 * TENTHS.indexOf(w);
  const [tens, units] = w.split('-');
  const t = TENS.indexOf(tens ?? '');
  const u = UNITS.indexOf(units ?? '');
  return t >= 2 && u > 0 ? 10 * t + u : null;
}

const BODIES: readonly [RegExp, string][] = [
  [/General Assembly/g, 'General Assembly'],
  [/Commission on Human Rights/g, 'Commission on Human Rights'],
  [/Human Rights Council/g, 'Human Rights Council'],
  [/Economic and Social Council/g, 'Economic and Social Council'],
];

export interface Due {
  body: string | null;
  session: number | null;
  date: string | null;
}

/** "31 March 2026" → 2026-03-31; null when it is not a calendar date. */
function dateOf(words: string): string | null {
  const iso = isoDate(words);
  return iso && isValidDay(iso) ? iso : null;
}

/** What a deadline as worded (`sixty-first session`, `31 March 2026`) means, read in its paragraph. */
export function dueOf(deadline: string | null, paragraph: string, adoptingBody: string | null): Due {
  if (!deadline) return { body: null, session: null, date: null };
  const session = /^(.+?) session$/.exec(deadline.replace(' (resumed)', ''));
  if (!session) return { body: null, session: null, date: dateOf(deadline) };
  const at = paragraph.indexOf(`at its ${deadline}`);
  const before = at >= 0 ? paragraph.slice(0, at) : paragraph;
  let body: string | null = null;
  let last = -1;
  for (const [pattern, name] of BODIES) {
    for (const m of before.matchAll(pattern)) {
      if (m.index > last) {
        last = m.index;
        body = name;
      }
    }
  }
  return { body: body ?? adoptingBody, session: ordinalNumber(session[1] as string), date: null };
}

/**
 * The last day on which a session can still be said to be under way, where a rule fixes it:
 * - General Assembly: a regular session opens each September, the Nth in 1945 + N, and runs
 *   until the next opens; it is over at the latest on 30 September of 1946 + N (a generous
 *   bound: the next one has opened by then). The shared official texts, each stating its
 *   session and date, agree (test/unit/resolution-deadlines.test.ts).
 * - Commission on Human Rights: from its forty-ninth session (1993, which adopted resolution
 *   1993/51) one annual session, the Nth in 1944 + N (the sixtieth in 2004, the sixty-first in
 *   2005, the sixty-second and last in 2006); over by 31 December of that year. Its earlier
 *   sessions did not follow the year so (two met in 1947): not computed.
 * Other bodies (the Human Rights Council meets three times a year, numbered in sequence; the
 * Economic and Social Council's sessions changed form): null, not known.
 */
export function dueEnds(due: Due): string | null {
  if (due.date) return due.date;
  if (due.session === null) return null;
  if (due.body === 'General Assembly') return `${1946 + due.session}-09-30`;
  if (due.body === 'Commission on Human Rights' && due.session >= 49 && due.session <= 62) return `${1944 + due.session}-12-31`;
  return null;
}

/** Overdue: not answered nor superseded, and the session or date it was due at is over at `asOf`.
 *  null when that cannot be told (no deadline, or a body whose calendar is not fixed by rule). */
export function isOverdue(status: string, due: Due, asOf: string): boolean | null {
  if (status === 'answered' || status === 'superseded') return false;
  const ends = dueEnds(due);
  if (!ends) return null;
  return asOf > ends;
}
