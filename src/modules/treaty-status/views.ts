// How the engine's answers are shown by every treaty-status endpoint: an act with its date as
// precise as the source gives it and what it rests on, a status with the reason it has, the
// counts of every status (adding up to every State), and how current each source is.
import { precisionOf } from '../../shared/dates.ts';
import type { SupportKind } from '../../shared/source-kinds.ts';
import type { SourceView } from '../sources/repository.ts';
import { asOfFor, type TreatyAction } from './actions.ts';
import type { TreatyModel } from './model.ts';
import type { ResolvedPair } from './resolve.ts';
import { statusAt, type StatusAt } from './status-at.ts';
import { clauseEnded } from '../procedures/catalogue.ts';
import { actsBy, declarationsAt } from './status.ts';
import { TREATY_STATUSES, type CollectionPrecision, type Precision, type TreatyStatus, type Uncertainty } from '../../shared/vocabularies.ts';

export type StatusCounts = Record<TreatyStatus, number> & {
  /** Of `party`, how many rest on secondary sources only. */
  partyOnSecondary: number;
};

export const emptyCounts = (): StatusCounts => ({ ...(Object.fromEntries(TREATY_STATUSES.map((s) => [s, 0])) as Record<TreatyStatus, number>), partyOnSecondary: 0 });

export function countStatus(counts: StatusCounts, at: StatusAt): void {
  counts[at.status]++;
  if (at.status === 'party' && at.support === 'secondary') counts.partyOnSecondary++;
}

export interface ActionView {
  kind: string;
  date: string | null;
  precision: Precision | null;
  effective: string | null;
  /** The article (or the State's succession) `effective` follows, when the source gives no such date. */
  effectiveRule: { article: string; sourceIds: string[] } | null;
  /** For an act without a date: the first day it can have happened and the day it is certain. */
  bounds: { from: string | null; certainFrom: string | null } | null;
  /** What the source says of it beyond its date (a quoted end note, say). */
  note: string | null;
  /** The strongest kind of source it rests on. */
  support: SupportKind;
  /** Where the act comes from: `reference`, `untc-html`, `untc`, `untc-years` or an import dataset id. */
  collection: string;
  sourceIds: string[];
  /** For a declaration: the clause it accepts or withdraws (see /procedures), when the instrument has several. */
  procedure: string | null;
}

export interface PairStatusView {
  status: TreatyStatus;
  /** For `uncertain`: the day is not known (span), or the only sources are tertiary or none. */
  uncertainty: Uncertainty | null;
  /** What the deciding act rests on. */
  support: SupportKind | null;
  because: StatusAt['because'];
  actions: ActionView[];
  declarations: (ActionView & { inForce: boolean })[];
}

export function actionView(a: TreatyAction): ActionView {
  return {
    kind: a.kind,
    date: a.date,
    precision: a.date === null ? null : precisionOf(a.date),
    effective: a.effective,
    effectiveRule: a.effectiveRule ?? null,
    bounds: a.bounds ?? null,
    note: a.note,
    support: a.support,
    collection: a.origin.collection,
    sourceIds: a.origin.sourceIds,
    procedure: a.procedure ?? null,
  };
}

export function pairStatus(model: TreatyModel, instrument: string, participant: string, asOf: string): PairStatusView {
  const at = statusAt(model, instrument, participant, asOf);
  const pair: ResolvedPair | undefined = model.pairs.get(instrument)?.get(participant);
  return {
    status: at.status,
    uncertainty: at.uncertainty,
    support: at.support,
    because: at.because,
    actions: pair ? actsBy(pair, asOf, ['consent', 'signature', 'denunciation']).map(actionView) : [],
    declarations: pair ? declarationsAt(pair, asOf, undefined, (clause) => clauseEnded(clause, asOf)).map((d) => ({ ...actionView(d.action), inForce: d.inForce })) : [],
  };
}

export function sourceIdsOf(views: PairStatusView[]): Set<string> {
  return new Set(views.flatMap((v) => [...[...v.actions, ...v.declarations].flatMap((a) => [...a.sourceIds, ...(a.effectiveRule?.sourceIds ?? [])]), ...(v.because?.sourceIds ?? [])]));
}

export function citedSources(all: Map<string, SourceView>, ids: Iterable<string>): Record<string, SourceView> {
  // fromEntries makes every id an own key, "__proto__" too (an assignment would set the prototype).
  return Object.fromEntries(
    [...ids].flatMap((id) => {
      const s = all.get(id);
      return s ? [[id, s] as const] : [];
    }),
  );
}

export interface CollectionView {
  id: string;
  precision: CollectionPrecision;
  /** The date it speaks for. */
  asOf: string | null;
}

/** The collections that speak of these instruments, and how current each is. */
export function collectionsOf(model: TreatyModel, instruments: string[]): CollectionView[] {
  return [...model.collections.values()]
    .filter((c) => instruments.some((i) => c.covers.has(i) || c.speaksFor.has(i)))
    .sort((a, b) => a.priority - b.priority || a.id.localeCompare(b.id))
    .map((c) => ({ id: c.id, precision: c.precision, asOf: instruments.length === 1 ? asOfFor(c, instruments[0]!) : c.asOf }));
}
