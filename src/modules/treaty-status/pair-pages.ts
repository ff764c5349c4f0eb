// Precedence for the streamed exports (treaty actions, conflicts): the same resolution as the
// model (resolvePair), a page of participants at a time, so that memory follows the page and
// not the number of acts. What a participant's resolution needs beyond its own acts (which
// sources cover what and the date each speaks for, who may join, when each State came to
// exist, the rules) is read first, from summaries whose size follows the registry (datasets ×
// instruments × kinds of act, participants × instruments), not the acts.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { membershipEvents } from '../organizations/repository.ts';
import { collectionOf, type Collection, type TreatyAction, type TreatySnapshot } from './actions.ts';
import { readRules } from '../rules/repository.ts';
import type { EffectRule } from './effect-rules.ts';
import type { EligibilityRule } from './eligibility.ts';
import { dayCollectionsOf, describeCollections, eligibilityContext, prepareActions, type ActContext } from './model.ts';
import { readActionSummary, readDatasetDates, readEarliestActs, readInstrumentDates, readPairFacts, readSnapshotSummary, readSourceDates, readStatehood } from './repository.ts';
import { resolvePair, type ResolvedPair } from './resolve.ts';

export interface PairContext extends ActContext {
  collections: Map<string, Collection>;
  dayCollections: Collection[];
}

export interface PairRef {
  instrument: string;
  participant: string;
}

export const pairKey = (instrument: string, participant: string) => `${instrument}\u0000${participant}`;

export async function loadPairContext(db: Kysely<Database>): Promise<PairContext> {
  const sources = await readSourceDates(db);
  const [actionSummary, snapshotSummary, instruments, datasetDates, statehood, memberships, earliest, effectRules, eligibilityRules] = await Promise.all([
    readActionSummary(db),
    readSnapshotSummary(db),
    readInstrumentDates(db),
    readDatasetDates(db),
    readStatehood(db),
    membershipEvents(db),
    readEarliestActs(db),
    readRules<EffectRule>(db, 'effect-rule'),
    readRules<EligibilityRule>(db, 'eligibility-rule'),
  ]);
  const adopted = new Map(instruments.map((i) => [i.code, i.adopted]));
  const entryIntoForce = new Map(instruments.map((i) => [i.code, i.entry_into_force]));
  const origin = (r: { dataset: string; datasetKind: string }) => ({ collection: collectionOf(r.datasetKind, r.dataset), dataset: r.dataset });
  const collections = describeCollections(
    actionSummary.map((r) => ({ instrument: r.instrument, kind: r.kind, date: r.date, participant: null, origin: origin(r) })),
    snapshotSummary.map((r) => ({ instrument: r.instrument, asOf: r.asOf, participant: null, origin: origin(r) })),
    datasetDates,
  );
  return {
    adopted,
    entryIntoForce,
    statehood,
    sources,
    effectRules,
    eligibility: eligibilityContext({ eligibilityRules, memberships }, adopted, earliest),
    collections,
    dayCollections: dayCollectionsOf(collections),
  };
}

/** Reads the facts of the given participants (one query per instrument) and resolves each
 *  pair as the model does; keyed by pairKey. */
export async function resolvePairs(db: Kysely<Database>, ctx: PairContext, pairs: PairRef[]): Promise<Map<string, ResolvedPair>> {
  const byInstrument = new Map<string, Set<string>>();
  for (const p of pairs) byInstrument.set(p.instrument, (byInstrument.get(p.instrument) ?? new Set()).add(p.participant));
  const resolved = new Map<string, ResolvedPair>();
  for (const [instrument, participants] of byInstrument) {
    const facts = await readPairFacts(db, ctx.sources, instrument, [...participants]);
    const grouped = new Map<string, { actions: TreatyAction[]; snapshots: TreatySnapshot[] }>();
    const entry = (participant: string) => grouped.get(participant) ?? grouped.set(participant, { actions: [], snapshots: [] }).get(participant)!;
    for (const a of prepareActions(facts.actions, ctx)) entry(a.participant).actions.push(a);
    for (const s of facts.snapshots) entry(s.participant).snapshots.push(s);
    for (const [participant, { actions, snapshots }] of grouped) {
      resolved.set(pairKey(instrument, participant), resolvePair(actions, snapshots, ctx.collections, ctx.dayCollections));
    }
  }
  return resolved;
}

/** Consecutive items cut into pages of at least `pageRows` rows (fewer for the last page);
 *  an item is never split, so a page holds at most `pageRows` plus one item's rows. */
export function* pagesOf<T>(items: T[], rowsOf: (item: T) => number, pageRows: number): Generator<T[]> {
  let page: T[] = [];
  let rows = 0;
  for (const item of items) {
    page.push(item);
    rows += rowsOf(item);
    if (rows >= pageRows) {
      yield page;
      page = [];
      rows = 0;
    }
  }
  if (page.length > 0) yield page;
}
