// The treaty actions and snapshots the status engine works on, whatever their origin: the
// datasets shipped in data/reference (`reference:<instrument>`) and the imported ones (a UNTC
// page or table, a year-level list, a mapped regional table). Actions are grouped into
// collections (one per source of the same kind), because precedence is decided between
// sources, not between files.
import { COLLECTIONS } from '../../shared/collections.ts';
import type { SupportKind } from '../../shared/source-kinds.ts';
import { CONSENT_KINDS, SIGNATURE_KINDS, type CollectionPrecision, type ListedStatus, type ParticipantKind } from '../../shared/vocabularies.ts';
import { own } from '../../shared/own.ts';

export type ActionGroup = 'consent' | 'signature' | 'denunciation' | 'declaration' | 'text';

const GROUP_OF: Record<string, ActionGroup> = {
  ...Object.fromEntries(CONSENT_KINDS.map((k) => [k, 'consent' as const])),
  ...Object.fromEntries(SIGNATURE_KINDS.map((k) => [k, 'signature' as const])),
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
  participantKind: ParticipantKind;
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
  participantKind: ParticipantKind;
  status: ListedStatus | 'contradictory';
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
  precision: CollectionPrecision;
  /** The date it speaks for: the date its datasets state, else its latest act. */
  asOf: string | null;
  /** The same per instrument (the reference data gather a different source per instrument). */
  asOfByInstrument: Map<string, string>;
  /** Lower wins between day-precise collections. */
  priority: number;
  /** The depositary's full list of participants: a State it does not list took no action by its date. */
  complete: boolean;
  /** Editors' acts: primary for a participant's group of acts only where it holds such an act (speaksOnlyForItsActs). */
  onlyItsActs: boolean;
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
  if ((COLLECTIONS as readonly string[]).includes(datasetKind)) return datasetKind;
  return datasetId;
}
