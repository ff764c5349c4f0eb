// The outcomes of recommendations to ratify: each group of recommendations (one State, one
// instrument, one session, one response) given its outcome from the treaty model, then counted
// by instrument, by instrument and regional group, or by instrument and State, in source rows
// and in distinct State–instrument–session. Every figure names what it rests on: the sources of
// the recommendations' datasets, of each act, and of the treaty-status data of each instrument.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Lang } from '../../shared/text.ts';
import { CONSENT_KINDS } from '../../shared/vocabularies.ts';
import { namesOf } from '../names/repository.ts';
import { loadSources } from '../sources/repository.ts';
import { treatyModel } from '../treaty-status/model.ts';
import { hasData } from '../treaty-status/status-at.ts';
import { JOINING_ACTIONS } from './links.ts';
import { OUTCOME_WINDOWS, type Outcome, outcomeOf, STANDINGS, WINDOW_VERDICTS } from './outcome.ts';
import { outcomeGroups, treatySourcesByInstrument } from './repository.ts';
import type { OutcomeRowView, OutcomesView } from './schema.ts';

export const OUTCOME_GROUPINGS = ['instrument', 'region', 'state'] as const;
export type OutcomeGrouping = (typeof OUTCOME_GROUPINGS)[number];

export interface OutcomeQuery {
  instrument?: string;
  region?: string;
  state?: string;
  response?: string;
  by?: OutcomeGrouping;
  lang: Lang;
}

export const DATE_RULE =
  'A recommendation is dated to its UPR session’s month (or year), an act to its day, month or year: each date is a span of possible days. Followed within N years: the act is certainly after the last day of the recommendation’s span and certainly on or before its first day plus N years. Not followed: every possible day of the first act after it is later than the span’s last day plus N years, or there is none and the depositary’s record speaks for the State up to that day. Otherwise uncertain, shown apart; a window the record does not reach yet is not yet known.';
export const COUNT_RULE =
  'rows: source rows, as UPR Info lists them (a joint recommendation once per recommending State); distinct: distinct State–instrument–session. A row a reviewer rejected the link of is left out.';

const listOf = (value: string | undefined) => (value ? value.split(',').map((v) => v.trim()) : []);

type Count = { rows: number; distinct: number };
const zero = (): Count => ({ rows: 0, distinct: 0 });
const add = (c: Count, rows: number) => {
  c.rows += rows;
  c.distinct += 1;
};

function emptyRow(base: Pick<OutcomeRowView, 'instrument' | 'region' | 'state' | 'response'>): OutcomeRowView {
  const standing = Object.fromEntries(STANDINGS.map((s) => [s, zero()])) as OutcomeRowView['standing'];
  const windows = Object.fromEntries(OUTCOME_WINDOWS.map((n) => [String(n), Object.fromEntries(WINDOW_VERDICTS.map((v) => [v, zero()]))])) as OutcomeRowView['windows'];
  return { ...base, total: zero(), standing, windows };
}

function count(row: OutcomeRowView, outcome: Outcome, rows: number): void {
  add(row.total, rows);
  add(row.standing[outcome.standing], rows);
  if (!outcome.windows) return;
  for (const n of OUTCOME_WINDOWS) add(row.windows[String(n) as '1' | '2' | '5'][outcome.windows[n]], rows);
}

export async function ratificationOutcomes(db: Kysely<Database>, q: OutcomeQuery): Promise<OutcomesView> {
  const by = q.by ?? 'instrument';
  const filter = { actions: JOINING_ACTIONS, responses: listOf(q.response ?? 'supported,noted'), instruments: listOf(q.instrument), states: listOf(q.state), regions: listOf(q.region) };
  const [groups, model, sources, stateNames, instrumentNames, groupNames] = await Promise.all([
    outcomeGroups(db, filter),
    treatyModel(db),
    loadSources(db),
    namesOf(db, 'state', q.lang),
    namesOf(db, 'instrument', q.lang),
    namesOf(db, 'regional-group', q.lang),
  ]);
  const instrumentOf = (code: string) => ({ code, name: instrumentNames.get(code)?.acronym ?? instrumentNames.get(code)?.name ?? code });
  const rows = new Map<string, OutcomeRowView>();
  const items: NonNullable<OutcomesView['items']> = [];
  const cited = new Set<string>();
  const known = new Map<string, Outcome>();
  for (const g of groups) {
    const key = `${g.state}|${g.instrument}|${g.date}`;
    const outcome = known.get(key) ?? outcomeOf(model, g.state, g.instrument, g.date);
    known.set(key, outcome);
    cited.add(g.source_id);
    for (const id of outcome.act?.origin.sourceIds ?? []) cited.add(id);
    const region = by === 'region' && g.region ? { code: g.region, name: groupNames.get(g.region)?.name ?? g.region } : null;
    const state = by === 'state' ? { iso3: g.state, name: stateNames.get(g.state)?.name ?? g.state } : null;
    const rowKey = `${g.instrument}|${region?.code ?? ''}|${state?.iso3 ?? ''}|${g.response}`;
    const row = rows.get(rowKey) ?? emptyRow({ instrument: instrumentOf(g.instrument), region, state, response: g.response });
    rows.set(rowKey, row);
    count(row, outcome, g.rows);
    items.push({
      session: g.session,
      date: g.date,
      response: g.response,
      instrument: instrumentOf(g.instrument),
      rows: g.rows,
      standing: outcome.standing,
      windows: outcome.windows,
      act: outcome.act ? { kind: outcome.act.kind, date: outcome.act.date, sources: outcome.act.origin.sourceIds, dataset: outcome.act.origin.dataset } : null,
    });
  }
  const instruments = [...new Set(groups.map((g) => g.instrument))].sort();
  const treatySources = await treatySourcesByInstrument(db, instruments);
  const treatyData = instruments.map((code) => {
    const ids = treatySources.get(code) ?? [];
    for (const id of ids) cited.add(id);
    return { instrument: code, hasData: hasData(model, code), asOf: model.speaking.get(code)?.everyone ?? null, sources: ids };
  });
  return {
    rule: { actions: [...JOINING_ACTIONS], acts: [...CONSENT_KINDS], windows: [...OUTCOME_WINDOWS], dates: DATE_RULE, counted: COUNT_RULE },
    by,
    rows: [...rows.values()],
    items: filter.states.length === 1 ? items : null,
    treatyData,
    sources: [...cited]
      .filter((id) => sources.has(id))
      .sort()
      .map((id) => ({ id, ...sources.get(id)! })),
  };
}
