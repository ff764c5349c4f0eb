// The links between a recommendation and the instruments it asks about, as the recogniser
// (recommendations/ratification.ts) reads them from its text: what the import stores with each
// row and `accord recommendations relink` recomputes. Pure: the text and the names in.
import { createHash } from 'node:crypto';
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

export function linkerFor(names: readonly InstrumentPatternSource[]): Linker {
  const hash = createHash('sha256').update(JSON.stringify(names)).digest('hex').slice(0, 12);
  return {
    version: `ratification-${RECOGNISER_RULES}:${hash}`,
    linksOf: (text) => recogniseRatification(text, names).map((m) => ({ instrument: m.instrument, action: m.action, matched: m.matched })),
  };
}

/** The links of freshly stored rows, by their keys. */
export function linksOfStored(rows: readonly { seq: number; text: string }[], linker: Linker): (InstrumentLink & { seq: number })[] {
  return rows.flatMap((r) => linker.linksOf(r.text).map((l) => ({ ...l, seq: r.seq })));
}
