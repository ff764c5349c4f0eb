// The resolutions imported from their text (GET /api/v1/resolutions): words of the title or
// symbol, the body and session, the API's sort and its pages read one after another, kept in the
// address; for administrators and OHCHR editors, the upload of a text. A list with nothing yet
// says so and, for those who may, offers the upload.
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useAuth } from '../../api/auth.tsx';
import { getJson } from '../../api/client.ts';
import type { Page, ResolutionSummary } from '../../api/types.ts';
import { useApi } from '../../api/useApi.ts';
import { useMorePages } from '../../api/useMorePages.ts';
import { FactDate } from '../../components/FactDate.tsx';
import { Loadable, MorePages } from '../../components/PageState.tsx';
import { useDebounced } from '../../components/useDebounced.ts';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useQueryParam } from '../../components/useQueryParam.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ImportForm } from './ImportForm.tsx';
import { BodyName, ResolutionKey } from './parts.tsx';

const PAGE_SIZE = 50;
const SORTS = ['-adoptedOn', 'adoptedOn', 'key', 'title', 'session', '-doubts'] as const;
/** Bodies whose resolutions the shared texts hold; the filter takes any other typed in. */
const KNOWN_BODIES = ['General Assembly', 'Security Council', 'Economic and Social Council', 'Human Rights Council', 'Commission on Human Rights'];

export function ResolutionsPage() {
  const { t, lang, href } = useI18n();
  const { can } = useAuth();
  usePageTitle(t('resolutions.title'));
  const [q, setQ] = useQueryParam('q');
  const [body, setBody] = useQueryParam('body');
  const [session, setSession] = useQueryParam('session');
  const [sort, setSort] = useQueryParam('sort', '-adoptedOn');
  const [typed, setTyped] = useState(q);
  const [importing, setImporting] = useState(false);
  const words = useDebounced(typed, 300);
  // The address follows the words once typing pauses.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the settled words change
  useEffect(() => {
    if (words !== q) setQ(words);
  }, [words]);
  const filters = { q, body, session: /^\d{1,3}$/.test(session) ? session : '', sort };
  const key = `resolutions|${lang}|${new URLSearchParams(filters).toString()}`;
  const first = useApi(key, (signal) => getJson<Page<ResolutionSummary>>('/resolutions', { ...filters, lang, limit: PAGE_SIZE }, signal), { subject: `resolutions|${lang}` });
  const more = useMorePages(key, first.loading ? undefined : first.data, (cursor, signal) => getJson<Page<ResolutionSummary>>('/resolutions', { ...filters, lang, limit: PAGE_SIZE, cursor }, signal));
  const filtered = Boolean(q || body || filters.session);
  return (
    <>
      <h1>{t('resolutions.title')}</h1>
      <p className="lead">{t('resolutions.lead')}</p>
      <form className="toolbar filters" aria-label={t('resolutions.filters')} onSubmit={(e) => e.preventDefault()}>
        <label className="field">
          <span>{t('resolutions.search')}</span>
          <input type="search" value={typed} maxLength={200} onChange={(e) => setTyped(e.target.value)} />
        </label>
        <label className="field">
          <span>{t('resolutions.body')}</span>
          <select value={body} onChange={(e) => setBody(e.target.value)}>
            <option value="">{t('common.all')}</option>
            {[...new Set([...KNOWN_BODIES, ...(body ? [body] : [])])].map((b) => (
              <option key={b} value={b} lang="en" dir="ltr">
                {b}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('resolutions.session')}</span>
          <input type="text" inputMode="numeric" dir="ltr" size={4} maxLength={3} value={session} onChange={(e) => setSession(e.target.value.replace(/\D/g, ''))} />
        </label>
        <label className="field">
          <span>{t('resolutions.sort')}</span>
          <select value={sort} onChange={(e) => setSort(e.target.value)}>
            {SORTS.map((s) => (
              <option key={s} value={s}>
                {t(`resolutions.sort.${s}`)}
              </option>
            ))}
          </select>
        </label>
      </form>
      <p className="toolbar">
        <Link className="button-link" to={href('/mandates')}>
          {t('mandates.title')}
        </Link>
        {can.editAll && (
          <button type="button" aria-expanded={importing} onClick={() => setImporting((v) => !v)}>
            {t('resolutions.import.open')}
          </button>
        )}
      </p>
      {can.editAll && importing && <ImportForm onImported={first.retry} />}
      <Loadable loaded={first}>
        {(data) => {
          const rows = [...data.items, ...more.pages.flatMap((p) => p.items)];
          if (rows.length === 0) {
            return (
              <p className="page-state empty">
                {filtered ? t('resolutions.noneFound') : t('resolutions.none')}{' '}
                {!filtered && can.editAll && !importing && (
                  <button type="button" onClick={() => setImporting(true)}>
                    {t('resolutions.import.open')}
                  </button>
                )}
              </p>
            );
          }
          return (
            <section aria-busy={first.loading || more.loading}>
              <p className="summary" role="status" data-total={data.total}>
                {t('resolutions.total', { n: data.total })}
              </p>
              <div className="table-scroll">
                <table className="data-table">
                  <caption>{t('resolutions.caption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('resolutions.key')}</th>
                      <th scope="col">{t('resolutions.resolutionTitle')}</th>
                      <th scope="col">{t('resolutions.body')}</th>
                      <th scope="col">{t('resolutions.session')}</th>
                      <th scope="col">{t('resolutions.adoptedOn')}</th>
                      <th scope="col">{t('resolutions.doubts')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((r) => (
                      <tr key={r.id}>
                        <td>
                          <Link to={href(`/resolutions/${encodeURIComponent(r.id)}`)}>
                            <ResolutionKey resolutionKey={r.key} official={r.official} />
                          </Link>
                        </td>
                        <td>
                          {r.title ? (
                            <span lang={r.lang} dir="auto">
                              {r.title}
                            </span>
                          ) : (
                            <span className="muted">{t('resolutions.noTitle')}</span>
                          )}
                        </td>
                        <td>
                          <BodyName name={r.body} />
                        </td>
                        <td dir="ltr">{r.session ?? '—'}</td>
                        <td>
                          <FactDate value={r.adoptedOn} />
                        </td>
                        <td>{r.doubts}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <MorePages more={more} label={t('resolutions.more', { shown: rows.length, total: data.total })} />
            </section>
          );
        }}
      </Loadable>
    </>
  );
}
