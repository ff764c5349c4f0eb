// The dashboard from the cube of what the asker may see (cube.ts): its cells narrowed to the
// asked region and years and added up; the projects' spans spread over the years they run in;
// budgets summed exactly (BigInt ten-thousandths).
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { today } from '../../shared/dates.ts';
import { ValidationError } from '../../shared/errors.ts';
import type { Lang } from '../../shared/text.ts';
import { moneyText } from '../money/decimal.ts';
import { namesOf } from '../names/repository.ts';
import type { Cube } from './cube.ts';
import { type Count, preparedFor, type SpanCount } from './prepared.ts';
import { areaOf, topRegions } from './repository.ts';
import type { Dashboard } from './schema.ts';

export interface DashboardAsk {
  region?: string;
  from?: string;
  to?: string;
}

interface Filter {
  from?: string;
  to?: string;
}

/** The dashboard of the cube under the asked filters; a bad filter is a 400 naming it. */
export async function dashboard(db: Kysely<Database>, cube: () => Promise<Cube>, ask: DashboardAsk, lang: Lang): Promise<Dashboard> {
  if (ask.from && ask.to && ask.from > ask.to) throw new ValidationError('`to` is before `from`', [{ parameter: 'to', reason: 'must not be before from' }]);
  const area = ask.region ? await areaOf(db, ask.region) : undefined;
  if (ask.region && !area) throw new ValidationError(`No M49 region has the code ${ask.region}`, [{ parameter: 'region', reason: 'unknown M49 code' }]);
  const [c, regions, regionNames, stateNames] = await Promise.all([cube(), topRegions(db), namesOf(db, 'region', lang), namesOf(db, 'state', lang)]);
  const f: Filter = { from: ask.from, to: ask.to };
  const p = preparedFor(c, ask.region ?? '', area);
  const from = ask.from ?? p.span.first;
  const to = ask.to ?? (p.span.last === null ? null : maxOf(p.span.last, today().slice(0, 4)));
  const years = from && to ? yearsBetween(from, to) : [];
  const pick = (cells: Count[]) => cells.filter((x) => inYears(x.year, f));
  const events = p.eventCounts.filter((x) => inYears(x.year, f));
  return {
    region: ask.region ?? null,
    from,
    to,
    years,
    regions: regions.map((r) => ({ code: r.code, name: regionNames.get(r.code)?.name ?? r.name })),
    requests: { byStatus: byYear(pick(p.requestsByStatus), 'key') as Dashboard['requests']['byStatus'], byRegion: byYear(pick(p.requestsByRegion), 'region') },
    projects: {
      byStatus: byYear(spread(p.projectsByStatus, years), 'key') as Dashboard['projects']['byStatus'],
      byRegion: byYear(spread(p.projectsByRegion, years), 'region'),
    },
    events: { byKind: byYear(pick(p.eventsByKind), 'key') as Dashboard['events']['byKind'], byRegion: byYear(pick(p.eventsByRegion), 'region') },
    participants: participantsOf(events, pick(p.headcountsByGender)),
    funds: fundsOf(p.funds.filter((x) => inYears(x.year, f))),
    countries: countriesOf(
      pick(p.requestsByCountry),
      pick(p.eventsByCountry),
      p.projectsByCountry.filter((x) => runsIn(x, f)),
    ).map((r) => ({ ...r, name: stateNames.get(r.iso3)?.name ?? r.iso3 })),
  };
}

/** Counts in `years` of the spans that run in them (an unknown start or end: open on that side). */
function spread(cells: SpanCount[], years: string[]): Count[] {
  const out: Count[] = [];
  for (const c of cells)
    if (c.start !== null || c.end !== null) for (const year of years) if ((c.start === null || c.start <= year) && (c.end === null || c.end >= year)) out.push({ year, key: c.key, n: c.n });
  return out;
}

/** Counts added up by year and key, in order of year then key (null last), the key named `name`. */
function byYear<K extends string>(cells: Count[], name: K): ({ year: string; count: number } & Record<K, string | null>)[] {
  const tally = new Tally();
  for (const c of cells) tally.add(c.year, c.key, c.n);
  return tally.rows(name);
}

