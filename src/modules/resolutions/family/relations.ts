// A resolution's family among the stored resolutions: the earlier ones it recalls (its citations,
// each matched to a stored text when the number and the body agree) and the later ones on the
// same subject (those that cite it, and those with the same title adopted later). Nothing is
// matched on a guess: a citation whose body cannot be told, or a text without a symbol, is kept
// unmatched and a note says why.
import type { CitedResolution } from '../parse/types.ts';

/** What the relations need of a resolution; the lead's store gives these for every stored text. */
export interface FamilyMember {
  /** The UN symbol ("A/RES/80/212"), or `local:<name>` for a text that prints none. */
  key: string;
  symbol: string | null;
  /** "General Assembly", "Security Council"… as the text states it, or null. */
  body: string | null;
  /** ISO date of adoption, or null. */
  date: string | null;
  title: string | null;
  resolutionsCited: CitedResolution[];
}

/** Who a citation's number belongs to, and how that was told. */
export type BodySource = 'named' | 'number form' | 'citing text';

export interface Recall {
  cited: CitedResolution;
  /** The body taken for the citation, or null when it cannot be told. */
  body: string | null;
  bodySource: BodySource | null;
  /** Stored resolutions it names: none (cited but not stored), one, or several for "75/254 A to C". */
  matches: MemberRef[];
  /** For each match, whether the date cited agrees with the stored date (null: one of them is missing). */
  dateAgrees: (boolean | null)[];
  /** Why nothing could be matched, when that is not simply "not stored". */
  note: string | null;
}

export interface MemberRef {
  key: string;
  symbol: string | null;
  date: string | null;
  title: string | null;
}

export type LaterReason = 'cites' | 'same title';

export interface LaterResolution extends MemberRef {
  reasons: LaterReason[];
}

export interface Relations {
  key: string;
  recalls: Recall[];
  /** Later resolutions on the subject, oldest first (undated last). */
  laterOnSubject: LaterResolution[];
  /** What could not be looked for, and why (no symbol, no title, no date). */
  notes: string[];
}

/** The symbol prefix of each body whose resolutions carry one; bodies not listed cannot be matched. */
const SYMBOL_PREFIX: Record<string, string> = {
  'General Assembly': 'A/RES/',
  'Security Council': 'S/RES/',
  'Human Rights Council': 'A/HRC/RES/',
  'Economic and Social Council': 'E/RES/',
  'Commission on Human Rights': 'E/CN.4/RES/',
};

/** A resolution number cut into what identifies it: "55/34 B" → base "55/34", letters ["B"]. */
interface Numbering {
  form: 'session' | 'year' | 'council' | 'roman' | 'other';
  base: string;
  letters: string[];
}

function numbering(number: string): Numbering {
  const n = number.replace(/\s+/g, ' ').trim();
  let m = /^(\d{1,4})\/(\d{1,4})(?: ?([A-Z])(?: (?:to|-|–) ([A-Z]))?)?$/.exec(n);
  if (m) {
    const first = Number(m[1]);
    return { form: first >= 1946 ? 'year' : 'session', base: `${first}/${Number(m[2])}`, letters: letterRange(m[3], m[4]) };
  }
  m = /^(\d{1,4}) ?\((\d{4})\)$/.exec(n);
  if (m) return { form: 'council', base: `${Number(m[1])} (${m[2]})`, letters: [] };
  m = /^(\d{1,4}) ?([A-Z])? ?\(([IVXL]+)\)$/.exec(n);
  if (m) return { form: 'roman', base: `${Number(m[1])} (${m[3]})`, letters: m[2] ? [m[2]] : [] };
  return { form: 'other', base: n, letters: [] };
}

function letterRange(from: string | undefined, to: string | undefined): string[] {
  if (!from) return [];
  if (!to) return [from];
  const out: string[] = [];
  for (let c = from.charCodeAt(0); c <= to.charCodeAt(0); c++) out.push(String.fromCharCode(c));
  return out;
}

/** Number forms each body uses: the General Assembly session/number ("78/235", old "169 (II)"),
 *  the Security Council number (year), the Human Rights Council session/number, ECOSOC and the
 *  Commission on Human Rights year/number ("1993/51"), ECOSOC's old number (roman session). */
const FORMS: Record<string, Numbering['form'][]> = {
  'General Assembly': ['session', 'roman'],
  'Security Council': ['council'],
  'Human Rights Council': ['session'],
  'Economic and Social Council': ['year', 'roman'],
  'Commission on Human Rights': ['year'],
};

/** A stored symbol read back into body and number: "A/RES/55/34 B" → General Assembly, 55/34, B. */
function symbolNumber(symbol: string): { body: string; numbering: Numbering } | null {
  for (const [body, prefix] of Object.entries(SYMBOL_PREFIX)) {
    if (!symbol.startsWith(prefix)) continue;
    const rest = symbol.slice(prefix.length).trim();
    // A part letter may be written glued ("55/34B") in a symbol.
    const glued = /^(\d{1,4}\/\d{1,4})([A-Z])$/.exec(rest);
    const n = numbering(glued ? `${glued[1]} ${glued[2]}` : rest);
    if (n.form === 'other' || !(FORMS[body] ?? []).includes(n.form)) return null;
    return { body, numbering: n };
  }
  return null;
}

