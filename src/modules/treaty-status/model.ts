// Every participant's resolved facts under every instrument, built once per data version
// (seed and imports bump it) and kept in memory: answering for a date is then a walk over a
// few acts per State, whatever the date.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { readEffectRules } from '../../reference/load.ts';
import { lastDay, precisionOf } from '../../shared/dates.ts';
import { readDataVersion } from '../meta/repository.ts';
import { effectiveDate, indexRules, type EffectRule, type EffectRuleKind } from './effect-rules.ts';
import { groupOf, priorityOf, type Collection, type Fact, type FactGroup, type SnapshotFact } from './facts.ts';
import { readFacts, readSnapshots } from './repository.ts';
import { resolvePair, type Conflict, type ResolvedPair } from './resolve.ts';

export interface TreatyModel {
  version: string;
  collections: Map<string, Collection>;
  /** instrument → participant → resolved facts. */
  pairs: Map<string, Map<string, ResolvedPair>>;
  conflicts: Conflict[];
  rules: EffectRule[];
}

const RULE_KIND: Partial<Record<FactGroup, EffectRuleKind>> = { consent: 'consent', denunciation: 'denunciation' };

/** Which of the instrument's rules applies to a kind of act. A succession takes effect when the
 * State became responsible for the territory, which no rule gives, so none applies. */
function ruleKindOf(kind: string): EffectRuleKind | undefined {
  if (kind === 'succession') return undefined;
  return kind === 'declaration-withdraw' ? 'declaration-withdraw' : RULE_KIND[groupOf(kind)];
}

type Dated = { instrument: string; kind: string; date: string | null; effective: string | null };

/** Fills `effective` from the instrument's rule where the source gives none, naming the rule. */
export function withEffectiveDates<T extends Dated>(acts: T[], rules: EffectRule[], entryIntoForce: Map<string, string | null>): (T & { effectiveRule?: Fact['effectiveRule'] })[] {
  const ruleFor = indexRules(rules);
  return acts.map((a) => {
    if (a.effective !== null) return a;
    const kind = ruleKindOf(a.kind);
    const rule = kind ? ruleFor(a.instrument, kind) : undefined;
    const effective = rule ? effectiveDate(rule, a.date, entryIntoForce.get(a.instrument) ?? null) : null;
    return rule && effective ? { ...a, effective, effectiveRule: { article: rule.article, sourceIds: rule.sourceIds } } : a;
  });
}

/** Export rows of imported acts, `effective` filled by the instrument's rule where the source gives none. */
export async function effectiveByRule<T extends Dated>(db: Kysely<Database>, rows: T[]) {
  const instruments = await db.selectFrom('instrument').select(['code', 'entry_into_force']).execute();
  return withEffectiveDates(rows, readEffectRules(), new Map(instruments.map((i) => [i.code, i.entry_into_force])));
}

/** The collections the facts come from, with their precision, last date and what they cover. */
export function describeCollections(facts: Fact[], snapshots: SnapshotFact[]): Map<string, Collection> {
  const collections = new Map<string, Collection>();
  const get = (id: string) => {
    let c = collections.get(id);
    if (!c) collections.set(id, (c = { id, precision: 'day', lastDate: null, lastDateByInstrument: new Map(), priority: priorityOf(id), covers: new Map() }));
    return c;
  };
  const later = (a: string | null | undefined, b: string) => (a === null || a === undefined || lastDay(b) > lastDay(a) ? b : a);
  const seeDate = (c: Collection, instrument: string, date: string | null) => {
    if (date === null) return;
    c.lastDate = later(c.lastDate, date);
    c.lastDateByInstrument.set(instrument, later(c.lastDateByInstrument.get(instrument), date));
  };
  const dayEvents = new Set<string>();
  const yearEvents = new Set<string>();
  for (const f of facts) {
    const c = get(f.origin.collection);
    seeDate(c, f.instrument, f.date);
    if (f.date !== null) (precisionOf(f.date) === 'day' ? dayEvents : yearEvents).add(c.id);
    const groups = c.covers.get(f.instrument) ?? new Set<FactGroup>();
    groups.add(groupOf(f.kind));
    c.covers.set(f.instrument, groups);
  }
  for (const s of snapshots) {
    const c = get(s.origin.collection);
    seeDate(c, s.instrument, s.asOf);
    if (s.asOf === null) yearEvents.add(c.id);
  }
  // Year-level: acts dated to the year only, or statuses of an unstated date; none to the day.
  for (const c of collections.values()) if (yearEvents.has(c.id) && !dayEvents.has(c.id)) c.precision = 'year';
  return collections;
}

