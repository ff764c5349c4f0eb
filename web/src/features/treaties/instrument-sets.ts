// The instrument sets the treaty pages offer, and the order of their columns: UN instruments
// before regional ones, each by adoption, so that a protocol comes after the treaty it completes.
import type { Instrument } from '../../api/types.ts';

export const SETS = ['core', 'un', 'regional', 'all'] as const;
export type InstrumentSet = (typeof SETS)[number];

export function isSet(value: string): value is InstrumentSet {
  return (SETS as readonly string[]).includes(value);
}

/** Treaties only: a declaration (the ASEAN Human Rights Declaration) has no parties, so a
 *  column for it would say "not party" for every State. */
export function treatiesInOrder(all: Instrument[]): Instrument[] {
  return all.filter((i) => i.binding).sort((a, b) => (a.system === b.system ? 0 : a.system === 'un' ? -1 : 1) || (a.adopted ?? '').localeCompare(b.adopted ?? '') || a.code.localeCompare(b.code));
}

export function inSet(ordered: Instrument[], set: InstrumentSet): Instrument[] {
  if (set === 'core') return ordered.filter((i) => i.core);
  if (set === 'un' || set === 'regional') return ordered.filter((i) => i.system === set);
  return ordered;
}

/** The codes of an address's list (?instruments=CAT,CRC) that are known, in column order. */
export function chosenCodes(ordered: Instrument[], list: string): string[] {
  const wanted = new Set(list.split(',').map((c) => c.trim().toUpperCase()));
  return ordered.filter((i) => wanted.has(i.code)).map((i) => i.code);
}
