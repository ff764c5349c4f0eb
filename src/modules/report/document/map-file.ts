// Reads the map geometry for maps.ts: the web app's map file, geo/world.json, which the web build
// (`npm run build:web`, web/build/map-geometry.ts) projects from the world-atlas package (Natural
// Earth 1:50m). The server serves the same file to the browser from web/dist; reading it here
// keeps one geometry for the site and the report, and keeps world-atlas, d3-geo and
// topojson-client development dependencies. No file, no map: a clear error, never a blank map.
import { existsSync, readFileSync } from 'node:fs';
import { projectPath } from '../../../shared/project-path.ts';
import type { MapGeometry } from './maps.ts';

/** Where the built web app keeps the map file (the server's default web folder). */
export const DEFAULT_MAP_FILE = projectPath('web', 'dist', 'geo', 'world.json');

export class MapGeometryMissingError extends Error {
  constructor(path: string, why: string) {
    super(`The report's maps need the map file ${path}, which ${why}: build the web app (npm run build:web), which writes it from the world-atlas package`);
    this.name = 'MapGeometryMissingError';
  }
}

/** The map geometry from the built web app (or the file given). */
export function loadMapGeometry(file: string = DEFAULT_MAP_FILE): MapGeometry {
  if (!existsSync(file)) throw new MapGeometryMissingError(file, 'does not exist');
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw new MapGeometryMissingError(file, 'is not JSON');
  }
  const map = parsed as Partial<MapGeometry>;
  if (!(typeof map.width === 'number' && typeof map.height === 'number' && typeof map.sphere === 'string' && Array.isArray(map.shapes) && map.shapes.length > 0)) {
    throw new MapGeometryMissingError(file, 'is not a map file (width, height, sphere, shapes)');
  }
  return map as MapGeometry;
}
