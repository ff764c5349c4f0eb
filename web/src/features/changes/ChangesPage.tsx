// Recent changes: the public change feed (GET /api/v1/changes), newest first, a page at a time
// by the feed's cursor, filtered by kind, region, organization, State and instrument. Filters
// and the cursor live in the address, so every page is a link; "Older changes" is a plain link
// to the next cursor. The Atom and JSON Feed links carry the same filters. Signed-in readers see
// what their rights allow (the API decides); summaries are the records' own text, in English.
import { type FormEvent, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useAuth } from '../../api/auth.tsx';
import { apiUrl, getJson } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import { Empty, Loadable } from '../../components/PageState.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useI18n } from '../../i18n/i18n.tsx';

const PAGE_SIZE = 50;
export const CHANGE_KINDS = [
  'organization',
  'membership-event',
  'instrument',
  'mechanism',
  'treaty-action',
  'presence',
  'coverage-period',
  'assistance-request',
  'project',
  'funding-agreement',
  'event-series',
  'event',
  'recommendation-follow-up',
  'dataset',
  'official-names',
] as const;
const FILTERS = ['kind', 'region', 'organization', 'state', 'instrument'] as const;
type Filters = Record<(typeof FILTERS)[number], string>;

interface Change {
  id: string;
  at: string;
  kind: string;
  recordId: string | null;
  action: 'created' | 'updated' | 'deleted' | 'imported';
  summary: string;
  links: { self: string; record: string | null; history: string | null; differences: string | null };
}
interface ChangePage {
  items: Change[];
  next: string | null;
  more: boolean;
}

/** The web page of a record, for the kinds the web app shows. */
function pageOf(change: Change): string | null {
  const id = change.recordId;
  if (id === null || change.action === 'deleted') return null;
  switch (change.kind) {
    case 'organization':
    case 'instrument':
    case 'mechanism':
    case 'presence':
      return `/${change.kind}s/${encodeURIComponent(id)}`;
    case 'membership-event':
      return `/organizations/${encodeURIComponent(id.split('/')[0] ?? id)}`;
    case 'coverage-period':
      return `/presences/${encodeURIComponent(id.split('/')[0] ?? id)}`;
    case 'recommendation-follow-up':
      return `/recommendations/${encodeURIComponent(id)}`;
    default:
      return null;
  }
}

export function ChangesPage() {
  const { t } = useI18n();
  usePageTitle(t('changes.title'));
  const [params, setParams] = useSearchParams();
  const filters = Object.fromEntries(FILTERS.map((f) => [f, params.get(f) ?? ''])) as Filters;
  const before = params.get('before') ?? '';
  const apply = (next: Filters) =>
    setParams(() => {
      const p = new URLSearchParams();
      for (const f of FILTERS) if (next[f]) p.set(f, next[f]);
      return p;
    });
  const feedParams = Object.fromEntries(FILTERS.filter((f) => filters[f]).map((f) => [f, filters[f]]));
  const { can } = useAuth();
  const { href } = useI18n();
  return (
    <>
      <h1>{t('changes.title')}</h1>
      <p className="lead">{t('changes.lead')}</p>
      <FilterForm key={FILTERS.map((f) => filters[f]).join('|')} filters={filters} onApply={apply} />
      <p>
        {t('changes.feeds')}: <a href={apiUrl('/changes.atom', feedParams)}>{t('changes.atom')}</a> · <a href={apiUrl('/changes.json', feedParams)}>{t('changes.jsonFeed')}</a> ·{' '}
        <a href={apiUrl('/changes', feedParams)}>{t('changes.api')}</a>
        {can.manageUsers && (
          <>
            {' · '}
            <Link to={href('/admin/webhooks')}>{t('webhooks.link')}</Link>
            {' · '}
            <Link to={href('/admin/sync')}>{t('sync.link')}</Link>
          </>
        )}
      </p>
      <Changes filters={filters} before={before} />
    </>
  );
}

