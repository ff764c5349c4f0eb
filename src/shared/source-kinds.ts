// What kind of source a fact rests on. Official: a depositary, an organization, a court or a
// government, or a faithful copy of one of their documents (the copy named). Secondary:
// scholarship, NGOs, press. Tertiary: encyclopedias and mirrors. Counts include official and
// secondary facts (saying how many rest on secondary ones); tertiary-only and unsourced facts
// are shown, never counted.
export const SOURCE_KINDS = ['official', 'secondary', 'tertiary'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** What a fact's sources make it: the strongest kind among them; `none` without any known source. */
export type SupportKind = SourceKind | 'none';

export function strongestKind(kinds: (string | null | undefined)[]): SupportKind {
  for (const kind of SOURCE_KINDS) if (kinds.includes(kind)) return kind;
  return 'none';
}

/** Whether a fact with this support counts (official or secondary). */
export const isCounted = (support: SupportKind): boolean => support === 'official' || support === 'secondary';
