// The aggregates of the programme's dashboard, computed by the database (GROUP BY): a query
// returns a few hundred cells however many records there are. Every query reads from the
// programme's records (`assistance_request`, `project`, `event`) through the asker's view
// (db/visibility.ts), so a record the asker may not see is in no count; the parts (countries,
// budget lines, participation counts) are read only joined to their visible record.
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema.ts';

/** What every aggregate is narrowed to. Years are `YYYY`; `area` is the States and M49 codes of the asked region. */
export interface DashboardFilter {
  from?: string;
  to?: string;
  area?: { states: string[]; regions: string[] };
}

/** An M49 code's region of the first level: itself, its parent, or its parent's parent. */
function topRegionOf(level1: string, level2: string, level3: string) {
  return sql<
    string | null
  >`case when ${sql.ref(`${level1}.level`)} = 1 then ${sql.ref(`${level1}.code`)} when ${sql.ref(`${level2}.level`)} = 1 then ${sql.ref(`${level2}.code`)} else ${sql.ref(`${level3}.code`)} end`;
}

const yearOf = (column: string) => sql<string>`substr(${sql.ref(column)}, 1, 4)`;

// A year bound compared as text: '2004' <= '2004-03-02' <= '2004\uffff'.
const endOfYear = (year: string) => `${year}\uffff`;

export interface KeyedCell {
  year: string;
  region: string | null;
  key: string;
  n: number;
}

export async function requestCells(db: Kysely<Database>, f: DashboardFilter): Promise<KeyedCell[]> {
  const year = yearOf('r.received');
  let q = db
    .selectFrom('assistance_request as r')
    .leftJoin('state as s', 's.iso3', 'r.state_iso3')
    .select((eb) => [year.as('year'), 's.region_code as region', 'r.status as key', eb.fn.countAll<number>().as('n')]);
  if (f.from) q = q.where('r.received', '>=', f.from);
  if (f.to) q = q.where('r.received', '<=', endOfYear(f.to));
  if (f.area) q = q.where('r.state_iso3', 'in', orNothing(f.area.states));
  const rows = await q.groupBy([year, 's.region_code', 'r.status']).execute();
  return rows.map((r) => ({ ...r, n: Number(r.n) }));
}

export interface EventCell extends KeyedCell {
  /** Of these events, how many have participation counts. */
  counted: number;
}

/** Events by the year they start in, region and kind; the region is the host State's, else the event's own. */
export async function eventCells(db: Kysely<Database>, f: DashboardFilter): Promise<EventCell[]> {
  const year = yearOf('e.start_date');
  const region = sql<string | null>`coalesce(${sql.ref('s.region_code')}, ${topRegionOf('g1', 'g2', 'g3')})`;
  let q = db
    .selectFrom('event as e')
    .leftJoin('state as s', 's.iso3', 'e.country_iso3')
    .leftJoin('region as g1', 'g1.code', 'e.region_code')
    .leftJoin('region as g2', 'g2.code', 'g1.parent_code')
    .leftJoin('region as g3', 'g3.code', 'g2.parent_code')
    .select((eb) => [
      year.as('year'),
      region.as('region'),
      'e.kind as key',
      eb.fn.countAll<number>().as('n'),
      eb.fn
        .sum<number>(
          eb
            .case()
            .when(eb.exists(eb.selectFrom('event_participation as c').select('c.id').whereRef('c.event_id', '=', 'e.id')))
            .then(1)
            .else(0)
            .end(),
        )
        .as('counted'),
    ]);
  q = narrowEvents(q, f);
  const rows = await q.groupBy([year, region, 'e.kind']).execute();
  return rows.map((r) => ({ ...r, n: Number(r.n), counted: Number(r.counted) }));
}

