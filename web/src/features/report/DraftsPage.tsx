// The drafts of the report (GET /api/v1/report-drafts), for those who may draft: each with its
// session, date, language, versions saved and when it last changed, read a page at a time.
import { Link } from 'react-router';
import { getJson } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import { useMorePages } from '../../api/useMorePages.ts';
import { Loadable, MorePages } from '../../components/PageState.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { isLang, LANGUAGE_NAMES, useI18n } from '../../i18n/i18n.tsx';
import { Guard } from '../account/Guard.tsx';
import { dirOf } from './settings.ts';
import type { DraftSummary } from './types.ts';

/** The API's list: every draft the asker may open, in one answer for now; `next` when it pages. */
interface DraftList {
  items: DraftSummary[];
  next?: string | null;
  total?: number;
}
const withNext = (list: DraftList) => ({ ...list, next: list.next ?? null });

export function DraftsPage() {
  const { t } = useI18n();
  usePageTitle(t('report.drafts.title'));
  return <Guard allowed={(can) => can.editAll}>{() => <Drafts />}</Guard>;
}

export function LanguageName({ code }: { code: string }) {
  return isLang(code) ? (
    <span lang={code} dir={dirOf(code)}>
      {LANGUAGE_NAMES[code]}
    </span>
  ) : (
    <span dir="ltr">{code}</span>
  );
}

function Drafts() {
  const { t, href, date, dateTime, number } = useI18n();
  const key = 'report-drafts';
  const first = useApi(key, (signal) => getJson<DraftList>('/report-drafts', {}, signal).then(withNext), { remember: false });
  const more = useMorePages(key, first.loading ? undefined : first.data, (cursor, signal) => getJson<DraftList>('/report-drafts', { cursor }, signal).then(withNext));
  return (
    <>
      <p className="breadcrumb">
        <Link to={href('/report')}>{t('report.title')}</Link>
      </p>
      <h1>{t('report.drafts.title')}</h1>
      <p className="lead">{t('report.drafts.lead')}</p>
      <Loadable loaded={first}>
        {(data) => {
          const rows = [...data.items, ...more.pages.flatMap((p) => p.items)];
          if (rows.length === 0) {
            return (
              <p className="page-state empty">
                {t('report.drafts.none')} <Link to={href('/report')}>{t('report.drafts.start')}</Link>
              </p>
            );
          }
          // The number of versions saved, when the list gives it (the draft's page always does).
          const counted = rows.some((d) => typeof (d.versions ?? d.versionCount) === 'number');
          return (
            <section aria-busy={more.loading}>
              <div className="table-scroll">
                <table className="data-table report-drafts">
                  <caption>{t('report.drafts.caption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('report.draft.name')}</th>
                      <th scope="col">{t('report.session')}</th>
                      <th scope="col">{t('report.asOf')}</th>
                      <th scope="col">{t('report.lang')}</th>
                      {counted && <th scope="col">{t('report.versions')}</th>}
                      <th scope="col">{t('report.updated')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((d) => (
                      <tr key={d.id}>
                        <td>
                          <Link to={href(`/report/drafts/${encodeURIComponent(d.id)}`)} dir="auto">
                            {d.name}
                          </Link>
                        </td>
                        <td dir="ltr">{d.session}</td>
                        <td>
                          <bdi>{date(d.asOf)}</bdi>
                        </td>
                        <td>
                          <LanguageName code={d.lang} />
                        </td>
                        {counted && <td>{number(d.versions ?? d.versionCount ?? 0)}</td>}
                        <td>
                          <bdi>{dateTime(d.updatedAt)}</bdi>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <MorePages more={more} label={t('report.drafts.more', { shown: rows.length, total: data.total ?? rows.length })} />
            </section>
          );
        }}
      </Loadable>
    </>
  );
}
