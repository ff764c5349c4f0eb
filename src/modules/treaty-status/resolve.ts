// Precedence between sources for one participant and one instrument (documented in
// docs/TREATY-STATUS.md):
// 1. Day-precise collections, per group of acts (consent, signature, denunciation,
//    declaration): the first collection by priority that covers that group for the instrument
//    is the primary one (editors' acts only for the participants they give such an act for). Another collection's act that the primary has too (same date) only
//    confirms it; one dated after the primary's date is news it could not know, and is used.
//    Otherwise the two disagree, and the disagreement is listed: a different date follows the
//    primary; where the primary has no such act, its silence decides only if it is the
//    depositary's full list of participants (it then states that there was none); any other
//    silence ("none known") never beats a dated act, which is used.
// 2. Year-level lists come after, by the same rules: a year agreeing with a day-precise act
//    confirms it, a different year is listed, and a year where the day-precise source is silent
//    is used unless that source is a full list that could have known it. Their status
//    snapshots are compared with the day-precise status at that source's date.
// 3. Snapshots of dated lists ("party as of 2020") are compared with the status at their date,
//    and give the status only where no act is known.
import { firstDay, lastDay } from '../../shared/dates.ts';
import { strongestKind } from '../../shared/source-kinds.ts';
import type { ConflictKind, ParticipantKind } from '../../shared/vocabularies.ts';
import { asOfFor, groupOf, type ActionGroup, type Collection, type TreatyAction, type TreatySnapshot } from './actions.ts';
import { actsStatusAt, type ActsStatus, type TimelineInput } from './status.ts';

export interface ConflictSide {
  collection: string;
  action: TreatyAction | null;
  snapshot: TreatySnapshot | null;
  /** What this side says, when it says "nothing": e.g. "no consent by 2015-03-09". */
  absence: string | null;
}

export interface Conflict {
  instrument: string;
  participant: string;
  participantKind: ParticipantKind;
  kind: ConflictKind;
  group: ActionGroup | 'status';
  sides: ConflictSide[];
  /** The collection whose account the status follows. */
  followed: string | null;
}

export interface ResolvedPair extends TimelineInput {
  instrument: string;
  participant: string;
  participantKind: ParticipantKind;
  texts: TreatyAction[];
  conflicts: Conflict[];
  /** Every act of every source, used or not. */
  all: TreatyAction[];
  /** Acts precedence set aside, each with the conflict that did it. */
  overruled: Map<TreatyAction, Conflict>;
}

/** What precedence did with an act: used it, kept it as confirming one used, set it aside, or (a text) listed it. */
export type Precedence = 'followed' | 'confirms' | 'overruled' | 'text';

export function precedenceOf(pair: ResolvedPair, action: TreatyAction): Precedence {
  if (groupOf(action.kind) === 'text') return 'text';
  if (pair.overruled.has(action)) return 'overruled';
  return pair.actions.includes(action) ? 'followed' : 'confirms';
}

const ACT_GROUPS: ActionGroup[] = ['consent', 'signature', 'denunciation', 'declaration'];

const sameDay = (a: TreatyAction, b: TreatyAction) => a.date !== null && a.date === b.date;

/** Whether `precise` dates an act the other knows only to its year or month, or not at all. */
function refines(precise: TreatyAction, vague: TreatyAction): boolean {
  if (precise.date === null || groupOf(precise.kind) !== groupOf(vague.kind)) return false;
  if (vague.date === null) return true;
  return precise.date.length > vague.date.length && precise.date.startsWith(vague.date);
}

/** A confirmation makes the act it confirms rest on the stronger of their sources. The acts are
 *  the model's own copies, built afresh for each version of the data, so this changes nothing stored. */
function strengthen(act: TreatyAction, confirmation: TreatyAction): void {
  act.support = strongestKind([act.support, confirmation.support]);
}
const sameYear = (a: TreatyAction, b: TreatyAction) => a.date !== null && b.date !== null && a.date.slice(0, 4) === b.date.slice(0, 4);
const yearOf = (date: string) => Number(date.slice(0, 4));
const nothing = (group: ActionGroup, kind: string) => (group === 'consent' ? 'no ratification, accession or succession' : `no ${kind}`);

class Resolution {
  readonly conflicts: Conflict[] = [];
  readonly used: TreatyAction[] = [];
  readonly overruled = new Map<TreatyAction, Conflict>();

  constructor(readonly pair: { instrument: string; participant: string; participantKind: ParticipantKind }) {}

  side(collection: string, action: TreatyAction | null, snapshot: TreatySnapshot | null = null, absence: string | null = null): ConflictSide {
    return { collection, action, snapshot, absence };
  }

  conflict(kind: ConflictKind, group: Conflict['group'], sides: ConflictSide[], followed: string | null, setAside: TreatyAction[] = []): Conflict {
    const c = { ...this.pair, kind, group, sides, followed };
    this.conflicts.push(c);
    for (const a of setAside) this.overruled.set(a, c);
    return c;
  }
}

