// Treaty status answers for the API, the CLI and coverage: an instrument's participants at a
// date, a State's treaties, the matrix of both, counts by region, group or organization, the
// count over time, and every disagreement between sources.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { NotFoundError, ValidationError } from '../../server/errors.ts';
import { precisionOf, today } from '../../shared/dates.ts';
import { membershipEvents } from '../organizations/repository.ts';
import { belongs, membershipAt } from '../organizations/membership.ts';
import { loadSources, type SourceView } from '../sources/repository.ts';
import { findState, listStates } from '../states/repository.ts';
import { collectionOf, type Fact } from './facts.ts';
import { treatyModel, type TreatyModel } from './model.ts';
import type { Conflict, ResolvedPair } from './resolve.ts';
import { actsBy, declarationsAt, statusFrom, TREATY_STATUSES, type TreatyStatus } from './status.ts';

export type StatusCounts = Record<TreatyStatus, number>;

export interface ActionView {
  kind: string;
  date: string | null;
  precision: 'day' | 'month' | 'year' | null;
  effective: string | null;
  /** The article `effective` follows, when the source gives no such date. */
  effectiveRule: { article: string; sourceIds: string[] } | null;
  /** Where the act comes from: `reference`, `untc`, `untc-years` or an import dataset id. */
  collection: string;
  sourceIds: string[];
}

export interface DeclarationView extends ActionView {
  inForce: boolean;
}

export interface PairStatusView {
  status: TreatyStatus;
  actions: ActionView[];
  declarations: DeclarationView[];
}

const emptyCounts = (): StatusCounts => Object.fromEntries(TREATY_STATUSES.map((s) => [s, 0])) as StatusCounts;

function actionView(f: Fact): ActionView {
  return { kind: f.kind, date: f.date, precision: f.date === null ? null : precisionOf(f.date), effective: f.effective, effectiveRule: f.effectiveRule ?? null, collection: f.origin.collection, sourceIds: f.origin.sourceIds };
}

export function pairStatus(pair: ResolvedPair | undefined, asOf: string): PairStatusView {
  if (!pair) return { status: 'none', actions: [], declarations: [] };
  return {
    status: statusFrom(pair, asOf).status,
    actions: actsBy(pair, asOf, ['consent', 'signature', 'denunciation']).map(actionView),
    declarations: declarationsAt(pair, asOf).map((d) => ({ ...actionView(d.fact), inForce: d.inForce })),
  };
}

async function requireInstrument(db: Kysely<Database>, code: string) {
  const row = await db.selectFrom('instrument').select(['code', 'untc_ref']).where('code', '=', code).executeTakeFirst();
  if (!row) throw new NotFoundError('instrument', code);
  return row;
}

function citedSources(all: Map<string, SourceView>, ids: Iterable<string>): Record<string, SourceView> {
  const out: Record<string, SourceView> = {};
  for (const id of ids) {
    const s = all.get(id);
    if (s) out[id] = s;
  }
  return out;
}

function sourceIdsOf(views: PairStatusView[]): Set<string> {
  return new Set(views.flatMap((v) => [...v.actions, ...v.declarations].flatMap((a) => [...a.sourceIds, ...(a.effectiveRule?.sourceIds ?? [])])));
}

export async function instrumentStatus(db: Kysely<Database>, code: string, asOf: string) {
  await requireInstrument(db, code);
  const [model, states, allSources] = await Promise.all([treatyModel(db), listStates(db), loadSources(db)]);
  const pairs = model.pairs.get(code) ?? new Map<string, ResolvedPair>();
  const counts = emptyCounts();
  const rows = states.map((s) => {
    const view = pairStatus(pairs.get(s.iso3), asOf);
    counts[view.status]++;
    return { iso2: s.iso2, iso3: s.iso3, ...view };
  });
  const organizations = [...pairs.values()].filter((p) => p.participantKind === 'organization').map((p) => ({ id: p.participant, ...pairStatus(p, asOf) }));
  return { instrument: code, asOf, counts, states: rows, organizations, sources: citedSources(allSources, sourceIdsOf([...rows, ...organizations])) };
}

export async function stateTreaties(db: Kysely<Database>, code: string, asOf: string) {
  const state = await findState(db, code);
  if (!state) throw new NotFoundError('state', code);
  const [model, instruments, allSources] = await Promise.all([
    treatyModel(db), db.selectFrom('instrument').select(['code', 'untc_ref']).orderBy('code').execute(), loadSources(db),
  ]);
  const treaties = instruments.map((i) => {
    const pair = model.pairs.get(i.code)?.get(state.iso3);
    const reservations = (pair?.texts ?? []).filter((t) => t.text !== null).map((t) => ({ text: t.text!, collection: t.origin.collection, sourceIds: t.origin.sourceIds, file: t.origin.file, row: t.origin.row }));
    return { instrument: i.code, untcRef: i.untc_ref, ...pairStatus(pair, asOf), reservations };
  });
  const conflicts = model.conflicts.filter((c) => c.participant === state.iso3).length;
  const ids = new Set([...sourceIdsOf(treaties), ...treaties.flatMap((t) => t.reservations.flatMap((r) => r.sourceIds))]);
  return { iso3: state.iso3, iso2: state.iso2, asOf, treaties, conflicts, sources: citedSources(allSources, ids) };
}

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
    if (unknown.length) throw new ValidationError(`unknown State code(s): ${unknown.join(', ')}`, unknown.map((c) => ({ parameter: 'states', reason: `${c} is not an ISO alpha-3 code of the registry` })));
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
  const all = (await db.selectFrom('instrument').select('code').orderBy('code').execute()).map((r) => r.code);
  if (!codes?.length) return all;
  const known = new Set(all);
  const unknown = codes.filter((c) => !known.has(c));
  if (unknown.length) throw new ValidationError(`unknown instrument code(s): ${unknown.join(', ')}`, unknown.map((c) => ({ parameter: 'instruments', reason: `${c} is not an instrument of the registry` })));
  return codes;
}

