// Obstacles and strategies as the read API shows them: the State's and instruments' names in
// the asked language, evidence (an event the reader may not see left out), strategies with their
// links (only those the reader may see), sources, and per instrument whether the State has
// since become party, with the strategies that preceded it: computed from the treaty record on
// every request, never stored, so a ratification entered later shows at once.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { firstDay, lastDay, today } from '../../shared/dates.ts';
import type { Lang } from '../../shared/text.ts';
import { CONSENT_KINDS, type ObstacleCategory, type ObstacleStatus } from '../../shared/vocabularies.ts';
import { visibleRecordIds } from '../cooperation/repository.ts';
import { accessView } from '../edits/access.ts';
import { correctionViews } from '../edits/corrections.ts';
import { namesOf } from '../names/repository.ts';
import { loadSourcesOf } from '../sources/repository.ts';
import { parseIds, resolveSources } from '../sources/service.ts';
import { listStates } from '../states/repository.ts';
import { treatyModel, type TreatyModel } from '../treaty-status/model.ts';
import { statusAt } from '../treaty-status/status-at.ts';
import { OBSTACLE_FIELDS, STRATEGY_FIELDS, STRATEGY_LINK_TARGETS } from './fields.ts';
import { evidenceOf, findObstacle, instrumentsOf, listObstacles, type ObstacleFilter, type ObstacleRow, strategiesOf, strategyLinksOf, type StrategyRow, visibleEventIds } from './repository.ts';
import type { ObstacleSummary, ObstacleView, StrategyView } from './schema.ts';

type Names = Map<string, { name: string }>;

function summary(row: ObstacleRow, instruments: readonly string[], states: Names, instrumentNames: Names): ObstacleSummary {
  return {
    id: row.id,
    state: row.state_iso3,
    stateName: states.get(row.state_iso3)?.name ?? row.state_iso3,
    instruments: instruments.map((code) => ({ code, name: instrumentNames.get(code)?.name ?? code })),
    category: row.category as ObstacleCategory,
    description: row.description,
    identified: row.identified,
    identifiedBy: row.identified_by,
    status: row.status as ObstacleStatus,
    statusDate: row.status_date,
    confidentiality: row.confidentiality,
  };
}

/** The States of an M49 region, subregion or intermediate region. */
export async function statesOfRegion(db: Kysely<Database>, region: string): Promise<string[]> {
  return (await listStates(db)).filter((s) => [s.region_code, s.subregion_code, s.intermediate_region_code].includes(region)).map((s) => s.iso3);
}

export async function listObstacleSummaries(db: Kysely<Database>, filter: ObstacleFilter & { region?: string }, lang: Lang): Promise<ObstacleSummary[]> {
  const states = filter.region ? await statesOfRegion(db, filter.region) : undefined;
  const rows = await listObstacles(db, { ...filter, states });
  const [instruments, stateNames, instrumentNames] = await Promise.all([
    instrumentsOf(
      db,
      rows.map((r) => r.id),
    ),
    namesOf(db, 'state', lang),
    namesOf(db, 'instrument', lang),
  ]);
  return rows.map((r) => summary(r, instruments.get(r.id) ?? [], stateNames, instrumentNames));
}

/** The strategies of these obstacles the reader may see, with the links the reader may see. */
export async function strategyViews(db: Kysely<Database>, obstacleIds: readonly string[]): Promise<StrategyView[]> {
  const rows = await strategiesOf(db, obstacleIds);
  const links = await strategyLinksOf(
    db,
    rows.map((r) => r.id),
  );
  const visible = new Set<string>();
  for (const kind of STRATEGY_LINK_TARGETS) {
    const ids = [...links.values()]
      .flat()
      .filter((l) => l.to_kind === kind)
      .map((l) => l.to_ref);
    for (const id of await visibleRecordIds(db, kind, [...new Set(ids)])) visible.add(`${kind} ${id}`);
  }
  const sources = await loadSourcesOf(
    db,
    rows.flatMap((r) => parseIds(r.sources)),
  );
  return rows.map((r) => strategyView(r, links.get(r.id) ?? [], visible, sources));
}

