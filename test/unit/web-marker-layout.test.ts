// The markers of small States on the world map: never overlapping, inside the map, on their
// State when nothing is in the way, and the same layout for the same input.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { layoutMarkers, type PlacedMarker } from '../../web/src/components/marker-layout.ts';

const BOUNDS = { width: 1920, height: 940 };

function assertApart(markers: PlacedMarker[], span: number): void {
  for (const [i, a] of markers.entries()) {
    for (const b of markers.slice(i + 1)) {
      assert.ok(Math.abs(a.cx - b.cx) >= span - 0.1 || Math.abs(a.cy - b.cy) >= span - 0.1, `${a.id} and ${b.id} overlap`);
    }
  }
}

test('an isolated point keeps its place; a cluster spreads out without overlap', () => {
  const cluster = [
    { id: 'A', x: 500, y: 300 },
    { id: 'B', x: 505, y: 302 },
    { id: 'C', x: 498, y: 310 },
    { id: 'D', x: 510, y: 295 },
    { id: 'FAR', x: 1500, y: 600 },
  ];
  const placed = layoutMarkers(cluster, 50, BOUNDS, 4);
  assertApart(placed, 54);
  const far = placed.find((p) => p.id === 'FAR')!;
  assert.deepEqual([far.cx, far.cy], [1500, 600]);
  assert.deepEqual(
    placed.map((p) => p.id),
    cluster.map((p) => p.id),
    'answers in the order asked',
  );
  assert.deepEqual(layoutMarkers(cluster, 50, BOUNDS, 4), placed, 'deterministic');
});

test('markers stay inside the map, even for a point at its edge', () => {
  const placed = layoutMarkers([{ id: 'EDGE', x: 3, y: 930 }], 60, BOUNDS);
  const [m] = placed;
  assert.ok(m!.cx - 30 >= 0 && m!.cy + 30 <= BOUNDS.height, JSON.stringify(m));
});

test('the crowded small States of the map (Caribbean, Europe, Gulf, Pacific) get places apart, at two marker sizes', () => {
  // The crowded places of the map file (points of web/dist/geo/world.json, built by Vite).
  const points = [
    ['KNA', 637, 348],
    ['ATG', 641, 348],
    ['DMA', 642, 361],
    ['LCA', 643, 372],
    ['VCT', 641, 376],
    ['GRD', 638, 384],
    ['BRB', 650, 377],
    ['TTO', 639, 396],
    ['LUX', 986, 141],
    ['LIE', 1002, 156],
    ['MCO', 994, 176],
    ['SMR', 1017, 175],
    ['VAT', 1017, 187],
    ['AND', 967, 183],
    ['MLT', 1029, 224],
    ['BHR', 1214, 288],
    ['QAT', 1217, 293],
    ['SGP', 1507, 460],
    ['NRU', 1840, 474],
    ['TUV', 1897, 525],
    ['MHL', 1855, 420],
    ['KIR', 75, 464],
    ['WSM', 65, 567],
    ['TON', 66, 613],
    ['NIU', 88, 604],
    ['COK', 145, 619],
  ].map(([id, x, y]) => ({ id: id as string, x: x as number, y: y as number }));
  for (const size of [52, 66]) {
    const placed = layoutMarkers(points, size, BOUNDS, 2);
    assertApart(placed, size + 2);
    for (const m of placed) assert.ok(Math.hypot(m.cx - m.x, m.cy - m.y) < 6 * size, `${m.id} stays near its State`);
  }
});
