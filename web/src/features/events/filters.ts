// The filters of the events list as the address keeps them (?kind=workshop&country=PAK&from=2000),
// the M49 regions the States of the registry lie in (the choices of the region filter),
// and as the API's query names them (GET /api/v1/events, docs/COOPERATION.md).
import { isValidPartialDate } from '../../../../src/shared/dates.ts';

export const EVENT_FILTERS = ['kind', 'country', 'region', 'series', 'from', 'to'] as const;
export type EventFilters = Record<(typeof EVENT_FILTERS)[number], string>;

export function filtersFrom(params: URLSearchParams): EventFilters {
  const value = (name: string) => params.get(name)?.trim() ?? '';
  return { kind: value('kind'), country: value('country'), region: value('region'), series: value('series'), from: value('from'), to: value('to') };
}

/** The dates of a draft that are not YYYY[-MM[-DD]]: the form names them before asking the API. */
export function badDates(filters: EventFilters): ('from' | 'to')[] {
  return (['from', 'to'] as const).filter((name) => filters[name] !== '' && !isValidPartialDate(filters[name]));
}

export const filtersKey = (filters: EventFilters): string => EVENT_FILTERS.map((f) => filters[f]).join('|');

interface RegionRef {
  code: string;
  name: string;
}

/** Every M49 region, subregion and intermediate region of the States, once each, by name. */
export function regionsOf(states: { region: RegionRef | null; subregion: RegionRef | null; intermediateRegion: RegionRef | null }[], lang: string): [string, string][] {
  const byCode = new Map<string, string>();
  for (const s of states) for (const r of [s.region, s.subregion, s.intermediateRegion]) if (r) byCode.set(r.code, r.name);
  return [...byCode.entries()].sort((a, b) => a[1].localeCompare(b[1], lang));
}
