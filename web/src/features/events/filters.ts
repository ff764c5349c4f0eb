// The filters of the events list as the address keeps them (?kind=workshop&country=PAK&from=2000),
// and as the API's query names them (GET /api/v1/events, docs/COOPERATION.md).
import { isValidPartialDate } from '../../../../src/shared/dates.ts';

export const EVENT_FILTERS = ['kind', 'country', 'series', 'from', 'to'] as const;
export type EventFilters = Record<(typeof EVENT_FILTERS)[number], string>;

export function filtersFrom(params: URLSearchParams): EventFilters {
  const value = (name: string) => params.get(name)?.trim() ?? '';
  return { kind: value('kind'), country: value('country'), series: value('series'), from: value('from'), to: value('to') };
}

/** The dates of a draft that are not YYYY[-MM[-DD]]: the form names them before asking the API. */
export function badDates(filters: EventFilters): ('from' | 'to')[] {
  return (['from', 'to'] as const).filter((name) => filters[name] !== '' && !isValidPartialDate(filters[name]));
}

export const filtersKey = (filters: EventFilters): string => EVENT_FILTERS.map((f) => filters[f]).join('|');
