// A choropleth of the States. Every State is a link (Tab moves through them in the order the
// entries are given, which pages make the order of their table; Enter opens the profile);
// small States also get a point marker so they can be seen and clicked. Pages keep the same
// facts in a table beside the map: the colours are never the only way to read them. A State
// whose fact is uncertain is hatched over its colour (the legends show the same hatching).
import { useEffect, useId, useMemo, useState } from 'react';
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
  /** Drawn with hatching over its colour: the fact behind its class is uncertain. */
  hatched?: boolean;
}

/** The hatching's two strokes, a light and a dark one, so that it shows on pale and dark fills alike. */
const HATCH_LIGHT = '#ffffff';
const HATCH_DARK = '#1b1f24';

/** A legend's sample of a hatched colour (lines drawn inside the square, so no pattern id is needed). */
export function HatchSwatch({ fill }: { fill: string }) {
  const lines = [4, 10, 16, 22, 28];
  return (
    <svg className="swatch hatched" width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
      <rect x="0.5" y="0.5" width="15" height="15" fill={fill} stroke="#555" />
      {lines.map((n) => {
        const [x1, y1, x2, y2] = n <= 16 ? [1, n - 1, n - 1, 1] : [n - 15, 15, 15, n - 15];
        return (
          <g key={n}>
            <line x1={x1} y1={y1} x2={x2} y2={y2} stroke={HATCH_LIGHT} strokeWidth={2} />
            <line x1={x1 + 1} y1={y1 + 1} x2={x2 + 1} y2={y2 + 1} stroke={HATCH_DARK} strokeWidth={1} />
          </g>
        );
      })}
    </svg>
  );
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
  const hatch = `hatch${useId().replace(/[^\w-]/g, '')}`;
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
          <defs>
            <pattern id={hatch} width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
              <line x1="2" y1="0" x2="2" y2="8" stroke={HATCH_LIGHT} strokeWidth="2.2" />
              <line x1="5" y1="0" x2="5" y2="8" stroke={HATCH_DARK} strokeWidth="1.2" />
            </pattern>
          </defs>
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
                data-hatched={entry.hatched ? 'true' : undefined}
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
                {entry.hatched && shapesOf.get(entry.iso3)!.map((s, i) => (s.d ? <path key={`h${i}`} d={s.d} fill={`url(#${hatch})`} className="hatch" /> : null))}
              </a>
            ))}
          </g>
          <g aria-hidden="true" className="markers">
            {ordered.flatMap((entry) =>
              shapesOf.get(entry.iso3)!.filter((s) => s.marker).map((s, i) => (
                <g key={`${entry.iso3}-${i}`} onClick={() => open(entry.iso3)} onMouseEnter={() => setActive(entry.iso3)} onMouseLeave={() => setActive(null)}>
                  <circle cx={s.marker![0]} cy={s.marker![1]} r={7} fill={entry.fill} className={active?.iso3 === entry.iso3 ? 'marker active' : 'marker'} />
                  {entry.hatched && <circle cx={s.marker![0]} cy={s.marker![1]} r={7} fill={`url(#${hatch})`} className="marker hatch" />}
                </g>
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
