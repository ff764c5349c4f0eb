// Ratification gap analysis (docs/OBSTACLES.md): for a State, the principal instruments it is
// not party to at a date, each with what is known about why (obstacles), what has been
// recommended (UPR recommendations to ratify, with the State's response where recorded), what
// is being done (strategies) and how its region stands; for an instrument, the States not party
// grouped by the category of the obstacles that stand in their way.
//
// Only what the treaty record shows counts as "not party": a signatory, a State whose source
// lists no act, a State that withdrew. A State no source speaks for is not a gap but unknown,
// listed apart; and a State with no obstacle recorded is in a group of its own, never a category:
// no obstacle recorded is not no obstacle.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { NotFoundError } from '../../shared/errors.ts';
import type { Lang } from '../../shared/text.ts';
import { OBSTACLE_CATEGORIES, type TreatyStatus } from '../../shared/vocabularies.ts';
import { namesOf } from '../names/repository.ts';
import { listStates } from '../states/repository.ts';
import { treatyModel } from '../treaty-status/model.ts';
import { requireInstrument } from '../treaty-status/service.ts';
import { statusAt } from '../treaty-status/status-at.ts';
import { instrumentsOf, listObstacles, type ObstacleRow, principalInstruments, recommendationsTo } from './repository.ts';
import type { InstrumentGapsView, StateGapsView } from './gap-schema.ts';
import { strategyViews } from './service.ts';

/** What the record shows as not party: these are the gaps. */
export const NOT_PARTY: readonly TreatyStatus[] = ['signatory', 'noAction', 'withdrawn'];
const PARTY: readonly TreatyStatus[] = ['party', 'uncertain'];
const NOT_OPEN: readonly TreatyStatus[] = ['notEligible', 'notYetState'];

type Counts = { states: number; party: number; uncertain: number; notParty: number; noData: number; notOpen: number };

function countOf(statuses: readonly TreatyStatus[]): Counts & { partyShare: number | null } {
  const c: Counts = { states: statuses.length, party: 0, uncertain: 0, notParty: 0, noData: 0, notOpen: 0 };
  for (const s of statuses) {
    if (s === 'party') c.party++;
    else if (s === 'uncertain') c.uncertain++;
    else if (NOT_PARTY.includes(s)) c.notParty++;
    else if (s === 'noData') c.noData++;
    else c.notOpen++;
  }
  // Party with certainty, over every State of the region: a State no source speaks for is counted
  // in the whole and not as party, which the counts beside it say.
  return { ...c, partyShare: c.states ? Math.round((c.party / c.states) * 1000) / 10 : null };
}

