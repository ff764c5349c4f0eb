// The dashboard from the database's aggregates: cells turned into the answer's lists, the
// projects' spans into the years they run in, the amounts' integer parts into exact sums.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { today } from '../../shared/dates.ts';
import { ValidationError } from '../../shared/errors.ts';
import type { Lang } from '../../shared/text.ts';
import { moneyText } from '../money/decimal.ts';
import { namesOf } from '../names/repository.ts';
import {
  areaOf,
  type CountryCell,
  type DashboardFilter,
  eventCells,
  eventsByCountry,
  type FundCell,
  fundCells,
  headcountCells,
  type KeyedCell,
  projectRegionCells,
  projectsByCountry,
  projectStatusCells,
  requestCells,
  requestsByCountry,
  type SpanCell,
  topRegions,
  yearsSpanned,
} from './repository.ts';
import type { Dashboard } from './schema.ts';

export interface DashboardAsk {
  region?: string;
  from?: string;
  to?: string;
}

/** The dashboard of what `db` (the asker's view) holds; a bad filter is a 400 naming it. */
export async function dashboard(db: Kysely<Database>, ask: DashboardAsk, lang: Lang): Promise<Dashboard> {
  if (ask.from && ask.to && ask.from > ask.to) throw new ValidationError('`to` is before `from`', [{ parameter: 'to', reason: 'must not be before from' }]);
  const area = ask.region ? await areaOf(db, ask.region) : undefined;
  if (ask.region && !area) throw new ValidationError(`No M49 region has the code ${ask.region}`, [{ parameter: 'region', reason: 'unknown M49 code' }]);
  const f: DashboardFilter = { from: ask.from, to: ask.to, area };
  const [requests, events, headcounts, statusSpans, regionSpans, funds, byCountry, span, regions, regionNames, stateNames] = await Promise.all([
    requestCells(db, f),
    eventCells(db, f),
    headcountCells(db, f),
    projectStatusCells(db, f),
    projectRegionCells(db, f),
    fundCells(db, f),
    countryCounts(db, f),
    yearsSpanned(db),
    topRegions(db),
    namesOf(db, 'region', lang),
    namesOf(db, 'state', lang),
  ]);
  const from = ask.from ?? span.first;
  const to = ask.to ?? (span.last === null ? null : maxOf(span.last, today().slice(0, 4)));
  const years = from && to ? yearsBetween(from, to) : [];
  return {
    region: ask.region ?? null,
    from,
    to,
    years,
    regions: regions.map((r) => ({ code: r.code, name: regionNames.get(r.code)?.name ?? r.name })),
    requests: { byStatus: byKey(requests) as Dashboard['requests']['byStatus'], byRegion: byRegion(requests) },
    projects: {
      byStatus: spread(statusSpans, years).map(({ year, region, count }) => ({ year, key: region, count })) as Dashboard['projects']['byStatus'],
      byRegion: spread(regionSpans, years),
    },
    events: { byKind: byKey(events) as Dashboard['events']['byKind'], byRegion: byRegion(events) },
    participants: participantsOf(events, headcounts),
    funds: fundsOf(funds),
    countries: byCountry.map((c) => ({ ...c, name: stateNames.get(c.iso3)?.name ?? c.iso3 })),
  };
}

const maxOf = (a: string, b: string) => (a > b ? a : b);

function yearsBetween(from: string, to: string): string[] {
  const years: string[] = [];
  for (let y = Number(from); y <= Number(to); y++) years.push(String(y).padStart(4, '0'));
  return years;
}

const inOrder = <T extends { year: string }>(rows: T[], key: (r: T) => string) => rows.sort((a, b) => a.year.localeCompare(b.year) || key(a).localeCompare(key(b)));

/** Cells summed over regions: per year and key. */
function byKey(cells: KeyedCell[]): { year: string; key: string; count: number }[] {
  const sums = new Map<string, { year: string; key: string; count: number }>();
  for (const c of cells) {
    const id = `${c.year}|${c.key}`;
    const row = sums.get(id) ?? { year: c.year, key: c.key, count: 0 };
    row.count += c.n;
    sums.set(id, row);
  }
  return inOrder([...sums.values()], (r) => r.key);
}

