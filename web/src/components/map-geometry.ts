// The map file (geo/world.json, built and projected by web/build/map-geometry.ts).
import type { MapFile } from '../../build/map-geometry.ts';

export type { MapFile, MapShape } from '../../build/map-geometry.ts';

async function loadMapFile(): Promise<MapFile> {
  const response = await fetch('/geo/world.json');
  if (!response.ok) throw new Error(`The map could not be loaded (${response.status}).`);
  return (await response.json()) as MapFile;
}

let loading: Promise<MapFile> | null = null;

/** The map, fetched once per visit; the home page starts this before its data arrive. */
export function mapFile(): Promise<MapFile> {
  loading ??= loadMapFile().catch((error: unknown) => {
    loading = null; // let a retry fetch again
    throw error;
  });
  return loading;
}
