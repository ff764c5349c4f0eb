// OHCHR's field presences at a date (the app's date control, as on the map): each presence, whether
// it is open then, and the States it covers then with the day each period began (a "?" where the
// date falls inside a start known only to the year or month, or the start is unknown).
import { Link } from 'react-router';
import { useAuth } from '../../api/auth.tsx';
import { useAll, usePresences, useStates } from '../../api/registry.ts';
import type { Presence } from '../../api/types.ts';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { DateControl, useAsOf } from '../../components/DateControl.tsx';
import { FactDate } from '../../components/FactDate.tsx';
import { Name } from '../../components/Name.tsx';
import { Loadable } from '../../components/PageState.tsx';
import { Sources, sourcesText } from '../../components/Sources.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useI18n } from '../../i18n/i18n.tsx';

export function PresencesPage() {
  const { t, lang, href, date } = useI18n();
  const { can } = useAuth();
  const [asOf, setAsOf] = useAsOf();
  usePageTitle(t('presences.title'));
  const loaded = useAll(usePresences(lang, asOf), useStates(lang));
  const shown = loaded.data?.[0][0]?.asOf ?? asOf;
  return (
    <>
      <h1>{t('presences.title')}</h1>
      <p className="lead">{t('presences.lead')}</p>
      <div className="toolbar">
        <DateControl asOf={asOf} onChange={setAsOf} />
      </div>
      {can.editAll && (
        <p>
          <Link className="button-link" to={href('/presences/new')}>
            {t('edit.new.presence')}
          </Link>
        </p>
      )}
      <Loadable loaded={loaded}>
        {([presences, states]) => {
          const names = new Map(states.map((s) => [s.iso3, s.name]));
          const columns: Column<Presence>[] = [
            {
              id: 'name',
              header: t('col.presence'),
              cell: (p) => (
                <Link to={href(`/presences/${p.id}?asOf=${shown}`)}>
                  <Name text={p.name} lang={p.nameLang} />
                </Link>
              ),
              value: (p) => p.name,
            },
            { id: 'kind', header: t('col.kind'), cell: (p) => t(`presenceKind.${p.kind}`), value: (p) => p.kind },
            { id: 'seat', header: t('mechanism.seat'), cell: (p) => p.seat.city ?? '', value: (p) => p.seat.city ?? '' },
            { id: 'opened', header: t('presence.opened'), cell: (p) => <FactDate value={p.opened} />, value: (p) => p.opened ?? '' },
            { id: 'open', header: t('presence.openAt'), cell: (p) => (p.open ? t('common.yes') : t('common.no')), value: (p) => p.open },
            {
              id: 'covers',
              header: t('presence.coversAt'),
              cell: (p) =>
                p.coverage.length === 0 ? (
                  <span className="muted">{t('presence.coversNone')}</span>
                ) : (
                  <ul className="inline-list">
                    {p.coverage.map((c) => (
                      <li key={c.seq}>
                        <Link to={href(`/states/${c.iso3}`)}>{names.get(c.iso3) ?? c.iso3}</Link>{' '}
                        <span className="muted">
                          ({t('presence.since', { date: c.from ? date(c.from) : t('presence.unknownStart') })}
                          {c.uncertain ? ' ?' : ''})
                        </span>
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
              caption={t('presences.captionAt', { date: date(shown) })}
              columns={columns}
              rows={presences}
              rowKey={(p) => p.id}
              urlKey="t"
              exportName={`accord-presences-${shown}`}
              exportAbout={{ asOf: shown }}
              exportExtra={(p) => ({ id: p.id, closed: p.closed, mandate: p.mandate, verified: p.verified, sources: sourcesText(p.sources) })}
            />
          );
        }}
      </Loadable>
    </>
  );
}
