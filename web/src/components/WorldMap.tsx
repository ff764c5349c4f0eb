// A choropleth of the States. Every State is a link (Tab moves through them in the order the
// entries are given, which pages make the order of their table; Enter opens the profile);
// small States also get a point marker so they can be seen and clicked. Pages keep the same
// facts in a table beside the map: the colours are never the only way to read them.
import { useEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { useApi } from '../api/useApi.ts';
import { mapFile, type MapFile, type MapShape } from './map-geometry.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Loadable } from './PageState.tsx';

export const NO_DATA = '#d9d9d9';

export interface MapEntry {
  iso3: string;
  /** The class the colour stands for (written on the link, so that tests and styles can read it). */
  group: string;
  fill: string;
  /** What the State's link is read out as, and what the tip under the map says. */
  label: string;
}

interface Props {
  entries: MapEntry[];
  caption: string;
  className?: string;
}

export function WorldMap(props: Props) {
  const geometry = useApi('map-file', mapFile);
  return <Loadable loaded={geometry}>{(map) => <MapDrawing {...props} map={map} />}</Loadable>;
}

function MapDrawing({ entries, caption, className = 'coverage-map', map }: Props & { map: MapFile }) {
  const { shapes } = map;
  const { t, href } = useI18n();
  const navigate = useNavigate();
  // The State under the pointer or focus, by code: its label follows a change of date.
  const [activeIso3, setActive] = useState<string | null>(null);
  const byIso3 = useMemo(() => new Map(entries.map((e) => [e.iso3, e])), [entries]);
  const active = activeIso3 === null ? null : (byIso3.get(activeIso3) ?? null);
  const shapesOf = useMemo(() => {
    const byIso3 = new Map<string, MapShape[]>();
    for (const s of shapes) if (s.iso3) byIso3.set(s.iso3, [...(byIso3.get(s.iso3) ?? []), s]);
    return byIso3;
  }, [shapes]);
  const background = shapes.filter((s) => !s.iso3 || !byIso3.has(s.iso3));
  const ordered = entries.filter((e) => shapesOf.has(e.iso3));

  // Lets the browser benchmark (bench/web-load.ts) time the moment the map is on screen.
  useEffect(() => {
    performance.mark('accord:map-drawn');
  }, []);

  const open = (iso3: string) => navigate(href(`/states/${iso3}`));
  return (
    <figure className={className}>
      <div className="map-frame" dir="ltr">
        <svg viewBox={`0 0 ${map.width} ${map.height}`} role="group" aria-label={caption} data-drawn="true">
          <path d={map.sphere} className="sphere" aria-hidden="true" />
          <g aria-hidden="true">
            {background.map((s, i) => (
              <path key={i} d={s.d} fill={NO_DATA} className="shape" />
            ))}
          </g>
          <g>
            {ordered.map((entry) => (
              <a
                key={entry.iso3}
                href={href(`/states/${entry.iso3}`)}
                aria-label={entry.label}
                className={active?.iso3 === entry.iso3 ? 'state active' : 'state'}
                data-iso3={entry.iso3}
                data-group={entry.group}
                onClick={(e) => {
                  e.preventDefault();
                  open(entry.iso3);
                }}
                onFocus={() => setActive(entry.iso3)}
                onBlur={() => setActive(null)}
                onMouseEnter={() => setActive(entry.iso3)}
                onMouseLeave={() => setActive(null)}
              >
                {shapesOf.get(entry.iso3)!.map((s, i) => (s.d ? <path key={i} d={s.d} fill={entry.fill} className="shape" /> : null))}
              </a>
            ))}
          </g>
          <g aria-hidden="true" className="markers">
            {ordered.flatMap((entry) =>
              shapesOf.get(entry.iso3)!.filter((s) => s.marker).map((s, i) => (
                <circle
                  key={`${entry.iso3}-${i}`}
                  cx={s.marker![0]}
                  cy={s.marker![1]}
                  r={7}
                  fill={entry.fill}
                  className={active?.iso3 === entry.iso3 ? 'marker active' : 'marker'}
                  onClick={() => open(entry.iso3)}
                  onMouseEnter={() => setActive(entry.iso3)}
                  onMouseLeave={() => setActive(null)}
                />
              )),
            )}
          </g>
        </svg>
      </div>
      {/* Outside the left-to-right map frame, so that it reads in the page's direction. */}
      <p className="map-tip" aria-hidden="true">
        {active ? active.label : t('map.hint')}
      </p>
      <figcaption className="muted small">{t('map.disclaimer')}</figcaption>
    </figure>
  );
}
