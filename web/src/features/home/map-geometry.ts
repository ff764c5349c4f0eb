// Turns the map file (geo/world.json, built by web/build/map-geometry.ts) into SVG paths once.
import { geoCentroid, geoEqualEarth, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import type { MapGeometry } from '../../../build/map-geometry.ts';

export const MAP_WIDTH = 960;
export const MAP_HEIGHT = 470;
/** Shapes smaller than this (in square units of the 960-wide map) also get a point marker. */
const SMALL_AREA = 30;

export interface MapShape {
  iso3: string | null;
  d: string;
  /** Where a State too small to see or click is marked with a circle. */
  marker: [number, number] | null;
}

async function loadMapGeometry(): Promise<MapShape[]> {
  const response = await fetch('/geo/world.json');
  if (!response.ok) throw new Error(`The map could not be loaded (${response.status}).`);
  const geometry = (await response.json()) as MapGeometry;
  const countries = feature(geometry.topology, geometry.topology.objects.countries as any) as unknown as GeoJSON.FeatureCollection<GeoJSON.Geometry, { iso3?: string }>;
  const projection = geoEqualEarth().fitExtent([[4, 4], [MAP_WIDTH - 4, MAP_HEIGHT - 4]], { type: 'Sphere' } as any);
  const path = geoPath(projection);
  const shapes: MapShape[] = countries.features.map((f) => {
    const small = path.area(f) < SMALL_AREA;
    const at = small ? projection(geoCentroid(f)) : null;
    return { iso3: f.properties?.iso3 ?? null, d: path(f) ?? '', marker: at ? [at[0], at[1]] : null };
  });
  for (const [iso3, lon, lat] of geometry.points) {
    const at = projection([lon, lat]);
    if (at) shapes.push({ iso3, d: '', marker: [at[0], at[1]] });
  }
  return shapes;
}

export const SPHERE_PATH = geoPath(geoEqualEarth().fitExtent([[4, 4], [MAP_WIDTH - 4, MAP_HEIGHT - 4]], { type: 'Sphere' } as any))({ type: 'Sphere' } as any) ?? '';

let loading: Promise<MapShape[]> | null = null;

/** The map's shapes, fetched once per visit; the home page starts this before its data arrive. */
export function mapShapes(): Promise<MapShape[]> {
  loading ??= loadMapGeometry().catch((error: unknown) => {
    loading = null; // let a retry fetch again
    throw error;
  });
  return loading;
}
