// Recommendations made to States (UPR Info's record of the UPR): a search over their text in
// any language, facets with counts, and pages read one after another by the API's cursor.
// The search lives in the address (q, sort, one list per facet, as the API names them): a new
// query or a ticked value is a new entry of the browser's history, so Back undoes it; the order
// only replaces the entry, as a table's sort does. Further pages are kept with the first one's
// answer (useApi's memory), so coming back from a recommendation shows what was loaded.
import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { getJson } from '../../api/client.ts';
import type { Recommendation, RecommendationSearch } from '../../api/types.ts';
import { useApi } from '../../api/useApi.ts';
import { useMorePages } from '../../api/useMorePages.ts';
import { ErrorState, Loading } from '../../components/PageState.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { BulkAssign, useMayAssign } from './BulkAssign.tsx';
import { highlightParts, searchTermsOf } from './highlight.ts';
import { LoadMore } from './LoadMore.tsx';
import { MarkedText } from './MarkedText.tsx';
import { AsWritten, DataSource, ResponseBadge, sessionText, Themes } from './recommendation-words.tsx';
import { ExportLinks } from './ExportLinks.tsx';
import {
  apiParams,
  FACETS,
  type Facet,
  type FacetValue,
  filtersOf,
  groupedByText,
  hasFilters,
  orderedValues,
  queryOf,
  SORTS,
  type Sort,
  shortList,
  sortOf,
  withQuery,
  withSelected,
  withSort,
  withToggled,
  withoutFilters,
  withoutSort,
} from './search-model.ts';

const PAGE_SIZE = 25;
/** Values a facet lists before "Show all". */
const SHORT_LIST = 8;

type SearchTerms = ReturnType<typeof searchTermsOf>;

/** The text with the words the query found in <mark>. */
function Highlighted({ text, terms }: { text: string; terms: SearchTerms }) {
  const parts = useMemo(() => highlightParts(text, terms), [text, terms]);
  return <MarkedText parts={parts} />;
}

function SearchForm({ query, onSearch }: { query: string; onSearch: (query: string) => void }) {
  const { t } = useI18n();
  const [text, setText] = useState(query);
  // Back or a link changed the query: show it.
  useEffect(() => setText(query), [query]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch(text);
  };
  return (
    // biome-ignore lint/a11y/useSemanticElements: the form is a search landmark; browsers before 2023 do not know <search>
    <form role="search" aria-label={t('rec.search.landmark')} className="rec-search" onSubmit={submit}>
      <label htmlFor="rec-q">{t('rec.search.label')}</label>
      <div className="rec-search-row">
        <input id="rec-q" className="rec-q" type="search" name="q" value={text} maxLength={300} aria-describedby="rec-q-hint" onChange={(e) => setText(e.target.value)} />
        <button type="submit">{t('rec.search.submit')}</button>
      </div>
      <p id="rec-q-hint" className="muted small rec-hint">
        {t('rec.search.hint')}
      </p>
    </form>
  );
}

function FacetPanel({ facet, values, selected, onToggle }: { facet: Facet; values: FacetValue[]; selected: string[]; onToggle: (value: string) => void }) {
  const { t, number } = useI18n();
  const [all, setAll] = useState(false);
  // The boxes follow a click at once: the address (and so `selected`) changes in a transition of
  // the router's, and a box driven by it alone would flick back until then.
  const [ticked, setTicked] = useState(selected);
  const selectedKey = selected.join(',');
  // biome-ignore lint/correctness/useExhaustiveDependencies: the list's content says when the address changed it
  useEffect(() => setTicked(selected), [selectedKey]);
  const ordered = orderedValues(facet, withSelected(values, selected));
  const shown = all ? ordered : shortList(ordered, selected, SHORT_LIST);
  const label = (v: FacetValue) => {
    if (facet === 'response') return t(`rec.response.${v.value}`);
    if (facet === 'kind') return t(`rec.kind.${v.value}`);
    if (facet === 'followUp') return t(`fu.status.${v.value}`);
    if (facet === 'state' || facet === 'recommender') return v.label;
    if (facet === 'session' || facet === 'cycle' || facet === 'year') return v.value;
    return <AsWritten>{v.value}</AsWritten>; // the source's own tags and codes
  };
  const listId = `facet-${facet}`;
  return (
    <fieldset className="facet">
      <legend className="facet-legend">{t(`rec.facet.${facet}`)}</legend>
      <ul id={listId} className={facet === 'session' || facet === 'cycle' || facet === 'year' ? 'facet-values compact' : 'facet-values'}>
        {shown.map((v) => (
          <li key={v.value}>
            <label>
              <input
                className="facet-box"
                type="checkbox"
                name={facet}
                value={v.value}
                checked={ticked.includes(v.value)}
                onChange={() => {
                  setTicked(ticked.includes(v.value) ? ticked.filter((x) => x !== v.value) : [...ticked, v.value]);
                  onToggle(v.value);
                }}
              />
              <span className="facet-label">{label(v)}</span> <bdi className="count">{number(v.count)}</bdi>
            </label>
          </li>
        ))}
      </ul>
      {ordered.length > shortList(ordered, selected, SHORT_LIST).length && (
        <button type="button" className="link-button" aria-controls={listId} aria-expanded={all} onClick={() => setAll(!all)}>
          {all ? t('rec.facet.fewer') : t('rec.facet.all', { count: ordered.length })}
        </button>
      )}
    </fieldset>
  );
}

