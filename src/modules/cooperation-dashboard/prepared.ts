// A cube narrowed to one region (or to none) and added up to the grain of years: what every
// answer for that region needs, whatever the years asked. Made once per cube and region, so an
// answer only picks the years (a few hundred cells) instead of going through every cell.
import type { Cube } from './cube.ts';

/** A count by year (or span of years) and one key. */
export interface Count {
  year: string;
  key: string | null;
  n: number;
}
export interface SpanCount {
  start: string | null;
  end: string | null;
  key: string | null;
  n: number;
}

export interface Prepared {
  requestsByStatus: Count[];
  requestsByRegion: Count[];
  requestsByCountry: Count[];
  eventsByKind: Count[];
  eventsByRegion: Count[];
  eventsByCountry: Count[];
  /** key: null; n: events; counted in `counted`. */
  eventCounts: (Count & { counted: number })[];
  headcountsByGender: Count[];
  projectsByStatus: SpanCount[];
  projectsByRegion: SpanCount[];
  projectsByCountry: SpanCount[];
  funds: { year: string; source: string; currency: string; units: bigint; lines: number }[];
  /** The first and last years any record falls in. */
  span: { first: string | null; last: string | null };
}

export interface Area {
  states: Set<string>;
  regions: Set<string>;
}

class Sums<T extends { n: number }> {
  private cells = new Map<string, T>();
  add(id: string, make: () => T, n: number): T {
    let cell = this.cells.get(id);
    if (!cell) {
      cell = make();
      this.cells.set(id, cell);
    }
    cell.n += n;
    return cell;
  }
  list(): T[] {
    return [...this.cells.values()];
  }
}

function counted(): Sums<Count> {
  return new Sums<Count>();
}

const addCount = (sums: Sums<Count>, year: string, key: string | null, n: number) => sums.add(`${year}|${key}`, () => ({ year, key, n: 0 }), n);
const addSpan = (sums: Sums<SpanCount>, start: string | null, end: string | null, key: string | null, n: number) => sums.add(`${start}|${end}|${key}`, () => ({ start, end, key, n: 0 }), n);

/** The cube's cells in `area` (all, without one), added up by year. */
export function prepare(cube: Cube, area: Area | undefined): Prepared {
  const placeIn = (country: string | null, region: string | null) => !area || (country !== null && area.states.has(country)) || (region !== null && area.regions.has(region));
  const projectIn = (cell: { region: string | null; countryList: string[] }) =>
    !area || (cell.region !== null && area.regions.has(cell.region)) || cell.countryList.some((iso3) => area.states.has(iso3));
  const years = new Set<string>();

  const [requestsByStatus, requestsByRegion, requestsByCountry] = [counted(), counted(), counted()];
  for (const r of cube.requests) {
    if (area && !area.states.has(r.country)) continue;
    years.add(r.year);
    addCount(requestsByStatus, r.year, r.status, r.n);
    addCount(requestsByRegion, r.year, r.top, r.n);
    addCount(requestsByCountry, r.year, r.country, r.n);
  }
  const [eventsByKind, eventsByRegion, eventsByCountry, headcountsByGender] = [counted(), counted(), counted(), counted()];
  const eventCounts = new Sums<Count & { counted: number }>();
  for (const e of cube.events) {
    if (!placeIn(e.country, e.region)) continue;
    years.add(e.year);
    addCount(eventsByKind, e.year, e.kind, e.n);
    addCount(eventsByRegion, e.year, e.top, e.n);
    // The map counts the States of the area that hosted events (not those of a regional event's region).
    if (e.country !== null && (!area || area.states.has(e.country))) addCount(eventsByCountry, e.year, e.country, e.n);
    eventCounts.add(e.year, () => ({ year: e.year, key: null, n: 0, counted: 0 }), e.n).counted += e.counted;
  }
  for (const h of cube.headcounts) if (placeIn(h.country, h.region)) addCount(headcountsByGender, h.year, h.gender, h.headcount);

  const [projectsByStatus, projectsByRegion, projectsByCountry] = [new Sums<SpanCount>(), new Sums<SpanCount>(), new Sums<SpanCount>()];
  for (const p of cube.projects) {
    if (!projectIn(p)) continue;
    for (const y of [p.start, p.end]) if (y !== null) years.add(y);
    addSpan(projectsByStatus, p.start, p.end, p.status, p.n);
    // A project counts once in each region it serves: its own, and those of its countries.
    for (const top of p.tops) addSpan(projectsByRegion, p.start, p.end, top, p.n);
  }
  for (const p of cube.projectCountries) if (!area || area.states.has(p.country)) addSpan(projectsByCountry, p.start, p.end, p.country, p.n);

  const funds = new Map<string, Prepared['funds'][number]>();
  for (const b of cube.funds) {
    if (!projectIn(b)) continue;
    const id = `${b.year}|${b.source}|${b.currency}`;
    const cell = funds.get(id) ?? { year: b.year, source: b.source, currency: b.currency, units: 0n, lines: 0 };
    cell.units += b.units;
    cell.lines += b.lines;
    funds.set(id, cell);
  }
  const sorted = [...years].sort();
  return {
    requestsByStatus: requestsByStatus.list(),
    requestsByRegion: requestsByRegion.list(),
    requestsByCountry: requestsByCountry.list(),
    eventsByKind: eventsByKind.list(),
    eventsByRegion: eventsByRegion.list(),
    eventsByCountry: eventsByCountry.list(),
    eventCounts: eventCounts.list(),
    headcountsByGender: headcountsByGender.list(),
    projectsByStatus: projectsByStatus.list(),
    projectsByRegion: projectsByRegion.list(),
    projectsByCountry: projectsByCountry.list(),
    funds: [...funds.values()],
    span: { first: sorted[0] ?? null, last: sorted.at(-1) ?? null },
  };
}

/** The prepared cells of a region, made on the first asking and kept with the cube. */
export function preparedFor(cube: Cube, code: string, area: Area | undefined): Prepared {
  let made = cube.prepared.get(code);
  if (!made) {
    made = prepare(cube, area);
    cube.prepared.set(code, made);
  }
  return made;
}
