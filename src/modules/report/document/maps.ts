// Maps for the report as SVG text, for a `figure` block (model.ts): States shaded by a category,
// the world or one region's part of it. A pure function of the map geometry it is given: the
// geometry is the web app's map file (geo/world.json, projected by web/build/map-geometry.ts
// from the world-atlas package), which map-file.ts reads. Coordinates are brought to a drawing
// 640 units wide, rounded to whole units and thinned, so that a world map stays small.
import { ValidationError } from '../../../shared/errors.ts';
import { checkLanguage, FIGURE_WORDS, fontFamily, num, svgText, textWidth, wrapText } from './figure-text.ts';
import type { ReportLanguage } from './model.ts';

/** The map file's shape (web/build/map-geometry.ts writes it): paths already projected into a
 *  `width` × `height` drawing; `marker` is where a State too small to see is shown as a circle. */
export interface MapGeometry {
  width: number;
  height: number;
  sphere: string;
  shapes: { iso3: string | null; d: string; marker: [number, number] | null }[];
  source: string;
}

/** The legend key drawn hatched: the data say nothing about the State (not the same as "not party"). */
export const NO_DATA_KEY = 'no-data';

export interface RegionMapInput {
  geometry: MapGeometry;
  /** ISO alpha-3 code → legend key. States left out are drawn pale, as outside the figure. */
  shade: ReadonlyMap<string, string>;
  /** In the legend's order; a key `no-data` (NO_DATA_KEY) is drawn hatched, the others get the
   *  fills dark to light in order, so put the strongest category first. */
  legend: { key: string; label: string }[];
  /** Zooms to these States (e.g. a region's); the world when absent. */
  regionStates?: readonly string[];
  lang: ReportLanguage;
}

export const MAP_WIDTH_UNITS = 640;
const LEGEND_SIZE = 13;
const NOTE_SIZE = 10.5;
const MARGIN = 8;
/** Fills for the categories in legend order, dark to light, then a second hue light to dark. */
const CATEGORY_FILLS = ['#1f3d7a', '#6b9bd1', '#cfe0f3', '#fdb863', '#b35806', '#5e3c99'];
const OUTSIDE_FILL = '#f7f7f7';
const BORDER = '#808080';
/** Rings farther than this (source units, about 2,700 km) from a State's largest one are left out
 *  of the zoom box: French Guiana does not pull a map of Western Europe across the Atlantic. */
const NEAR = 150;

type Point = [number, number];
interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** The rings of a path as d3-geo writes it (M x,y L x,y … Z). */
function rings(d: string): Point[][] {
  const out: Point[][] = [];
  let ring: Point[] = [];
  for (const m of d.matchAll(/([MLZ])\s*(?:(-?[\d.]+)[,\s]+(-?[\d.]+))?/gi)) {
    const command = (m[1] ?? '').toUpperCase();
    if (command === 'M') {
      if (ring.length) out.push(ring);
      ring = [];
    }
    if (command === 'Z') {
      if (ring.length) out.push(ring);
      ring = [];
      continue;
    }
    ring.push([Number(m[2]), Number(m[3])]);
  }
  if (ring.length) out.push(ring);
  return out;
}

function boxOf(points: readonly Point[]): Box {
  const box = { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity };
  for (const [px, py] of points) {
    box.x0 = Math.min(box.x0, px);
    box.y0 = Math.min(box.y0, py);
    box.x1 = Math.max(box.x1, px);
    box.y1 = Math.max(box.y1, py);
  }
  return box;
}

function union(a: Box, b: Box): Box {
  return { x0: Math.min(a.x0, b.x0), y0: Math.min(a.y0, b.y0), x1: Math.max(a.x1, b.x1), y1: Math.max(a.y1, b.y1) };
}

function gap(a: Box, b: Box): number {
  return Math.max(0, a.x0 - b.x1, b.x0 - a.x1, a.y0 - b.y1, b.y0 - a.y1);
}

function area(ring: readonly Point[]): number {
  let sum = 0;
  for (let i = 0; i < ring.length; i++) {
    const [ax, ay] = ring[i] as Point;
    const [bx, by] = ring[(i + 1) % ring.length] as Point;
    sum += ax * by - bx * ay;
  }
  return Math.abs(sum / 2);
}