/** Counts by year and one key, listed in order of year then key (null last). */
class Tally {
  private sums = new Map<string, Map<string | null, number>>();
  add(year: string, key: string | null, n: number): void {
    let byKey = this.sums.get(year);
    if (!byKey) {
      byKey = new Map();
      this.sums.set(year, byKey);
    }
    byKey.set(key, (byKey.get(key) ?? 0) + n);
  }
  rows<K extends string>(name: K): ({ year: string; count: number } & Record<K, string | null>)[] {
    const order = (a: string | null, b: string | null) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1);
    return [...this.sums.keys()]
      .sort()
      .flatMap((year) =>
        [...(this.sums.get(year) as Map<string | null, number>)]
          .sort(([a], [b]) => order(a, b))
          .map(([key, count]) => ({ year, [name]: key, count }) as { year: string; count: number } & Record<K, string | null>),
      );
  }
}

const maxOf = (a: string, b: string) => (a > b ? a : b);

function yearsBetween(from: string, to: string): string[] {
  const years: string[] = [];
  for (let y = Number(from); y <= Number(to); y++) years.push(String(y).padStart(4, '0'));
  return years;
}

const inYears = (year: string, f: Filter) => (!f.from || year >= f.from) && (!f.to || year <= f.to);

/** A project runs in the asked years when it starts by their end and ends on or after their
 *  start; one with neither a start nor an end is known to run in no year. */
function runsIn(p: { start: string | null; end: string | null }, f: Filter): boolean {
  if (p.start === null && p.end === null) return false;
  return (!f.to || p.start === null || p.start <= f.to) && (!f.from || p.end === null || p.end >= f.from);
}

function participantsOf(events: { year: string; n: number; counted: number }[], headcounts: Count[]): Dashboard['participants'] {
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
    row.headcount = (row.headcount ?? 0) + h.n;
    const gender = row.byGender.find((g) => g.gender === h.key);
    if (gender) gender.headcount += h.n;
    else row.byGender.push({ gender: h.key, headcount: h.n });
  }
  for (const row of years.values()) {
    row.byGender.sort((a, b) => (a.gender === null ? 1 : b.gender === null ? -1 : a.gender.localeCompare(b.gender))); // counted without a gender: last
    if (row.eventsCounted === 0) row.headcount = null; // no counts recorded: unknown, not zero
  }
  return [...years.values()].sort((a, b) => a.year.localeCompare(b.year));
}

/** Exact sums per year, funding source and currency (never across currencies). */
function fundsOf(cells: { year: string; source: string; currency: string; units: bigint; lines: number }[]): Dashboard['funds'] {
  const sums = new Map<string, { year: string; source: string; currency: string; units: bigint; lines: number }>();
  for (const c of cells) {
    const id = `${c.year}|${c.source}|${c.currency}`;
    const row = sums.get(id) ?? { year: c.year, source: c.source, currency: c.currency, units: 0n, lines: 0 };
    row.units += c.units;
    row.lines += c.lines;
    sums.set(id, row);
  }
  return [...sums.values()]
    .map((r) => ({ year: r.year, fundingSource: r.source as Dashboard['funds'][number]['fundingSource'], currency: r.currency, amount: moneyText({ units: r.units, scale: 4 }), lines: r.lines }))
    .sort((a, b) => a.year.localeCompare(b.year) || a.fundingSource.localeCompare(b.fundingSource) || a.currency.localeCompare(b.currency));
}

/** Per State: requests it made, projects in it, events it hosted. */
function countriesOf(requests: Count[], events: Count[], projects: SpanCount[]) {
  const rows = new Map<string, { iso3: string; requests: number; projects: number; events: number }>();
  const add = (iso3: string | null, field: 'requests' | 'projects' | 'events', n: number) => {
    if (iso3 === null) return;
    const row = rows.get(iso3) ?? { iso3, requests: 0, projects: 0, events: 0 };
    row[field] += n;
    rows.set(iso3, row);
  };
  for (const r of requests) add(r.key, 'requests', r.n);
  for (const p of projects) add(p.key, 'projects', p.n);
  for (const e of events) add(e.key, 'events', e.n);
  return [...rows.values()].sort((a, b) => a.iso3.localeCompare(b.iso3));
}
