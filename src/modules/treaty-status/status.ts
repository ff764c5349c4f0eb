// The status of one participant under one instrument at a date, from the acts precedence kept
// (resolve.ts). The statuses add up to every State (docs/TREATY-STATUS.md):
// - party: bound, from the deposit of its consent (a succession: from the day the successor
//   became responsible), until a denunciation takes effect; certain at that date, and resting
//   on an official or secondary source;
// - uncertain: party by an act whose day is not known (a year, or no date at all) and the date
//   falls inside its possible span, or whose only sources are tertiary or none; also a
//   withdrawal whose day of effect is not known yet;
// - signatory; withdrawn (a denunciation has taken effect);
// - noAction: a source that speaks for this State lists no act by that date;
// - noData: no source Accord holds speaks for this State under this instrument;
// - notEligible: the instrument's final clauses did not let the State join at that date (or
//   the instrument did not exist yet);
// - notYetState: the State did not exist yet.
// Each participation runs from a consent to the denunciation notified after it, so a State that
// denounces and accedes again on the same day (Guyana, the ICCPR's first Optional Protocol)
// stays party throughout.
import { firstDay, lastDay, precisionOf } from '../../shared/dates.ts';
import { isCounted } from '../../shared/source-kinds.ts';
import type { Uncertainty } from '../../shared/vocabularies.ts';
import { groupOf, type TreatyAction, type TreatySnapshot } from './actions.ts';

export interface TimelineInput {
  /** Acts precedence kept, their `effective` filled from the instrument's rule where the source gives none. */
  actions: TreatyAction[];
  /** Snapshots that give the status where no act is known. */
  snapshots: TreatySnapshot[];
}

/** What the acts alone say at a date, before eligibility and existence are looked at. */
export interface ActsStatus {
  status: 'party' | 'uncertain' | 'signatory' | 'withdrawn' | null;
  /** The act or snapshot that decides it, if any. */
  deciding: TreatyAction | TreatySnapshot | null;
  uncertainty: Uncertainty | null;
}

/** The first day an act can have happened: its date's first day, not before its bounds. */
export function dayOf(act: TreatyAction): string {
  const from = act.bounds?.from ? firstDay(act.bounds.from) : '0000-01-01';
  if (act.date === null) return from;
  const day = firstDay(act.date);
  return day < from ? from : day;
}

/** The day from which an act is certainly done: its day, the last day of its year or month, or
 *  for an undated act the day its source says it took effect, or the earliest date a source
 *  stating it speaks for. Null: never certain. */
function certainDayOf(act: TreatyAction): string | null {
  if (act.date !== null) return lastDay(act.date);
  // A source that gives the day the act took effect (the Council of Europe's entry into force
  // for a State) says the act was done by then, even without its day of deposit.
  const byEffect = act.effective !== null && !act.effectiveRule ? lastDay(act.effective) : null;
  const bySource = act.bounds?.certainFrom ?? null;
  if (byEffect !== null && bySource !== null) return byEffect < bySource ? byEffect : bySource;
  return byEffect ?? bySource;
}

/** The day a consent makes the State party: its deposit; a succession counts from its effect. */
function startOf(consent: TreatyAction): string {
  if (consent.kind === 'succession' && consent.effective !== null && precisionOf(consent.effective) === 'day') return consent.effective < dayOf(consent) ? consent.effective : dayOf(consent);
  return dayOf(consent);
}

/** The first and the certain day a denunciation ends a participation that started on `start`. */
function endOf(denunciation: TreatyAction, start: string): { day: string; certain: string | null } {
  if (denunciation.effective !== null) return { day: firstDay(denunciation.effective), certain: lastDay(denunciation.effective) };
  const day = dayOf(denunciation);
  return { day: day > start ? day : start, certain: certainDayOf(denunciation) };
}

/** Whether a denunciation ends the participation a consent began: it was notified after the
 *  consent was deposited (an undated one ends the participation it is recorded against). */
function ends(denunciation: TreatyAction, consent: TreatyAction): boolean {
  if (denunciation.date === null || consent.date === null) return true;
  return lastDay(denunciation.date) > lastDay(consent.date);
}

interface Participation {
  consent: TreatyAction;
  start: string;
  /** Certainly party from this day (null: never, the act's day is unknown or it has no date). */
  certainStart: string | null;
  end: { denunciation: TreatyAction; day: string; certain: string | null } | null;
}

/** Participations of a list of acts, computed once: the model's acts do not change after resolution. */
const participationsOf = new WeakMap<TreatyAction[], Participation[]>();

/** Each consent, ended by the first denunciation notified after it was deposited. */
export function participations(timeline: TimelineInput): Participation[] {
  const known = participationsOf.get(timeline.actions);
  if (known) return known;
  const computed = computeParticipations(timeline.actions);
  participationsOf.set(timeline.actions, computed);
  return computed;
}

function computeParticipations(acts: TreatyAction[]): Participation[] {
  const consents = acts.filter((a) => groupOf(a.kind) === 'consent').sort((a, b) => startOf(a).localeCompare(startOf(b)));
  const denunciations = acts.filter((a) => groupOf(a.kind) === 'denunciation').sort((a, b) => dayOf(a).localeCompare(dayOf(b)));
  return consents.map((consent): Participation => {
    const start = startOf(consent);
    const ender = denunciations.find((d) => ends(d, consent));
    const certainStart = consent.kind === 'succession' && start < dayOf(consent) ? start : certainDayOf(consent);
    return { consent, start, certainStart, end: ender ? { denunciation: ender, ...endOf(ender, start) } : null };
  });
}