/** Douglas–Peucker: drops the points closer than `tolerance` to the line their neighbours make. */
function simplify(points: Point[], tolerance: number): Point[] {
  if (points.length < 4) return points;
  const keep = new Uint8Array(points.length);
  keep[0] = 1;
  keep[points.length - 1] = 1;
  const stack: [number, number][] = [[0, points.length - 1]];
  while (stack.length) {
    const [first, last] = stack.pop() as [number, number];
    const [ax, ay] = points[first] as Point;
    const [bx, by] = points[last] as Point;
    const length = Math.hypot(bx - ax, by - ay);
    let worst = -1;
    let index = -1;
    for (let i = first + 1; i < last; i++) {
      const [px, py] = points[i] as Point;
      const distance = length === 0 ? Math.hypot(px - ax, py - ay) : Math.abs((bx - ax) * (ay - py) - (ax - px) * (by - ay)) / length;
      if (distance > worst) {
        worst = distance;
        index = i;
      }
    }
    if (worst > tolerance) {
      keep[index] = 1;
      stack.push([first, index], [index, last]);
    }
  }
  return points.filter((_, i) => keep[i]);
}

/** A ring as a compact relative path ("M12 40l3-2 0 5…z"), or null when it thins to less than a
 *  triangle. Thinned in the map file's units first, at least 0.8 of them: the file's whole-unit
 *  coordinates make stairs along coasts, which a zoomed map would show; then at 0.6 drawn units. */
function ringPath(ring: Point[], k: number, at: (p: Point) => Point): string | null {
  const scale = k > 1 ? 10 : 1; // a zoomed map keeps one decimal
  const rounded: Point[] = [];
  for (const p of simplify(ring, Math.max(0.8, 0.6 / k))) {
    const [px, py] = at(p);
    const q: Point = [Math.round(px * scale), Math.round(py * scale)];
    const last = rounded[rounded.length - 1];
    if (!last || last[0] !== q[0] || last[1] !== q[1]) rounded.push(q);
  }
  if (rounded.length < 3) return null;
  const [start, ...rest] = rounded as [Point, ...Point[]];
  let [cx, cy] = start;
  const steps = rest.map(([px, py]) => {
    const step = `${(px - cx) / scale} ${(py - cy) / scale}`;
    cx = px;
    cy = py;
    return step;
  });
  return `M${start[0] / scale} ${start[1] / scale}l${steps.join(' ').replace(/ -/g, '-')}z`;
}

/** The part of the map holding the States: each State's largest ring and the rings near it. */
function zoomBox(geometry: MapGeometry, states: readonly string[]): Box {
  const wanted = new Set(states);
  let box: Box | null = null;
  const byState = new Map<string, MapGeometry['shapes']>();
  for (const shape of geometry.shapes) if (shape.iso3 && wanted.has(shape.iso3)) byState.set(shape.iso3, [...(byState.get(shape.iso3) ?? []), shape]);
  for (const shapes of byState.values()) {
    const all = shapes.flatMap((s) => rings(s.d));
    let own: Box | null = null;
    if (all.length) {
      const largest = all.reduce((a, b) => (area(b) > area(a) ? b : a));
      own = boxOf(largest);
      const main: Box = own;
      for (const ring of all) {
        const ringBox = boxOf(ring);
        if (gap(ringBox, main) <= NEAR) own = union(own, ringBox);
      }
    } else {
      const marker = shapes.find((s) => s.marker)?.marker;
      if (marker) own = boxOf([marker]);
    }
    if (own) box = box ? union(box, own) : own;
  }
  if (!box) throw new ValidationError(`region map: none of the regionStates (${states.slice(0, 5).join(', ')}${states.length > 5 ? ', …' : ''}) is on the map`);
  // Some room around the States, at least a tenth of the map's width across, and a shape
  // between a wide band and a square.
  const pad = Math.max(box.x1 - box.x0, box.y1 - box.y0) * 0.06 + 6;
  let { x0, y0, x1, y1 } = { x0: box.x0 - pad, y0: box.y0 - pad, x1: box.x1 + pad, y1: box.y1 + pad };
  const grow = (lo: number, hi: number, size: number): [number, number] => [(lo + hi) / 2 - size / 2, (lo + hi) / 2 + size / 2];
  if (x1 - x0 < geometry.width / 10) [x0, x1] = grow(x0, x1, geometry.width / 10);
  if (y1 - y0 > x1 - x0) [x0, x1] = grow(x0, x1, y1 - y0);
  if (y1 - y0 < (x1 - x0) * 0.4) [y0, y1] = grow(y0, y1, (x1 - x0) * 0.4);
  return { x0: Math.max(0, x0), y0: Math.max(0, y0), x1: Math.min(geometry.width, x1), y1: Math.min(geometry.height, y1) };
}