function ResultItem({ rows, terms }: { rows: Recommendation[]; terms: SearchTerms }) {
  const { t, href, list, date } = useI18n();
  const first = rows[0]!;
  const recommenders = [...new Set(rows.flatMap((r) => (r.recommender ? [r.recommender.name] : [])))];
  const responses = [...new Set(rows.map((r) => r.response))];
  return (
    <li className="rec-item">
      <article aria-labelledby={`rec-${first.id}`}>
        <h3 id={`rec-${first.id}`}>
          <Link to={href(`/recommendations/${first.id}`)}>{t(`rec.heading.${first.kind}`, { state: first.state.name })}</Link>
        </h3>
        <p className="rec-meta">
          {first.kind === 'recommendation' && recommenders.length > 0 && (
            <span className="rec-by">
              {t(recommenders.length > 1 ? 'rec.recommendedByJoint' : 'rec.recommendedBy')} {list(recommenders)}
            </span>
          )}
          <span>{sessionText(t, date, first)}</span>
          {first.kind === 'recommendation' && (
            <span>
              {responses.map((r) => (
                <ResponseBadge key={r ?? 'none'} response={r} />
              ))}
            </span>
          )}
        </p>
        <p className="rec-text" lang={first.textLang} dir={first.textLang === 'ar' ? 'rtl' : 'ltr'}>
          <Highlighted text={first.text} terms={terms} />
        </p>
        <Themes themes={first.themes} />
      </article>
    </li>
  );
}

