// How Accord knows what it shows: the rules every fact follows, and every source it cites.
import { getAll } from '../../api/client.ts';
import type { SourceEntry } from '../../api/types.ts';
import { useApi } from '../../api/useApi.ts';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { FactDate } from '../../components/FactDate.tsx';
import { Loadable } from '../../components/PageState.tsx';
import { isWebAddress } from '../../components/Sources.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useI18n } from '../../i18n/i18n.tsx';

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

export function SourcesPage() {
  const { t } = useI18n();
  usePageTitle(t('sources.title'));
  const sources = useApi('sources', (signal) => getAll<SourceEntry>('/sources', {}, signal));
  const columns: Column<SourceEntry>[] = [
    {
      id: 'title',
      header: t('col.source'),
      cell: (s) =>
        isWebAddress(s.url) ? (
          <a href={s.url} rel="noopener noreferrer" target="_blank" lang="en">
            {s.title}
          </a>
        ) : (
          <span lang="en">{s.title}</span>
        ),
      value: (s) => s.title,
    },
    { id: 'url', header: t('sources.address'), cell: (s) => <span className="url">{hostOf(s.url)}</span>, value: (s) => s.url },
    { id: 'retrieved', header: t('sources.retrieved'), cell: (s) => <FactDate value={s.retrieved} />, value: (s) => s.retrieved },
    { id: 'id', header: t('col.code'), cell: (s) => <code>{s.id}</code>, value: (s) => s.id },
  ];
  return (
    <>
      <h1>{t('sources.title')}</h1>
      <div className="prose">
        <p>{t('sources.p1')}</p>
        <p>{t('sources.p2')}</p>
        <p>{t('sources.p3')}</p>
        <p>{t('sources.p4')}</p>
        <p>{t('sources.p5')}</p>
      </div>
      <h2>{t('sources.listTitle')}</h2>
      <Loadable loaded={sources}>
        {(rows) => <DataTable caption={t('sources.caption')} columns={columns} rows={rows} rowKey={(s) => s.id} urlKey="t" exportName="accord-sources" />}
      </Loadable>
    </>
  );
}
