// A choropleth of the States. Every State is a link (Tab moves through them in the order the
// entries are given, which pages make the order of their table; Enter opens the profile);
// a State too small to see or click gets a round marker inside its link, at least 24 CSS px
// across at the size the map is drawn (WCAG 2.5.8), placed apart from the other markers with a
// leader line to its State when it had to move (marker-layout.ts). Pages keep the same
// facts in a table beside the map: the colours are never the only way to read them. A State
// whose fact is uncertain is hatched over its colour (the legends show the same hatching).
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { useApi } from '../api/useApi.ts';
import { mapFile, type MapFile, type MapShape } from './map-geometry.ts';
import { layoutMarkers, type MarkerPoint } from './marker-layout.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Loadable } from './PageState.tsx';

export const NO_DATA = '#d9d9d9';

/** A marker's target on screen: 24 CSS px is WCAG 2.5.8's minimum; 2 more absorb rounding.
 *  Only a dot of DOT_PX is drawn inside it, so that markers do not hide the map around them. */
const MARKER_PX = 26;
const DOT_PX = 12;
/** Space kept between two markers, on screen. */
const MARKER_GAP_PX = 2;

/** The width the map is drawn at, in CSS px, followed as the window or layout changes. */
function useDrawnWidth(svg: React.RefObject<SVGSVGElement | null>, fallback: number): number {
  const [width, setWidth] = useState(fallback);
  useLayoutEffect(() => {
    const element = svg.current;
    if (!element) return;
    const measure = () => {
      const drawn = element.getBoundingClientRect().width;
      if (drawn > 0) setWidth(drawn);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [svg]);
  return width;
}

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

/** A line from a small State to its marker, when the marker had to move off it. */
function Leader({ marker, dot }: { marker: { x: number; y: number; cx: number; cy: number }; dot: number }) {
  if (Math.hypot(marker.cx - marker.x, marker.cy - marker.y) <= dot / 2) return null;
  return (
    <>
      <line x1={marker.x} y1={marker.y} x2={marker.cx} y2={marker.cy} className="leader" />
      <circle cx={marker.x} cy={marker.y} r={dot / 5} className="leader-end" />
    </>
  );
}

/** A small State's target: a square of `size` (transparent, but it takes the pointer) with a
 *  dot in the State's colour. */
function Marker({
  marker,
  size,
  dot,
  fill,
  hatch,
  active,
}: {
  marker: { x: number; y: number; cx: number; cy: number };
  size: number;
  dot: number;
  fill: string;
  hatch: string | null;
  active: boolean;
}) {
  return (
    <>
      <rect x={marker.cx - size / 2} y={marker.cy - size / 2} width={size} height={size} className="marker-hit" />
      <circle cx={marker.cx} cy={marker.cy} r={dot / 2} fill={fill} className={active ? 'marker active' : 'marker'} />
      {hatch && <circle cx={marker.cx} cy={marker.cy} r={dot / 2} fill={`url(#${hatch})`} className="marker hatch" />}
    </>
  );
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

  // Markers, in map units, for the States whose every shape is small (a large State with a
  // small island keeps its shape as its target).
  const svg = useRef<SVGSVGElement>(null);
  const unitsPerPx = map.width / useDrawnWidth(svg, map.width / 2);
  const markerSize = MARKER_PX * unitsPerPx;
  // biome-ignore lint/correctness/useExhaustiveDependencies: `ordered` is a new array on every render; its States, in order, are what counts
  const markers = useMemo(() => {
    const points: MarkerPoint[] = [];
    for (const entry of ordered) {
      const own = shapesOf.get(entry.iso3)!;
      const point = own.find((s) => s.marker)?.marker;
      if (point && own.every((s) => s.marker || !s.d)) points.push({ id: entry.iso3, x: point[0], y: point[1] });
    }
    const placed = layoutMarkers(points, markerSize, map, MARKER_GAP_PX * unitsPerPx);
    return new Map(placed.map((m) => [m.id, m]));
  }, [ordered.map((e) => e.iso3).join(), shapesOf, markerSize, unitsPerPx, map]);

  // Lets the browser benchmark (bench/web-load.ts) time the moment the map is on screen.
  useEffect(() => {
    performance.mark('accord:map-drawn');
  }, []);

  const open = (iso3: string) => navigate(href(`/states/${iso3}`));
  return (
    <figure className={className}>
      <div className="map-frame" dir="ltr">
        {/* biome-ignore lint/a11y/useSemanticElements: a drawing whose links are the States: an SVG cannot be a fieldset */}
        <svg ref={svg} viewBox={`0 0 ${map.width} ${map.height}`} role="group" aria-label={caption} data-drawn="true">
          <defs>
            <pattern id={hatch} width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
              <line x1="2" y1="0" x2="2" y2="8" stroke={HATCH_LIGHT} strokeWidth="2.2" />
              <line x1="5" y1="0" x2="5" y2="8" stroke={HATCH_DARK} strokeWidth="1.2" />
            </pattern>
          </defs>
          {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: SVG paths and groups are not focusable; nothing inside takes focus */}
          <path d={map.sphere} className="sphere" aria-hidden="true" />
          {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: as above */}
          <g aria-hidden="true">
            {background.map((s, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: shapes of the fixed map file with no State of ours, never reordered
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
                {/* biome-ignore lint/suspicious/noArrayIndexKey: a State's shapes in the fixed map file, never reordered */}
                {shapesOf.get(entry.iso3)!.map((s, i) => (s.d ? <path key={i} d={s.d} fill={entry.fill} className="shape" /> : null))}
                {/* biome-ignore lint/suspicious/noArrayIndexKey: the same shapes, hatched */}
                {entry.hatched && shapesOf.get(entry.iso3)!.map((s, i) => (s.d ? <path key={`h${i}`} d={s.d} fill={`url(#${hatch})`} className="hatch" /> : null))}
              </a>
            ))}
          </g>
          {/* Drawn last (lines under targets), so that nothing covers them. They are what a pointer clicks; the
              keyboard reaches the same State through its link above (in the table's order), and
              focusing that link highlights its marker. */}
          {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: as above */}
          <g aria-hidden="true" className="leaders">
            {[...markers.values()].map((marker) => (
              <Leader key={marker.id} marker={marker} dot={DOT_PX * unitsPerPx} />
            ))}
          </g>
          {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: as above: the targets answer a pointer only */}
          <g aria-hidden="true" className="markers">
            {ordered.flatMap((entry) => {
              const marker = markers.get(entry.iso3);
              if (!marker) return [];
              return (
                // biome-ignore lint/a11y/noStaticElementInteractions: a pointer target; the keyboard reaches the State through its link (see above)
                <g key={entry.iso3} data-iso3={entry.iso3} className="marker-target" onClick={() => open(entry.iso3)} onMouseEnter={() => setActive(entry.iso3)} onMouseLeave={() => setActive(null)}>
                  <Marker marker={marker} size={markerSize} dot={DOT_PX * unitsPerPx} fill={entry.fill} hatch={entry.hatched ? hatch : null} active={active?.iso3 === entry.iso3} />
                </g>
              );
            })}
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