export function RecommendationsPage() {
  const { t, lang, href } = useI18n();
  const [params, setParams] = useSearchParams();
  const query = queryOf(params);
  const filters = filtersOf(params);
  const sort = sortOf(params);
  const api = apiParams(query, filters, sort);
  const key = `recommendations|${lang}|${new URLSearchParams(api).toString()}`;
  const first = useApi(key, (signal) => getJson<RecommendationSearch>('/recommendations', { ...api, lang, limit: PAGE_SIZE }, signal), { subject: `recommendations|${lang}` });
  const more = useMorePages(key, first.loading ? undefined : first.data, (after, signal) =>
    getJson<RecommendationSearch>('/recommendations', { ...api, lang, limit: PAGE_SIZE, after, facets: 'false' }, signal),
  );
  const terms = useMemo(() => searchTermsOf(query), [query]);
  usePageTitle(query ? t('rec.titleFor', { query }) : t('rec.title'));

  const rows = useMemo(() => [...(first.data?.items ?? []), ...more.pages.flatMap((p) => p.items)], [first.data, more.pages]);
  const groups = useMemo(() => groupedByText(rows), [rows]);

  // After "Load more", focus goes to the first item that was not there before.
  const focusFrom = useRef<number | null>(null);
  useEffect(() => {
    if (focusFrom.current === null || more.loading) return;
    const items = document.querySelectorAll<HTMLElement>('.rec-item h3 a');
    items[focusFrom.current]?.focus();
    focusFrom.current = null;
  }, [more.loading]);

  const search = (next: URLSearchParams) => setParams(next, { preventScrollReset: true });
  // From the address as it is now, not as last rendered: a second box ticked before the router's
  // transition has ended must not undo the first.
  const toggle = (facet: Facet) => (value: string) => search(withToggled(new URLSearchParams(window.location.search), facet, value));
  const clearFilters = `?${withoutFilters(params).toString()}`;
  const clearAll = `?${withoutFilters(params, true).toString()}`;
  const filtered = hasFilters(filters);
  const data = first.data;
  const mayAssign = useMayAssign();

  return (
    <>
      <h1>{t('rec.title')}</h1>
      <p className="lead">{t('rec.lead')}</p>
      <p>
        <Link to={href('/recommendations/ratification-outcomes')}>{t('outcomes.link')}</Link>
      </p>
      <SearchForm query={query} onSearch={(q) => search(withQuery(params, q))} />
      {first.error && !data ? (
        <>
          <ErrorState error={first.error} retry={first.retry} />
          {(filtered || query) && (
            <p>
              <Link to={clearAll}>{t('rec.clearAll')}</Link>
            </p>
          )}
        </>
      ) : !data ? (
        <Loading />
      ) : (
        <div className="rec-layout">
          <section className="rec-filters" aria-labelledby="rec-filters-title">
            <a className="skip-inline" href="#rec-results-title">
              {t('rec.skipToResults')}
            </a>
            <h2 id="rec-filters-title" className="rec-heading">
              {t('rec.filters')}
            </h2>
            {filtered && (
              <p>
                <Link to={clearFilters}>{t('rec.clearFilters')}</Link>
              </p>
            )}
            {FACETS.map((facet) => {
              const values = data.facets?.[facet] ?? [];
              // A facet with one value and nothing ticked narrows nothing (the mechanism, while the UPR is the only one).
              if (filters[facet].length === 0 && (values.length === 0 || (facet === 'mechanism' && values.length < 2))) return null;
              return <FacetPanel key={facet} facet={facet} values={values} selected={filters[facet]} onToggle={toggle(facet)} />;
            })}
          </section>
          <section className="rec-results" aria-labelledby="rec-results-title" aria-busy={first.loading || more.loading}>
            <h2 id="rec-results-title" className="rec-heading" tabIndex={-1}>
              {t('rec.results')}
            </h2>
            <div className="toolbar">
              <p className="summary rec-total" role="status" data-total={data.total}>
                {query ? t('rec.totalFor', { count: data.total, query }) : t('rec.total', { count: data.total })}
                {first.loading && <span className="muted"> · {t('status.loading')}</span>}
              </p>
              <label className="field inline">
                <span>{t('rec.sort')}</span>
                <select value={sort} onChange={(e) => setParams(withSort(params, e.target.value as Sort), { replace: true, preventScrollReset: true })}>
                  {SORTS.map((s) => (
                    <option key={s} value={s}>
                      {t(`rec.sort.${s}`)}
                    </option>
                  ))}
                </select>
              </label>
            </div>
            {data.total > 0 && <p className="muted small">{t('rec.totalNote')}</p>}
            {data.total > 0 && <ExportLinks params={api} total={data.total} />}
            {data.total > 0 && mayAssign && <BulkAssign filter={withoutSort(api)} total={data.total} onDone={first.retry} />}
            <DataSource rows={rows} />
            {data.total === 0 ? (
              <div className="page-state empty">
                <p>{query ? t('rec.none', { query }) : filtered ? t('rec.noneFiltered') : t('rec.noneAtAll')}</p>
                <p>
                  {filtered && <Link to={clearFilters}>{t('rec.clearFilters')}</Link>}
                  {filtered && query && ' · '}
                  {query && <Link to={clearAll}>{t('rec.clearAll')}</Link>}
                </p>
              </div>
            ) : (
              <>
                <ol className="rec-list">
                  {groups.map((g) => (
                    <ResultItem key={g.key} rows={g.rows} terms={terms} />
                  ))}
                </ol>
                <LoadMore
                  more={more}
                  shown={rows.length}
                  total={data.total}
                  busy={first.loading}
                  className="rec-shown"
                  onLoad={() => {
                    focusFrom.current = groups.length;
                  }}
                />
              </>
            )}
          </section>
        </div>
      )}
    </>
  );
}
