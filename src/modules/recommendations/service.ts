// Searching recommendations: the filters of a query read into one filter, the matches counted,
// counted per value of each facet (first page), and one page of them in a stable order, each
// with the names of its States in the asked language and its source. `next` is a keyset
// cursor (the last row's date and key), so a page 10,000 results deep costs what the first does.
import type { Kysely } from 'kysely';
import type { Database, RecommendationTable } from '../../db/schema.ts';
import { NotFoundError, ValidationError } from '../../shared/errors.ts';
import type { Lang } from '../../shared/text.ts';
import type { RecommendationKind, RecommendationResponse } from '../../shared/vocabularies.ts';
import { followUpFacet } from '../follow-up/facet.ts';
import { namesOf } from '../names/repository.ts';
import { loadSources, type SourceView } from '../sources/repository.ts';
import {
  type Cursor,
  countMatching,
  type FacetName,
  facetCounts,
  findRecommendation,
  groupRows,
  pageOfMatching,
  type RecommendationFilter,
  SINGLE_FACETS,
  type Sort,
  TAG_FACETS,
} from './repository.ts';
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
  sort?: Sort;
  limit?: number;
  after?: string;
  facets?: 'true' | 'false';
}

const FACETS: readonly FacetName[] = [...(Object.keys(SINGLE_FACETS) as FacetName[]), ...TAG_FACETS, 'year'];
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
  const top = await facetCounts(db, filter, facet, FACET_VALUES);
  const selected = (filter[facet] as (string | number)[]).map(String);
  const missing = selected.filter((v) => !top.some((t) => t.value === v));
  if (missing.length === 0) return top;
  return [...top, ...(await facetCounts(db, filter, facet, missing.length, missing))];
}

export async function searchRecommendations(db: Kysely<Database>, q: RecommendationQuery, lang: Lang): Promise<RecommendationSearchView> {
  const filter = filterOf(q);
  const after = q.after ? decodeCursor(q.after) : null;
  const limit = q.limit ?? 50;
  const wantFacets = q.facets ? q.facets === 'true' : after === null;
  const [total, rows, names, sources] = await Promise.all([countMatching(db, filter), pageOfMatching(db, filter, q.sort ?? 'newest', limit + 1, after), namesOf(db, 'state', lang), loadSources(db)]);
  let facets: RecommendationSearchView['facets'] = null;
  if (wantFacets) {
    facets = {};
    for (const facet of FACETS) facets[facet] = (await countsOf(db, filter, facet)).map((f) => ({ ...f, label: labelOf(facet, f.value, names) }));
    facets.followUp = await followUpFacet(db, filter);
  }
  const page = rows.slice(0, limit) as Row[];
  const last = page.at(-1);
  return {
    total,
    facets,
    items: page.map((r) => viewOf(r, names, sources)),
    next: rows.length > limit && last ? encodeCursor({ sortDate: last.sort_date, seq: Number(last.seq) }) : null,
  };
}

export async function recommendationDetail(db: Kysely<Database>, id: string, lang: Lang) {
  const row = (await findRecommendation(db, id)) as Row | undefined;
  if (!row) throw new NotFoundError('recommendation', id);
  const [group, names, sources] = await Promise.all([groupRows(db, row.group_key), namesOf(db, 'state', lang), loadSources(db)]);
  return { ...viewOf(row, names, sources), sameText: (group as Row[]).map((r) => viewOf(r, names, sources)) };
}