export async function treatyMatrix(db: Kysely<Database>, asOf: string, filter: StateFilter & { instruments?: string[] }) {
  const [model, states, codes] = await Promise.all([treatyModel(db), filteredStates(db, filter, asOf), instrumentCodes(db, filter.instruments)]);
  return { asOf, ...matrixOf(model, states.map((s) => ({ iso3: s.iso3, iso2: s.iso2 })), codes, asOf) };
}

/** The matrix itself: a status per State and instrument, with counts per instrument. */
export function matrixOf(model: TreatyModel, states: { iso3: string; iso2: string }[], codes: string[], asOf: string) {
  const counts: Record<string, StatusCounts> = Object.fromEntries(codes.map((c) => [c, emptyCounts()]));
  const byInstrument = codes.map((c) => model.pairs.get(c));
  const rows = states.map((s) => ({
    iso3: s.iso3,
    iso2: s.iso2,
    statuses: codes.map((code, i) => {
      const pair = byInstrument[i]?.get(s.iso3);
      const status: TreatyStatus = pair ? statusFrom(pair, asOf).status : 'none';
      counts[code]![status]++;
      return status;
    }),
  }));
  return { instruments: codes, states: rows, counts };
}

export type CountBy = 'region' | 'group' | 'organization';

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
  const items = [...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([group, members]) => ({
    group,
    states: members.length,
    counts: matrixOf(model, members.map((iso3) => ({ iso3, iso2: iso2Of.get(iso3) ?? '' })), codes, asOf).counts,
  }));
  return { asOf, by, instruments: codes, groups: items };
}

/** Counts at the end of every year from the instrument's first act to today (for a chart). */
export async function statusHistory(db: Kysely<Database>, code: string) {
  await requireInstrument(db, code);
  const [model, states] = await Promise.all([treatyModel(db), listStates(db)]);
  const pairs = [...(model.pairs.get(code) ?? new Map<string, ResolvedPair>()).values()].filter((p) => p.participantKind === 'state');
  const years = pairs.flatMap((p) => p.actions.map((a) => a.date)).filter((d): d is string => d !== null).map((d) => Number(d.slice(0, 4)));
  const end = today();
  if (years.length === 0) return { instrument: code, points: [] };
  const points = [];
  for (let year = Math.min(...years); year <= Number(end.slice(0, 4)); year++) {
    const asOf = year === Number(end.slice(0, 4)) ? end : `${year}-12-31`;
    const counts = emptyCounts();
    const seen = new Set<string>();
    for (const p of pairs) { counts[statusFrom(p, asOf).status]++; seen.add(p.participant); }
    counts.none += states.filter((s) => !seen.has(s.iso3)).length;
    points.push({ asOf, counts });
  }
  return { instrument: code, points };
}

export interface ConflictFilter {
  instrument?: string;
  iso3?: string;
  kind?: string;
}

/** Every disagreement between sources, with each side's provenance. */
export async function listConflicts(db: Kysely<Database>, filter: ConflictFilter = {}) {
  const [model, allSources] = await Promise.all([treatyModel(db), loadSources(db)]);
  const items = model.conflicts
    .filter((c) => (!filter.instrument || c.instrument === filter.instrument) && (!filter.iso3 || c.participant === filter.iso3) && (!filter.kind || c.kind === filter.kind))
    .map(conflictView);
  return { items, sources: citedSources(allSources, items.flatMap((c) => c.sides.flatMap((s) => s.sourceIds))) };
}

/** Every imported dataset, with its collection's precision and last date (what precedence uses). */
export async function listDatasets(db: Kysely<Database>) {
  const [model, rows, allSources] = await Promise.all([
    treatyModel(db), db.selectFrom('import_dataset').selectAll().orderBy('id').execute(), loadSources(db),
  ]);
  return rows.map((d) => {
    const collection = model.collections.get(collectionOf(d.kind, d.id));
    return {
      id: d.id, kind: d.kind, label: d.label, importedAt: d.imported_at, accepted: d.accepted, rejected: d.rejected,
      collection: collection?.id ?? collectionOf(d.kind, d.id), precision: collection?.precision ?? null, lastDate: collection?.lastDate ?? null,
      source: { id: d.source_id, ...(allSources.get(d.source_id) ?? { title: d.source_id, url: '', retrieved: '' }) },
    };
  });
}

export function conflictView(c: Conflict) {
  return {
    instrument: c.instrument,
    participant: c.participant,
    participantKind: c.participantKind,
    kind: c.kind,
    followed: c.followed,
    sides: c.sides.map((s) => {
      const origin = s.fact?.origin ?? s.snapshot?.origin ?? null;
      return {
        collection: s.collection,
        kind: s.fact?.kind ?? null,
        date: s.fact?.date ?? null,
        status: s.snapshot?.status ?? null,
        asOf: s.snapshot?.asOf ?? null,
        note: s.snapshot?.note ?? s.absence,
        dataset: origin?.dataset ?? null,
        file: origin?.file ?? null,
        row: origin?.row ?? null,
        sourceIds: origin?.sourceIds ?? [],
      };
    }),
  };
}