/** `dayCollections`: the day-precise collections in order of precedence (the model sorts them once). */
export function resolvePair(
  actions: TreatyAction[],
  snapshots: TreatySnapshot[],
  collections: Map<string, Collection>,
  dayCollections = [...collections.values()].filter((c) => c.precision === 'day').sort((a, b) => a.priority - b.priority),
): ResolvedPair {
  const first = actions[0] ?? snapshots[0]!;
  const r = new Resolution({ instrument: first.instrument, participant: first.participant, participantKind: first.participantKind });
  const collectionOf = (a: { origin: { collection: string } }) => collections.get(a.origin.collection)!;
  const primaryOf = new Map<ActionGroup, Collection>();

  for (const group of ACT_GROUPS) {
    const inGroup = actions.filter((a) => groupOf(a.kind) === group && collectionOf(a).precision === 'day');
    const primary = dayCollections.find((c) => c.covers.get(r.pair.instrument)?.has(group) && (!c.onlyItsActs || inGroup.some((a) => a.origin.collection === c.id)));
    if (!primary) continue;
    primaryOf.set(group, primary);
    const mine = inGroup.filter((a) => a.origin.collection === primary.id);
    const primaryAsOf = asOfFor(primary, r.pair.instrument);
    r.used.push(...mine);
    for (const other of inGroup.filter((a) => a.origin.collection !== primary.id)) {
      const confirmed = mine.find((m) => sameDay(m, other));
      if (confirmed) {
        strengthen(confirmed, other);
        continue;
      }
      const vague = mine.filter((m) => r.used.includes(m) && refines(other, m)).sort((a, b) => Number(a.date === null) - Number(b.date === null))[0];
      if (vague) {
        // The primary knows the act only to the year, or without a date: the other gives its day.
        r.used.splice(r.used.indexOf(vague), 1, other);
        continue;
      }
      if (other.date !== null && primaryAsOf !== null && firstDay(other.date) > lastDay(primaryAsOf)) {
        r.used.push(other); // after what the primary source could know
        continue;
      }
      const counterpart = mine.filter((m) => m.kind === other.kind || groupOf(m.kind) === 'consent');
      const theirs = r.side(other.origin.collection, other);
      if (counterpart.length > 0) {
        r.conflict('date-differs', group, [...counterpart.map((m) => r.side(primary.id, m)), theirs], primary.id, [other]);
        continue;
      }
      const silence = r.side(primary.id, null, null, `${nothing(group, other.kind)}${primaryAsOf ? ` by ${primaryAsOf}` : ''}`);
      if (primary.complete || other.date === null) {
        r.conflict('missing', group, [silence, theirs], primary.id, [other]);
      } else {
        r.used.push(other); // a silence never beats a dated act
        r.conflict('missing', group, [silence, theirs], other.origin.collection);
      }
    }
  }

  resolveYears(actions, collections, primaryOf, r);

  const timeline: TimelineInput = { actions: r.used, snapshots: [] };
  const consentPrimary = primaryOf.get('consent');
  const consentAsOf = consentPrimary ? asOfFor(consentPrimary, r.pair.instrument) : null;
  for (const snapshot of snapshots) {
    const from = collections.get(snapshot.origin.collection)!;
    if (snapshot.status === 'contradictory') {
      r.conflict('contradictory', 'status', [r.side(from.id, null, snapshot)], consentPrimary?.id ?? null);
      continue;
    }
    if (snapshot.note !== null) r.conflict('contradictory', 'status', [r.side(from.id, null, snapshot)], from.id); // used, its contradiction listed
    if (from.precision === 'year') {
      if (consentPrimary && consentAsOf)
        compareYearSnapshot(snapshot, consentPrimary.id, yearSpan(asOfFor(from, r.pair.instrument), consentAsOf), (day) => actsStatusAt(timeline, day).status, actions, r);
      continue;
    }
    if (snapshot.asOf === null) continue;
    const at = actsStatusAt(timeline, lastDay(snapshot.asOf)).status;
    const agrees = (snapshot.status === 'party') === (at === 'party' || at === 'uncertain') && (snapshot.status === 'withdrawn') === (at === 'withdrawn');
    if (agrees) continue;
    const known = consentPrimary && consentAsOf && lastDay(consentAsOf) >= lastDay(snapshot.asOf);
    if (known && (at !== null || consentPrimary.complete)) {
      r.conflict('status-differs', 'status', [r.side(consentPrimary.id, null, null, `${at ?? 'no action'} at ${lastDay(snapshot.asOf)}`), r.side(from.id, null, snapshot)], consentPrimary.id);
      continue;
    }
    timeline.snapshots.push(snapshot); // newer than any act known, the only account there is, or stated where the other is silent
    if (known) r.conflict('status-differs', 'status', [r.side(consentPrimary.id, null, null, `no act known by ${lastDay(snapshot.asOf)}`), r.side(from.id, null, snapshot)], from.id);
  }

  return { ...r.pair, ...timeline, texts: actions.filter((a) => groupOf(a.kind) === 'text'), conflicts: r.conflicts, all: actions, overruled: r.overruled };
}

