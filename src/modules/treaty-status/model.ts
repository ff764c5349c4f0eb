// Every participant's resolved acts under every instrument, built once per version of the
// topics it reads (treaty data, sources, instruments, States, memberships, rules) and kept in
// memory, with what a status needs beyond the acts: when each State came to exist, who may join
// each instrument, and which sources speak for which States. Answering for a date is then a
// walk over a few acts per State, whatever the date. An edit to anything else (a name, an
// organization's seat) keeps the model. A server rebuilds it in the background, yielding to
// requests as it goes, and answers from the previous model until the new one is ready.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { baseOf, publicView } from '../../db/visibility.ts';
import { collectionPriority, isComplete, speaksOnlyForItsActs } from '../../shared/collections.ts';
import { firstDay, lastDay, precisionOf } from '../../shared/dates.ts';
import { createHash } from 'node:crypto';
import { readDataVersions, type DataVersions } from '../meta/repository.ts';
import type { ProcedureNoteAct } from '../procedures/note-acts.ts';
import { readRules } from '../rules/repository.ts';
import type { Topic } from '../../shared/topics.ts';
import { belongs, membershipAt, type MembershipEvent } from '../organizations/membership.ts';
import { membershipEvents } from '../organizations/repository.ts';
import { asOfFor, groupOf, type ActionGroup, type Collection, type TreatyAction, type TreatySnapshot } from './actions.ts';
import { effectiveDate, indexRules, type EffectRule, type EffectRuleKind } from './effect-rules.ts';
import { eligibleSince, type EligibilityContext, type EligibilityRule } from './eligibility.ts';
import { readActions, readDatasetDates, readInstrumentDates, readSnapshots, readSourceDates, readStatehood, type DatasetDate, type SourceDates } from './repository.ts';
import { resolvePair, type Conflict, type ResolvedPair } from './resolve.ts';

/** When a State came to exist as it is now, from the registry. */
export interface Statehood {
  since: string;
  basis: string;
  sourceIds: string[];
}

export interface TreatyModel {
  version: string;
  collections: Map<string, Collection>;
  /** instrument → participant → resolved acts. */
  pairs: Map<string, Map<string, ResolvedPair>>;
  conflicts: Conflict[];
  rules: EffectRule[];
  statehood: Map<string, Statehood>;
  eligibility: EligibilityContext;
  /** instrument → up to which day sources speak for the States they cover (see spokenUntil). */
  speaking: Map<string, Speaking>;
  /** Acts on procedures read from the UNTC's end notes (data/reference/procedure-acts.csv). */
  procedureNoteActs: ProcedureNoteAct[];
}

/** Up to which day the sources of an instrument speak: for every State (the depositary's full
 *  list), and for the States a list has a row for. '9999-12-31' when a source states no date. */
export interface Speaking {
  everyone: string | null;
  listed: Map<string, string>;
}

const FOREVER = '9999-12-31';

/** Built once per model: what `statusAt` asks for every cell of a matrix. */
export function speakingIndex(collections: Map<string, Collection>): Map<string, Speaking> {
  const index = new Map<string, Speaking>();
  const later = (a: string | null | undefined, b: string) => (a === null || a === undefined || b > a ? b : a);
  for (const c of collections.values()) {
    for (const [instrument, participants] of c.speaksFor) {
      const until = asOfFor(c, instrument);
      const day = until === null ? FOREVER : lastDay(until);
      const entry = index.get(instrument) ?? { everyone: null, listed: new Map<string, string>() };
      if (c.complete && c.covers.get(instrument)?.has('consent')) entry.everyone = later(entry.everyone, day);
      for (const p of participants) entry.listed.set(p, later(entry.listed.get(p), day));
      index.set(instrument, entry);
    }
  }
  return index;
}

const RULE_KIND: Partial<Record<ActionGroup, EffectRuleKind>> = { consent: 'consent', denunciation: 'denunciation' };

/** Which of the instrument's rules applies to a kind of act. A succession takes effect when the
 * State became responsible for the territory (the registry says when), so no rule applies. */
function ruleKindOf(kind: string): EffectRuleKind | undefined {
  if (kind === 'succession') return undefined;
  return kind === 'declaration-withdraw' ? 'declaration-withdraw' : RULE_KIND[groupOf(kind)];
}

type Dated = { instrument: string; kind: string; date: string | null; effective: string | null };

