// The matrix of every State under every instrument at a date, its counts by region, group or
// organization, and the counts over time (for the "parties over time" charts).
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { NotFoundError, ValidationError } from '../../shared/errors.ts';
import { today } from '../../shared/dates.ts';
import { belongs, membershipAt } from '../organizations/membership.ts';
import { membershipEvents } from '../organizations/repository.ts';
import { listStates } from '../states/repository.ts';
import { treatyModel, type TreatyModel } from './model.ts';
import { readInstrumentAdopted, readInstrumentCodes } from './repository.ts';
import { requireInstrument } from './service.ts';
import { hasData, statusAt } from './status-at.ts';
import type { CountBy, TreatyStatus } from '../../shared/vocabularies.ts';
import { collectionsOf, countStatus, emptyCounts, type StatusCounts } from './views.ts';

export interface StateFilter {
  states?: string[];
  region?: string;
  group?: string;
  organization?: string;
}

/** Registry States matching the filter (an organization's members at asOf), in iso3 order. */
async function filteredStates(db: Kysely<Database>, filter: StateFilter, asOf: string) {
  let states = await listStates(db);
  if (filter.states?.length) {
    const known = new Set(states.map((s) => s.iso3));
    const unknown = filter.states.filter((c) => !known.has(c));
    if (unknown.length)
      throw new ValidationError(
        `unknown State code(s): ${unknown.join(', ')}`,
        unknown.map((c) => ({ parameter: 'states', reason: `${c} is not an ISO alpha-3 code of the registry` })),
      );
    const wanted = new Set(filter.states);
    states = states.filter((s) => wanted.has(s.iso3));
  }
  if (filter.region) states = states.filter((s) => [s.region_code, s.subregion_code, s.intermediate_region_code].includes(filter.region!));
  if (filter.group) states = states.filter((s) => s.regional_group === filter.group);
  if (filter.organization) {
    const events = (await membershipEvents(db, { organizationId: filter.organization })).get(filter.organization);
    if (!events) throw new NotFoundError('organization', filter.organization);
    states = states.filter((s) => {
      const mine = events.get(s.iso3);
      return mine !== undefined && belongs(membershipAt(mine, asOf).status);
    });
  }
  return states;
}

async function instrumentCodes(db: Kysely<Database>, codes: string[] | undefined): Promise<string[]> {
  const all = await readInstrumentCodes(db);
  if (!codes?.length) return all;
  const known = new Set(all);
  const unknown = codes.filter((c) => !known.has(c));
  if (unknown.length)
    throw new ValidationError(
      `unknown instrument code(s): ${unknown.join(', ')}`,
      unknown.map((c) => ({ parameter: 'instruments', reason: `${c} is not an instrument of the registry` })),
    );
  return codes;
}

export async function treatyMatrix(db: Kysely<Database>, asOf: string, filter: StateFilter & { instruments?: string[] }) {
  const [model, states, codes] = await Promise.all([treatyModel(db), filteredStates(db, filter, asOf), instrumentCodes(db, filter.instruments)]);
  return {
    asOf,
    ...matrixOf(
      model,
      states.map((s) => ({ iso3: s.iso3, iso2: s.iso2 })),
      codes,
      asOf,
    ),
    noData: codes.filter((c) => !hasData(model, c)),
    collections: collectionsOf(model, codes),
  };
}

/** The matrix itself: a status per State and instrument, with counts per instrument. */
export function matrixOf(model: TreatyModel, states: { iso3: string; iso2: string }[], codes: string[], asOf: string) {
  const counts: Record<string, StatusCounts> = Object.fromEntries(codes.map((c) => [c, emptyCounts()]));
  const rows = states.map((s) => ({
    iso3: s.iso3,
    iso2: s.iso2,
    statuses: codes.map((code): TreatyStatus => {
      const at = statusAt(model, code, s.iso3, asOf);
      countStatus(counts[code]!, at);
      return at.status;
    }),
  }));
  return { instruments: codes, states: rows, counts };
}

/** Status counts per region (M49), UN regional group or organization (members at asOf), per instrument. */
export async function statusCounts(db: Kysely<Database>, asOf: string, by: CountBy, instruments?: string[]) {
  const [model, states, codes] = await Promise.all([treatyModel(db), listStates(db), instrumentCodes(db, instruments)]);
  const groups = new Map<string, string[]>();
  // A State outside every group (the Holy See has no UN regional group) is counted under 'none', so that the groups add up to the registry.
  const add = (key: string | null, iso3: string) => groups.set(key ?? 'none', [...(groups.get(key ?? 'none') ?? []), iso3]);
  if (by === 'organization') {
    for (const [org, members] of await membershipEvents(db)) {
      for (const [iso3, events] of members) if (belongs(membershipAt(events, asOf).status)) add(org, iso3);
    }
  } else {
    for (const s of states) add(by === 'region' ? s.region_code : s.regional_group, s.iso3);
  }
  const iso2Of = new Map(states.map((s) => [s.iso3, s.iso2]));
  const items = [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([group, members]) => ({
      group,
      states: members.length,
      counts: matrixOf(
        model,
        members.map((iso3) => ({ iso3, iso2: iso2Of.get(iso3) ?? '' })),
        codes,
        asOf,
      ).counts,
    }));
  return { asOf, by, instruments: codes, groups: items, collections: collectionsOf(model, codes) };
}

/** Counts at the end of every year from the instrument's adoption to today (for a chart). */
export async function statusHistory(db: Kysely<Database>, code: string) {
  await requireInstrument(db, code);
  const [model, states, adopted] = await Promise.all([treatyModel(db), listStates(db), readInstrumentAdopted(db, code)]);
  const end = today();
  if (!hasData(model, code) || adopted === null) return { instrument: code, points: [] };
  const points = [];
  for (let year = Number(adopted.slice(0, 4)); year <= Number(end.slice(0, 4)); year++) {
    const asOf = year === Number(end.slice(0, 4)) ? end : `${year}-12-31`;
    const counts = emptyCounts();
    for (const s of states) countStatus(counts, statusAt(model, code, s.iso3, asOf));
    points.push({ asOf, counts });
  }
  return { instrument: code, points, collections: collectionsOf(model, [code]) };
}