/** The body a citation's number belongs to. The body named before "resolution" is taken; else
 *  the Security Council's "1325 (2000)" form tells it; else a number in a form the citing body
 *  uses is taken as the citing body's own ("Recalling its resolution 55/105"). */
function citedBody(cited: CitedResolution, citingBody: string | null): { body: string | null; source: BodySource | null; note: string | null } {
  if (cited.body) return { body: cited.body, source: 'named', note: null };
  const form = numbering(cited.number).form;
  if (form === 'council') return { body: 'Security Council', source: 'number form', note: null };
  if (citingBody && (FORMS[citingBody] ?? []).includes(form)) return { body: citingBody, source: 'citing text', note: null };
  const why = citingBody
    ? `the text does not name the body, and "${cited.number}" is not in a form the ${citingBody} numbers its resolutions in`
    : `neither the citation nor the citing text names a body`;
  return { body: null, source: null, note: why };
}

function refOf(r: FamilyMember): MemberRef {
  return { key: r.key, symbol: r.symbol, date: r.date, title: r.title };
}

/** Does a citation, read as `body`'s, name this stored resolution? */
function names(cited: CitedResolution, body: string, stored: FamilyMember): boolean {
  if (!stored.symbol) return false;
  const own = symbolNumber(stored.symbol);
  if (!own || own.body !== body) return false;
  const n = numbering(cited.number);
  if (n.base !== own.numbering.base) return false;
  if (n.letters.length === 0 && own.numbering.letters.length === 0) return true;
  return own.numbering.letters.length === 1 && n.letters.includes(own.numbering.letters[0]!);
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "4 December 2000" → "2000-12-04"; null when not in that form. */
export function isoDate(date: string): string | null {
  const m = /^(\d{1,2}) ([A-Z][a-z]+) (\d{4})$/.exec(date.trim());
  const month = m ? MONTHS.indexOf(m[2] ?? '') : -1;
  if (!m || month < 0) return null;
  return `${m[3]}-${String(month + 1).padStart(2, '0')}-${String(Number(m[1])).padStart(2, '0')}`;
}

/** One recall per resolution: "Security Council resolution 1325 (2000)" and a later bare
 *  "resolution 1325 (2000)" in the same text are one citation once the body is told. */
function recallsOf(resolution: FamilyMember, stored: FamilyMember[]): Recall[] {
  const seen = new Set<string>();
  const out: Recall[] = [];
  for (const cited of resolution.resolutionsCited) {
    const { body, source, note } = citedBody(cited, resolution.body);
    const once = `${body ?? ''}|${numbering(cited.number).base}|${numbering(cited.number).letters.join('')}`;
    if (body && seen.has(once)) continue;
    seen.add(once);
    const matches = body ? stored.filter((s) => s.key !== resolution.key && names(cited, body, s)) : [];
    const citedIso = cited.date ? isoDate(cited.date) : null;
    out.push({
      cited,
      body,
      bodySource: source,
      matches: matches.map(refOf),
      dateAgrees: matches.map((s) => (citedIso && s.date ? citedIso === s.date : null)),
      note,
    });
  }
  return out;
}

/** Titles compared without case, spacing or the form of hyphens and quotation marks. */
function titleKey(title: string): string {
  return title
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

export function findRelations(resolution: FamilyMember, stored: FamilyMember[]): Relations {
  const notes: string[] = [];
  const later = new Map<string, LaterResolution>();
  const add = (r: FamilyMember, reason: LaterReason) => {
    const entry = later.get(r.key) ?? { ...refOf(r), reasons: [] };
    if (!entry.reasons.includes(reason)) entry.reasons.push(reason);
    later.set(r.key, entry);
  };

  if (!resolution.symbol) notes.push('the text prints no symbol, so no resolution can be found that cites it by number');
  else if (!symbolNumber(resolution.symbol)) notes.push(`the symbol ${resolution.symbol} is not one whose number citations can be matched to`);
  else {
    for (const other of stored) {
      if (other.key === resolution.key) continue;
      const cites = recallsOf(other, [resolution]).some((r) => r.matches.length > 0);
      if (cites) add(other, 'cites');
    }
  }

  if (!resolution.title) notes.push('the text prints no title, so no later resolution with the same title can be looked for');
  else if (!resolution.date) notes.push('the text states no date of adoption, so which resolutions with the same title came later cannot be told');
  else {
    const key = titleKey(resolution.title);
    for (const other of stored) {
      if (other.key !== resolution.key && other.title && other.date && other.date > resolution.date && titleKey(other.title) === key) add(other, 'same title');
    }
  }

  const laterOnSubject = [...later.values()].sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999') || a.key.localeCompare(b.key));
  return { key: resolution.key, recalls: recallsOf(resolution, stored), laterOnSubject, notes };
}
