// The report on the state of regional arrangements (OP13 of the 2004 resolution), as facts: every
// figure computed from the data as of the report's date, read through the asker's view, with the
// sources and the API address that give it. No prose: the document layer (../document) writes it.
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { firstDay, isValidDay } from '../../../shared/dates.ts';
import { ValidationError } from '../../../shared/errors.ts';
import type { Lang } from '../../../shared/text.ts';
import { listInstrumentViews } from '../../instruments/service.ts';
import { namesOf } from '../../names/repository.ts';
import { loadSources } from '../../sources/repository.ts';
import { listStates } from '../../states/repository.ts';
import { treatyModel } from '../../treaty-status/model.ts';
import { type CooperationFacts, cooperationFacts } from './cooperation.ts';
import { type ExchangeFacts, exchangeFacts } from './exchanges.ts';
import { type ImplementationFacts, implementationFacts, type MandateFact, mandateFacts, RESOLUTION_2004 } from './mandate.ts';
import { type ObstacleFacts, obstacleFacts } from './obstacles.ts';
import { type RecommendationInputs, recommendationInputs } from './recommendations.ts';
import { type RegionFacts, regionFacts } from './regions.ts';

export type { Figure, SourceRef } from './figures.ts';
export { type NewParty, type RatificationFacts, VIENNA_DECLARATION } from './treaties.ts';
export type { MandateQuote } from './mandate.ts';
export type { CooperationFacts, ExchangeFacts, ImplementationFacts, MandateFact, ObstacleFacts, RecommendationInputs, RegionFacts };

export interface ReportOptions {
  /** The report's date (YYYY-MM-DD): every figure is as of it. */
  asOf: string;
  /** The first day of the period the report covers (YYYY-MM-DD), on or before asOf. */
  periodStart: string;
  /** The session of the General Assembly the report is for. */
  session: number;
  /** M49 region codes (first level: 002, 009, 019, 142, 150) to report on; all by default. */
  regions?: string[];
  lang: Lang;
  /** The currency project totals are given in (default USD). */
  base?: string;
}

export interface ReportFacts {
  asOf: string;
  periodStart: string;
  session: number;
  lang: Lang;
  regions: string[];
  mandate: MandateFact;
  developments: RegionFacts[];
  cooperation: CooperationFacts;
  exchanges: ExchangeFacts;
  obstacles: ObstacleFacts;
  implementation: { facts: ImplementationFacts; why: null } | { facts: null; why: string };
  recommendations: RecommendationInputs;
  /** The names the document writes, in the report's language (English where none): States by iso3, instruments by code. */
  names: { states: Record<string, string>; instruments: Record<string, { title: string; short: string | null; adopted: string | null }> };
}

function checkOptions(o: ReportOptions): void {
  const problems = [];
  if (!isValidDay(o.asOf)) problems.push({ parameter: 'asOf', reason: `${o.asOf} is not a calendar day (YYYY-MM-DD)` });
  if (!isValidDay(o.periodStart)) problems.push({ parameter: 'periodStart', reason: `${o.periodStart} is not a calendar day (YYYY-MM-DD)` });
  if (!Number.isInteger(o.session) || o.session < 1) problems.push({ parameter: 'session', reason: `${o.session} is not a session number (a positive whole number)` });
  if (problems.length) throw new ValidationError('The report cannot be built for these options', problems);
  if (o.asOf < o.periodStart)
    throw new ValidationError(`The report's date ${o.asOf} is before the start of its period ${o.periodStart}`, [{ parameter: 'asOf', reason: `must be on or after periodStart (${o.periodStart})` }]);
}

/** The registry's States existing at the report's date by first-level M49 region, limited to the regions asked (all when none). */
async function statesByRegion(reader: Kysely<Database>, asked: readonly string[] | undefined, asOf: string): Promise<Map<string, string[]>> {
  const all = new Map<string, string[]>();
  for (const s of await listStates(reader)) {
    // A State that did not exist yet at the report's date (South Sudan in 2006) is not of its regions.
    if (!s.region_code || (s.statehood_date !== null && firstDay(s.statehood_date) > asOf)) continue;
    all.set(s.region_code, [...(all.get(s.region_code) ?? []), s.iso3]);
  }
  if (!asked?.length) return new Map([...all].sort(([a], [b]) => a.localeCompare(b)));
  const unknown = asked.filter((r) => !all.has(r));
  if (unknown.length)
    throw new ValidationError(
      `unknown region code(s): ${unknown.join(', ')}`,
      unknown.map((r) => ({ parameter: 'regions', reason: `${r} is not a first-level M49 region of a registry State (${[...all.keys()].sort().join(', ')})` })),
    );
  return new Map(asked.map((r) => [r, all.get(r)!]));
}

export async function buildReportFacts(reader: Kysely<Database>, options: ReportOptions): Promise<ReportFacts> {
  checkOptions(options);
  const { asOf, periodStart, lang } = options;
  const byRegion = await statesByRegion(reader, options.regions, asOf);
  const regions = [...byRegion.keys()];
  const [model, sources] = await Promise.all([treatyModel(reader), loadSources(reader)]);
  const developments = await regionFacts({ reader, model, sources, asOf, periodStart, lang, statesByRegion: byRegion });
  const cooperation = await cooperationFacts(reader, { periodStart, asOf }, { lang, base: options.base ?? 'USD', regions });
  const implementation = await implementationFacts(reader, asOf);
  const [stateNames, instruments] = await Promise.all([namesOf(reader, 'state', lang), listInstrumentViews(reader, lang)]);
  return {
    asOf,
    periodStart,
    session: options.session,
    lang,
    regions,
    mandate: await mandateFacts(reader, asOf),
    developments,
    cooperation,
    exchanges: await exchangeFacts(reader, { periodStart, asOf }, lang),
    obstacles: await obstacleFacts(reader, asOf, lang),
    implementation: implementation ? { facts: implementation, why: null } : { facts: null, why: `the resolution ${RESOLUTION_2004.key} is not stored` },
    recommendations: await recommendationInputs(reader, asOf, developments, byRegion, cooperation),
    names: {
      states: Object.fromEntries([...byRegion.values()].flat().map((iso3) => [iso3, stateNames.get(iso3)?.name ?? iso3])),
      instruments: Object.fromEntries(instruments.map((i) => [i.code, { title: i.title, short: i.shortTitle, adopted: i.adopted }])),
    },
  };
}