// biome-ignore lint/suspicious/noExplicitAny: the event queries of this file, all from `event as e`
function narrowEvents<Q extends { where: (...args: any[]) => any }>(q: Q, f: DashboardFilter): Q {
  let out = q;
  if (f.from) out = out.where('e.start_date', '>=', f.from);
  if (f.to) out = out.where('e.start_date', '<=', endOfYear(f.to));
  const area = f.area;
  // biome-ignore lint/suspicious/noExplicitAny: Kysely's expression builder of that query
  if (area) out = out.where((eb: any) => eb.or([eb('e.country_iso3', 'in', orNothing(area.states)), eb('e.region_code', 'in', orNothing(area.regions))]));
  return out;
}

export interface HeadcountCell {
  year: string;
  gender: string | null;
  headcount: number;
}

/** The sums of the participation counts recorded, by the event's year and gender. */
export async function headcountCells(db: Kysely<Database>, f: DashboardFilter): Promise<HeadcountCell[]> {
  const year = yearOf('e.start_date');
  const q = narrowEvents(
    db
      .selectFrom('event as e')
      .innerJoin('event_participation as c', 'c.event_id', 'e.id')
      .select((eb) => [year.as('year'), 'c.gender as gender', eb.fn.sum<number>('c.headcount').as('headcount')]),
    f,
  );
  const rows = await q.groupBy([year, 'c.gender']).execute();
  return rows.map((r) => ({ ...r, headcount: Number(r.headcount) }));
}

export interface SpanCell {
  start: string | null;
  end: string | null;
  key: string | null;
  n: number;
}

const projectStart = sql<string | null>`substr(coalesce(${sql.ref('p.actual_start')}, ${sql.ref('p.planned_start')}), 1, 4)`;
const projectEnd = sql<string | null>`substr(coalesce(${sql.ref('p.actual_end')}, ${sql.ref('p.planned_end')}), 1, 4)`;

// biome-ignore lint/suspicious/noExplicitAny: the project queries of this file, all from `project as p`
function narrowProjects<Q extends { where: (...args: any[]) => any }>(q: Q, f: DashboardFilter): Q {
  let out = q;
  // A project runs in the period when it starts by its end and ends on or after its start; one
  // with neither a start nor an end is known to run in no year.
  // biome-ignore lint/suspicious/noExplicitAny: Kysely's expression builder of that query
  out = out.where((eb: any) => eb.or([eb(projectStart, 'is not', null), eb(projectEnd, 'is not', null)]));
  // biome-ignore lint/suspicious/noExplicitAny: as above
  if (f.to) out = out.where((eb: any) => eb.or([eb(projectStart, 'is', null), eb(projectStart, '<=', f.to)]));
  // biome-ignore lint/suspicious/noExplicitAny: as above
  if (f.from) out = out.where((eb: any) => eb.or([eb(projectEnd, 'is', null), eb(projectEnd, '>=', f.from)]));
  const area = f.area;
  if (area)
    // biome-ignore lint/suspicious/noExplicitAny: as above
    out = out.where((eb: any) =>
      eb.or([
        eb('p.region_code', 'in', orNothing(area.regions)),
        eb.exists(eb.selectFrom('project_country as a').select('a.project_id').whereRef('a.project_id', '=', 'p.id').where('a.iso3', 'in', orNothing(area.states))),
      ]),
    );
  return out;
}

/** Projects by the years they start and end in (each spans the years between) and status. */
export async function projectStatusCells(db: Kysely<Database>, f: DashboardFilter): Promise<SpanCell[]> {
  const q = narrowProjects(
    db.selectFrom('project as p').select((eb) => [projectStart.as('start'), projectEnd.as('end'), 'p.status as key', eb.fn.countAll<number>().as('n')]),
    f,
  );
  const rows = await q.groupBy([projectStart, projectEnd, 'p.status']).execute();
  return rows.map((r) => ({ ...r, n: Number(r.n) }));
}

/** Projects by the years they span and region: a project counts once in each region it serves
 *  (its own region, and those of its countries), so these do not add up across regions. */