/** Fills `effective` from the instrument's rule where the source gives none, naming the rule. */
export function withEffectiveDates<T extends Dated>(acts: T[], rules: EffectRule[], entryIntoForce: Map<string, string | null>): (T & { effectiveRule?: TreatyAction['effectiveRule'] })[] {
  const ruleFor = indexRules(rules);
  return acts.map((a) => {
    if (a.effective !== null) return a;
    const kind = ruleKindOf(a.kind);
    const rule = kind ? ruleFor(a.instrument, kind) : undefined;
    const effective = rule ? effectiveDate(rule, a.date, entryIntoForce.get(a.instrument) ?? null) : null;
    return rule && effective ? { ...a, effective, effectiveRule: { article: rule.article, sourceIds: rule.sourceIds } } : a;
  });
}

/** A succession takes effect from the day the successor became responsible for its
 *  international relations (the registry's date), not before the instrument was in force. */
export function withSuccessionDates(acts: TreatyAction[], statehood: Map<string, Statehood>, entryIntoForce: Map<string, string | null>): TreatyAction[] {
  return acts.map((a) => {
    const state = statehood.get(a.participant);
    if (a.kind !== 'succession' || a.effective !== null || a.date === null || !state || precisionOf(state.since) !== 'day' || state.since >= firstDay(a.date)) return a;
    const inForce = entryIntoForce.get(a.instrument);
    const effective = inForce && precisionOf(inForce) === 'day' && inForce > state.since ? inForce : state.since;
    return { ...a, effective, effectiveRule: { article: `the State's ${state.basis} (${state.since})`, sourceIds: state.sourceIds } };
  });
}

/** What describing a collection needs of an act: the model passes the acts themselves, a
 *  streamed export one line per dataset, instrument, kind and date precision (with its latest
 *  date, and no participant: `speaksFor` is then left empty). */
export type CollectionFact = Pick<TreatyAction, 'instrument' | 'kind' | 'date'> & { participant: string | null; origin: Pick<TreatyAction['origin'], 'collection' | 'dataset'> };
export type CollectionSnapshotFact = Pick<TreatySnapshot, 'instrument' | 'asOf'> & { participant: string | null; origin: Pick<TreatySnapshot['origin'], 'collection' | 'dataset'> };

/** Of two dates, the one whose last day is later; of two with the same last day ("2015" and
 *  "2015-12-31"), the more precise, so that the answer does not depend on the order acts are read in. */
function laterDate(a: string | null | undefined, b: string): string {
  if (a === null || a === undefined) return b;
  const [dayA, dayB] = [lastDay(a), lastDay(b)];
  return dayB > dayA || (dayB === dayA && b.length > a.length) ? b : a;
}

/** The collections the acts come from: precision, the date each speaks for (per instrument:
 *  each UNTC page states its own), what each covers and for whom. */
export function describeCollections(actions: CollectionFact[], snapshots: CollectionSnapshotFact[], datasetDates: DatasetDate[] = []): Map<string, Collection> {
  const collections = new Map<string, Collection>();
  const get = (id: string) => {
    let c = collections.get(id);
    if (!c) {
      c = {
        id,
        precision: 'day',
        asOf: null,
        asOfByInstrument: new Map(),
        priority: collectionPriority(id),
        complete: isComplete(id),
        onlyItsActs: speaksOnlyForItsActs(id),
        covers: new Map(),
        speaksFor: new Map(),
      };
      collections.set(id, c);
    }
    return c;
  };
  const later = laterDate;
  const stated = new Map(datasetDates.filter((d) => d.asOf !== null).map((d) => [d.dataset, d.asOf!]));
  const latestAct = new Map<string, string>();
  const see = (c: Collection, dataset: string, instrument: string, participant: string | null, date: string | null) => {
    // The date the dataset states, else (the reference data) its latest act.
    const speaks = stated.get(dataset) ?? date;
    if (speaks !== null && speaks !== undefined) c.asOfByInstrument.set(instrument, later(c.asOfByInstrument.get(instrument), speaks));
    if (date !== null) latestAct.set(c.id, later(latestAct.get(c.id), date));
    if (participant === null) return;
    const who = c.speaksFor.get(instrument) ?? new Set<string>();
    who.add(participant);
    c.speaksFor.set(instrument, who);
  };
  const dayActs = new Set<string>();
  const yearActs = new Set<string>();
  for (const a of actions) {
    const c = get(a.origin.collection);
    see(c, a.origin.dataset, a.instrument, a.participant, a.date);
    if (a.date !== null) (precisionOf(a.date) === 'day' ? dayActs : yearActs).add(c.id);
    const groups = c.covers.get(a.instrument) ?? new Set<ActionGroup>();
    groups.add(groupOf(a.kind));
    c.covers.set(a.instrument, groups);
  }
  for (const s of snapshots) {
    const c = get(s.origin.collection);
    see(c, s.origin.dataset, s.instrument, s.participant, s.asOf);
    if (s.asOf === null) yearActs.add(c.id);
  }
  const statedByCollection = new Map<string, string>();
  for (const d of datasetDates) if (d.asOf) statedByCollection.set(d.collection, later(statedByCollection.get(d.collection), d.asOf));
  for (const c of collections.values()) {
    // Year-level: acts dated to the year only, or statuses of an unstated date; none to the day.
    // Editors' acts are weighed as day-precise whatever their dates (a year is then a span).
    if (yearActs.has(c.id) && !dayActs.has(c.id) && !c.onlyItsActs) c.precision = 'year';
    c.asOf = statedByCollection.get(c.id) ?? latestAct.get(c.id) ?? null;
  }
  return collections;
}

