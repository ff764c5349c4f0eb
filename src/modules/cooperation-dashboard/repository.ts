// The aggregates the programme's dashboard is answered from, computed by the database (GROUP BY)
// over every record the asker may see: each query reads the programme's records
// (`assistance_request`, `project`, `event`) through the asker's view (db/visibility.ts), so a
// record the asker may not see is in no cell; the parts (countries, budget lines, participation
// counts) are read only joined to their visible record. Cells are at the grain the dashboard's
// filters need (year, State, M49 code), so that any filter is answered from them (cube.ts).
import { type Kysely, sql } from 'kysely';
import { dialectOf } from '../../db/dialect.ts';
import type { Database } from '../../db/schema.ts';

const yearOf = (column: string) => sql<string>`substr(${sql.ref(column)}, 1, 4)`;

export interface RequestCell {
  year: string;
  country: string;
  status: string;
  n: number;
}

export async function requestCells(db: Kysely<Database>): Promise<RequestCell[]> {
  const year = yearOf('r.received');
  const rows = await db
    .selectFrom('assistance_request as r')
    .select((eb) => [year.as('year'), 'r.state_iso3 as country', 'r.status as status', eb.fn.countAll<number>().as('n')])
    .groupBy([year, 'r.state_iso3', 'r.status'])
    .execute();
  return rows.map((r) => ({ ...r, n: Number(r.n) }));
}

export interface EventCell {
  year: string;
  country: string | null;
  region: string | null;
  kind: string;
  n: number;
  /** Of these events, how many have participation counts. */
  counted: number;
}

/** Events by the year they start in, host State, own M49 code and kind, with how many have counts. */
export async function eventCells(db: Kysely<Database>): Promise<EventCell[]> {
  const year = yearOf('e.start_date');
  const rows = await db
    .selectFrom('event as e')
    .select((eb) => [
      year.as('year'),
      'e.country_iso3 as country',
      'e.region_code as region',
      'e.kind as kind',
      eb.fn.countAll<number>().as('n'),
      // One look-up in the counts' index per event (`in` a subquery that names no outer column).
      eb.fn.sum<number>(eb.case().when('e.id', 'in', eb.selectFrom('event_participation').select('event_id')).then(1).else(0).end()).as('counted'),
    ])
    .groupBy([year, 'e.country_iso3', 'e.region_code', 'e.kind'])
    .execute();
  return rows.map((r) => ({ ...r, n: Number(r.n), counted: Number(r.counted) }));
}

export interface HeadcountCell {
  year: string;
  country: string | null;
  region: string | null;
  gender: string | null;
  headcount: number;
}

/** The sums of the participation counts recorded, by the event's year, State, M49 code and the count's gender. */
export async function headcountCells(db: Kysely<Database>): Promise<HeadcountCell[]> {
  const year = yearOf('e.start_date');
  const rows = await db
    .selectFrom('event as e')
    .innerJoin('event_participation as c', 'c.event_id', 'e.id')
    .select((eb) => [year.as('year'), 'e.country_iso3 as country', 'e.region_code as region', 'c.gender as gender', eb.fn.sum<number>('c.headcount').as('headcount')])
    .groupBy([year, 'e.country_iso3', 'e.region_code', 'c.gender'])
    .execute();
  return rows.map((r) => ({ ...r, headcount: Number(r.headcount) }));
}

const projectStart = sql<string | null>`substr(coalesce(${sql.ref('p.actual_start')}, ${sql.ref('p.planned_start')}), 1, 4)`;
const projectEnd = sql<string | null>`substr(coalesce(${sql.ref('p.actual_end')}, ${sql.ref('p.planned_end')}), 1, 4)`;

/** Each project's countries as one text ('KEN,UGA'), so that projects group by where they are. */
function countriesOfProjects(db: Kysely<Database>) {
  const joined = dialectOf(db) === 'postgres' ? sql<string>`string_agg(${sql.ref('iso3')}, ',' order by ${sql.ref('iso3')})` : sql<string>`group_concat(${sql.ref('iso3')}, ',')`;
  return db
    .selectFrom('project_country')
    .select(['project_id', joined.as('countries')])
    .groupBy('project_id');
}

export interface ProjectCell {
  start: string | null;
  end: string | null;
  status: string;
  region: string | null;
  /** The project's countries, comma-separated ('' for none). */
  countries: string;
  n: number;
}

/** Projects by the years they start and end in, status, own M49 code and countries. */
export async function projectCells(db: Kysely<Database>): Promise<ProjectCell[]> {
  const rows = await db
    .selectFrom('project as p')
    .leftJoin(countriesOfProjects(db).as('pc'), 'pc.project_id', 'p.id')
    .select((eb) => [projectStart.as('start'), projectEnd.as('end'), 'p.status as status', 'p.region_code as region', 'pc.countries as countries', eb.fn.countAll<number>().as('n')])
    .groupBy([projectStart, projectEnd, 'p.status', 'p.region_code', 'pc.countries'])
    .execute();
  return rows.map((r) => ({ ...r, countries: r.countries ?? '', n: Number(r.n) }));
}

