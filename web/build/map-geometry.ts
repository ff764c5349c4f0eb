// Emits the world map as its own static file (geo/world.json), outside the JavaScript bundle.
// Shapes: Natural Earth 1:50m from the world-atlas package, each tagged with its ISO alpha-3
// code (world-atlas ids are M49 numeric codes). A State too small for 1:50m (Tuvalu) is taken
// from the 1:10m file as a point at its centroid, so no State is missing from the map.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { geoCentroid } from 'd3-geo';
import countries from 'i18n-iso-countries';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { Plugin } from 'vite';

const require = createRequire(import.meta.url);

export interface MapGeometry {
  topology: Topology;
  /** States without a shape at this scale, drawn as points: [iso3, longitude, latitude]. */
  points: [string, number, number][];
  source: string;
}

function readAtlas(file: string): Topology<{ countries: GeometryCollection<{ name: string; iso3?: string }> }> {
  return JSON.parse(readFileSync(require.resolve(`world-atlas/${file}`), 'utf8'));
}

export function buildMapGeometry(): MapGeometry {
  const atlas = readAtlas('countries-50m.json');
  const ids = new Set<string>();
  for (const geometry of atlas.objects.countries.geometries) {
    const iso3 = geometry.id === undefined ? undefined : countries.numericToAlpha3(String(geometry.id));
    if (geometry.id !== undefined) ids.add(String(geometry.id));
    const name = (geometry.properties as { name?: string } | undefined)?.name ?? '';
    geometry.properties = iso3 ? { name, iso3 } : { name };
  }
  const detailed = readAtlas('countries-10m.json');
  const points: [string, number, number][] = [];
  for (const geometry of detailed.objects.countries.geometries) {
    const iso3 = geometry.id === undefined ? undefined : countries.numericToAlpha3(String(geometry.id));
    if (!iso3 || ids.has(String(geometry.id))) continue;
    const [lon, lat] = geoCentroid(feature(detailed, geometry) as any);
    points.push([iso3, Math.round(lon * 100) / 100, Math.round(lat * 100) / 100]);
  }
  const version = (require('world-atlas/package.json') as { version: string }).version;
  return { topology: atlas, points, source: `world-atlas ${version} (Natural Earth 1:50m; points from 1:10m)` };
}

export function mapGeometryPlugin(): Plugin {
  return {
    name: 'accord-map-geometry',
    // `vite` (development): answer the file from memory; `vite build`: write it into dist.
    configureServer(server) {
      server.middlewares.use('/geo/world.json', (_request, response) => {
        response.setHeader('Content-Type', 'application/json');
        response.end(JSON.stringify(buildMapGeometry()));
      });
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'geo/world.json', source: JSON.stringify(buildMapGeometry()) });
    },
  };
}