export async function projectRegionCells(db: Kysely<Database>, f: DashboardFilter): Promise<SpanCell[]> {
  const ofCountries = db.selectFrom('project_country as pc').innerJoin('state as s', 's.iso3', 'pc.iso3').select(['pc.project_id as project_id', 's.region_code as region']);
  const own = db
    .selectFrom('project as o')
    .leftJoin('region as g1', 'g1.code', 'o.region_code')
    .leftJoin('region as g2', 'g2.code', 'g1.parent_code')
    .leftJoin('region as g3', 'g3.code', 'g2.parent_code')
    .select(['o.id as project_id', topRegionOf('g1', 'g2', 'g3').as('region')])
    .where('o.region_code', 'is not', null);
  const q = narrowProjects(
    db
      .selectFrom('project as p')
      .innerJoin(ofCountries.union(own).as('pr'), 'pr.project_id', 'p.id')
      .select((eb) => [projectStart.as('start'), projectEnd.as('end'), 'pr.region as key', eb.fn.countAll<number>().as('n')]),
    f,
  );
  const rows = await q.groupBy([projectStart, projectEnd, 'pr.region']).execute();
  return rows.map((r) => ({ ...r, n: Number(r.n) }));
}

export interface FundCell {
  year: string;
  source: string;
  currency: string;
  /** The sums of the amounts' parts (below): exact integers whichever database. */
  high: string;
  low: string;
  fraction: string;
  lines: number;
}

// Amounts are decimal text of at most 15 whole digits and 4 decimals (money/schema.ts). Their
// sum is made exact on both databases without a decimal type: each amount is split into its
// whole part's billions and remainder and its fraction in ten-thousandths, three integers each
// summed apart (a 64-bit sum of them overflows only past billions of lines); the caller adds
// them as BigInt. The point is found as the length of the text once its digits are trimmed
// from the right ('12.50' -> '12.' -> 3), which both SQLite and PostgreSQL write alike.
const point = sql`length(rtrim(${sql.ref('b.amount')}, '0123456789'))`;
const whole = sql`cast(case when ${point} = 0 then ${sql.ref('b.amount')} else substr(${sql.ref('b.amount')}, 1, ${point} - 1) end as bigint)`;
const fraction = sql`cast(case when ${point} = 0 then '0000' else substr(substr(${sql.ref('b.amount')}, ${point} + 1) || '0000', 1, 4) end as bigint)`;

/** Budget lines of the visible projects by the year their period starts in, funding source and currency. */
export async function fundCells(db: Kysely<Database>, f: DashboardFilter): Promise<FundCell[]> {
  const year = yearOf('b.period_start');
  let q = db
    .selectFrom('project_budget as b')
    .innerJoin('project as p', 'p.id', 'b.project_id')
    .select((eb) => [
      year.as('year'),
      'b.funding_source as source',
      'b.currency as currency',
      sql<string>`sum(${whole} / 1000000000)`.as('high'),
      sql<string>`sum(${whole} % 1000000000)`.as('low'),
      sql<string>`sum(${fraction})`.as('fraction'),
      eb.fn.countAll<number>().as('lines'),
    ]);
  if (f.from) q = q.where('b.period_start', '>=', f.from);
  if (f.to) q = q.where('b.period_start', '<=', endOfYear(f.to));
  const area = f.area;
  if (area)
    q = q.where((eb) =>
      eb.or([
        eb('p.region_code', 'in', orNothing(area.regions)),
        eb.exists(eb.selectFrom('project_country as a').select('a.project_id').whereRef('a.project_id', '=', 'p.id').where('a.iso3', 'in', orNothing(area.states))),
      ]),
    );
  const rows = await q.groupBy([year, 'b.funding_source', 'b.currency']).execute();
  return rows.map((r) => ({ ...r, high: String(r.high), low: String(r.low), fraction: String(r.fraction), lines: Number(r.lines) }));
}

export interface CountryCell {
  iso3: string;
  n: number;
}

/** Requests by requesting State. */
export async function requestsByCountry(db: Kysely<Database>, f: DashboardFilter): Promise<CountryCell[]> {
  let q = db.selectFrom('assistance_request as r').select((eb) => ['r.state_iso3 as iso3', eb.fn.countAll<number>().as('n')]);
  if (f.from) q = q.where('r.received', '>=', f.from);
  if (f.to) q = q.where('r.received', '<=', endOfYear(f.to));
  if (f.area) q = q.where('r.state_iso3', 'in', orNothing(f.area.states));
  return numbered(await q.groupBy('r.state_iso3').execute());
}

