// The data-quality page's section on other instances: the facts on which a peer's records and
// this registry differ, as the API found them after each sync, a page at a time. An empty list
// says only that nothing differed in what was compared, never that the facts are right.
import { Link } from 'react-router';
import { getJson } from '../../api/client.ts';
import type { SyncDisagreement } from '../../api/types.ts';
import { useApi } from '../../api/useApi.ts';
import { useMorePages } from '../../api/useMorePages.ts';
import { Loadable } from '../../components/PageState.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { FactValue, KindName, LoadMoreButton, Origin, useVisit } from './parts.tsx';

const PAGE_SIZE = 50;
const FIELDS = ['date', 'founded', 'hq_iso3', 'adopted', 'entry_into_force'];

interface DisagreementList {
  items: SyncDisagreement[];
  total: number;
  next: string | null;
}

export function PeerDisagreementsSection() {
  const { t, href, dateTime } = useI18n();
  const key = `peer-disagreements|${useVisit()}`;
  const first = useApi(key, (signal) => getJson<DisagreementList>('/data-quality/peer-disagreements', { limit: PAGE_SIZE }, signal), { remember: false });
  const more = useMorePages(key, first.data, (cursor, signal) => getJson<DisagreementList>('/data-quality/peer-disagreements', { limit: PAGE_SIZE, cursor }, signal));
  return (
    <section id="peer-disagreements" aria-labelledby="peer-disagreements-title">
      <h2 id="peer-disagreements-title">{t('sync.dis.title')}</h2>
      <p>{t('sync.dis.lead')}</p>
      <p>
        <Link to={href('/sync/records')}>{t('sync.recordsLink')}</Link>
      </p>
      <Loadable loaded={first}>
        {(data) => {
          const rows = [...data.items, ...more.pages.flatMap((p) => p.items)];
          if (rows.length === 0) return <p className="page-state empty">{t('sync.dis.none')}</p>;
          return (
            <>
              <p className="summary" data-total={data.total}>
                {t('sync.dis.total', { n: data.total })}
              </p>
              <div className="table-scroll">
                <table className="data-table peer-disagreements">
                  <caption>{t('sync.dis.caption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('sync.dis.col.fact')}</th>
                      <th scope="col">{t('sync.dis.col.field')}</th>
                      <th scope="col">{t('sync.dis.col.ours')}</th>
                      <th scope="col">{t('sync.dis.col.theirs')}</th>
                      <th scope="col">{t('sync.dis.col.peer')}</th>
                      <th scope="col">{t('sync.dis.col.checked')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((d) => (
                      <tr key={`${d.origin.peerId}|${d.kind}|${d.recordId}|${d.fact}|${d.field}`}>
                        <td>
                          <span lang="en" dir="ltr">
                            {d.fact}
                          </span>
                          <span className="muted small block">
                            <KindName kind={d.kind} />
                          </span>
                        </td>
                        <td>{FIELDS.includes(d.field) ? t(`sync.dis.field.${d.field}`) : <bdi dir="ltr">{d.field}</bdi>}</td>
                        <td>
                          <FactValue value={d.ours} />
                        </td>
                        <td>
                          <FactValue value={d.theirs} />
                        </td>
                        <td>
                          <Origin origin={d.origin} />
                        </td>
                        <td>
                          <time dateTime={d.checkedAt}>{dateTime(d.checkedAt)}</time>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <LoadMoreButton more={more} shown={rows.length} total={data.total} />
            </>
          );
        }}
      </Loadable>
    </section>
  );
}
