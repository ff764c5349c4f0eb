// States and languages with no official (UNTERM) name: what Accord shows instead and where it
// comes from. Those names are never presented as official (the State page marks them too).
import { Link } from 'react-router';
import { getJson } from '../../api/client.ts';
import { useAll, useStates } from '../../api/registry.ts';
import type { NameFallbacks } from '../../api/types.ts';
import { useApi } from '../../api/useApi.ts';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { Loadable } from '../../components/PageState.tsx';
import { Sources, sourcesText } from '../../components/Sources.tsx';
import { LANGUAGE_NAMES, useI18n } from '../../i18n/i18n.tsx';

type Row = NameFallbacks['items'][number] & { name: string };

export function NameFallbacksSection() {
  const { t, lang, href } = useI18n();
  const loaded = useAll(
    useApi('name-fallbacks', (signal) => getJson<NameFallbacks>('/data-quality/name-fallbacks', {}, signal)),
    useStates(lang),
  );
  return (
    <section id="names" aria-labelledby="names-fallback-title">
      <h2 id="names-fallback-title">{t('quality.names.title')}</h2>
      <p>{t('quality.names.lead')}</p>
      <Loadable loaded={loaded}>
        {([answer, states]) => {
          const names = new Map(states.map((s) => [s.iso3, s.name]));
          const rows: Row[] = answer.items.map((i) => ({ ...i, name: names.get(i.id) ?? i.id }));
          const sourceOf = (r: Row) => (r.sourceId && answer.sources[r.sourceId] ? [answer.sources[r.sourceId]!] : []);
          const columns: Column<Row>[] = [
            { id: 'state', header: t('col.state'), cell: (r) => <Link to={href(`/states/${r.id}`)}>{r.name}</Link>, value: (r) => r.name },
            { id: 'lang', header: t('quality.names.col.lang'), cell: (r) => LANGUAGE_NAMES[r.lang as keyof typeof LANGUAGE_NAMES] ?? r.lang, value: (r) => r.lang },
            {
              id: 'shown',
              header: t('quality.names.col.shown'),
              cell: (r) =>
                r.shown ? (
                  <span lang={r.shownLang ?? undefined} dir="auto">
                    {r.shown}
                  </span>
                ) : (
                  t('quality.names.none')
                ),
              value: (r) => r.shown,
            },
            { id: 'sources', header: t('col.sources'), cell: (r) => <Sources sources={sourceOf(r)} /> },
          ];
          return (
            <DataTable
              caption={t('quality.names.caption', { count: rows.length })}
              columns={columns}
              rows={rows}
              rowKey={(r) => `${r.id}-${r.lang}`}
              urlKey="n"
              exportName="accord-name-fallbacks"
              exportExtra={(r) => ({ iso3: r.id, shownLang: r.shownLang, sources: sourcesText(sourceOf(r)) })}
              empty={t('quality.names.empty')}
            />
          );
        }}
      </Loadable>
    </section>
  );
}
