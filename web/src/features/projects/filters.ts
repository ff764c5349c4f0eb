// The filters of the list of projects as the address keeps them (?state=KEN&year=2025), and as
// the API's list, totals and exports take them: the same names, so the page, its totals and
// the files it links to speak of the same projects.
import { FUNDING_SOURCES, PROJECT_STATUSES } from '../../../../src/shared/vocabularies.ts';

export interface ProjectFilters {
  state: string;
  region: string;
  status: string;
  fundingSource: string;
  year: string;
}

export const FILTER_NAMES = ['state', 'region', 'status', 'fundingSource', 'year'] as const;

/** The filters of the address, each dropped when the API would refuse it (a hand-edited link). */
export function filtersOf(params: URLSearchParams): ProjectFilters {
  const get = (name: string) => params.get(name) ?? '';
  const among = (value: string, list: readonly string[]) => (list.includes(value) ? value : '');
  return {
    state: /^[A-Z]{3}$/.test(get('state')) ? get('state') : '',
    region: /^\d{3}$/.test(get('region')) ? get('region') : '',
    status: among(get('status'), PROJECT_STATUSES),
    fundingSource: among(get('fundingSource'), FUNDING_SOURCES),
    year: /^\d{4}$/.test(get('year')) ? get('year') : '',
  };
}

export const anyFilter = (f: ProjectFilters) => FILTER_NAMES.some((name) => f[name] !== '');

/** The M49 regions, sub-regions and intermediate regions the registry's States lie in, by name. */
export function regionChoices(
  states: { region?: { code: string; name: string } | null; subregion?: { code: string; name: string } | null; intermediateRegion?: { code: string; name: string } | null }[],
  lang: string,
): [string, string][] {
  const regions = new Map<string, string>();
  for (const s of states) for (const r of [s.region, s.subregion, s.intermediateRegion]) if (r) regions.set(r.code, r.name);
  return [...regions].sort((a, b) => a[1].localeCompare(b[1], lang));
}