/** Cells summed over keys: per year and region. */
function byRegion(cells: KeyedCell[]): { year: string; region: string | null; count: number }[] {
  const sums = new Map<string, { year: string; region: string | null; count: number }>();
  for (const c of cells) {
    const id = `${c.year}|${c.region}`;
    const row = sums.get(id) ?? { year: c.year, region: c.region, count: 0 };
    row.count += c.n;
    sums.set(id, row);
  }
  return inOrder([...sums.values()], (r) => r.region ?? '');
}

/** Projects' spans counted in each year of `years` they run in (an unknown start or end: open on that side). */
function spread(cells: SpanCell[], years: string[]): { year: string; region: string | null; count: number }[] {
  const sums = new Map<string, { year: string; region: string | null; count: number }>();
  for (const c of cells)
    for (const year of years) {
      if ((c.start !== null && c.start > year) || (c.end !== null && c.end < year)) continue;
      const id = `${year}|${c.key}`;
      const row = sums.get(id) ?? { year, region: c.key, count: 0 };
      row.count += c.n;
      sums.set(id, row);
    }
  return inOrder([...sums.values()], (r) => r.region ?? '');
}

function participantsOf(events: { year: string; n: number; counted: number }[], headcounts: { year: string; gender: string | null; headcount: number }[]): Dashboard['participants'] {
  const years = new Map<string, Dashboard['participants'][number]>();
  const yearRow = (year: string) => {
    let row = years.get(year);
    if (!row) {
      row = { year, headcount: 0 as number | null, byGender: [], eventsCounted: 0, eventsWithoutCounts: 0 };
      years.set(year, row);
    }
    return row;
  };
  for (const e of events) {
    const row = yearRow(e.year);
    row.eventsCounted += e.counted;
    row.eventsWithoutCounts += e.n - e.counted;
  }
  for (const h of headcounts) {
    const row = yearRow(h.year);
    row.headcount = (row.headcount ?? 0) + h.headcount;
    row.byGender.push({ gender: h.gender, headcount: h.headcount });
  }
  for (const row of years.values()) {
    row.byGender.sort((a, b) => (a.gender === null ? 1 : b.gender === null ? -1 : a.gender.localeCompare(b.gender))); // counted without a gender: last
    if (row.eventsCounted === 0) row.headcount = null; // no counts recorded: unknown, not zero
  }
  return [...years.values()].sort((a, b) => a.year.localeCompare(b.year));
}

/** The exact sum of each cell: (billions × 10^9 + remainder) in ten-thousandths, plus the fractions. */
function fundsOf(cells: FundCell[]): Dashboard['funds'] {
  const rows = cells.map((c) => {
    const units = (BigInt(c.high) * 1_000_000_000n + BigInt(c.low)) * 10_000n + BigInt(c.fraction);
    return { year: c.year, fundingSource: c.source as Dashboard['funds'][number]['fundingSource'], currency: c.currency, amount: moneyText({ units, scale: 4 }), lines: c.lines };
  });
  return rows.sort((a, b) => a.year.localeCompare(b.year) || a.fundingSource.localeCompare(b.fundingSource) || a.currency.localeCompare(b.currency));
}

async function countryCounts(db: Kysely<Database>, f: DashboardFilter) {
  const [requests, projects, events] = await Promise.all([requestsByCountry(db, f), projectsByCountry(db, f), eventsByCountry(db, f)]);
  const rows = new Map<string, { iso3: string; requests: number; projects: number; events: number }>();
  const add = (cells: CountryCell[], field: 'requests' | 'projects' | 'events') => {
    for (const c of cells) {
      const row = rows.get(c.iso3) ?? { iso3: c.iso3, requests: 0, projects: 0, events: 0 };
      row[field] += c.n;
      rows.set(c.iso3, row);
    }
  };
  add(requests, 'requests');
  add(projects, 'projects');
  add(events, 'events');
  return [...rows.values()].sort((a, b) => a.iso3.localeCompare(b.iso3));
}
