// Searching recommendations: the filters of a query read into one filter, the matches counted,
// counted per value of each facet (first page), and one page of them in a stable order, each
// with the names of its States in the asked language and its source. `next` is a keyset
// cursor (the last row's date and key), so a page 10,000 results deep costs what the first does.
import type { Kysely } from 'kysely';
import type { Database, RecommendationTable } from '../../db/schema.ts';
import { NotFoundError, ValidationError } from '../../shared/errors.ts';
import type { Lang } from '../../shared/text.ts';
import type { RecommendationKind, RecommendationResponse } from '../../shared/vocabularies.ts';
import { followUpFacet, followUpFacetOf } from '../follow-up/facet.ts';
import { countsWithNone } from '../follow-up/counts.ts';
import { latestStatusesBySeq } from '../follow-up/repository.ts';
import { namesOf } from '../names/repository.ts';
import { linksOfRecommendation } from '../recommendation-instruments/link-views.ts';
import { loadSources, loadSourcesOf, type SourceView } from '../sources/repository.ts';
import {
  type Cursor,
  countMatching,
  type FacetName,
  facetCounts,
  findRecommendation,
  groupRows,
  instrumentFacetCounts,
  pageOfMatching,
  type RecommendationFilter,
  SINGLE_FACETS,
  type Sort,
  rowsBySeqs,
  TAG_FACETS,
  textMatchSeqs,
} from './repository.ts';
import { currentFacetIndex } from './facet-index.ts';
import { searchIndex } from './facet-search.ts';
import type { RecommendationSearchView, RecommendationView } from './schema.ts';
import { searchTermsOf } from './search-text.ts';

export interface RecommendationQuery {
  q?: string;
  state?: string;
  mechanism?: string;
  recommender?: string;
  group?: string;
  organization?: string;
  theme?: string;
  response?: string;
  kind?: string;
  cycle?: string;
  session?: string;
  year?: string;
  followUp?: string;
  instrument?: string;
  sort?: Sort;
  limit?: number;
  after?: string;
  facets?: 'true' | 'false';
}

const FACETS: readonly FacetName[] = [...(Object.keys(SINGLE_FACETS) as FacetName[]), ...TAG_FACETS, 'year', 'instrument'];
const FACET_VALUES = 30;

const listOf = (value: string | undefined) => (value ? value.split(',').map((v) => v.trim()) : []);

export function filterOf(q: RecommendationQuery): RecommendationFilter {
  return {
    terms: searchTermsOf(q.q ?? ''),
    state: listOf(q.state),
    mechanism: listOf(q.mechanism),
    recommender: listOf(q.recommender),
    group: listOf(q.group),
    organization: listOf(q.organization),
    theme: listOf(q.theme),
    response: listOf(q.response),
    kind: listOf(q.kind),
    cycle: listOf(q.cycle).map(Number),
    session: listOf(q.session).map(Number),
    year: listOf(q.year),
    followUp: listOf(q.followUp),
    instrument: listOf(q.instrument),
  };
}

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.sortDate, c.seq])).toString('base64url');
}

export function decodeCursor(value: string): Cursor {
  try {
    const [sortDate, seq] = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as unknown[];
    if (typeof sortDate === 'string' && sortDate.length <= 10 && Number.isSafeInteger(seq)) return { sortDate, seq: seq as number };
  } catch {
    // refused below
  }
  throw new ValidationError('The cursor is not one this API gave: pass the `next` of the previous page as `after`', [{ parameter: 'after', reason: 'not a cursor of this API' }]);
}

type Row = RecommendationTable & { seq: number };
type Names = Awaited<ReturnType<typeof namesOf>>;

export function viewOf(row: Row, names: Names, sources: Map<string, SourceView>): RecommendationView {
  return {
    id: row.id,
    kind: row.kind as RecommendationKind,
    mechanism: row.mechanism,
    state: { iso3: row.state_iso3, name: names.get(row.state_iso3)?.name ?? row.state_iso3, group: row.state_group, organizations: JSON.parse(row.state_orgs) },
    recommender:
      row.recommender_name === null
        ? null
        : { iso3: row.recommender_iso3, name: (row.recommender_iso3 && names.get(row.recommender_iso3)?.name) || row.recommender_name, group: row.recommender_group },
    cycle: row.cycle,
    session: row.session,
    date: row.date,
    documentSymbol: row.document_symbol,
    text: row.text,
    textLang: row.text_lang,
    response: row.response as RecommendationResponse | null,
    responseAsWritten: row.response_source,
    actionCategory: row.action_category,
    themes: JSON.parse(row.themes_source),
    groupKey: row.group_key,
    dataset: row.dataset_id,
    sourceRow: row.source_row,
    source: sources.get(row.source_id) ?? null,
  };
}

function labelOf(facet: FacetName, value: string, names: Names): string {
  return facet === 'state' || facet === 'recommender' ? (names.get(value)?.name ?? value) : value;
}

/** The most frequent values of a facet, and the values the query selects even when they are rarer (a filter is always shown with its count). */
async function countsOf(db: Kysely<Database>, filter: RecommendationFilter, facet: FacetName) {
  const count = (limit: number, only?: string[]) => (facet === 'instrument' ? instrumentFacetCounts(db, filter, limit, only) : facetCounts(db, filter, facet, limit, only));
  const top = await count(FACET_VALUES);
  const selected = (filter[facet] as (string | number)[]).map(String);
  const missing = selected.filter((v) => !top.some((t) => t.value === v));
  if (missing.length === 0) return top;
  return [...top, ...(await count(missing.length, missing))];
}

