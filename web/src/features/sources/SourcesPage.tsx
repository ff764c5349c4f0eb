// How Accord knows what it shows: the rules every fact follows, and every source it cites.
import { getAll } from '../../api/client.ts';
import type { SourceEntry } from '../../api/types.ts';
import { useApi } from '../../api/useApi.ts';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { FactDate } from '../../components/FactDate.tsx';
import { Loadable } from '../../components/PageState.tsx';
import { isWebAddress, SourceTitle } from '../../components/Sources.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/** A web address by its host; a path of the Accord repository (curated data) as it is. */
function hostOf(url: string): string {
  if (!isWebAddress(url)) return url;
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
      cell: (s) => (
        <>
          {isWebAddress(s.url) ? (
            <SourceTitle source={s} />
          ) : (
            <span lang="en" dir="ltr">
              {s.title}
            </span>
          )}
          {s.copyOf && (
            <span className="muted small block">
              {t('source.copyOf')}{' '}
              <span lang="en" dir="ltr">
                {s.copyOf}
              </span>
            </span>
          )}
        </>
      ),
      value: (s) => s.title,
    },
    { id: 'kind', header: t('sources.kind'), cell: (s) => (s.kind ? t(`source.kind.${s.kind}`) : '–'), value: (s) => s.kind ?? '' },
    { id: 'asOf', header: t('sources.asOf'), cell: (s) => (s.asOf ? <FactDate value={s.asOf} /> : '–'), value: (s) => s.asOf ?? '' },
    { id: 'url', header: t('sources.address'), cell: (s) => <bdi className="url">{hostOf(s.url)}</bdi>, value: (s) => s.url },
    { id: 'retrieved', header: t('sources.retrieved'), cell: (s) => (s.retrieved ? <FactDate value={s.retrieved} /> : '–'), value: (s) => s.retrieved },
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
        <p>{t('sources.p6')}</p>
      </div>
      <h2>{t('sources.listTitle')}</h2>
      <Loadable loaded={sources}>
        {(rows) => <DataTable caption={t('sources.caption')} columns={columns} rows={rows} rowKey={(s) => s.id} urlKey="t" exportName="accord-sources" exportExtra={(s) => ({ copyOf: s.copyOf })} />}
      </Loadable>
    </>
  );
}