/** What is known of acts without a date: not before the instrument's adoption, certain from the day their source was consulted. */
export function boundUndated(facts: Fact[], adopted: Map<string, string | null>, retrieved: Map<string, string>): Fact[] {
  return facts.map((f) => {
    if (f.date !== null) return f;
    const consulted = f.origin.sourceIds.map((id) => retrieved.get(id)).filter((d): d is string => d !== undefined).sort().at(-1) ?? null;
    return { ...f, undated: { from: adopted.get(f.instrument) ?? null, certainFrom: consulted } };
  });
}

export interface InstrumentDates {
  adopted: Map<string, string | null>;
  entryIntoForce: Map<string, string | null>;
  /** Source id → the day it was consulted. */
  retrieved: Map<string, string>;
}

export function buildModel(version: string, facts: Fact[], snapshots: SnapshotFact[], rules: EffectRule[], dates: InstrumentDates): TreatyModel {
  const dated = boundUndated(withEffectiveDates(facts, rules, dates.entryIntoForce), dates.adopted, dates.retrieved);
  const collections = describeCollections(dated, snapshots);
  const byPair = new Map<string, { facts: Fact[]; snapshots: SnapshotFact[] }>();
  const entry = (instrument: string, participant: string) => {
    const key = `${instrument}\u0000${participant}`;
    let e = byPair.get(key);
    if (!e) byPair.set(key, (e = { facts: [], snapshots: [] }));
    return e;
  };
  for (const f of dated) entry(f.instrument, f.participant).facts.push(f);
  for (const s of snapshots) entry(s.instrument, s.participant).snapshots.push(s);
  const pairs = new Map<string, Map<string, ResolvedPair>>();
  const conflicts: Conflict[] = [];
  for (const { facts: pf, snapshots: ps } of byPair.values()) {
    const resolved = resolvePair(pf, ps, collections);
    const byParticipant = pairs.get(resolved.instrument) ?? new Map<string, ResolvedPair>();
    byParticipant.set(resolved.participant, resolved);
    pairs.set(resolved.instrument, byParticipant);
    conflicts.push(...resolved.conflicts);
  }
  return { version, collections, pairs, conflicts, rules };
}

const models = new WeakMap<Kysely<Database>, { version: string; model: Promise<TreatyModel> }>();

async function loadModel(db: Kysely<Database>, version: string): Promise<TreatyModel> {
  const [facts, snapshots, instruments, sources] = await Promise.all([
    readFacts(db), readSnapshots(db), db.selectFrom('instrument').select(['code', 'adopted', 'entry_into_force']).execute(),
    db.selectFrom('source').select(['id', 'retrieved']).execute(),
  ]);
  return buildModel(version, facts, snapshots, readEffectRules(), {
    adopted: new Map(instruments.map((i) => [i.code, i.adopted])),
    entryIntoForce: new Map(instruments.map((i) => [i.code, i.entry_into_force])),
    retrieved: new Map(sources.map((s) => [s.id, s.retrieved])),
  });
}

/** The model for the database's current data version (rebuilt after a seed or an import). */
export async function treatyModel(db: Kysely<Database>): Promise<TreatyModel> {
  const version = await readDataVersion(db);
  const known = models.get(db);
  if (known && known.version === version) return known.model;
  const model = loadModel(db, version);
  models.set(db, { version, model });
  model.catch(() => models.delete(db));
  return model;
}
