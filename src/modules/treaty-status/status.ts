// The status of one participant under one instrument at a date, from the facts precedence
// kept (resolve.ts). A State is party from the deposit of its instrument of ratification,
// accession, succession, acceptance, approval or formal confirmation (as the depositary counts
// parties), and withdrawn once its denunciation takes effect. "yearOnly": the deciding act is
// known only to the year (or month) and the date falls inside it, or the source gives no date
// at all and the date is before the source was consulted, so whether the State was already
// party on that day is not known. An undated act never counts before the instrument's adoption.
import { firstDay, lastDay, precisionOf } from '../../shared/dates.ts';
import { groupOf, type Fact, type SnapshotFact } from './facts.ts';

/** From the strongest tie to the instrument to none: the order of counts, legends and filters
 * (the web app uses this list too). */
export const TREATY_STATUSES = ['party', 'yearOnly', 'signatory', 'withdrawn', 'none'] as const;
export type TreatyStatus = (typeof TREATY_STATUSES)[number];

export interface TimelineInput {
  /** Acts precedence kept, their `effective` filled from the instrument's rule where the source gives none. */
  actions: Fact[];
  /** Snapshots that give the status where no act is known. */
  snapshots: SnapshotFact[];
}

export interface StatusAt {
  status: TreatyStatus;
  /** The act or snapshot that decides it, if any. */
  deciding: Fact | SnapshotFact | null;
  /** False when the status rests on a fact without a source or a date, or is only "year only". */
  verified: boolean;
}

function verifiedBy(status: TreatyStatus, deciding: Fact | SnapshotFact | null): boolean {
  if (deciding === null) return true;
  const dated = 'date' in deciding ? deciding.date !== null : deciding.asOf !== null;
  return status !== 'yearOnly' && dated && deciding.origin.sourceIds.length > 0;
}

/** An undated act with no known lower bound counts from the start of time. */
const UNDATED = '0000-01-01';
const startOf = (date: string | null) => (date === null ? UNDATED : firstDay(date));

/** The first day an act can have happened: its date, else the instrument's adoption. */
function dayOf(fact: Fact): string {
  return fact.date === null && fact.undated?.from ? firstDay(fact.undated.from) : startOf(fact.date);
}

/** The day an act changes the status: deposit for consent, taking effect for a denunciation. */
function changeDay(fact: Fact): string {
  return groupOf(fact.kind) === 'denunciation' && fact.effective !== null ? firstDay(fact.effective) : dayOf(fact);
}

/** Whether the party status that `fact` gives may not yet hold on asOf. */
function uncertainAt(fact: Fact | SnapshotFact, span: string | null, asOf: string): boolean {
  // On the last day of its year (or month) the act has certainly happened.
  if (span !== null) return precisionOf(span) !== 'day' && asOf < lastDay(span);
  return !certainBy(fact, asOf);
}

/** An undated act is certain once its source was consulted; one without a source never is. */
function certainBy(fact: Fact | SnapshotFact, asOf: string): boolean {
  const certainFrom = 'undated' in fact ? fact.undated?.certainFrom : null;
  return certainFrom !== null && certainFrom !== undefined && certainFrom <= asOf;
}

export function statusFrom(timeline: TimelineInput, asOf: string): StatusAt {
  let best: { day: string; status: 'party' | 'withdrawn'; span: string | null; deciding: Fact | SnapshotFact } | undefined;
  const consider = (day: string, status: 'party' | 'withdrawn', span: string | null, deciding: Fact | SnapshotFact) => {
    if (day <= asOf && (!best || day >= best.day)) best = { day, status, span, deciding };
  };
  for (const fact of timeline.actions) {
    const group = groupOf(fact.kind);
    if (group === 'consent') consider(changeDay(fact), 'party', fact.date, fact);
    else if (group === 'denunciation') consider(changeDay(fact), 'withdrawn', fact.effective ?? fact.date, fact);
  }
  for (const snapshot of timeline.snapshots) {
    if (snapshot.status === 'party' || snapshot.status === 'withdrawn') consider(startOf(snapshot.asOf), snapshot.status, snapshot.asOf, snapshot);
  }
  if (best) {
    const uncertain = best.status === 'party' && uncertainAt(best.deciding, best.span, asOf);
    const status = uncertain ? 'yearOnly' : best.status;
    return { status, deciding: best.deciding, verified: verifiedBy(status, best.deciding) };
  }
  // A signature has no "uncertain" status: an undated one counts only once its source was consulted.
  const signature = timeline.actions.find((f) => groupOf(f.kind) === 'signature' && dayOf(f) <= asOf && (f.date !== null || certainBy(f, asOf)));
  return signature ? { status: 'signatory', deciding: signature, verified: verifiedBy('signatory', signature) } : { status: 'none', deciding: null, verified: true };
}

/** Acts of the given groups deposited by asOf, in date order: what an answer for that date rests on. */
export function actsBy(timeline: TimelineInput, asOf: string, groups: string[]): Fact[] {
  return timeline.actions
    .filter((f) => groups.includes(groupOf(f.kind)) && dayOf(f) <= asOf)
    .sort((a, b) => dayOf(a).localeCompare(dayOf(b)));
}

export interface DeclarationAt {
  fact: Fact;
  /** An acceptance: in effect and not withdrawn by asOf. A withdrawal: taken effect by asOf. */
  inForce: boolean;
}

/** Declarations accepting a court's jurisdiction or individual complaints, and their withdrawals. */
export function declarationsAt(timeline: TimelineInput, asOf: string): DeclarationAt[] {
  const made = actsBy(timeline, asOf, ['declaration']);
  const takesEffect = (f: Fact) => (f.effective !== null ? firstDay(f.effective) : dayOf(f));
  const inEffect = made.filter((f) => takesEffect(f) <= asOf).sort((a, b) => takesEffect(a).localeCompare(takesEffect(b)));
  const current = inEffect.at(-1);
  return made.map((fact) => ({
    fact,
    inForce: fact.kind === 'declaration-withdraw' ? takesEffect(fact) <= asOf : fact === current,
  }));
}

export function acceptanceInForce(timeline: TimelineInput, asOf: string): boolean {
  return declarationsAt(timeline, asOf).some((d) => d.inForce && d.fact.kind === 'declaration-accept');
}