/** What a search finds before it is shown: from the facet index when it has the data as it is now, else from SQL alone. */
interface Found {
  total: number;
  facets: Map<FacetName, { value: string; count: number }[]> | null;
  rows: Row[];
  more: boolean;
  /** The followUp facet's counts (with `none`) when the facet index counted them; else SQL counts them. */
  followUp?: { value: string; count: number }[];
}

async function findWithIndex(db: Kysely<Database>, filter: RecommendationFilter, wantFacets: boolean, sort: Sort, limit: number, after: Cursor | null): Promise<Found | null> {
  // The follow-up is not in the index: a search filtered by it is answered by SQL.
  if (filter.followUp?.length) return null;
  const index = await currentFacetIndex(db);
  if (!index) return null;
  const textMatches = filter.terms.length ? await textMatchSeqs(db, filter.terms) : null;
  const statuses = wantFacets ? await latestStatusesBySeq(db) : null;
  const outside = statuses && { seqs: statuses.map((s) => s.seq), values: statuses.map((s) => s.status) };
  const answer = searchIndex(index, filter, textMatches, wantFacets, sort, limit, after, outside);
  if (!answer) return null;
  const rows = (await rowsBySeqs(db, answer.page)) as Row[];
  if (rows.length !== answer.page.length) return null;
  const facets = answer.facets && new Map([...answer.facets].map(([facet, counts]) => [facet, shownCounts(filter, facet, counts)]));
  return {
    total: answer.total,
    facets,
    rows,
    more: answer.more,
    followUp: answer.outside
      ? countsWithNone(
          [...answer.outside].map(([value, count]) => ({ value, count })),
          answer.total,
        )
      : undefined,
  };
}

/** The most frequent values, and the values the query selects even when they are rarer (a filter is always shown with its count). */
function shownCounts(filter: RecommendationFilter, facet: FacetName, counts: { value: string; count: number }[]) {
  const top = counts.slice(0, FACET_VALUES);
  const selected = new Set((filter[facet] as (string | number)[]).map(String));
  return [...top, ...counts.slice(FACET_VALUES).filter((c) => selected.has(c.value))];
}

async function findWithSql(db: Kysely<Database>, filter: RecommendationFilter, wantFacets: boolean, sort: Sort, limit: number, after: Cursor | null): Promise<Found> {
  const [total, rows] = await Promise.all([countMatching(db, filter), pageOfMatching(db, filter, sort, limit + 1, after)]);
  let facets: Found['facets'] = null;
  if (wantFacets) {
    facets = new Map();
    for (const facet of FACETS) facets.set(facet, await countsOf(db, filter, facet));
  }
  return { total, facets, rows: rows.slice(0, limit) as Row[], more: rows.length > limit };
}

/** The same search on SQL alone, whatever the facet index holds: what the tests compare the index with. */
export async function searchRecommendationsWithSql(db: Kysely<Database>, q: RecommendationQuery, lang: Lang): Promise<RecommendationSearchView> {
  return searchRecommendations(db, q, lang, findWithSql);
}

/** The same search answered from the facet index alone: an error when the index cannot answer it. */
export async function searchRecommendationsWithIndex(db: Kysely<Database>, q: RecommendationQuery, lang: Lang): Promise<RecommendationSearchView> {
  return searchRecommendations(db, q, lang, async (...args) => {
    const found = await findWithIndex(...args);
    if (!found) throw new Error('the facet index could not answer this search');
    return found;
  });
}

export async function searchRecommendations(
  db: Kysely<Database>,
  q: RecommendationQuery,
  lang: Lang,
  find: typeof findWithSql = async (...args) => (await findWithIndex(...args)) ?? findWithSql(...args),
): Promise<RecommendationSearchView> {
  const filter = filterOf(q);
  const after = q.after ? decodeCursor(q.after) : null;
  const limit = q.limit ?? 50;
  const wantFacets = q.facets ? q.facets === 'true' : after === null;
  const [found, names] = await Promise.all([find(db, filter, wantFacets, q.sort ?? 'newest', limit, after), namesOf(db, 'state', lang)]);
  const sources = await loadSourcesOf(
    db,
    found.rows.map((r) => r.source_id),
  );
  let facets: RecommendationSearchView['facets'] = null;
  if (found.facets) {
    facets = {};
    for (const facet of FACETS) facets[facet] = (found.facets.get(facet) ?? []).map((f) => ({ ...f, label: labelOf(facet, f.value, names) }));
    facets.followUp = found.followUp ? followUpFacetOf(found.followUp, filter) : await followUpFacet(db, filter);
  }
  const last = found.rows.at(-1);
  return {
    total: found.total,
    facets,
    items: found.rows.map((r) => viewOf(r, names, sources)),
    next: found.more && last ? encodeCursor({ sortDate: last.sort_date, seq: Number(last.seq) }) : null,
  };
}

export async function recommendationDetail(db: Kysely<Database>, id: string, lang: Lang) {
  const row = (await findRecommendation(db, id)) as Row | undefined;
  if (!row) throw new NotFoundError('recommendation', id);
  const [group, names, sources, instrumentLinks] = await Promise.all([groupRows(db, row.group_key), namesOf(db, 'state', lang), loadSources(db), linksOfRecommendation(db, Number(row.seq))]);
  return { ...viewOf(row, names, sources), sameText: (group as Row[]).map((r) => viewOf(r, names, sources)), instrumentLinks };
}