/** A short, stable name for this drawing's ids: two maps inlined in one HTML page must not share
 *  a clip or pattern id with different contents. */
function idOf(text: string): string {
  let hash = 2166136261;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
  return (hash >>> 0).toString(36);
}

/** The States of `iso3s` the map cannot show (no shape and no marker), for the text to name. */
export function unmappedStates(geometry: MapGeometry, iso3s: Iterable<string>): string[] {
  const onMap = new Set(geometry.shapes.filter((s) => s.d || s.marker).map((s) => s.iso3));
  return [...iso3s].filter((iso3) => !onMap.has(iso3));
}

function checkInput(input: RegionMapInput): void {
  checkLanguage(input.lang, 'region map');
  const keys = new Set<string>();
  for (const entry of input.legend) {
    if (keys.has(entry.key)) throw new ValidationError(`region map: legend key "${entry.key}" is given twice`);
    keys.add(entry.key);
  }
  if (input.legend.filter((e) => e.key !== NO_DATA_KEY).length > CATEGORY_FILLS.length) throw new ValidationError(`region map: at most ${CATEGORY_FILLS.length} legend keys besides "${NO_DATA_KEY}"`);
  for (const [iso3, key] of input.shade) {
    if (!/^[A-Z]{3}$/.test(iso3)) throw new ValidationError(`region map: shade holds "${iso3}", which is not an ISO alpha-3 code`);
    if (!keys.has(key)) throw new ValidationError(`region map: ${iso3} is shaded "${key}", which the legend does not name`);
  }
}

/** States shaded by category on the world map, or zoomed to `regionStates`, as a standalone SVG
 *  640 units wide with its legend and the map's note under it (Arabic: the legend from the right). */
