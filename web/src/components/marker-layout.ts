// Where the markers of States too small to click on the world map go. Each marker is a square
// target of `size` map units (pages choose the size so that it is at least 24 CSS px, WCAG
// 2.5.8); markers never overlap one another. A marker stays on its State when it can; in a
// cluster (the Caribbean, central Europe, the Pacific) it moves to the nearest free place, and
// the map draws a leader line back to the State. Pure, so that it is tested without a browser.

export interface MarkerPoint {
  id: string;
  /** The State's point on the map (its centroid), in map units. */
  x: number;
  y: number;
}

export interface PlacedMarker extends MarkerPoint {
  /** The marker's centre, in map units. */
  cx: number;
  cy: number;
}

export interface Bounds {
  width: number;
  height: number;
}

/** Candidate places per ring around the State's point, and rings tried before giving up. */
const ANGLES = 24;
const MAX_RINGS = 60;

function overlaps(a: { cx: number; cy: number }, b: { cx: number; cy: number }, span: number): boolean {
  return Math.abs(a.cx - b.cx) < span && Math.abs(a.cy - b.cy) < span;
}

/**
 * Places markers of `size` map units with at least `gap` units between them, inside `bounds`.
 * The most crowded points are placed first, nearest their State; the others take the nearest
 * free place on rings of growing radius. Deterministic: the same input gives the same map.
 */
export function layoutMarkers(points: MarkerPoint[], size: number, bounds: Bounds, gap = 0): PlacedMarker[] {
  const span = size + gap;
  const half = size / 2;
  const inside = (cx: number, cy: number) => cx - half >= 0 && cy - half >= 0 && cx + half <= bounds.width && cy + half <= bounds.height;
  const neighbours = (p: MarkerPoint) => points.filter((q) => q !== p && Math.abs(q.x - p.x) < 2 * span && Math.abs(q.y - p.y) < 2 * span).length;
  const order = [...points].sort((a, b) => neighbours(b) - neighbours(a) || a.y - b.y || a.x - b.x || a.id.localeCompare(b.id));
  const placed: PlacedMarker[] = [];
  for (const p of order) {
    let spot: { cx: number; cy: number } | null = null;
    for (let ring = 0; ring <= MAX_RINGS && !spot; ring++) {
      const radius = (ring * span) / 2;
      const tries = ring === 0 ? 1 : ANGLES;
      for (let i = 0; i < tries && !spot; i++) {
        const angle = (2 * Math.PI * i) / tries;
        const candidate = { cx: p.x + radius * Math.cos(angle), cy: p.y + radius * Math.sin(angle) };
        if (inside(candidate.cx, candidate.cy) && !placed.some((q) => overlaps(q, candidate, span))) spot = candidate;
      }
    }
    // No free place within MAX_RINGS (never with the registry's States on any screen the page
    // allows): the marker sits on its State rather than disappear.
    spot ??= { cx: p.x, cy: p.y };
    placed.push({ ...p, cx: Math.round(spot.cx * 10) / 10, cy: Math.round(spot.cy * 10) / 10 });
  }
  return points.map((p) => placed.find((q) => q.id === p.id)!);
}
