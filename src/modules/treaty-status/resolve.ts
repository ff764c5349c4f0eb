// Precedence between sources for one participant and one instrument (documented in
// docs/TREATY-STATUS.md):
// 1. Day-precise collections, per group of acts (consent, signature, denunciation,
//    declaration): the first collection by priority that covers that group for the instrument
//    is the primary one. Another collection's act that the primary has too (same date) only
//    confirms it; one dated after the primary's last date is newer news and is used; any other
//    is a disagreement, listed and not used.
// 2. Year-level lists come after: a consent year agreeing with a day-precise act confirms it;
//    one that a day-precise source could not know yet (its year is not before that source's
//    last year) is used; any other is a disagreement. Their status snapshots are compared with
//    the day-precise status at that source's last date.
// 3. Snapshots of day-precise lists ("party as of 2020") are compared with the status at
//    their date, and give the status only where no act is known.
import { firstDay, lastDay } from '../../shared/dates.ts';
import { groupOf, lastDateFor, type Collection, type Fact, type FactGroup, type SnapshotFact } from './facts.ts';
import { statusFrom, type TimelineInput } from './status.ts';

export type ConflictKind = 'date-differs' | 'missing' | 'year-differs' | 'party-differs' | 'signature-differs' | 'status-differs' | 'contradictory';

export interface ConflictSide {
  collection: string;
  fact: Fact | null;
  snapshot: SnapshotFact | null;
  /** What this side says, when it says "nothing": e.g. "no consent by 2015-03-09". */
  absence: string | null;
}

export interface Conflict {
  instrument: string;
  participant: string;
  participantKind: 'state' | 'organization';
  kind: ConflictKind;
  group: FactGroup | 'status';
  sides: ConflictSide[];
  /** The collection whose account the status follows. */
  followed: string | null;
}

export interface ResolvedPair extends TimelineInput {
  instrument: string;
  participant: string;
  participantKind: 'state' | 'organization';
  texts: Fact[];
  conflicts: Conflict[];
}

const ACT_GROUPS: FactGroup[] = ['consent', 'signature', 'denunciation', 'declaration'];

const sameDay = (a: Fact, b: Fact) => a.date !== null && a.date === b.date;
const yearOf = (date: string) => Number(date.slice(0, 4));

