// The gap analyses as CSV: for a State, one line per principal instrument it is not party to
// (then one per instrument that is unknown, so that a reader of the file sees they are not
// gaps); for an instrument, one line per State not party and obstacle category, a State with
// none recorded under "no obstacle recorded".
import { toCsv } from '../../shared/csv.ts';
import type { InstrumentGapsView, StateGapsView } from './gap-schema.ts';

export const NO_OBSTACLE_RECORDED = 'no obstacle recorded';

const STATE_COLUMNS = [
  'as_of',
  'state',
  'instrument',
  'instrument_name',
  'status',
  'since',
  'obstacles',
  'recommendations',
  'responses',
  'strategies',
  'region',
  'region_states',
  'region_party',
  'region_no_data',
  'region_party_share',
];

/** "supported 2; noted 1; not recorded 1": the responses to the recommendations, counted. */
function responses(list: readonly { response: string | null }[]): string {
  const counts = new Map<string, number>();
  for (const r of list) counts.set(r.response ?? 'not recorded', (counts.get(r.response ?? 'not recorded') ?? 0) + 1);
  return [...counts].map(([k, n]) => `${k} ${n}`).join('; ');
}

export function stateGapsCsv(view: StateGapsView): string {
  const rows = view.gaps.map((g) => ({
    as_of: view.asOf,
    state: view.state.iso3,
    instrument: g.instrument.code,
    instrument_name: g.instrument.name,
    status: g.status,
    since: g.since,
    obstacles: g.obstacles.length ? g.obstacles.map((o) => `${o.category} (${o.status}, ${o.id})`).join('; ') : NO_OBSTACLE_RECORDED,
    recommendations: g.recommendations.length,
    responses: responses(g.recommendations),
    strategies: g.strategies.map((s) => `${s.kind} (${s.status}, ${s.id})`).join('; '),
    region: view.region?.code,
    region_states: g.region?.states,
    region_party: g.region?.party,
    region_no_data: g.region?.noData,
    region_party_share: g.region?.partyShare,
  }));
  const unknown = view.unknown.map((i) => ({ as_of: view.asOf, state: view.state.iso3, instrument: i.code, instrument_name: i.name, status: 'noData' }));
  return toCsv(STATE_COLUMNS, [...rows, ...unknown]);
}

const INSTRUMENT_COLUMNS = ['as_of', 'instrument', 'group', 'state', 'state_name', 'status', 'obstacles'];

export function instrumentGapsCsv(view: InstrumentGapsView): string {
  const line = (group: string, s: InstrumentGapsView['noObstacleRecorded'][number]) => ({
    as_of: view.asOf,
    instrument: view.instrument.code,
    group,
    state: s.iso3,
    state_name: s.name,
    status: s.status,
    obstacles: s.obstacles.join('; '),
  });
  return toCsv(INSTRUMENT_COLUMNS, [...view.groups.flatMap((g) => g.states.map((s) => line(g.category, s))), ...view.noObstacleRecorded.map((s) => line(NO_OBSTACLE_RECORDED, s))]);
}
