// The choropleth of regional coverage. Every State is a link (Tab moves through them in the
// order of the table, Enter opens the profile); small States also get a point marker so they
// can be seen and clicked. The same facts are in the table under the map.
import { useEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { useApi } from '../../api/useApi.ts';
import { Loadable } from '../../components/PageState.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { classOf, type CoverageRow, type MapMode } from './coverage-model.ts';
import { mapFile, type MapFile, type MapShape } from './map-geometry.ts';

export const CLASS_COLOURS: Record<string, string> = {
  none: '#f4a582', '0': '#f4a582',
  other: '#c6dbef', '1': '#9ecae1',
  commission: '#6baed6', '2': '#6baed6',
  court: '#08519c', '3': '#2171b5',
  '4+': '#08306b',
};
const NO_DATA = '#d9d9d9';

export function describeRow(row: CoverageRow, t: (key: string, vars?: Record<string, string | number>) => string): string {
  const names = row.mechanisms.map((m) => m.name).join(', ');
  return `${row.name}: ${t('map.mechanisms', { count: row.count })}${names ? ` (${names})` : ''}`;
}

interface Props {
  rows: CoverageRow[];
  mode: MapMode;
  caption: string;
}

export function CoverageMap(props: Props) {
  const geometry = useApi('map-file', mapFile);
  return <Loadable loaded={geometry}>{(map) => <MapDrawing {...props} map={map} />}</Loadable>;
}

function MapDrawing({ rows, mode, caption, map }: Props & { map: MapFile }) {
  const { shapes } = map;
  const { t, href } = useI18n();
  const navigate = useNavigate();
  const [active, setActive] = useState<CoverageRow | null>(null);
  const byIso3 = useMemo(() => new Map(rows.map((r) => [r.iso3, r])), [rows]);
  const shapesOf = useMemo(() => {
    const map = new Map<string, MapShape[]>();
    for (const s of shapes) if (s.iso3) map.set(s.iso3, [...(map.get(s.iso3) ?? []), s]);
    return map;
  }, [shapes]);
  const background = shapes.filter((s) => !s.iso3 || !byIso3.has(s.iso3));
  const ordered = rows.filter((r) => shapesOf.has(r.iso3));

  // Lets the browser benchmark (bench/web-load.ts) time the moment the map is on screen.
  useEffect(() => {
    performance.mark('accord:map-drawn');
  }, []);

  const open = (iso3: string) => navigate(href(`/states/${iso3}`));
  return (
    <figure className="coverage-map">
      <div className="map-frame" dir="ltr">
        <svg viewBox={`0 0 ${map.width} ${map.height}`} role="group" aria-label={caption} data-drawn="true">
          <path d={map.sphere} className="sphere" aria-hidden="true" />
          <g aria-hidden="true">
            {background.map((s, i) => (
              <path key={i} d={s.d} fill={NO_DATA} className="shape" />
            ))}
          </g>
          <g>
            {ordered.map((row) => (
              <a
                key={row.iso3}
                href={href(`/states/${row.iso3}`)}
                aria-label={describeRow(row, t)}
                className={active?.iso3 === row.iso3 ? 'state active' : 'state'}
                data-iso3={row.iso3}
                onClick={(e) => {
                  e.preventDefault();
                  open(row.iso3);
                }}
                onFocus={() => setActive(row)}
                onBlur={() => setActive(null)}
                onMouseEnter={() => setActive(row)}
                onMouseLeave={() => setActive(null)}
              >
                {shapesOf.get(row.iso3)!.map((s, i) => (s.d ? <path key={i} d={s.d} fill={CLASS_COLOURS[classOf(row, mode)]} className="shape" /> : null))}
              </a>
            ))}
          </g>
          <g aria-hidden="true" className="markers">
            {ordered.flatMap((row) =>
              shapesOf.get(row.iso3)!.filter((s) => s.marker).map((s, i) => (
                <circle
                  key={`${row.iso3}-${i}`}
                  cx={s.marker![0]}
                  cy={s.marker![1]}
                  r={7}
                  fill={CLASS_COLOURS[classOf(row, mode)]}
                  className={active?.iso3 === row.iso3 ? 'marker active' : 'marker'}
                  onClick={() => open(row.iso3)}
                  onMouseEnter={() => setActive(row)}
                  onMouseLeave={() => setActive(null)}
                />
              )),
            )}
          </g>
        </svg>
      </div>
      {/* Outside the left-to-right map frame, so that it reads in the page's direction. */}
      <p className="map-tip" aria-hidden="true">
        {active ? describeRow(active, t) : t('map.hint')}
      </p>
      <figcaption className="muted small">{t('map.disclaimer')}</figcaption>
    </figure>
  );
}
