// A State's membership of an organization at a date, from its dated events.
// Events take effect on their date; a date known only to the month or year takes effect
// from the first day it can stand for, and the answer says it is imprecise.
import { firstDay, lastDay, precisionOf } from '../../shared/dates.ts';
import type { MembershipEventKind, MembershipStatus, Precision } from '../../shared/vocabularies.ts';

export interface MembershipEvent {
  seq: number;
  event: MembershipEventKind;
  date: string | null;
  sourceIds: string[]; // empty when unverified
  note: string | null;
  /** What the write path needs of the stored event (absent for events built in memory). */
  record?: { version: number; origin: string; corrections: string; sources: string; confidentiality: string; audience: string };
}

export interface MembershipAt {
  status: MembershipStatus;
  /** Date of the event that decided the status (null when that event has no known date). */
  since: string | null;
  sincePrecision: Precision | null;
  /** True when asOf falls inside the month or year of an imprecise deciding event. */
  uncertain: boolean;
  /** False when the deciding event has no source. */
  verified: boolean;
}

/** Events in the order they happened: dated by their first possible day, undated first (they open a record). */
export function orderEvents(events: MembershipEvent[]): MembershipEvent[] {
  return [...events].sort((a, b) => {
    if (a.date === null && b.date === null) return a.seq - b.seq;
    if (a.date === null) return -1;
    if (b.date === null) return 1;
    return firstDay(a.date).localeCompare(firstDay(b.date)) || a.seq - b.seq;
  });
}

const STATUS_AFTER: Record<MembershipEventKind, MembershipStatus> = {
  joined: 'member',
  readmitted: 'member',
  suspended: 'suspended',
  left: 'former',
};

export function membershipAt(events: MembershipEvent[], asOf: string): MembershipAt {
  let decided: MembershipEvent | undefined;
  let uncertain = false;
  for (const event of orderEvents(events)) {
    if (event.date !== null && firstDay(event.date) > asOf) break;
    decided = event;
    uncertain = event.date !== null && event.date.length < 10 && asOf <= lastDay(event.date);
  }
  if (!decided) return { status: 'none', since: null, sincePrecision: null, uncertain: false, verified: true };
  return {
    status: STATUS_AFTER[decided.event],
    since: decided.date,
    sincePrecision: decided.date ? precisionOf(decided.date) : null,
    uncertain,
    verified: decided.sourceIds.length > 0,
  };
}

/** Members and suspended members belong to the organization; former members do not. */
export function belongs(status: MembershipStatus): boolean {
  return status === 'member' || status === 'suspended';
}
