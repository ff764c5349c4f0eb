// What the report's data-driven recommendations rest on: the States no regional human-rights
// mechanism covers at the report's date (coverage module), the instruments each region has
// ratified least, and the requests still unanswered. Facts only: the prose is the document's.
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { computeCoverage } from '../../coverage/service.ts';
import type { CooperationFacts } from './cooperation.ts';
import { apiPath, type Figure, figure } from './figures.ts';
import type { RegionFacts } from './regions.ts';

/** How many of its least-ratified instruments each region lists. */
const LEAST_RATIFIED = 3;

export interface RecommendationInputs {
  /** States of the regions asked that no regional mechanism covers at the report's date (no source
   *  states an absence: the figure rests on the coverage rules over memberships and treaty status). */
  uncovered: Figure & { states: { iso3: string; region: string }[] };
  /** Regional mechanisms whose coverage needs treaty data Accord does not hold: coverage is incomplete for them. */
  coverageIncomplete: string[];
  /** Per region, the instruments (with data) with the fewest parties (certain and uncertain) among its States. */
  leastRatified: { region: string; instruments: { code: string; parties: number; uncertain: number; states: number }[] }[];
  unansweredRequests: CooperationFacts['requests']['unansweredList'];
}

export async function recommendationInputs(
  reader: Kysely<Database>,
  asOf: string,
  regions: readonly RegionFacts[],
  statesByRegion: Map<string, string[]>,
  cooperation: CooperationFacts,
): Promise<RecommendationInputs> {
  const coverage = await computeCoverage(reader, asOf);
  const regionOf = new Map([...statesByRegion].flatMap(([region, states]) => states.map((iso3) => [iso3, region] as const)));
  const uncovered = coverage.uncovered.filter((iso3) => regionOf.has(iso3)).map((iso3) => ({ iso3, region: regionOf.get(iso3)! }));
  return {
    uncovered: { ...figure(uncovered.length, `${apiPath('/api/v1/coverage', { asOf })}#uncovered`), states: uncovered },
    coverageIncomplete: coverage.incomplete,
    leastRatified: regions.map((r) => ({
      region: r.code,
      instruments: r.ratifications
        .filter((x) => x.hasData)
        .map((x) => ({ code: x.instrument, parties: x.parties.value ?? 0, uncertain: x.uncertain.value ?? 0, states: r.states.value ?? 0 }))
        .sort((a, b) => a.parties + a.uncertain - (b.parties + b.uncertain) || a.code.localeCompare(b.code))
        .slice(0, LEAST_RATIFIED),
    })),
    unansweredRequests: cooperation.requests.unansweredList,
  };
}
