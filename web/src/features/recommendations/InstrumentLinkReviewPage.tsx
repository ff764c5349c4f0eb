// The links the recogniser made between recommendations and the instruments they ask a State to
// ratify, accede to, sign or withdraw reservations to (GET /recommendations/instrument-links), for
// review: each with its text, the words matched marked, and its review. Administrators and OHCHR
// editors confirm or reject a link in its row (LinkReview), which is updated in place: a link
// confirmed while the list shows the unreviewed ones stays until the list is read again, so
// nothing moves under the reader's eyes or focus. The filters live in the address (unreviewed
// links by default: what a reviewer has left to do); further pages come by the API's cursor.
//
// A plain table rather than DataTable: that one sorts, filters and exports the rows it holds,
// which here would be the pages loaded so far, not the list.
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import { getJson } from '../../api/client.ts';
import { useInstruments, useStates } from '../../api/registry.ts';
import type { Instrument, InstrumentLink, InstrumentLinkList } from '../../api/types.ts';
import { useApi } from '../../api/useApi.ts';
import { useMorePages } from '../../api/useMorePages.ts';
import { instrumentName } from '../../components/instrument-name.ts';
import { Name } from '../../components/Name.tsx';
import { ErrorState, Loading } from '../../components/PageState.tsx';
import { SelectFilter } from '../../components/SelectFilter.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useQueryParam } from '../../components/useQueryParam.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { matchedExcerpt } from './highlight.ts';
import { LinkReview, useMayReviewLinks } from './LinkReview.tsx';
import { LoadMore } from './LoadMore.tsx';
import { MarkedText } from './MarkedText.tsx';
import { sessionText } from './recommendation-words.tsx';

const PAGE_SIZE = 50;
const REVIEW_FILTERS = ['unreviewed', 'confirmed', 'rejected', 'any'] as const;
// The recogniser's actions in the order lists show them (RATIFY_ACTIONS, which the browser cannot
// import: its module hashes with node:crypto). The type makes the compiler ask for a new one here.
const ACTION_ORDER: Record<InstrumentLink['action'], true> = {
  ratify: true,
  accede: true,
  'become-party': true,
  sign: true,
  'withdraw-reservations': true,
  'consider-ratifying': true,
  'consider-withdrawing-reservations': true,
};
const ACTIONS = Object.keys(ACTION_ORDER);

type Item = InstrumentLinkList['items'][number];

/** What to say beside an instrument's code: its short name, or its title where the short name is the code itself (CRPD). */
function nameBesideCode(i: Instrument, lang: string): { text: string; lang: string } {
  const shown = instrumentName(i, lang);
  return shown.text === i.code ? { text: i.title, lang: i.titleLang } : shown;
}
const itemKey = (recommendation: string, link: InstrumentLink) => `${recommendation}|${link.instrument}|${link.action}`;

interface Filters {
  instrument: string;
  action: string;
  state: string;
  review: string;
}

