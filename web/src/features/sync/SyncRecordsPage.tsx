// Records received from other instances (anyone, through their view: the API leaves out what
// the reader may not see): kind, record, the peer's summary, level, origin and when it arrived,
// filtered by peer and kind (kept in the address), a page of the API's at a time ("Load more").
// They are the peers' records, kept apart from this registry's: nothing here links them to a
// page of the registry, and the record itself is the API's JSON of it.
import { Link } from 'react-router';
import { useAuth } from '../../api/auth.tsx';
import { apiUrl, getJson } from '../../api/client.ts';
import type { SyncedRecord, SyncPeer } from '../../api/types.ts';
import { useApi } from '../../api/useApi.ts';
import { useMorePages } from '../../api/useMorePages.ts';
import { Loadable } from '../../components/PageState.tsx';
import { SelectFilter } from '../../components/SelectFilter.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useQueryParam } from '../../components/useQueryParam.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { KindName, kindOptions, LoadMoreButton, Origin, useVisit } from './parts.tsx';

const PAGE_SIZE = 50;

interface RecordList {
  items: SyncedRecord[];
  total: number;
  next: string | null;
}

export function SyncRecordsPage() {
  const { t, href, dateTime } = useI18n();
  usePageTitle(t('sync.records.title'));
  const { can } = useAuth();
  const [peer, setPeer] = useQueryParam('peer');
  const [kind, setKind] = useQueryParam('kind');
  const filters = { peer, kind };
  // Records change with every sync: read again each time the page is opened.
  const key = `sync-records|${useVisit()}|${peer}|${kind}`;
  const first = useApi(key, (signal) => getJson<RecordList>('/sync/records', { ...filters, limit: PAGE_SIZE }, signal), { remember: false, subject: 'sync-records' });
  const more = useMorePages(key, first.loading ? undefined : first.data, (cursor, signal) => getJson<RecordList>('/sync/records', { ...filters, limit: PAGE_SIZE, cursor }, signal));
  // Administrators choose among every peer; other readers among those whose records they have seen here.
  const peers = useApi(can.manageUsers ? 'sync-peers|names' : null, (signal) => getJson<{ items: SyncPeer[] }>('/sync/peers', {}, signal), { remember: false });
  const rows = first.data ? [...first.data.items, ...more.pages.flatMap((p) => p.items)] : [];
  const peerNames = new Map<string, string>([...(peers.data?.items ?? []).map((p): [string, string] => [p.id, p.name]), ...rows.map((r): [string, string] => [r.origin.peerId, r.origin.peer])]);
  if (peer && !peerNames.has(peer)) peerNames.set(peer, peer);
  return (
    <>
      <h1>{t('sync.records.title')}</h1>
      <p className="lead">{t('sync.records.lead')}</p>
      <p>
        <Link to={`${href('/data-quality')}#peer-disagreements`}>{t('sync.dis.title')}</Link>
        {can.manageUsers && (
          <>
            {' · '}
            <Link to={href('/admin/sync')}>{t('sync.adminLink')}</Link>
          </>
        )}
      </p>
      <form className="toolbar filters" aria-label={t('sync.records.filters')} onSubmit={(e) => e.preventDefault()}>
        <SelectFilter label={t('sync.col.peer')} value={peer} onChange={(v) => setPeer(v)} options={[...peerNames.entries()].sort((a, b) => a[1].localeCompare(b[1]))} />
        <SelectFilter label={t('col.kind')} value={kind} onChange={(v) => setKind(v)} options={kindOptions(t)} />
      </form>
      <Loadable loaded={first}>
        {(data) => {
          if (rows.length === 0) return <p className="page-state empty">{t('sync.records.none')}</p>;
          return (
            <section aria-busy={first.loading || more.loading}>
              <p className="summary" role="status" data-total={data.total}>
                {t('sync.records.total', { n: data.total })}
              </p>
              <div className="table-scroll">
                <table className="data-table sync-records">
                  <caption>{t('sync.records.caption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('col.kind')}</th>
                      <th scope="col">{t('sync.col.recordId')}</th>
                      <th scope="col">{t('sync.col.summary')}</th>
                      <th scope="col">{t('sync.col.level')}</th>
                      <th scope="col">{t('sync.col.origin')}</th>
                      <th scope="col">{t('sync.col.received')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((r) => (
                      <tr key={`${r.origin.peerId}|${r.kind}|${r.recordId}`} data-record={`${r.kind}/${r.recordId}`}>
                        <td>
                          <KindName kind={r.kind} />
                        </td>
                        <td>
                          <a href={apiUrl(`/sync/records/${encodeURIComponent(r.origin.peerId)}/${encodeURIComponent(r.kind)}/${encodeURIComponent(r.recordId)}`)}>
                            <bdi dir="ltr">{r.recordId}</bdi>
                          </a>
                          {r.action === 'deleted' && <span className="badge block">{t('sync.records.deleted')}</span>}
                        </td>
                        <td>
                          <span lang="en" dir="ltr">
                            {r.summary}
                          </span>
                        </td>
                        <td>{t(`edit.access.${r.confidentiality}`)}</td>
                        <td>
                          <Origin origin={r.origin} />
                        </td>
                        <td>
                          <time dateTime={r.receivedAt}>{dateTime(r.receivedAt)}</time>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <LoadMoreButton more={more} shown={rows.length} total={data.total} />
            </section>
          );
        }}
      </Loadable>
    </>
  );
}
