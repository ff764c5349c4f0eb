// The States coloured by their status under an instrument at a date, with a legend that
// counts them (year-only parties apart). Each State is a link read out with its status; the
// participants table under the map holds the same facts.
import type { InstrumentStatus, TreatyStatus } from '../../api/types.ts';
import { NO_DATA, WorldMap } from '../../components/WorldMap.tsx';
import { STATUS_COLOURS, StatusLabel, TREATY_STATUSES } from '../../components/TreatyStatus.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

export interface MapRow {
  iso3: string;
  name: string;
  status: TreatyStatus;
}

function Legend({ counts, date }: { counts: InstrumentStatus['counts']; date: string }) {
  const { t } = useI18n();
  return (
    <div className="legend">
      <h4 className="legend-title">{t('treaty.legend', { date })}</h4>
      <ul>
        {TREATY_STATUSES.map((status) => (
          <li key={status} data-status={status} data-count={counts[status]}>
            <span className="swatch" style={{ background: STATUS_COLOURS[status] }} aria-hidden="true" />
            <StatusLabel status={status} /> <span className="muted">({t('map.states', { count: counts[status] })})</span>
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
  const { t } = useI18n();
  const entries = rows.map((r) => ({ iso3: r.iso3, group: r.status, fill: STATUS_COLOURS[r.status], label: `${r.name}: ${t(`treaty.status.${r.status}`)}` }));
  return (
    <div className="map-and-legend">
      <WorldMap entries={entries} caption={caption} className="coverage-map status-map" />
      <Legend counts={counts} date={date} />
    </div>
  );
}