function LinkFilters({ filters, set }: { filters: Filters; set: (name: keyof Filters, value: string) => void }) {
  const { t, lang } = useI18n();
  const instruments = useInstruments(lang).data;
  const states = useStates(lang).data;
  const instrumentOptions = useMemo(() => (instruments ?? []).map((i): [string, string] => [i.code, `${i.code} · ${nameBesideCode(i, lang).text}`]), [instruments, lang]);
  const stateOptions = useMemo(() => {
    const collator = new Intl.Collator(lang);
    return (states ?? []).map((s): [string, string] => [s.iso3, s.name]).sort((a, b) => collator.compare(a[1], b[1]));
  }, [states, lang]);
  return (
    <div className="filters">
      <SelectFilter label={t('links.filter.instrument')} value={filters.instrument} onChange={(v) => set('instrument', v)} options={instrumentOptions} />
      <SelectFilter label={t('links.filter.action')} value={filters.action} onChange={(v) => set('action', v)} options={ACTIONS.map((a) => [a, t(`rec.links.action.${a}`)])} />
      <SelectFilter label={t('links.filter.state')} value={filters.state} onChange={(v) => set('state', v)} options={stateOptions} />
      <label className="field">
        <span>{t('links.filter.review')}</span>
        <select value={filters.review} onChange={(e) => set('review', e.target.value)}>
          {REVIEW_FILTERS.map((r) => (
            <option key={r} value={r}>
              {t(`links.review.${r}`)}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}

/** The review as words: "confirmed by a reviewer", "rejected by a reviewer" or "not reviewed". */
function ReviewState({ link }: { link: InstrumentLink }) {
  const { t } = useI18n();
  return <span className="review-state">{link.review ? t(`rec.links.review.${link.review.verdict}`) : t('rec.links.review.none')}</span>;
}

interface RowProps {
  item: Item;
  /** The item's link, as reviewed on this page if it was. */
  link: InstrumentLink;
  /** The instrument's name in the page's language, when the registry's list has loaded. */
  name: { text: string; lang: string } | undefined;
  index: number;
  mayReview: boolean;
  onReviewed: (link: InstrumentLink) => void;
}

function LinkRow({ item, link, name, index, mayReview, onReviewed }: RowProps) {
  const { t, href, date } = useI18n();
  const r = item.recommendation;
  const parts = useMemo(() => matchedExcerpt(r.text, link.matched), [r.text, link.matched]);
  const textId = `link-text-${index}`;
  const instrumentId = `link-instrument-${index}`;
  return (
    <tr data-recommendation={r.id} data-instrument={link.instrument} data-action={link.action} data-review={link.review?.verdict ?? 'none'}>
      <td className="link-text">
        {/* The text's language is not in the list's answer: dir="auto" lays it out by its own letters. */}
        <Link id={textId} to={href(`/recommendations/${encodeURIComponent(r.id)}`)} dir="auto">
          <MarkedText parts={parts} />
        </Link>
      </td>
      <td>
        <Link to={href(`/states/${r.state.iso3}`)}>{r.state.name}</Link>
      </td>
      <td>{sessionText(t, date, { session: r.session, cycle: null, date: r.date })}</td>
      <td>
        <Link id={instrumentId} to={href(`/instruments/${encodeURIComponent(link.instrument)}`)}>
          <bdi>{link.instrument}</bdi>
        </Link>
        {name && (
          <div className="muted small">
            <Name text={name.text} lang={name.lang} />
          </div>
        )}
      </td>
      <td>{t(`rec.links.action.${link.action}`)}</td>
      <td>
        <q dir="auto">{link.matched}</q>
      </td>
      <td>
        <code dir="ltr">{link.methodVersion}</code>
      </td>
      <td>
        <ReviewState link={link} />
        {mayReview && (
          <div>
            <LinkReview recommendation={r.id} link={link} onReviewed={onReviewed} describedBy={`${instrumentId} ${textId}`} />
          </div>
        )}
      </td>
    </tr>
  );
}

const COLUMNS = ['recommendation', 'state', 'session', 'instrument', 'action', 'matched', 'recogniser', 'review'] as const;

interface TableProps {
  items: Item[];
  linkOf: (item: Item) => InstrumentLink;
  mayReview: boolean;
  onReviewed: (recommendation: string, link: InstrumentLink) => void;
}

function LinksTable({ items, linkOf, mayReview, onReviewed }: TableProps) {
  const { t, lang } = useI18n();
  // The list gives instruments' codes only: their names come from the registry's list.
  const instruments = useInstruments(lang).data;
  const names = useMemo(() => new Map((instruments ?? []).map((i) => [i.code, nameBesideCode(i, lang)])), [instruments, lang]);
  return (
    // biome-ignore lint/a11y/useSemanticElements lint/a11y/noNoninteractiveTabindex: a labelled box that scrolls the table, focusable so a keyboard can scroll it (as DataTable's)
    <div className="table-scroll" role="region" aria-label={t('links.caption')} tabIndex={0}>
      <table className="link-review-table">
        <caption>{t('links.caption')}</caption>
        <thead>
          <tr>
            {COLUMNS.map((c) => (
              <th key={c} scope="col">
                {t(`links.col.${c}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {items.map((item, index) => (
            <LinkRow
              key={itemKey(item.recommendation.id, item.link)}
              item={item}
              link={linkOf(item)}
              name={names.get(item.link.instrument)}
              index={index}
              mayReview={mayReview}
              onReviewed={(link) => onReviewed(item.recommendation.id, link)}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The reviews made on this page, by item, for the list they were made in: shown over the API's
 *  first answer until the list (its key) changes and is read again. */
function useReviewedHere(key: string) {
  const [reviewed, setReviewed] = useState<{ key: string; links: Map<string, InstrumentLink> }>({ key, links: new Map() });
  const links = reviewed.key === key ? reviewed.links : new Map<string, InstrumentLink>();
  const linkOf = (item: Item) => links.get(itemKey(item.recommendation.id, item.link)) ?? item.link;
  const remember = (recommendation: string, link: InstrumentLink) =>
    setReviewed((previous) => {
      const next = new Map(previous.key === key ? previous.links : []);
      next.set(itemKey(recommendation, link), link);
      return { key, links: next };
    });
  return { linkOf, remember };
}

export function InstrumentLinkReviewPage() {
  const { t, lang, href } = useI18n();
  usePageTitle(t('links.title'));
  const [instrument, setInstrument] = useQueryParam('instrument');
  const [action, setAction] = useQueryParam('action');
  const [state, setState] = useQueryParam('state');
  const [review, setReview] = useQueryParam('review', 'unreviewed');
  const filters: Filters = { instrument, action, state, review };
  const setters = { instrument: setInstrument, action: setAction, state: setState, review: setReview };
  const params = { instrument, action, state, review, lang };
  const key = `instrument-links|${JSON.stringify(params)}`;
  const first = useApi(key, (signal) => getJson<InstrumentLinkList>('/recommendations/instrument-links', { ...params, limit: PAGE_SIZE }, signal));
  const more = useMorePages(key, first.loading ? undefined : first.data, (after, signal) =>
    getJson<InstrumentLinkList>('/recommendations/instrument-links', { ...params, limit: PAGE_SIZE, after }, signal),
  );
  const items = useMemo(() => [...(first.data?.items ?? []), ...more.pages.flatMap((p) => p.items)], [first.data, more.pages]);
  const { linkOf, remember } = useReviewedHere(key);
  const mayReview = useMayReviewLinks();

  // After "Load more", focus goes to the first row that was not there before.
  const focusFrom = useRef<number | null>(null);
  useEffect(() => {
    if (focusFrom.current === null || more.loading) return;
    document.querySelectorAll<HTMLElement>('.link-review-table td.link-text a')[focusFrom.current]?.focus();
    focusFrom.current = null;
  }, [more.loading]);

  const data = first.data;
  return (
    <>
      <p className="breadcrumb">
        <Link to={href('/recommendations')}>{t('rec.title')}</Link>
      </p>
      <h1>{t('links.title')}</h1>
      <p className="lead">{t('links.lead')}</p>
      <p>
        <Link to={href('/recommendations/ratification-outcomes')}>{t('outcomes.link')}</Link>
      </p>
      <LinkFilters filters={filters} set={(name, value) => setters[name](value)} />
      {first.error && !data ? (
        <ErrorState error={first.error} retry={first.retry} />
      ) : !data ? (
        <Loading />
      ) : (
        <div aria-busy={first.loading || more.loading}>
          <p className="summary links-total" role="status" data-total={data.total}>
            {t('links.total', { count: data.total })}
          </p>
          {data.total === 0 ? (
            <p className="page-state empty">{t('links.none')}</p>
          ) : (
            <>
              <LinksTable items={items} linkOf={linkOf} mayReview={mayReview} onReviewed={remember} />
              <LoadMore
                more={more}
                shown={items.length}
                total={data.total}
                busy={first.loading}
                onLoad={() => {
                  focusFrom.current = items.length;
                }}
              />
            </>
          )}
        </div>
      )}
    </>
  );
}
