// The dashboard's cube: the database's aggregates of everything one audience may see, at the
// grain the filters need (year, State, M49 code), kept per version of the data and audience, so
// that each filter (a region, a range of years) is answered by adding up cells, never by
// reading records again. At 100,000 events the aggregate queries take a second or more on a busy
// SQLite (bench/RESULTS.md); adding up their cells takes a few milliseconds. A cube is built on
// the first asking after a change, as the treaty model and the recommendations' facet index are.
import type { Kysely } from 'kysely';
import { type Prepared, prepare } from './prepared.ts';
import type { Database } from '../../db/schema.ts';
import {
  type EventCell,
  eventCells,
  type FundCell,
  firstLevelRegions,
  fundCells,
  type HeadcountCell,
  headcountCells,
  type ProjectCell,
  projectCells,
  projectCountryCells,
  type RequestCell,
  requestCells,
} from './repository.ts';

/** A cell with the region of the first level it counts in (the State's, else its own M49 code's). */
type Placed<T> = T & { top: string | null };
/** A project's cell with its countries apart and the regions of the first level it serves. */
type Spread<T> = T & { countryList: string[]; tops: (string | null)[] };

export interface Cube {
  requests: Placed<RequestCell>[];
  events: Placed<EventCell>[];
  headcounts: HeadcountCell[];
  projects: Spread<ProjectCell>[];
  projectCountries: { country: string; start: string | null; end: string | null; n: number }[];
  funds: Spread<FundCell>[];
  /** Its cells narrowed to each region asked so far ('' for none), added up by year (prepared.ts). */
  prepared: Map<string, Prepared>;
}

/** Every aggregate query of the dashboard, through the asker's view `db`. */
export async function buildCube(db: Kysely<Database>): Promise<Cube> {
  const [requests, events, headcounts, projects, projectCountries, funds, firstLevel] = await Promise.all([
    requestCells(db),
    eventCells(db),
    headcountCells(db),
    projectCells(db),
    projectCountryCells(db),
    fundCells(db),
    firstLevelRegions(db),
  ]);
  const top = (country: string | null, region: string | null) => (country ? firstLevel.ofState.get(country) : undefined) ?? (region ? firstLevel.ofCode.get(region) : undefined) ?? null;
  // Done once per cube, so that each answer only adds up.
  const spread = <T extends { countries: string; region: string | null }>(cell: T): Spread<T> => {
    const countryList = cell.countries ? cell.countries.split(',') : [];
    const tops = new Set(countryList.map((iso3) => top(iso3, null)));
    if (cell.region !== null) tops.add(top(null, cell.region));
    if (tops.size === 0) tops.add(null);
    return { ...cell, countryList, tops: [...tops] };
  };
  const cube: Cube = {
    requests: requests.map((r) => ({ ...r, top: top(r.country, null) })),
    events: events.map((e) => ({ ...e, top: top(e.country, e.region) })),
    headcounts,
    projects: projects.map(spread),
    projectCountries,
    funds: funds.map(spread),
    prepared: new Map(),
  };
  // The cells of all regions together are added up now; a region's on its first asking
  // (preparedFor): each is one pass over the cells, and adding up all thirty M49 codes at once
  // took 3.5 s at 100,000 events, three times the aggregate SQL (bench/RESULTS.md).
  cube.prepared.set('', prepare(cube, undefined));
  return cube;
}

// A few cubes are kept (each audience seen lately, at the current data): the oldest goes first.
const KEPT = 6;
const cubes = new Map<string, Promise<Cube>>();

/** The cube of `key` (the data's versions and the audience), built once however many ask at once. */
export function cubeFor(key: string, build: () => Promise<Cube>): Promise<Cube> {
  const found = cubes.get(key);
  if (found) {
    cubes.delete(key);
    cubes.set(key, found);
    return found;
  }
  const made = build();
  cubes.set(key, made);
  made.catch(() => cubes.delete(key));
  while (cubes.size > KEPT) cubes.delete(cubes.keys().next().value as string);
  return made;
}
