// The States coloured by their status under an instrument at a date, with a legend that
// counts every status (and how many parties rest on secondary sources only). Uncertain States
// are hatched over their colour. Each State is a link read out with its status and its reason;
// the participants table under the map holds the same facts.
import type { InstrumentStatus, StatusReason } from '../../api/types.ts';
import { HatchSwatch, NO_DATA, WorldMap } from '../../components/WorldMap.tsx';
import { STATUS_COLOURS, StatusLabel, statusText, TREATY_STATUSES } from '../../components/TreatyStatus.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

export interface MapRow extends StatusReason {
  iso3: string;
  name: string;
}

function Legend({ counts, date }: { counts: InstrumentStatus['counts']; date: string }) {
  const { t } = useI18n();
  return (
    <div className="legend">
      <h4 className="legend-title">{t('treaty.legend', { date })}</h4>
      <ul>
        {TREATY_STATUSES.map((status) => (
          <li key={status} data-status={status} data-count={counts[status]}>
            {status === 'uncertain' ? <HatchSwatch fill={STATUS_COLOURS[status]} /> : <span className="swatch" style={{ background: STATUS_COLOURS[status] }} aria-hidden="true" />}
            <StatusLabel status={status} /> <span className="muted">({t('map.states', { count: counts[status] })})</span>
            {status === 'party' && counts.partyOnSecondary > 0 && (
              <span className="muted small block" data-secondary={counts.partyOnSecondary}>
                {t('treaty.partyOnSecondary', { count: counts.partyOnSecondary })}
              </span>
            )}
            {status === 'uncertain' && <span className="muted small block">{t('treaty.hatchedHelp')}</span>}
          </li>
        ))}
        <li>
          <span className="swatch" style={{ background: NO_DATA }} aria-hidden="true" />
          {t('map.class.noData')}
        </li>
      </ul>
    </div>
  );
}

export function StatusMap({ rows, counts, caption, date }: { rows: MapRow[]; counts: InstrumentStatus['counts']; caption: string; date: string }) {
  const i18n = useI18n();
  const entries = rows.map((r) => ({ iso3: r.iso3, group: r.status, fill: STATUS_COLOURS[r.status], hatched: r.status === 'uncertain', label: `${r.name}: ${statusText(r, i18n)}` }));
  return (
    <div className="map-and-legend">
      <WorldMap entries={entries} caption={caption} className="coverage-map status-map" />
      <Legend counts={counts} date={date} />
    </div>
  );
}
