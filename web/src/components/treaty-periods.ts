// A State's acts under one instrument turned into the periods a timeline draws: signatory from
// signature until consent to be bound, party from consent until a denunciation takes effect
// (and again from a new consent). Acts come in date order, undated ones first. An undated
// consent is drawn from the first day it can have happened (its bounds: adoption, statehood,
// eligibility; else the instrument's adoption), marked undated; an undated signature cannot be
// placed at all and is left to the table of acts.
import type { TreatyAction } from '../api/types.ts';
import { CONSENT_KINDS } from '../../../src/modules/treaty-status/actions.ts';
import type { Period } from './periods.ts';

const CONSENT = new Set(CONSENT_KINDS);
const SIGNATURE = new Set(['signature', 'succession-to-signature']);

export function treatyPeriodsOf(actions: TreatyAction[], adopted: string | null = null): Period[] {
  const periods: Period[] = [];
  let open: Period | null = null;
  const close = (date: string | null) => {
    if (open) periods.push({ ...open, to: date });
    open = null;
  };
  for (const a of actions) {
    if (SIGNATURE.has(a.kind)) {
      if (!open && a.date !== null) open = { status: 'signatory', from: a.date, to: null };
    } else if (CONSENT.has(a.kind)) {
      if (open?.status === 'party') continue; // a second source's record of the same consent
      close(a.date);
      open = a.date === null ? { status: 'party', from: a.bounds?.from ?? adopted, to: null, undatedStart: true } : { status: 'party', from: a.date, to: null };
    } else if (a.kind === 'denunciation') {
      close(a.effective ?? a.date);
    }
  }
  if (open) periods.push(open);
  return periods;
}