/** Year-level acts (consent and denunciation) against the day-precise account. */
function resolveYears(actions: TreatyAction[], collections: Map<string, Collection>, primaryOf: Map<ActionGroup, Collection>, r: Resolution): void {
  for (const group of ACT_GROUPS) {
    const primary = primaryOf.get(group);
    const primaryAsOf = primary ? asOfFor(primary, r.pair.instrument) : null;
    const dayActs = r.used.filter((a) => groupOf(a.kind) === group && collections.get(a.origin.collection)!.precision === 'day');
    for (const act of actions.filter((a) => groupOf(a.kind) === group && collections.get(a.origin.collection)!.precision === 'year')) {
      if (!primary || act.date === null) {
        r.used.push(act);
        continue;
      }
      const confirmed = dayActs.find((d) => sameYear(d, act));
      if (confirmed) {
        strengthen(confirmed, act);
        continue;
      }
      const undated = dayActs.find((d) => r.used.includes(d) && refines(act, d));
      if (undated) {
        r.used.splice(r.used.indexOf(undated), 1, act); // the year is more than the day-precise source knows
        continue;
      }
      if (dayActs.length > 0) {
        r.conflict('year-differs', group, [...dayActs.map((d) => r.side(d.origin.collection, d)), r.side(act.origin.collection, act)], primary.id, [act]);
        continue;
      }
      const silence = r.side(primary.id, null, null, `${nothing(group, act.kind)}${primaryAsOf ? ` by ${primaryAsOf}` : ''}`);
      if (primaryAsOf === null || yearOf(act.date) > yearOf(primaryAsOf)) {
        r.used.push(act); // the day-precise source could not know it yet
      } else if (yearOf(act.date) === yearOf(primaryAsOf)) {
        // The same year as the day-precise source's date: before or after it, nobody says.
        r.used.push(act);
        r.conflict('party-differs', group, [silence, r.side(act.origin.collection, act)], act.origin.collection);
      } else if (primary.complete) {
        r.conflict('party-differs', group, [silence, r.side(act.origin.collection, act)], primary.id, [act]);
      } else {
        r.used.push(act);
        r.conflict('party-differs', group, [silence, r.side(act.origin.collection, act)], act.origin.collection);
      }
    }
  }
}

/** The days a year-level list can speak for, not after the day-precise source's date: its
 *  status is compared with that source's at both ends, and differs only if it differs at both. */
function yearSpan(listAsOf: string | null, primaryAsOf: string): [string, string] {
  const end = listAsOf !== null && lastDay(listAsOf) < lastDay(primaryAsOf) ? lastDay(listAsOf) : lastDay(primaryAsOf);
  const start = listAsOf !== null && firstDay(listAsOf) < end ? firstDay(listAsOf) : end;
  return [start, end];
}

type DayStatus = ActsStatus['status'];

/** What a year-level row says, against the day-precise status at the start and end of its span. */
function differs(snapshot: TreatySnapshot, dayStatus: DayStatus, hasYear: boolean): ConflictKind | null {
  const bound = dayStatus === 'party' || dayStatus === 'uncertain';
  if (snapshot.status === 'none' && bound) return 'party-differs';
  if (snapshot.status === 'none' && dayStatus === 'signatory') return 'signature-differs';
  if (snapshot.status === 'signatory' && bound) return 'party-differs';
  if (snapshot.status === 'party' && !hasYear && !bound && dayStatus !== 'withdrawn') return 'party-differs';
  if (snapshot.status === 'party' && dayStatus === 'withdrawn') return 'party-differs';
  return null;
}

/** A year-level list's status (of an unstated date) against the day-precise source's status over the days it can speak for. */
function compareYearSnapshot(snapshot: TreatySnapshot, primary: string, [start, end]: [string, string], dayStatusAt: (day: string) => DayStatus, actions: TreatyAction[], r: Resolution): void {
  const hasYear = actions.some((a) => a.origin.collection === snapshot.origin.collection && groupOf(a.kind) === 'consent');
  const atStart = differs(snapshot, dayStatusAt(start), hasYear);
  const atEnd = differs(snapshot, dayStatusAt(end), hasYear);
  if (atStart === null || atEnd === null) return;
  const said = r.side(primary, null, null, `${dayStatusAt(end) ?? 'no action'} ${start === end ? `at ${end}` : `from ${start} to ${end}`}`);
  r.conflict(atEnd, 'status', [said, r.side(snapshot.origin.collection, null, snapshot)], primary);
}
