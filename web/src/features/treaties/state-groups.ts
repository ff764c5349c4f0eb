// The groupings of States the treaty pages filter and count by, besides the UN regional groups
// (REGIONAL_GROUPS in src/shared/vocabularies.ts): M49 regions, named in the reader's language
// when UN M49 names were imported.
import type { StateSummary } from '../../api/types.ts';

/** The M49 regions of the registry's States, as [code, name], by name. */
export function regionsOf(states: StateSummary[]): [string, string][] {
  const regions = new Map(states.flatMap((s) => (s.region ? [[s.region.code, s.region.name] as [string, string]] : [])));
  return [...regions.entries()].sort((a, b) => a[1].localeCompare(b[1]));
}
