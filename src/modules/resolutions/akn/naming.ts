// FRBR names of an exported resolution, after the AKN4UN naming convention
// (UNSCEB-HLCM/unsceb-hlcm.github.io, part1 "AKN4UN Naming convention", commit 159199d1):
//   work          /akn/un/statement/deliberation/un-ga/2016-10-13/71-4
//   expression    <work>/eng@            (original version, language as ISO 639-2)
//   manifestation <work>/eng@.xml
//   component     <work>/!main, <work>/eng@/!main, <work>/eng@/!main.xml, <work>/!annex_1
// In the number segment "/" becomes "-" and a space "_"; the number as printed goes in showAs.
// A text that states no symbol gets a local number "local-<name>": never an official-looking one.
import { ValidationError } from '../../../shared/errors.ts';
import type { ParsedResolution } from '../parse/types.ts';

/** ISO 639-1 (the app's language codes) → ISO 639-2, which AKN uses in IRIs and FRBRlanguage. */
const LANGUAGES: Record<string, string> = { en: 'eng', fr: 'fra', es: 'spa', ru: 'rus', ar: 'ara', zh: 'zho' };

export interface Actor {
  /** End of the organisation's ontology IRI and the IRI's actor segment: "un-ga". */
  code: string;
  showAs: string;
}

const ACTORS: Record<string, Actor> = {
  'General Assembly': { code: 'un-ga', showAs: 'General Assembly' },
  'Security Council': { code: 'un-sc', showAs: 'Security Council' },
  'Economic and Social Council': { code: 'un-ecosoc', showAs: 'Economic and Social Council' },
  'Human Rights Council': { code: 'un-hrc', showAs: 'Human Rights Council' },
};
/** When the text names no body: the Organization itself, which is true of every resolution here. */
const UNKNOWN_ACTOR: Actor = { code: 'un', showAs: 'United Nations (the text names no body)' };

export interface Naming {
  official: boolean;
  /** The symbol as printed, when official. */
  symbol: string | null;
  /** The key for a local identifier ("local:ga-59-…"), else null. */
  localKey: string | null;
  /** FRBRnumber: value for IRIs, showAs as printed (or the local key). */
  number: { value: string; showAs: string };
  actor: Actor;
  /** Adoption date, or null when the text states none. */
  date: string | null;
  /** ISO 639-2. */
  language: string;
  work: string;
  expression: string;
}

/** The date segment when the adoption date is unknown: a word, so no false date enters the IRI. */
export const UNDATED = 'undated';

export function namingFor(doc: ParsedResolution, id: { key: string; lang: string }): Naming {
  const language = LANGUAGES[id.lang];
  if (!language) {
    throw new ValidationError(`Akoma Ntoso export: unknown language "${id.lang}"; expected one of ${Object.keys(LANGUAGES).join(', ')}`, [
      { parameter: 'lang', reason: `not one of ${Object.keys(LANGUAGES).join(', ')}` },
    ]);
  }
  const number = numberFor(doc, id.key);
  const actor = actorFor(doc, number.symbol);
  const work = `/akn/un/statement/deliberation/${actor.code}/${doc.date ?? UNDATED}/${number.value}`;
  return {
    official: number.symbol !== null,
    symbol: number.symbol,
    localKey: number.symbol === null ? id.key : null,
    number: { value: number.value, showAs: number.showAs },
    actor,
    date: doc.date ?? null,
    language,
    work,
    expression: `${work}/${language}@`,
  };
}

function keyError(key: string, reason: string): ValidationError {
  return new ValidationError(`Akoma Ntoso export: key "${key}" ${reason}`, [{ parameter: 'key', reason }]);
}

/** The key must agree with the text: its symbol when the text states one, else local:<name>. */
function numberFor(doc: ParsedResolution, key: string): { symbol: string | null; value: string; showAs: string } {
  if (key.startsWith('local:')) {
    if (doc.symbol) throw keyError(key, `is local, but the text states the symbol ${doc.symbol}: use the symbol as key`);
    const name = key.slice('local:'.length).replace(/[^A-Za-z0-9._-]+/g, '_');
    if (name === '' || name === '_') throw keyError(key, 'has no name after "local:"');
    return { symbol: null, value: `local-${name}`, showAs: key };
  }
  if (!doc.symbol) throw keyError(key, 'is not stated in the text as its symbol; a text without a symbol is keyed "local:<name>"');
  if (doc.symbol !== key) throw keyError(key, `differs from the symbol the text states, ${doc.symbol}`);
  const printed = resolutionNumber(key);
  return { symbol: key, value: printed.value.replace(/\//g, '-').replace(/ /g, '_'), showAs: printed.showAs };
}

/** The resolution's own number inside its symbol: A/RES/80/212 → 80/212; S/RES/1445 (2002) → 1445,
 *  shown as "1445 (2002)" (the year repeats the date segment; brackets do not belong in a segment). */
function resolutionNumber(symbol: string): { value: string; showAs: string } {
  const sc = /^S\/RES\/(\d+)((?: \(\d{4}\))?)$/.exec(symbol);
  if (sc) return { value: sc[1]!, showAs: sc[1]! + sc[2]! };
  const other = /^[A-Z]+\/RES\/(.+)$/.exec(symbol);
  if (other) return { value: other[1]!, showAs: other[1]! };
  throw keyError(symbol, 'is not a resolution symbol of the form A/RES/…, S/RES/… or E/RES/…');
}

function actorFor(doc: ParsedResolution, symbol: string | null): Actor {
  if (doc.body && ACTORS[doc.body]) return ACTORS[doc.body]!;
  if (symbol?.startsWith('A/')) return ACTORS['General Assembly']!;
  if (symbol?.startsWith('S/')) return ACTORS['Security Council']!;
  if (symbol?.startsWith('E/')) return ACTORS['Economic and Social Council']!;
  return UNKNOWN_ACTOR;
}