function FilterForm({ filters, onApply }: { filters: Filters; onApply: (filters: Filters) => void }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState(filters);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(Object.fromEntries(FILTERS.map((f) => [f, draft[f].trim()])) as Filters);
  };
  const input = (f: Exclude<keyof Filters, 'kind'>, placeholder: string) => (
    <label className="field" key={f}>
      <span>{t(`changes.filter.${f}`)}</span>
      <input type="text" value={draft[f]} onChange={(e) => setDraft({ ...draft, [f]: e.target.value })} dir="ltr" spellCheck={false} placeholder={placeholder} />
    </label>
  );
  return (
    // biome-ignore lint/a11y/useSemanticElements: the feed's filters; a search landmark would clash with the site's search
    <form className="toolbar filters" onSubmit={submit} role="group" aria-label={t('changes.filters')}>
      <label className="field">
        <span>{t('changes.filter.kind')}</span>
        <select value={draft.kind} onChange={(e) => setDraft({ ...draft, kind: e.target.value })}>
          <option value="">{t('changes.kind.all')}</option>
          {CHANGE_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`changes.kind.${kind}`)}
            </option>
          ))}
        </select>
      </label>
      {input('region', '002')}
      {input('organization', 'au')}
      {input('state', 'KEN')}
      {input('instrument', 'ICCPR')}
      <div className="buttons">
        <button type="submit" className="primary">
          {t('changes.apply')}
        </button>
        <button type="button" onClick={() => onApply({ kind: '', region: '', organization: '', state: '', instrument: '' })}>
          {t('changes.clear')}
        </button>
      </div>
    </form>
  );
}

function Changes({ filters, before }: { filters: Filters; before: string }) {
  const { t, dateTime, href } = useI18n();
  const query = { ...filters, order: 'newest', before, limit: PAGE_SIZE };
  const page = useApi(`changes|${JSON.stringify(query)}`, (signal) => getJson<ChangePage>('/changes', query, signal), { remember: false });
  const olderLink = (next: string) => {
    const p = new URLSearchParams();
    for (const f of FILTERS) if (filters[f]) p.set(f, filters[f]);
    p.set('before', next);
    return `?${p.toString()}`;
  };
  return (
    <Loadable loaded={page}>
      {(data) => (
        <>
          {data.items.length === 0 ? (
            <Empty>{t('changes.none')}</Empty>
          ) : (
            <ol className="change-list">
              {data.items.map((change) => {
                const web = pageOf(change);
                return (
                  <li key={change.id} className="change-item">
                    <time dateTime={change.at}>{dateTime(change.at)}</time> · <strong>{t(`changes.action.${change.action}`)}</strong> · {t(`changes.kind.${change.kind}`)}{' '}
                    {change.recordId && <bdi dir="ltr">{change.recordId}</bdi>}
                    <span className="block" lang="en" dir="ltr">
                      {change.summary}
                    </span>
                    <span className="muted small block">
                      {web && (
                        <>
                          <Link to={href(web)}>{t('changes.open')}</Link> ·{' '}
                        </>
                      )}
                      {change.links.differences && (
                        <>
                          <a href={apiUrl(`/changes/${encodeURIComponent(change.id)}`)}>{t('changes.differences')}</a> ·{' '}
                        </>
                      )}
                      {/* The entry's own address, made here rather than taken from the data (as every link is). */}
                      <a href={apiUrl(`/changes/${encodeURIComponent(change.id)}`)}>{t('changes.entry')}</a>
                    </span>
                  </li>
                );
              })}
            </ol>
          )}
          <p>
            {before && <Link to="?">{t('changes.newest')}</Link>}
            {before && data.more && ' · '}
            {data.more && data.next && <Link to={olderLink(data.next)}>{t('changes.older')}</Link>}
          </p>
        </>
      )}
    </Loadable>
  );
}
