// The recommendations search as the address holds it: the query (q), the sort and one
// comma-separated list per facet, the same names and form as the API's parameters, so a link to
// the page is the search itself. Pure functions, tested in test/unit/web-recommendations.test.ts.

/** The facets, in the order the page shows them. */
export const FACETS = ['state', 'recommender', 'response', 'followUp', 'kind', 'theme', 'instrument', 'session', 'cycle', 'year', 'group', 'organization', 'mechanism'] as const;
export type Facet = (typeof FACETS)[number];
export type Filters = Record<Facet, string[]>;
export const SORTS = ['newest', 'oldest'] as const;
export type Sort = (typeof SORTS)[number];

/** Facets whose values are numbers, listed in their order rather than by count. */
export const NUMERIC_FACETS: readonly Facet[] = ['session', 'cycle', 'year'];

const QUERY_LENGTH = 300;

/** The query as typed, without control characters (which only a hand-made address can hold). */
export function queryOf(params: URLSearchParams): string {
  return (params.get('q') ?? '')
    .replace(/\p{Cc}/gu, ' ')
    .trim()
    .slice(0, QUERY_LENGTH);
}

export function sortOf(params: URLSearchParams): Sort {
  const sort = params.get('sort');
  return sort === 'oldest' ? 'oldest' : 'newest';
}

export function filtersOf(params: URLSearchParams): Filters {
  const filters = {} as Filters;
  for (const facet of FACETS) {
    const values = (params.get(facet) ?? '')
      .split(',')
      .map((v) => v.trim())
      .filter((v) => v !== '');
    filters[facet] = [...new Set(values)];
  }
  return filters;
}

export function hasFilters(filters: Filters): boolean {
  return FACETS.some((f) => filters[f].length > 0);
}

/** The API's parameters for the search (the first page, or the one after `after`). */
export function apiParams(query: string, filters: Filters, sort: Sort): Record<string, string> {
  const params: Record<string, string> = {};
  if (query) params.q = query;
  for (const facet of FACETS) if (filters[facet].length) params[facet] = filters[facet].join(',');
  if (sort !== 'newest') params.sort = sort;
  return params;
}

/** The search's filters alone (what a bulk assignment of follow-up applies to): the API's parameters without the sort. */
export function withoutSort(params: Record<string, string>): Record<string, string> {
  const { sort: _sort, ...filter } = params;
  return filter;
}

/** The address's query with a facet's value ticked or unticked. */
export function withToggled(params: URLSearchParams, facet: Facet, value: string): URLSearchParams {
  const next = new URLSearchParams(params);
  const current = filtersOf(params)[facet];
  const values = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  if (values.length) next.set(facet, values.join(','));
  else next.delete(facet);
  return next;
}

/** The address's query without any facet (and without the query too, when asked). */
export function withoutFilters(params: URLSearchParams, alsoQuery = false): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const facet of FACETS) next.delete(facet);
  if (alsoQuery) next.delete('q');
  return next;
}

/** The address's query with another query text (empty: none). */
export function withQuery(params: URLSearchParams, query: string): URLSearchParams {
  const next = new URLSearchParams(params);
  const text = query.trim().slice(0, QUERY_LENGTH);
  if (text) next.set('q', text);
  else next.delete('q');
  return next;
}

/** Rows of one text to one State in one session (a joint recommendation: one row per recommending
 *  State) shown as one item, where the first of them is; the other items keep their order. */
export function groupedByText<T extends { id: string; groupKey: string }>(rows: readonly T[]): { key: string; rows: T[] }[] {
  const groups = new Map<string, T[]>();
  const seen = new Set<string>();
  for (const row of rows) {
    if (seen.has(row.id)) continue; // a row met twice (pages read while the data changed) is shown once
    seen.add(row.id);
    const group = groups.get(row.groupKey);
    if (group) group.push(row);
    else groups.set(row.groupKey, [row]);
  }
  return [...groups].map(([key, grouped]) => ({ key, rows: grouped }));
}

export interface FacetValue {
  value: string;
  label: string;
  count: number;
}

/** A facet's values in the order shown: by count as the API gives them, numbers in their order. */
export function orderedValues(facet: Facet, values: readonly FacetValue[]): FacetValue[] {
  if (!NUMERIC_FACETS.includes(facet)) return [...values];
  return [...values].sort((a, b) => Number(a.value) - Number(b.value));
}

/** The values a short list shows: the first `limit`, and any ticked value beyond them. */
export function shortList(values: readonly FacetValue[], selected: readonly string[], limit: number): FacetValue[] {
  return values.filter((v, i) => i < limit || selected.includes(v.value));
}

/** A facet's values with every ticked one among them: a ticked value that nothing matches any
 *  more (the API lists only values with rows) is listed with 0, so that it can be unticked. */
export function withSelected(values: readonly FacetValue[], selected: readonly string[]): FacetValue[] {
  const missing = selected.filter((s) => !values.some((v) => v.value === s));
  return [...values, ...missing.map((value) => ({ value, label: value, count: 0 }))];
}

/** The address's query with another order (the default, newest first, is not written). */
export function withSort(params: URLSearchParams, sort: Sort): URLSearchParams {
  const next = new URLSearchParams(params);
  if (sort === 'newest') next.delete('sort');
  else next.set('sort', sort);
  return next;
}