function supportUncertainty(act: TreatyAction | TreatySnapshot): Uncertainty | null {
  if (isCounted(act.support)) return null;
  return act.support === 'tertiary' ? 'tertiary' : 'unsourced';
}

/** What the acts (and, where no act is known, the snapshots) say at a date. */
export function actsStatusAt(timeline: TimelineInput, asOf: string): ActsStatus {
  const spans = participations(timeline);
  const current = spans.filter((p) => p.start <= asOf && (p.end === null || p.end.day > asOf));
  if (current.length > 0) {
    // The most certain of the participations that may hold at that date.
    const ranked = current
      .map((p) => {
        const spanOpen = p.certainStart === null || asOf < p.certainStart;
        // A weak source is the first reason to doubt; an unknown day the next.
        return { p, uncertainty: supportUncertainty(p.consent) ?? (spanOpen ? ('span' as const) : null) };
      })
      .sort((a, b) => Number(a.uncertainty !== null) - Number(b.uncertainty !== null));
    const best = ranked[0]!;
    return { status: best.uncertainty ? 'uncertain' : 'party', deciding: best.p.consent, uncertainty: best.uncertainty };
  }
  const ended = spans
    .filter((p) => p.end !== null && p.end.day <= asOf)
    .sort((a, b) => a.end!.day.localeCompare(b.end!.day))
    .at(-1);
  if (ended) {
    const open = ended.end!.certain === null || ended.end!.certain > asOf;
    const uncertainty = supportUncertainty(ended.end!.denunciation) ?? (open ? 'span' : null);
    return { status: uncertainty ? 'uncertain' : 'withdrawn', deciding: ended.end!.denunciation, uncertainty };
  }
  const snapshot = snapshotAt(timeline.snapshots, asOf);
  if (snapshot) return snapshot;
  const signature = timeline.actions
    .filter((a) => groupOf(a.kind) === 'signature' && dayOf(a) <= asOf && (a.date !== null || (certainDayOf(a) ?? '9999') <= asOf))
    .sort((a, b) => dayOf(a).localeCompare(dayOf(b)))[0];
  return signature ? { status: 'signatory', deciding: signature, uncertainty: null } : { status: null, deciding: null, uncertainty: null };
}

/** A dated list's "party" or "withdrawn", where no act is known: from its date (uncertain inside its month or year). */
function snapshotAt(snapshots: TreatySnapshot[], asOf: string): ActsStatus | null {
  const known = snapshots
    .filter((s) => (s.status === 'party' || s.status === 'withdrawn') && s.asOf !== null && firstDay(s.asOf) <= asOf)
    .sort((a, b) => firstDay(a.asOf!).localeCompare(firstDay(b.asOf!)))
    .at(-1);
  if (!known) return null;
  const uncertainty = asOf < lastDay(known.asOf!) ? 'span' : supportUncertainty(known);
  const status = known.status === 'party' ? 'party' : 'withdrawn';
  return { status: uncertainty ? 'uncertain' : status, deciding: known, uncertainty };
}

/** Acts of the given groups that can have happened by asOf, in date order: what an answer for that date rests on. */
export function actsBy(timeline: TimelineInput, asOf: string, groups: string[]): TreatyAction[] {
  return timeline.actions.filter((a) => groups.includes(groupOf(a.kind)) && dayOf(a) <= asOf).sort((a, b) => dayOf(a).localeCompare(dayOf(b)));
}

export interface DeclarationAt {
  action: TreatyAction;
  /** An acceptance: in effect and not withdrawn by asOf. A withdrawal: taken effect by asOf. */
  inForce: boolean;
}

/** The day a declaration takes effect: the day its source states, else its own day; a
 *  declaration without either takes effect only from the day a source stating it is certain
 *  (never, without one). */
function declarationEffect(a: TreatyAction): string | null {
  if (a.effective !== null) return firstDay(a.effective);
  if (a.date !== null) return dayOf(a);
  return a.bounds?.certainFrom ?? null;
}

/** Declarations accepting a court's jurisdiction or individual complaints, and their
 *  withdrawals; with a procedure, only those of that procedure (or naming none). Each clause
 *  (procedure) has its own current declaration; a clause that has ceased to exist (`ended`,
 *  e.g. the European Court's optional clauses after Protocol No. 11) has none in force. */
export function declarationsAt(timeline: TimelineInput, asOf: string, procedure?: string, ended: (procedure: string) => boolean = () => false): DeclarationAt[] {
  const made = actsBy(timeline, asOf, ['declaration']).filter((a) => procedure === undefined || (a.procedure ?? null) === null || a.procedure === procedure);
  const inEffect = made.filter((a) => (declarationEffect(a) ?? '9999-12-31') <= asOf).sort((a, b) => declarationEffect(a)!.localeCompare(declarationEffect(b)!));
  const current = new Map<string, TreatyAction>();
  for (const a of inEffect) current.set(a.procedure ?? '', a);
  return made.map((action) => {
    const clause = action.procedure ?? '';
    if (clause !== '' && ended(clause)) return { action, inForce: false };
    const effect = declarationEffect(action);
    return { action, inForce: action.kind === 'declaration-withdraw' ? effect !== null && effect <= asOf : current.get(clause) === action };
  });
}

export function acceptanceInForce(timeline: TimelineInput, asOf: string, procedure?: string): boolean {
  return declarationsAt(timeline, asOf, procedure).some((d) => d.inForce && d.action.kind === 'declaration-accept');
}
