// Membership events turned into the periods a timeline draws: member from joining (or
// readmission) until suspension or departure, suspended until readmission or departure.
import type { MembershipEvent } from '../api/types.ts';

export interface Period {
  /** Membership, or a State's tie to a treaty (treaty-periods.ts). */
  status: 'member' | 'suspended' | 'signatory' | 'party';
  /** null: the start is not dated in the sources. */
  from: string | null;
  /** The sources give no date: `from` is only the earliest it can be (an instrument's adoption). */
  undatedStart?: boolean;
  /** null: still running. */
  to: string | null;
}

export function periodsOf(events: MembershipEvent[]): Period[] {
  const periods: Period[] = [];
  let open: Period | null = null;
  const close = (date: string | null) => {
    if (open) periods.push({ ...open, to: date });
    open = null;
  };
  for (const e of events) {
    if (e.event === 'joined' || e.event === 'readmitted') {
      close(e.date);
      open = { status: 'member', from: e.date, to: null };
    } else if (e.event === 'suspended') {
      close(e.date);
      open = { status: 'suspended', from: e.date, to: null };
    } else {
      close(e.date);
    }
  }
  if (open) periods.push(open);
  return periods;
}

/** A partial date as a fractional year, for drawing: "1949-05-05" → 1949.34. */
export function yearOf(date: string): number {
  const [y, m = '01', d = '01'] = date.split('-');
  return Number(y) + (Number(m) - 1) / 12 + (Number(d) - 1) / 365;
}