/** Projects by each of their countries and the years they span: the map's counts. */
export async function projectCountryCells(db: Kysely<Database>): Promise<{ country: string; start: string | null; end: string | null; n: number }[]> {
  const rows = await db
    .selectFrom('project as p')
    .innerJoin('project_country as pc', 'pc.project_id', 'p.id')
    .select((eb) => ['pc.iso3 as country', projectStart.as('start'), projectEnd.as('end'), eb.fn.countAll<number>().as('n')])
    .groupBy(['pc.iso3', projectStart, projectEnd])
    .execute();
  return rows.map((r) => ({ ...r, n: Number(r.n) }));
}

export interface FundCell {
  year: string;
  source: string;
  currency: string;
  region: string | null;
  countries: string;
  /** The exact sum, as ten-thousandths (amounts have at most 4 decimals: money/schema.ts). */
  units: bigint;
  lines: number;
}

// Amounts are decimal text of at most 15 whole digits and 4 decimals. PostgreSQL sums them as
// numeric, exactly. SQLite has no decimal type: each amount is split into integers summed apart,
// the whole part's billions and remainder (cast takes the digits before the point) and the
// fraction in ten-thousandths, which no 64-bit sum overflows short of billions of lines; they
// are added as BigInt here.
const amount = sql.ref('b.amount');
const dot = sql`instr(${amount}, '.')`;
const wholeOf = sql`cast(${amount} as integer)`;
const fractionOf = sql`case when ${dot} = 0 then 0 else cast(substr(substr(${amount}, ${dot} + 1) || '000', 1, 4) as integer) end`;
const sumColumns = {
  sqlite: [sql<string>`sum(${wholeOf} / 1000000000)`.as('high'), sql<string>`sum(${wholeOf} % 1000000000)`.as('low'), sql<string>`sum(${fractionOf})`.as('fraction')],
  postgres: [sql<string>`cast(sum(cast(${amount} as numeric) * 10000) as text)`.as('high'), sql<string>`'0'`.as('low'), sql<string>`'0'`.as('fraction')],
};

function unitsOf(dialect: 'sqlite' | 'postgres', r: { high: unknown; low: unknown; fraction: unknown }): bigint {
  if (dialect === 'postgres') return BigInt(String(r.high).replace(/\.0*$/, ''));
  return (BigInt(String(r.high)) * 1_000_000_000n + BigInt(String(r.low))) * 10_000n + BigInt(String(r.fraction));
}

/** Budget lines of the visible projects by the year their period starts in, funding source, currency, and where the project is. */
export async function fundCells(db: Kysely<Database>): Promise<FundCell[]> {
  const dialect = dialectOf(db);
  const year = yearOf('b.period_start');
  const rows = await db
    .selectFrom('project_budget as b')
    .innerJoin('project as p', 'p.id', 'b.project_id')
    .leftJoin(countriesOfProjects(db).as('pc'), 'pc.project_id', 'p.id')
    .select((eb) => [
      year.as('year'),
      'b.funding_source as source',
      'b.currency as currency',
      'p.region_code as region',
      'pc.countries as countries',
      ...sumColumns[dialect],
      eb.fn.countAll<number>().as('lines'),
    ])
    .groupBy([year, 'b.funding_source', 'b.currency', 'p.region_code', 'pc.countries'])
    .execute();
  return rows.map((r) => ({ year: r.year, source: r.source, currency: r.currency, region: r.region, countries: r.countries ?? '', units: unitsOf(dialect, r), lines: Number(r.lines) }));
}

/** The States of an M49 code, and the code with the codes within it. */
export async function areaOf(db: Kysely<Database>, code: string): Promise<{ states: Set<string>; regions: Set<string> } | undefined> {
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
  return { states: new Set(states.map((s) => s.iso3)), regions };
}

/** The region of the first level of each State and of each M49 code. */
export async function firstLevelRegions(db: Kysely<Database>): Promise<{ ofState: Map<string, string>; ofCode: Map<string, string> }> {
  const [states, regions] = await Promise.all([db.selectFrom('state').select(['iso3', 'region_code']).execute(), db.selectFrom('region').select(['code', 'level', 'parent_code']).execute()]);
  const byCode = new Map(regions.map((r) => [r.code, r]));
  const top = (code: string): string | null => {
    for (let r = byCode.get(code), steps = 0; r && steps < 3; r = r.parent_code ? byCode.get(r.parent_code) : undefined, steps++) if (r.level === 1) return r.code;
    return null;
  };
  const ofState = new Map(states.flatMap((s) => (s.region_code ? [[s.iso3, s.region_code] as [string, string]] : [])));
  const ofCode = new Map(regions.flatMap((r) => (top(r.code) ? [[r.code, top(r.code) as string] as [string, string]] : [])));
  return { ofState, ofCode };
}

/** The M49 regions of the first level. */
export async function topRegions(db: Kysely<Database>): Promise<{ code: string; name: string }[]> {
  return db.selectFrom('region').select(['code', 'name']).where('level', '=', 1).orderBy('code').execute();
}