export function resolvePair(facts: Fact[], snapshots: SnapshotFact[], collections: Map<string, Collection>): ResolvedPair {
  const first = facts[0] ?? snapshots[0]!;
  const pair = { instrument: first.instrument, participant: first.participant, participantKind: first.participantKind };
  const conflicts: Conflict[] = [];
  const conflict = (kind: ConflictKind, group: Conflict['group'], sides: ConflictSide[], followed: string | null) =>
    conflicts.push({ ...pair, kind, group, sides, followed });
  const side = (collection: string, fact: Fact | null, snapshot: SnapshotFact | null = null, absence: string | null = null): ConflictSide => ({ collection, fact, snapshot, absence });

  const collectionOf = (f: { origin: { collection: string } }) => collections.get(f.origin.collection)!;
  const dayCollections = [...collections.values()].filter((c) => c.precision === 'day').sort((a, b) => a.priority - b.priority);
  const used: Fact[] = [];
  const primaryOf = new Map<FactGroup, Collection>();

  for (const group of ACT_GROUPS) {
    const inGroup = facts.filter((f) => groupOf(f.kind) === group && collectionOf(f).precision === 'day');
    const primary = dayCollections.find((c) => c.covers.get(pair.instrument)?.has(group));
    if (!primary) continue;
    primaryOf.set(group, primary);
    const mine = inGroup.filter((f) => f.origin.collection === primary.id);
    const primaryLast = lastDateFor(primary, pair.instrument);
    used.push(...mine);
    for (const other of inGroup.filter((f) => f.origin.collection !== primary.id)) {
      if (mine.some((m) => sameDay(m, other))) continue; // confirmed
      if (other.date !== null && primaryLast !== null && firstDay(other.date) > lastDay(primaryLast)) {
        used.push(other); // after what the primary source could know
        continue;
      }
      const counterpart = mine.filter((m) => m.kind === other.kind || groupOf(m.kind) === 'consent');
      if (counterpart.length > 0) conflict('date-differs', group, [...counterpart.map((m) => side(primary.id, m)), side(other.origin.collection, other)], primary.id);
      else conflict('missing', group, [side(primary.id, null, null, `no ${other.kind}${primaryLast ? ` by ${primaryLast}` : ''}`), side(other.origin.collection, other)], primary.id);
    }
  }

  // Year-level lists: consent years, then status snapshots, against the day-precise account.
  const consentPrimary = primaryOf.get('consent');
  const consentLast = consentPrimary ? lastDateFor(consentPrimary, pair.instrument) : null;
  const dayConsents = used.filter((f) => groupOf(f.kind) === 'consent');
  for (const fact of facts.filter((f) => groupOf(f.kind) === 'consent' && collectionOf(f).precision === 'year')) {
    if (!consentPrimary || fact.date === null) { used.push(fact); continue; }
    if (dayConsents.length > 0) {
      if (!dayConsents.some((d) => d.date !== null && d.date.slice(0, 4) === fact.date!.slice(0, 4))) {
        conflict('year-differs', 'consent', [...dayConsents.map((d) => side(d.origin.collection, d)), side(fact.origin.collection, fact)], consentPrimary.id);
      }
      continue;
    }
    const last = consentLast;
    if (last === null || yearOf(fact.date) >= yearOf(last)) used.push(fact);
    else conflict('party-differs', 'consent', [side(consentPrimary.id, null, null, `no ratification, accession or succession by ${last}`), side(fact.origin.collection, fact)], consentPrimary.id);
  }

  const timeline: TimelineInput = { actions: used, snapshots: [] };
  for (const snapshot of snapshots) {
    const from = collections.get(snapshot.origin.collection)!;
    if (snapshot.status === 'contradictory') {
      conflict('contradictory', 'status', [side(from.id, null, snapshot)], consentPrimary?.id ?? null);
      continue;
    }
    if (from.precision === 'year') {
      if (consentPrimary && consentLast) compareYearSnapshot(snapshot, consentPrimary.id, consentLast, statusFrom(timeline, lastDay(consentLast)).status, facts, conflict, side);
      continue;
    }
    if (snapshot.asOf === null) continue;
    const at = statusFrom(timeline, lastDay(snapshot.asOf)).status;
    const agrees = (snapshot.status === 'party') === (at === 'party' || at === 'yearOnly') && (snapshot.status === 'withdrawn') === (at === 'withdrawn');
    if (agrees) continue;
    if (consentPrimary && consentLast && lastDay(consentLast) >= lastDay(snapshot.asOf)) {
      conflict('status-differs', 'status', [side(consentPrimary.id, null, null, `${at} at ${lastDay(snapshot.asOf)}`), side(from.id, null, snapshot)], consentPrimary.id);
    } else {
      timeline.snapshots.push(snapshot); // newer than any act known, or the only account there is
    }
  }

  return { ...pair, ...timeline, texts: facts.filter((f) => groupOf(f.kind) === 'text'), conflicts };
}

/** A year-level list's status (of an unstated date, later than the day-precise source's) against that source's status at its last date. */
function compareYearSnapshot(
  snapshot: SnapshotFact,
  primary: string,
  primaryLast: string,
  dayStatus: string,
  facts: Fact[],
  conflict: (kind: ConflictKind, group: Conflict['group'], sides: ConflictSide[], followed: string | null) => void,
  side: (collection: string, fact: Fact | null, snapshot?: SnapshotFact | null, absence?: string | null) => ConflictSide,
): void {
  const said = side(primary, null, null, `${dayStatus} at ${primaryLast}`);
  const theirs = side(snapshot.origin.collection, null, snapshot);
  const hasYear = facts.some((f) => f.origin.collection === snapshot.origin.collection && groupOf(f.kind) === 'consent');
  if (snapshot.status === 'none' && (dayStatus === 'party' || dayStatus === 'yearOnly')) conflict('party-differs', 'status', [said, theirs], primary);
  else if (snapshot.status === 'none' && dayStatus === 'signatory') conflict('signature-differs', 'status', [said, theirs], primary);
  else if (snapshot.status === 'signatory' && (dayStatus === 'party' || dayStatus === 'yearOnly')) conflict('party-differs', 'status', [said, theirs], primary);
  else if (snapshot.status === 'party' && !hasYear && dayStatus !== 'party' && dayStatus !== 'yearOnly') conflict('party-differs', 'status', [said, theirs], primary);
}