/** Events by host State. */
export async function eventsByCountry(db: Kysely<Database>, f: DashboardFilter): Promise<CountryCell[]> {
  const q = narrowEvents(
    db
      .selectFrom('event as e')
      .select((eb) => [sql<string>`${sql.ref('e.country_iso3')}`.as('iso3'), eb.fn.countAll<number>().as('n')])
      .where('e.country_iso3', 'is not', null),
    f,
  );
  const rows = numbered(await q.groupBy('e.country_iso3').execute());
  return f.area ? rows.filter((r) => f.area?.states.includes(r.iso3)) : rows;
}

/** Projects by each of their countries. */
export async function projectsByCountry(db: Kysely<Database>, f: DashboardFilter): Promise<CountryCell[]> {
  let q = narrowProjects(
    db
      .selectFrom('project as p')
      .innerJoin('project_country as pc', 'pc.project_id', 'p.id')
      .select((eb) => ['pc.iso3 as iso3', eb.fn.countAll<number>().as('n')]),
    f,
  );
  if (f.area) q = q.where('pc.iso3', 'in', orNothing(f.area.states));
  return numbered(await q.groupBy('pc.iso3').execute());
}

function numbered(rows: { iso3: string; n: unknown }[]): CountryCell[] {
  return rows.map((r) => ({ iso3: r.iso3, n: Number(r.n) }));
}

// `in ()` is not SQL: a region with no State matches through a value no code has.
function orNothing(values: string[]): string[] {
  return values.length ? values : [''];
}

/** The first and last years the visible records fall in (null without records). */
export async function yearsSpanned(db: Kysely<Database>): Promise<{ first: string | null; last: string | null }> {
  const [r, e, p] = await Promise.all([
    db
      .selectFrom('assistance_request as r')
      .select((eb) => [eb.fn.min<string>(yearOf('r.received')).as('first'), eb.fn.max<string>(yearOf('r.received')).as('last')])
      .executeTakeFirst(),
    db
      .selectFrom('event as e')
      .select((eb) => [eb.fn.min<string>('e.start_date').as('first'), eb.fn.max<string>('e.start_date').as('last')])
      .executeTakeFirst(),
    db
      .selectFrom('project as p')
      .select((eb) => [eb.fn.min<string>(projectStart).as('first'), eb.fn.max<string>(projectEnd).as('last')])
      .executeTakeFirst(),
  ]);
  const years = [r?.first, r?.last, e?.first, e?.last, p?.first, p?.last].filter((y): y is string => typeof y === 'string').map((y) => y.slice(0, 4));
  if (years.length === 0) return { first: null, last: null };
  years.sort();
  return { first: years[0]!, last: years[years.length - 1]! };
}

/** The States of an M49 code, and the code with the codes within it. */
export async function areaOf(db: Kysely<Database>, code: string): Promise<{ states: string[]; regions: string[] } | undefined> {
  const all = await db.selectFrom('region').select(['code', 'parent_code']).execute();
  if (!all.some((r) => r.code === code)) return undefined;
  const regions = new Set([code]);
  for (let grown = true; grown; ) {
    grown = false;
    for (const r of all)
      if (r.parent_code && regions.has(r.parent_code) && !regions.has(r.code)) {
        regions.add(r.code);
        grown = true;
      }
  }
  const states = await db
    .selectFrom('state')
    .select('iso3')
    .where((eb) => eb.or([eb('region_code', '=', code), eb('subregion_code', '=', code), eb('intermediate_region_code', '=', code)]))
    .execute();
  return { states: states.map((s) => s.iso3), regions: [...regions] };
}

/** The M49 regions of the first level, by code. */
export async function topRegions(db: Kysely<Database>): Promise<{ code: string; name: string }[]> {
  return db.selectFrom('region').select(['code', 'name']).where('level', '=', 1).orderBy('code').execute();
}