function strategyView(row: StrategyRow, links: { to_kind: string; to_ref: string; note: string | null }[], visible: Set<string>, sources: Awaited<ReturnType<typeof loadSourcesOf>>): StrategyView {
  const ids = parseIds(row.sources);
  return {
    id: row.id,
    obstacle: row.obstacle_id,
    kind: row.kind as StrategyView['kind'],
    description: row.description,
    status: row.status as StrategyView['status'],
    outcome: row.outcome,
    start: row.start_date,
    end: row.end_date,
    links: links.filter((l) => visible.has(`${l.to_kind} ${l.to_ref}`)).map((l) => ({ kind: l.to_kind as StrategyView['links'][number]['kind'], ref: l.to_ref, note: l.note })),
    sources: resolveSources(ids, sources).sources,
    version: row.row_version,
    origin: row.origin as 'reference' | 'user',
    corrections: correctionViews(row, STRATEGY_FIELDS, sources),
    ...accessView(row),
  };
}

/** The day a State became party to an instrument as the record shows it today, or whether it is
 *  not party: `since` is the consent's date as the source gives it (null when it gives none). */
export function partyToday(model: TreatyModel, instrument: string, iso3: string, on = today()): { party: boolean; since: string | null } {
  const at = statusAt(model, instrument, iso3, on);
  if (at.status !== 'party' && at.status !== 'uncertain') return { party: false, since: null };
  const deciding = at.deciding && 'kind' in at.deciding ? at.deciding : null;
  // `uncertain` also covers a withdrawal whose day of effect is not known: only a consent makes it party.
  if (at.status === 'uncertain' && deciding && !(CONSENT_KINDS as readonly string[]).includes(deciding.kind)) return { party: false, since: null };
  return { party: true, since: deciding?.date ?? null };
}

/** A strategy preceded a ratification when it certainly began on or before the day of consent:
 *  the last possible day of its start is not after the first possible day of the consent. A
 *  strategy without a start, or a consent without a date, precedes nothing we can tell. */
export function preceded(strategy: { start: string | null }, since: string | null): boolean {
  return strategy.start !== null && since !== null && lastDay(strategy.start) <= firstDay(since);
}

export async function obstacleView(db: Kysely<Database>, id: string, lang: Lang): Promise<ObstacleView | undefined> {
  const row = await findObstacle(db, id);
  if (!row) return undefined;
  const [instruments, stateNames, instrumentNames, evidence, strategies, model] = await Promise.all([
    instrumentsOf(db, [id]),
    namesOf(db, 'state', lang),
    namesOf(db, 'instrument', lang),
    evidenceOf(db, id),
    strategyViews(db, [id]),
    treatyModel(db),
  ]);
  const codes = instruments.get(id) ?? [];
  const events = await visibleEventIds(
    db,
    evidence.flatMap((e) => e.event_id ?? []),
  );
  const sourceIds = parseIds(row.sources);
  const sources = await loadSourcesOf(db, sourceIds);
  return {
    ...summary(row, codes, stateNames, instrumentNames),
    evidence: evidence.map((e) => ({
      kind: e.kind as ObstacleView['evidence'][number]['kind'],
      title: e.title,
      url: e.url,
      date: e.date,
      recommendation: e.recommendation_id,
      event: e.event_id && events.has(e.event_id) ? e.event_id : null,
      note: e.note,
    })),
    strategies,
    ratification: codes.map((code) => {
      const { party, since } = partyToday(model, code, row.state_iso3);
      return { instrument: code, party, since, precededBy: party ? strategies.filter((s) => preceded(s, since)).map((s) => s.id) : [] };
    }),
    sources: resolveSources(sourceIds, sources).sources,
    version: row.row_version,
    origin: row.origin as 'reference' | 'user',
    corrections: correctionViews(row, OBSTACLE_FIELDS, sources),
    ...accessView(row),
  };
}
