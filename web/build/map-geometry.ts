// Builds the world map as its own static file (geo/world.json), outside the JavaScript bundle,
// already projected: the browser draws SVG paths and does no geometry work.
// Shapes: Natural Earth 1:50m from the world-atlas package, each tagged with its ISO alpha-3
// code (world-atlas ids are M49 numeric codes). A State too small to see gets a point marker;
// a State missing at 1:50m (Tuvalu) is placed from the 1:10m file, as a point.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { geoCentroid, geoEqualEarth, geoPath } from 'd3-geo';
import countries from 'i18n-iso-countries';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { Plugin } from 'vite';

const require = createRequire(import.meta.url);

/** Twice the 960 × 470 drawing, so that whole-number coordinates stay finer than a pixel. */
export const MAP_WIDTH = 1920;
export const MAP_HEIGHT = 940;
/** Shapes smaller than this many square units also get a point marker. */
const SMALL_AREA = 120;

export interface MapShape {
  iso3: string | null;
  d: string;
  marker: [number, number] | null;
}

export interface MapFile {
  width: number;
  height: number;
  sphere: string;
  shapes: MapShape[];
  source: string;
}

type Countries = Topology<{ countries: GeometryCollection<{ name?: string }> }>;

function readAtlas(file: string): Countries {
  return JSON.parse(readFileSync(require.resolve(`world-atlas/${file}`), 'utf8'));
}

function iso3Of(id: string | number | undefined): string | null {
  return id === undefined ? null : (countries.numericToAlpha3(String(id)) ?? null);
}

/** "L12,5L12,5" → "L12,5": whole-number rounding leaves many repeated points. */
function compact(d: string | null): string {
  return (d ?? '').replace(/L(-?\d+,-?\d+)(?:L\1)+/g, 'L$1');
}

export function buildMapFile(): MapFile {
  const projection = geoEqualEarth().fitExtent(
    [
      [8, 8],
      [MAP_WIDTH - 8, MAP_HEIGHT - 8],
    ],
    { type: 'Sphere' },
  );
  const path = geoPath(projection).digits(0);
  const round = (point: [number, number] | null): [number, number] | null => (point ? [Math.round(point[0]), Math.round(point[1])] : null);

  const atlas = readAtlas('countries-50m.json');
  const seen = new Set<string>();
  const shapes: MapShape[] = atlas.objects.countries.geometries.map((geometry) => {
    const shape = feature(atlas, geometry) as GeoJSON.Feature;
    const iso3 = iso3Of(geometry.id);
    if (iso3) seen.add(iso3);
    const small = path.area(shape) < SMALL_AREA;
    return { iso3, d: compact(path(shape)), marker: small ? round(projection(geoCentroid(shape))) : null };
  });
  const detailed = readAtlas('countries-10m.json');
  for (const geometry of detailed.objects.countries.geometries) {
    const iso3 = iso3Of(geometry.id);
    if (!iso3 || seen.has(iso3)) continue;
    shapes.push({ iso3, d: '', marker: round(projection(geoCentroid(feature(detailed, geometry) as GeoJSON.Feature))) });
  }
  const version = (require('world-atlas/package.json') as { version: string }).version;
  return {
    width: MAP_WIDTH,
    height: MAP_HEIGHT,
    sphere: compact(path({ type: 'Sphere' })),
    shapes,
    source: `world-atlas ${version}: Natural Earth 1:50m (1:10m for States missing at 1:50m), Equal Earth projection`,
  };
}

export function mapGeometryPlugin(): Plugin {
  return {
    name: 'accord-map-geometry',
    // `vite` (development): answer the file from memory; `vite build`: write it into dist.
    configureServer(server) {
      server.middlewares.use('/geo/world.json', (_request, response) => {
        response.setHeader('Content-Type', 'application/json');
        response.end(JSON.stringify(buildMapFile()));
      });
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'geo/world.json', source: JSON.stringify(buildMapFile()) });
    },
  };
}
