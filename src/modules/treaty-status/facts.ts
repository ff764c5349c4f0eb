// The facts the status engine works on, whatever their origin: imported datasets (a UNTC
// table, a year-level list, a mapped regional table) and the reference treaty actions shipped
// with Accord. Facts are grouped into collections (one per source of the same kind), because
// precedence is decided between sources, not between files.
export type FactGroup = 'consent' | 'signature' | 'denunciation' | 'declaration' | 'text';

/** Acts by which a State becomes bound; `ratification-or-accession` is a year-level list's. */
export const CONSENT_KINDS = ['ratification', 'accession', 'succession', 'acceptance', 'approval', 'formal-confirmation', 'ratification-or-accession'];
const GROUP_OF: Record<string, FactGroup> = {
  ...Object.fromEntries(CONSENT_KINDS.map((k) => [k, 'consent' as const])),
  signature: 'signature',
  'succession-to-signature': 'signature',
  denunciation: 'denunciation',
  'declaration-accept': 'declaration',
  'declaration-withdraw': 'declaration',
  'declarations-and-reservations': 'text',
};

export function groupOf(kind: string): FactGroup {
  return GROUP_OF[kind] ?? 'text';
}

export interface FactOrigin {
  collection: string;
  /** Import dataset id, or null for the reference data. */
  dataset: string | null;
  sourceIds: string[];
  file: string | null;
  row: number | null;
  column: string | null;
}

export interface Fact {
  instrument: string;
  participant: string;
  participantKind: 'state' | 'organization';
  kind: string;
  /** YYYY-MM-DD, or YYYY(-MM) when the source gives no more; null when it gives no date. */
  date: string | null;
  /** The date it took effect: as the source states it, else by the instrument's rule. */
  effective: string | null;
  /** For an act the source gives without a date: it cannot precede the instrument's adoption,
   *  and is certain only from the day its source was consulted. */
  undated?: { from: string | null; certainFrom: string | null };
  /** The rule `effective` was computed by, when the source does not state it. */
  effectiveRule?: { article: string; sourceIds: string[] };
  text: string | null;
  origin: FactOrigin;
}

export interface SnapshotFact {
  instrument: string;
  participant: string;
  participantKind: 'state' | 'organization';
  status: 'party' | 'signatory' | 'withdrawn' | 'none' | 'contradictory';
  /** The list's date, when it states one. */
  asOf: string | null;
  note: string | null;
  origin: FactOrigin;
}

export interface Collection {
  id: string;
  /** `year`: every date it gives is a year (a year-level list); `day` otherwise. */
  precision: 'day' | 'year';
  /** The latest date it speaks of: after it, the collection cannot know what happened. */
  lastDate: string | null;
  /** The same per instrument, for the reference data, which gather a different source per instrument. */
  lastDateByInstrument: Map<string, string>;
  /** Lower wins between day-precise collections (reference, then UNTC, then mapped tables). */
  priority: number;
  /** instrument → groups it gives facts of (for any participant): what it claims to cover. */
  covers: Map<string, Set<FactGroup>>;
}

/** The last date a collection speaks of for an instrument. */
export function lastDateFor(collection: Collection, instrument: string): string | null {
  return collection.id === 'reference' ? (collection.lastDateByInstrument.get(instrument) ?? null) : collection.lastDate;
}

/** Which collection an import dataset belongs to: UNTC tables and texts are one source. */
export function collectionOf(datasetKind: string, datasetId: string): string {
  if (datasetKind === 'untc' || datasetKind === 'untc-declarations') return 'untc';
  if (datasetKind === 'untc-years') return 'untc-years';
  return datasetId;
}

export function priorityOf(collection: string): number {
  if (collection === 'reference') return 0;
  if (collection === 'untc') return 1;
  if (collection === 'untc-years') return 3;
  return 2;
}