/** The earliest day by which a source stating the act speaks for it (its "as of", else the day
 *  it was read; "January 2021" speaks for the month's last day). */
function earliestSpeaking(sourceIds: string[], sources: Map<string, SourceDates>): string | null {
  return (
    sourceIds
      .map((id) => sources.get(id)?.speaksFor ?? '')
      .filter((d) => d !== '')
      .map(lastDay)
      .sort()[0] ?? null
  );
}

const latest = (...dates: (string | null | undefined)[]) =>
  dates
    .filter((d): d is string => Boolean(d))
    .map(firstDay)
    .sort()
    .at(-1) ?? null;

/** What is known of acts without a date: not before the instrument's adoption, the State's
 *  existence or the day it could join; certain from the earliest date a source stating it speaks for. */
export function boundUndated(
  actions: TreatyAction[],
  ctx: { adopted: Map<string, string | null>; statehood: Map<string, Statehood>; eligibility: EligibilityContext; sources: Map<string, SourceDates> },
): TreatyAction[] {
  return actions.map((a) => {
    if (a.date !== null) return a;
    const from = latest(ctx.adopted.get(a.instrument), ctx.statehood.get(a.participant)?.since, eligibleSince(a.instrument, a.participant, ctx.eligibility));
    const stated = earliestSpeaking(a.origin.sourceIds, ctx.sources);
    return { ...a, bounds: { from, certainFrom: stated === null ? null : [stated, from ?? ''].sort().at(-1)! } };
  });
}

export interface ModelInputs {
  actions: TreatyAction[];
  snapshots: TreatySnapshot[];
  effectRules: EffectRule[];
  eligibilityRules: EligibilityRule[];
  instruments: { code: string; adopted: string | null; entry_into_force: string | null }[];
  sources: Map<string, SourceDates>;
  datasetDates: DatasetDate[];
  statehood: Map<string, Statehood>;
  memberships: Map<string, Map<string, MembershipEvent[]>>;
  procedureNoteActs?: ProcedureNoteAct[];
}

/** The first day of a State's dated membership, if it has one. */
function firstJoined(events: MembershipEvent[] | undefined): string | null {
  return (
    (events ?? [])
      .filter((e) => (e.event === 'joined' || e.event === 'readmitted') && e.date !== null)
      .map((e) => firstDay(e.date!))
      .sort()[0] ?? null
  );
}

/** What eligibility needs of an act: the model passes every act, a streamed export the
 *  earliest date of each kind of act per participant and instrument. */
export type SignedOrJoinedFact = Pick<TreatyAction, 'instrument' | 'participant' | 'kind' | 'date'>;

export function eligibilityContext(inputs: Pick<ModelInputs, 'eligibilityRules' | 'memberships'>, adopted: Map<string, string | null>, raw: SignedOrJoinedFact[]): EligibilityContext {
  // The first day each State signed or joined each instrument ('' for an undated act: at any date), indexed once.
  const first = new Map<string, string>();
  const known = new Set<string>();
  for (const a of raw) {
    if (groupOf(a.kind) !== 'consent' && groupOf(a.kind) !== 'signature') continue;
    known.add(a.instrument);
    const key = `${a.instrument}|${a.participant}`;
    const day = a.date === null ? '' : firstDay(a.date);
    const seen = first.get(key);
    if (seen === undefined || day < seen) first.set(key, day);
  }
  return {
    adopted,
    rules: new Map(inputs.eligibilityRules.map((r) => [r.instrument, r])),
    isMember: (org, iso3, asOf) => belongs(membershipAt(inputs.memberships.get(org)?.get(iso3) ?? [], asOf).status),
    memberSince: (org, iso3) => firstJoined(inputs.memberships.get(org)?.get(iso3)),
    knows: (instrument) => known.has(instrument),
    hasSignedOrJoined: (instrument, iso3, asOf) => {
      const day = first.get(`${instrument}|${iso3}`);
      return day !== undefined && day <= asOf;
    },
    signedOrJoinedSince: (instrument, iso3) => first.get(`${instrument}|${iso3}`) || null,
  };
}