export async function stateGaps(db: Kysely<Database>, iso3: string, asOf: string, lang: Lang): Promise<StateGapsView> {
  const states = await listStates(db);
  const state = states.find((s) => s.iso3 === iso3);
  if (!state) throw new NotFoundError('state', iso3);
  const [model, codes, stateNames, instrumentNames, regionNames] = await Promise.all([
    treatyModel(db),
    principalInstruments(db),
    namesOf(db, 'state', lang),
    namesOf(db, 'instrument', lang),
    namesOf(db, 'region', lang),
  ]);
  const statuses = new Map(codes.map((code) => [code, statusAt(model, code, iso3, asOf)]));
  const gapCodes = codes.filter((c) => NOT_PARTY.includes(statuses.get(c)!.status));
  const obstacles = await listObstacles(db, { state: iso3 });
  const obstacleInstruments = await instrumentsOf(
    db,
    obstacles.map((o) => o.id),
  );
  const strategies = await strategyViews(
    db,
    obstacles.map((o) => o.id),
  );
  const recommendations = await recommendationsTo(db, iso3, gapCodes, asOf);
  const region = state.region_code;
  const neighbours = region ? states.filter((s) => s.region_code === region).map((s) => s.iso3) : [];
  const named = (code: string) => ({ code, name: instrumentNames.get(code)?.name ?? code });
  return {
    state: { iso3, name: stateNames.get(iso3)?.name ?? iso3 },
    asOf,
    region: region ? { code: region, name: regionNames.get(region)?.name ?? region } : null,
    principal: codes,
    gaps: gapCodes.map((code) => {
      const at = statuses.get(code)!;
      const mine = obstacles.filter((o) => (obstacleInstruments.get(o.id) ?? []).includes(code));
      const ids = new Set(mine.map((o) => o.id));
      return {
        instrument: named(code),
        status: at.status as StateGapsView['gaps'][number]['status'],
        since: at.deciding && 'date' in at.deciding ? at.deciding.date : null,
        obstacles: mine.map((o) => obstacleBrief(o)),
        recommendations: recommendations
          .filter((r) => r.instrument === code)
          .map((r) => ({
            id: r.id,
            action: r.action,
            mechanism: r.mechanism,
            cycle: r.cycle,
            session: r.session,
            date: r.date,
            recommender: r.recommender_name,
            text: r.text,
            response: r.response,
            document: r.document_symbol,
          })),
        strategies: strategies
          .filter((s) => ids.has(s.obstacle))
          .map((s) => ({ id: s.id, obstacle: s.obstacle, kind: s.kind, status: s.status, description: s.description, start: s.start, end: s.end })),
        region: region ? countOf(neighbours.map((n) => statusAt(model, code, n, asOf).status)) : null,
      };
    }),
    unknown: codes.filter((c) => statuses.get(c)!.status === 'noData').map(named),
    notOpen: codes.filter((c) => NOT_OPEN.includes(statuses.get(c)!.status)).map((c) => ({ ...named(c), status: statuses.get(c)!.status as 'notEligible' | 'notYetState' })),
    parties: codes.filter((c) => PARTY.includes(statuses.get(c)!.status)).map(named),
  };
}

function obstacleBrief(o: ObstacleRow) {
  return { id: o.id, category: o.category as (typeof OBSTACLE_CATEGORIES)[number], description: o.description, status: o.status as 'stands' | 'resolved' | 'withdrawn', identified: o.identified };
}

export async function instrumentGaps(db: Kysely<Database>, code: string, asOf: string, region: string | undefined, lang: Lang): Promise<InstrumentGapsView> {
  await requireInstrument(db, code);
  const [model, states, stateNames, instrumentNames] = await Promise.all([treatyModel(db), listStates(db), namesOf(db, 'state', lang), namesOf(db, 'instrument', lang)]);
  const inRegion = region ? states.filter((s) => [s.region_code, s.subregion_code, s.intermediate_region_code].includes(region)) : states;
  const statuses = inRegion.map((s) => ({ iso3: s.iso3, status: statusAt(model, code, s.iso3, asOf).status }));
  const notParty = statuses.filter((s) => NOT_PARTY.includes(s.status));
  // Only obstacles that stand explain a gap today; a resolved or withdrawn one is history.
  const standing = await listObstacles(db, { instrument: code, status: 'stands' });
  const byState = new Map<string, ObstacleRow[]>();
  for (const o of standing) byState.set(o.state_iso3, [...(byState.get(o.state_iso3) ?? []), o]);
  const entry = (s: { iso3: string; status: TreatyStatus }, obstacles: ObstacleRow[]) => ({
    iso3: s.iso3,
    name: stateNames.get(s.iso3)?.name ?? s.iso3,
    status: s.status as InstrumentGapsView['noObstacleRecorded'][number]['status'],
    obstacles: obstacles.map((o) => o.id),
  });
  const groups = OBSTACLE_CATEGORIES.map((category) => ({
    category,
    states: notParty.flatMap((s) => {
      const mine = (byState.get(s.iso3) ?? []).filter((o) => o.category === category);
      return mine.length ? [entry(s, mine)] : [];
    }),
  })).filter((g) => g.states.length > 0);
  return {
    instrument: { code, name: instrumentNames.get(code)?.name ?? code },
    asOf,
    region: region ?? null,
    counts: countOf(statuses.map((s) => s.status)),
    groups,
    noObstacleRecorded: notParty.filter((s) => !byState.has(s.iso3)).map((s) => entry(s, [])),
    unknown: statuses.filter((s) => s.status === 'noData').map((s) => ({ iso3: s.iso3, name: stateNames.get(s.iso3)?.name ?? s.iso3 })),
  };
}