export function regionMap(input: RegionMapInput): string {
  checkInput(input);
  const { geometry, shade, legend, lang } = input;
  const rtl = lang === 'ar';
  const box: Box = input.regionStates?.length ? zoomBox(geometry, input.regionStates) : { x0: 0, y0: 0, x1: geometry.width, y1: geometry.height };
  const k = MAP_WIDTH_UNITS / (box.x1 - box.x0);
  const mapHeight = Math.round((box.y1 - box.y0) * k);
  const at = ([px, py]: Point): Point => [(px - box.x0) * k, (py - box.y0) * k];
  const visible = (b: Box) => b.x1 >= box.x0 && b.x0 <= box.x1 && b.y1 >= box.y0 && b.y0 <= box.y1;
  const id = idOf(`${box.x0},${box.y0},${box.x1},${box.y1}|${[...shade].join(';')}`);
  const hatchId = `accord-map-hatch-${id}`;
  const clipId = `accord-map-clip-${id}`;

  const fills = new Map<string, string>();
  let next = 0;
  for (const entry of legend) fills.set(entry.key, entry.key === NO_DATA_KEY ? `url(#${hatchId})` : (CATEGORY_FILLS[next++] as string));

  // One path per State (all its rings), grouped by fill; shapes outside the box are left out.
  const groups = new Map<string, string[]>();
  const markers: string[] = [];
  const byState = new Map<string, MapGeometry['shapes']>();
  for (const shape of geometry.shapes) if (shape.iso3) byState.set(shape.iso3, [...(byState.get(shape.iso3) ?? []), shape]);
  const drawn = new Set<string>();
  for (const shape of geometry.shapes) {
    const key = shape.iso3 ? shade.get(shape.iso3) : undefined;
    const fill = key === undefined ? OUTSIDE_FILL : (fills.get(key) as string);
    const d = rings(shape.d)
      .filter((ring) => visible(boxOf(ring)))
      .map((ring) => ringPath(ring, k, at))
      .filter((p): p is string => p !== null)
      .join('');
    if (d) groups.set(fill, [...(groups.get(fill) ?? []), `<path d="${d}"/>`]);
    // A shaded State too small to see: a circle where the map file puts it (as the web app does).
    if (key !== undefined && shape.iso3 && !drawn.has(shape.iso3)) {
      const own = byState.get(shape.iso3) ?? [];
      const marker = own.find((s) => s.marker)?.marker;
      if (marker && own.every((s) => s.marker || !s.d) && visible(boxOf([marker]))) {
        const [mx, my] = at(marker);
        markers.push(`<circle cx="${num(mx)}" cy="${num(my)}" r="3.2" fill="${fill}"/>`);
      }
      drawn.add(shape.iso3);
    }
  }
  const order = [OUTSIDE_FILL, ...fills.values()];
  const shapes = order
    .filter((fill) => groups.has(fill))
    .map((fill) => `<g fill="${fill}">${(groups.get(fill) as string[]).join('')}</g>`)
    .join('');
  const sphere = input.regionStates?.length
    ? ''
    : `<path d="${rings(geometry.sphere)
        .map((r) => ringPath(r, k, at) ?? '')
        .join('')}" fill="none" stroke="#a0a0a0" stroke-width="0.8"/>`;

  // The legend, under the map, from the start side of the language; then the note.
  const parts: string[] = [];
  let lx = MARGIN;
  let ly = mapHeight + 10;
  for (const entry of legend) {
    const label = wrapText(entry.label, MAP_WIDTH_UNITS - 2 * MARGIN - 20, LEGEND_SIZE, 1)[0] ?? '';
    const w = 20 + textWidth(label, LEGEND_SIZE) + 18;
    if (lx > MARGIN && lx + w > MAP_WIDTH_UNITS - MARGIN) {
      lx = MARGIN;
      ly += 20;
    }
    const sx = rtl ? MAP_WIDTH_UNITS - lx - 14 : lx;
    parts.push(`<rect x="${num(sx)}" y="${num(ly)}" width="14" height="14" fill="${fills.get(entry.key)}" stroke="${BORDER}" stroke-width="0.8"/>`);
    parts.push(svgText(rtl ? MAP_WIDTH_UNITS - lx - 20 : lx + 20, ly + 12, label, { anchor: rtl ? 'end' : 'start', rtl, size: LEGEND_SIZE }));
    lx += w;
  }
  ly += 22;
  for (const line of wrapText(FIGURE_WORDS[lang].mapNote, MAP_WIDTH_UNITS - 2 * MARGIN, NOTE_SIZE, 4)) {
    ly += NOTE_SIZE + 3;
    parts.push(svgText(rtl ? MAP_WIDTH_UNITS - MARGIN : MARGIN, ly, line, { anchor: rtl ? 'end' : 'start', rtl, size: NOTE_SIZE, fill: '#444444' }));
  }
  const height = Math.ceil(ly + 8);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${MAP_WIDTH_UNITS}" height="${height}" viewBox="0 0 ${MAP_WIDTH_UNITS} ${height}" direction="ltr" font-family="${fontFamily(lang)}" font-size="${LEGEND_SIZE}">` +
    `<defs><pattern id="${hatchId}" width="5" height="5" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="5" height="5" fill="#ffffff"/><line x1="1.25" y1="0" x2="1.25" y2="5" stroke="#555555" stroke-width="1.3"/></pattern>` +
    `<clipPath id="${clipId}"><rect width="${MAP_WIDTH_UNITS}" height="${mapHeight}"/></clipPath></defs>` +
    `<rect width="${MAP_WIDTH_UNITS}" height="${height}" fill="#ffffff"/>` +
    `<g clip-path="url(#${clipId})" stroke="${BORDER}" stroke-width="0.35" stroke-linejoin="round">${sphere}${shapes}<g stroke="#333333" stroke-width="0.6">${markers.join('')}</g></g>` +
    `${input.regionStates?.length ? `<rect width="${MAP_WIDTH_UNITS}" height="${mapHeight}" fill="none" stroke="#a0a0a0" stroke-width="0.8"/>` : ''}` +
    `<g>${parts.join('')}</g></svg>`
  );
}