/** What turning the acts as stored into the acts precedence works on needs: the registry's
 *  instruments and States, the rules, and the sources. */
export interface ActContext {
  adopted: Map<string, string | null>;
  entryIntoForce: Map<string, string | null>;
  statehood: Map<string, Statehood>;
  effectRules: EffectRule[];
  eligibility: EligibilityContext;
  sources: Map<string, SourceDates>;
}

/** Effective dates from the rules, and bounds for undated acts: each act on its own, so the
 *  model does it for every act at once and a streamed export page by page. */
export function prepareActions(actions: TreatyAction[], ctx: ActContext): TreatyAction[] {
  const withRules = withEffectiveDates(withSuccessionDates(actions, ctx.statehood, ctx.entryIntoForce), ctx.effectRules, ctx.entryIntoForce);
  return boundUndated(withRules, ctx);
}

/** Day-precise collections in order of precedence, as resolvePair wants them. */
export function dayCollectionsOf(collections: Map<string, Collection>): Collection[] {
  return [...collections.values()].filter((c) => c.precision === 'day').sort((a, b) => a.priority - b.priority);
}

/** Builds the model in one go. */
export function buildModel(version: string, inputs: ModelInputs): TreatyModel {
  const steps = modelSteps(version, inputs);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Lets the event loop answer what is waiting (requests) before going on. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Builds the model, giving the event loop a turn between phases and every few hundred pairs. */
export async function buildModelInSteps(version: string, inputs: ModelInputs): Promise<TreatyModel> {
  const steps = modelSteps(version, inputs);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await nextTurn();
  }
}

/** The work of building a model, pausing (yield) between phases and every PAIRS_PER_STEP pairs. */
function* modelSteps(version: string, inputs: ModelInputs): Generator<void, TreatyModel> {
  const adopted = new Map(inputs.instruments.map((i) => [i.code, i.adopted]));
  const entryIntoForce = new Map(inputs.instruments.map((i) => [i.code, i.entry_into_force]));
  const eligibility = eligibilityContext(inputs, adopted, inputs.actions);
  yield;
  // Each act on its own (effective dates, bounds of undated acts), a slice at a time.
  const context: ActContext = { adopted, entryIntoForce, statehood: inputs.statehood, effectRules: inputs.effectRules, eligibility, sources: inputs.sources };
  const actions: TreatyAction[] = [];
  for (let i = 0; i < inputs.actions.length; i += ACTS_PER_STEP) {
    for (const act of prepareActions(inputs.actions.slice(i, i + ACTS_PER_STEP), context)) actions.push(act);
    yield;
  }
  const collections = describeCollections(actions, inputs.snapshots, inputs.datasetDates);
  yield;
  const dayCollections = dayCollectionsOf(collections);
  const byPair = new Map<string, { actions: TreatyAction[]; snapshots: TreatySnapshot[] }>();
  const entry = (instrument: string, participant: string) => {
    const key = `${instrument}\u0000${participant}`;
    let e = byPair.get(key);
    if (!e) {
      e = { actions: [], snapshots: [] };
      byPair.set(key, e);
    }
    return e;
  };
  for (const a of actions) entry(a.instrument, a.participant).actions.push(a);
  for (const s of inputs.snapshots) entry(s.instrument, s.participant).snapshots.push(s);
  const pairs = new Map<string, Map<string, ResolvedPair>>();
  const conflicts: Conflict[] = [];
  let done = 0;
  for (const { actions: pa, snapshots: ps } of byPair.values()) {
    if (++done % PAIRS_PER_STEP === 0) yield;
    const resolved = resolvePair(pa, ps, collections, dayCollections);
    const byParticipant = pairs.get(resolved.instrument) ?? new Map<string, ResolvedPair>();
    byParticipant.set(resolved.participant, resolved);
    pairs.set(resolved.instrument, byParticipant);
    conflicts.push(...resolved.conflicts);
  }
  return {
    version,
    collections,
    pairs,
    conflicts,
    rules: inputs.effectRules,
    statehood: inputs.statehood,
    eligibility,
    speaking: speakingIndex(collections),
    procedureNoteActs: inputs.procedureNoteActs ?? [],
  };
}

