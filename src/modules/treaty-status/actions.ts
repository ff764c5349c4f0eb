// The treaty actions and snapshots the status engine works on, whatever their origin: the
// datasets shipped in data/reference (`reference:<instrument>`) and the imported ones (a UNTC
// page or table, a year-level list, a mapped regional table). Actions are grouped into
// collections (one per source of the same kind), because precedence is decided between
// sources, not between files.
import type { SupportKind } from '../../shared/source-kinds.ts';
import { own } from '../../shared/own.ts';

export type ActionGroup = 'consent' | 'signature' | 'denunciation' | 'declaration' | 'text';

/** Acts by which a State becomes bound; `ratification-or-accession` is a year-level list's. */
export const CONSENT_KINDS = ['ratification', 'accession', 'succession', 'acceptance', 'approval', 'formal-confirmation', 'ratification-or-accession'];
const GROUP_OF: Record<string, ActionGroup> = {
  ...Object.fromEntries(CONSENT_KINDS.map((k) => [k, 'consent' as const])),
  signature: 'signature',
  'succession-to-signature': 'signature',
  denunciation: 'denunciation',
  'declaration-accept': 'declaration',
  'declaration-withdraw': 'declaration',
};

/** Anything else (declarations and reservations, declarations under an article) is a text. */
export function groupOf(kind: string): ActionGroup {
  return own(GROUP_OF, kind) ?? 'text';
}

export interface ActionOrigin {
  collection: string;
  dataset: string;
  sourceIds: string[];
  file: string;
  row: number;
  column: string | null;
}

export interface TreatyAction {
  instrument: string;
  participant: string;
  participantKind: 'state' | 'organization';
  /** The participant as the source names it. */
  participantName: string;
  kind: string;
  /** YYYY-MM-DD, or YYYY(-MM) when the source gives no more; null when it gives no date. */
  date: string | null;
  /** The date it took effect: as the source states it, else by the instrument's rule. */
  effective: string | null;
  /** The rule `effective` was computed by, when the source does not state it. */
  effectiveRule?: { article: string; sourceIds: string[] };
  /** For an act the source gives without a day: the first day it can have happened (the
   *  instrument's adoption, the State's existence, its eligibility) and the day it is certain
   *  (the earliest date a source stating it speaks for). */
  bounds?: { from: string | null; certainFrom: string | null };
  text: string | null;
  note: string | null;
  /** For a declaration: the procedure it accepts or withdraws (modules/procedures), when the
   *  instrument has several; null otherwise. */
  procedure?: string | null;
  /** The strongest kind among its sources. */
  support: SupportKind;
  origin: ActionOrigin;
}

export interface TreatySnapshot {
  instrument: string;
  participant: string;
  participantKind: 'state' | 'organization';
  status: 'party' | 'signatory' | 'withdrawn' | 'none' | 'contradictory';
  /** The list's date, when it states one. */
  asOf: string | null;
  /** What a row whose fields disagree says. */
  note: string | null;
  support: SupportKind;
  origin: ActionOrigin;
}

export interface Collection {
  id: string;
  /** `year`: every date it gives is a year (a year-level list); `day` otherwise. */
  precision: 'day' | 'year';
  /** The date it speaks for: the date its datasets state, else its latest act. */
  asOf: string | null;
  /** The same per instrument (the reference data gather a different source per instrument). */
  asOfByInstrument: Map<string, string>;
  /** Lower wins between day-precise collections. */
  priority: number;
  /** The depositary's full list of participants: a State it does not list took no action by its date. */
  complete: boolean;
  /** instrument → groups it gives actions of (for any participant): what it claims to cover. */
  covers: Map<string, Set<ActionGroup>>;
  /** instrument → participants it has a row for. */
  speaksFor: Map<string, Set<string>>;
}

/** The date a collection speaks for about an instrument. */
export function asOfFor(collection: Collection, instrument: string): string | null {
  return collection.asOfByInstrument.get(instrument) ?? collection.asOf;
}

/** Which collection a dataset belongs to: the UNTC tables and their texts are one source. */
export function collectionOf(datasetKind: string, datasetId: string): string {
  if (datasetKind === 'untc' || datasetKind === 'untc-declarations') return 'untc';
  if (datasetKind === 'untc-html' || datasetKind === 'untc-years' || datasetKind === 'reference') return datasetKind;
  return datasetId;
}

/** Day-precise collections in order of precedence: the curated reference data, the
 *  depositary's own pages (newest first), then mapped tables; year-level lists come last. */
export function priorityOf(collection: string): number {
  if (collection === 'reference') return 0;
  if (collection === 'untc-html') return 1;
  if (collection === 'untc') return 2;
  if (collection === 'untc-years') return 4;
  return 3;
}

/** The depositary's own participant lists are complete; the others know what they list. */
export const isComplete = (collection: string) => collection === 'untc-html' || collection === 'untc';
