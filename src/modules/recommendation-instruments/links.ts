// The links between a recommendation and the instruments it asks about, as the recogniser
// (recommendations/ratification.ts) reads them from its text: what the import stores with each
// row and `accord recommendations relink` recomputes. Pure: the text and the names in.
import { createHash } from 'node:crypto';
import { foldForSearch } from '../../shared/text.ts';
import { type InstrumentPatternSource, type RatifyAction, recogniseRatification } from '../recommendations/ratification.ts';

/** How a link was made. Only the recogniser makes links for now; a person's verdict is a review. */
export const LINK_METHODS = ['recognised'] as const;
export type LinkMethod = (typeof LINK_METHODS)[number];

/** Every action the recogniser gives, in the order lists show them. */
export const RATIFY_ACTIONS = [
  'ratify',
  'accede',
  'become-party',
  'sign',
  'withdraw-reservations',
  'consider-ratifying',
  'consider-withdrawing-reservations',
] as const satisfies readonly RatifyAction[];

/** The actions that ask the State to become party: what outcomes count (see docs/RECOMMENDATIONS.md). */
export const JOINING_ACTIONS = ['ratify', 'accede', 'become-party'] as const satisfies readonly RatifyAction[];

/** Raised by hand when the recogniser's rules change (ratification.ts and the files it reads). */
const RECOGNISER_RULES = 1;

export interface InstrumentLink {
  instrument: string;
  action: RatifyAction;
  matched: string;
}

export interface Linker {
  /** `ratification-<rules>:<hash of the names>`: which recogniser and which list of names made a link. */
  version: string;
  linksOf(text: string): InstrumentLink[];
}

/**
 * Whether a text may ask anything of the recogniser: every request it reads has a word (folded,
 * as its tokens are) holding one of these: ratif-, acce-, adhe-, join, sign, reserv-, or the
 * word part, party or parties (recommendations/ratify-triggers.ts). Three texts in four have
 * none, and this test costs a quarter of the recogniser's time on them: on the 42,013 UPR Info
 * rows the import ran four times faster with the same links (test/unit/instrument-links.test.ts).
 * A new trigger word in ratify-triggers.ts must be added here.
 */
const MAY_ASK = /ratif|acce|adhe|join|sign|reserv|(?<![\p{L}\p{M}])part(?:y|ies)?(?![\p{L}\p{M}])/iu;

/** A text of ASCII alone folds to its lower case, which the `i` flag already reads: only others are folded. */
export function mayAsk(text: string): boolean {
  return MAY_ASK.test(text) || (/[\u0080-\uffff]/.test(text) && MAY_ASK.test(foldForSearch(text)));
}

export function linkerFor(names: readonly InstrumentPatternSource[]): Linker {
  const hash = createHash('sha256').update(JSON.stringify(names)).digest('hex').slice(0, 12);
  return {
    version: `ratification-${RECOGNISER_RULES}:${hash}`,
    linksOf: (text) => (mayAsk(text) ? recogniseRatification(text, names).map((m) => ({ instrument: m.instrument, action: m.action, matched: m.matched })) : []),
  };
}

/** The links of freshly stored rows, by their keys. */
export function linksOfStored(rows: readonly { seq: number; text: string }[], linker: Linker): (InstrumentLink & { seq: number })[] {
  return rows.flatMap((r) => linker.linksOf(r.text).map((l) => ({ ...l, seq: r.seq })));
}