const PAIRS_PER_STEP = 500;
const ACTS_PER_STEP = 10_000;

async function loadModel(db: Kysely<Database>, version: string, inSteps: boolean): Promise<TreatyModel> {
  const sources = await readSourceDates(db);
  const [actions, snapshots, instruments, datasetDates, statehood, memberships, effectRules, eligibilityRules, procedureNoteActs] = await Promise.all([
    readActions(db, sources, inSteps ? nextTurn : undefined),
    readSnapshots(db, sources),
    readInstrumentDates(db),
    readDatasetDates(db),
    readStatehood(db),
    membershipEvents(db),
    readRules<EffectRule>(db, 'effect-rule'),
    readRules<EligibilityRule>(db, 'eligibility-rule'),
    readRules<ProcedureNoteAct>(db, 'procedure-act'),
  ]);
  const inputs = { actions, snapshots, instruments, sources, datasetDates, statehood, memberships, effectRules, eligibilityRules, procedureNoteActs };
  return inSteps ? buildModelInSteps(version, inputs) : buildModel(version, inputs);
}

/** What the model is built from: a change to any other topic keeps it. */
export const TREATY_MODEL_TOPICS: readonly Topic[] = ['treaty-data', 'sources', 'instruments', 'states', 'memberships', 'rules'];

/** The version of the data the model reads: the database's identity and its topics' versions. */
export function modelVersionOf(versions: DataVersions): string {
  const parts = [versions.databaseId, ...TREATY_MODEL_TOPICS.map((t) => `${t}=${versions.topics.get(t) ?? ''}`)];
  return createHash('sha1').update(parts.join('|')).digest('base64url').slice(0, 16);
}

interface ModelSlot {
  /** The model answers come from, and the reading of the versions it was built for. */
  current: TreatyModel | null;
  currentRead: number;
  /** The model being built for the data as they are now. */
  building: { version: string; read: number; model: Promise<TreatyModel> } | null;
  /** Whether answers may come from the previous model while a new one is built (a server). */
  inBackground: boolean;
}

const slots = new WeakMap<Kysely<Database>, ModelSlot>();

/** One model per database, whoever asks: it is built from public records only (see
 *  db/visibility.ts), so the same statuses and counts can be served to everyone. Internal and
 *  restricted acts are listed to those who may see them, but no figure rests on them. */
function slotOf(db: Kysely<Database>): ModelSlot {
  const base = baseOf(db);
  let slot = slots.get(base);
  if (!slot) {
    slot = { current: null, currentRead: 0, building: null, inBackground: false };
    slots.set(base, slot);
  }
  return slot;
}

function startBuild(db: Kysely<Database>, slot: ModelSlot, version: string, read: number): Promise<TreatyModel> {
  const model = loadModel(publicView(db), version, slot.inBackground);
  const building = { version, read, model };
  slot.building = building;
  model.then(
    (built) => {
      if (slot.building === building) {
        slot.current = built;
        slot.currentRead = read;
        slot.building = null;
      }
    },
    () => {
      if (slot.building === building) slot.building = null; // the next call tries again
    },
  );
  return model;
}

/**
 * A server answers from the model it has while a newer one is built: a large import must not
 * stall every request (the first answer after a 20 MB import took 25 s when built in the
 * request). Tests and commands keep the default: every answer from the data as they are.
 */
export function buildTreatyModelInBackground(db: Kysely<Database>): void {
  slotOf(db).inBackground = true;
}

/** The model for the data as given by `versions` (or the previous one while it is built, on a server). */
export async function treatyModelFor(db: Kysely<Database>, versions: DataVersions): Promise<TreatyModel> {
  const slot = slotOf(db);
  const version = modelVersionOf(versions);
  if (slot.current?.version === version) return slot.current;
  // Versions read before those of the model in hand (a cache's reading kept for a second) are
  // older news: the model in hand is newer, not stale.
  if (slot.current && versions.readNumber < slot.currentRead) return slot.current;
  if (slot.building && versions.readNumber < slot.building.read && slot.building.version !== version) return slot.current ?? slot.building.model;
  const model = slot.building?.version === version ? slot.building.model : startBuild(db, slot, version, versions.readNumber);
  if (slot.inBackground && slot.current) {
    model.catch((error: unknown) => console.error(`treaty model rebuild failed: ${(error as Error).message}`));
    return slot.current;
  }
  return model;
}

/** The model for the database's current data. */
export async function treatyModel(db: Kysely<Database>): Promise<TreatyModel> {
  return treatyModelFor(db, await readDataVersions(db));
}
