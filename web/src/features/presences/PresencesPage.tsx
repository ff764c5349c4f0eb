import { Link } from 'react-router';
import { useAll, usePresences, useStates } from '../../api/registry.ts';
import type { Presence } from '../../api/types.ts';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { FactDate } from '../../components/FactDate.tsx';
import { Name } from '../../components/Name.tsx';
import { Loadable } from '../../components/PageState.tsx';
import { Sources, sourcesText } from '../../components/Sources.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useI18n } from '../../i18n/i18n.tsx';

export function PresencesPage() {
  const { t, lang, href } = useI18n();
  usePageTitle(t('presences.title'));
  const loaded = useAll(usePresences(lang), useStates(lang));
  return (
    <>
      <h1>{t('presences.title')}</h1>
      <p className="lead">{t('presences.lead')}</p>
      <Loadable loaded={loaded}>
        {([presences, states]) => {
          const names = new Map(states.map((s) => [s.iso3, s.name]));
          const columns: Column<Presence>[] = [
            { id: 'name', header: t('col.presence'), cell: (p) => <Name text={p.name} lang={p.nameLang} />, value: (p) => p.name },
            { id: 'kind', header: t('col.kind'), cell: (p) => t(`presenceKind.${p.kind}`), value: (p) => p.kind },
            { id: 'seat', header: t('mechanism.seat'), cell: (p) => p.seat.city ?? '', value: (p) => p.seat.city ?? '' },
            { id: 'opened', header: t('presence.opened'), cell: (p) => <FactDate value={p.opened} />, value: (p) => p.opened ?? '' },
            {
              id: 'covers',
              header: t('presence.covers'),
              cell: (p) => (
                <ul className="inline-list">
                  {p.covers.map((iso3) => (
                    <li key={iso3}>
                      <Link to={href(`/states/${iso3}`)}>{names.get(iso3) ?? iso3}</Link>
                    </li>
                  ))}
                </ul>
              ),
              value: (p) => p.covers.join(' '),
            },
            { id: 'sources', header: t('col.sources'), cell: (p) => <Sources sources={p.sources} verified={p.verified} /> },
          ];
          return (
            <DataTable
              caption={t('presences.caption')}
              columns={columns}
              rows={presences}
              rowKey={(p) => p.id}
              urlKey="t"
              exportName="accord-presences"
              exportExtra={(p) => ({ id: p.id, closed: p.closed, mandate: p.mandate, verified: p.verified, sources: sourcesText(p.sources) })}
            />
          );
        }}
      </Loadable>
    </>
  );
}
