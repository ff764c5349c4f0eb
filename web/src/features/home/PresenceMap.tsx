// The map's presences view: each State coloured by the OHCHR field presence that covers it at
// the date (its coverage periods then), several when more than one does, none when none does;
// hatched where a period holds only uncertainly (the date inside a start known only to the year
// or month, or no start known). The legend names each presence with its colour and count; the
// same facts are in the table under the map.
import { Link } from 'react-router';
import { useAll, usePresences, useStates } from '../../api/registry.ts';
import type { Presence, StateSummary } from '../../api/types.ts';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { Name } from '../../components/Name.tsx';
import { Loadable } from '../../components/PageState.tsx';
import { HatchSwatch, WorldMap } from '../../components/WorldMap.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

/** One colour per presence, in the order of their ids (the same at every date and in every language). */
const PALETTE = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf', '#393b79', '#637939', '#8c6d31', '#843c39', '#7b4173'];
const SEVERAL = '#000000';
const NONE = '#f7f7f7';

export interface PresenceRow {
  iso3: string;
  name: string;
  presences: { id: string; name: string; nameLang: string; from: string | null; uncertain: boolean }[];
}

export function presenceRows(presences: Presence[], states: StateSummary[]): PresenceRow[] {
  return states.map((s) => ({
    iso3: s.iso3,
    name: s.name,
    presences: presences.flatMap((p) => p.coverage.filter((c) => c.iso3 === s.iso3).map((c) => ({ id: p.id, name: p.name, nameLang: p.nameLang, from: c.from, uncertain: c.uncertain }))),
  }));
}

/** The colour of each presence, and a State's class and colour by the presences covering it. */
export function colours(presenceIds: string[]) {
  const index = new Map([...presenceIds].sort().map((id, i) => [id, i]));
  const fillOf = (id: string) => PALETTE[(index.get(id) ?? 0) % PALETTE.length]!;
  const of = (row: PresenceRow): { group: string; fill: string } => {
    const ids = [...new Set(row.presences.map((p) => p.id))];
    if (ids.length === 0) return { group: 'none', fill: NONE };
    if (ids.length > 1) return { group: 'several', fill: SEVERAL };
    return { group: ids[0]!, fill: fillOf(ids[0]!) };
  };
  return { of, fillOf };
}

const isUncertain = (row: PresenceRow) => row.presences.length > 0 && row.presences.every((p) => p.uncertain);

export function PresenceMap({ asOf, caption }: { asOf: string; caption: string }) {
  const { t, lang, href, date } = useI18n();
  const loaded = useAll(usePresences(lang, asOf), useStates(lang));
  return (
    <Loadable loaded={loaded}>
      {([presences, states]) => {
        const rows = presenceRows(presences, states);
        const colour = colours(presences.map((p) => p.id));
        const entries = rows.map((row) => {
          const { group, fill } = colour.of(row);
          const what = row.presences.length ? row.presences.map((p) => p.name).join(', ') : t('presence.coversNone');
          return { iso3: row.iso3, group, fill, hatched: isUncertain(row), label: `${row.name}: ${what}` };
        });
        const count = (group: string) => entries.filter((e) => e.group === group).length;
        const shown = presences.filter((p) => count(p.id) > 0);
        const columns: Column<PresenceRow>[] = [
          { id: 'state', header: t('col.state'), cell: (r) => <Link to={href(`/states/${r.iso3}`)}>{r.name}</Link>, value: (r) => r.name },
          { id: 'iso3', header: t('col.code'), cell: (r) => r.iso3, value: (r) => r.iso3 },
          {
            id: 'presences',
            header: t('col.presence'),
            cell: (r) =>
              r.presences.length === 0 ? (
                <span className="muted">{t('presence.coversNone')}</span>
              ) : (
                <ul className="inline-list">
                  {r.presences.map((p) => (
                    <li key={p.id}>
                      <Link to={href(`/presences/${p.id}`)}>
                        <Name text={p.name} lang={p.nameLang} />
                      </Link>{' '}
                      <span className="muted">
                        ({t('presence.since', { date: p.from ? date(p.from) : t('presence.unknownStart') })}
                        {p.uncertain ? ' ?' : ''})
                      </span>
                    </li>
                  ))}
                </ul>
              ),
            value: (r) => r.presences.map((p) => p.id).join(' '),
          },
        ];
        return (
          <>
            <p className="summary" role="status">
              {t('map.presences.summary', { date: date(asOf), covered: rows.filter((r) => r.presences.length > 0).length, total: rows.length })}
            </p>
            <div className="map-and-legend">
              <WorldMap entries={entries} caption={caption} />
              <div className="legend">
                <h3 className="legend-title">{t('map.legendPresences')}</h3>
                <ul>
                  {shown.map((p) => (
                    <li key={p.id}>
                      <span className="swatch" style={{ background: colour.fillOf(p.id) }} aria-hidden="true" />
                      <Name text={p.name} lang={p.nameLang} /> <span className="muted">({t('map.states', { count: count(p.id) })})</span>
                    </li>
                  ))}
                  {count('several') > 0 && (
                    <li>
                      <span className="swatch" style={{ background: SEVERAL }} aria-hidden="true" />
                      {t('map.presences.several')} <span className="muted">({t('map.states', { count: count('several') })})</span>
                    </li>
                  )}
                  <li>
                    <span className="swatch" style={{ background: NONE }} aria-hidden="true" />
                    {t('presence.coversNone')} <span className="muted">({t('map.states', { count: count('none') })})</span>
                  </li>
                  {entries.some((e) => e.hatched) && (
                    <li className="hatched-item">
                      <HatchSwatch fill={PALETTE[0]!} />
                      {t('map.presences.hatched')} <span className="muted">({t('map.states', { count: entries.filter((e) => e.hatched).length })})</span>
                    </li>
                  )}
                </ul>
              </div>
            </div>
            <h2 id="presence-table" tabIndex={-1}>
              {t('map.presences.tableTitle')}
            </h2>
            <DataTable
              caption={t('map.presences.tableCaption', { date: date(asOf) })}
              columns={columns}
              rows={rows}
              rowKey={(r) => r.iso3}
              urlKey="t"
              exportName={`accord-presence-coverage-${asOf}`}
              exportAbout={{ asOf }}
              pageSize={50}
            />
          </>
        );
      }}
    </Loadable>
  );
}
