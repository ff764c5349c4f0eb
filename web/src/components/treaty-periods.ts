// A State's acts under one instrument turned into the periods a timeline draws, by the same
// rules as the status engine (docs/TREATY-STATUS.md): each consent starts a participation (a
// succession from the day it took effect), ended by the first denunciation notified after it;
// overlapping participations are one period (a State that denounces and accedes again the same
// day stays party). Signatory from the first dated signature until the State became party. An
// undated consent is drawn from the first day it can have happened (its bounds: adoption,
// statehood, eligibility; else the instrument's adoption), marked undated; an undated signature
// cannot be placed at all and is left to the table of acts.
import type { TreatyAction } from '../api/types.ts';
import { CONSENT_KINDS, SIGNATURE_KINDS } from '../../../src/shared/vocabularies.ts';
import type { Period } from './periods.ts';

const CONSENT = new Set<string>(CONSENT_KINDS);
const SIGNATURE = new Set<string>(SIGNATURE_KINDS);

/** The day a consent makes the State party: a succession from its effect, else its deposit. */
function startOf(a: TreatyAction, adopted: string | null): string | null {
  if (a.kind === 'succession' && a.effective && a.date && a.effective < a.date) return a.effective;
  return a.date ?? a.bounds?.from ?? adopted;
}

/** Whether a denunciation ends the participation a consent began (notified after its deposit). */
const ends = (denunciation: TreatyAction, consent: TreatyAction) => denunciation.date === null || consent.date === null || denunciation.date > consent.date;

function participations(actions: TreatyAction[], adopted: string | null): Period[] {
  const denunciations = actions.filter((a) => a.kind === 'denunciation');
  const spans = actions
    .filter((a) => CONSENT.has(a.kind))
    .map((c): Period => {
      const ender = denunciations.find((d) => ends(d, c));
      return { status: 'party', from: startOf(c, adopted), to: ender ? (ender.effective ?? ender.date) : null, ...(c.date === null ? { undatedStart: true } : {}) };
    })
    .sort((a, b) => (a.from ?? '').localeCompare(b.from ?? ''));
  const merged: Period[] = [];
  for (const span of spans) {
    const last = merged.at(-1);
    if (last && (last.to === null || (span.from !== null && span.from <= last.to))) {
      if (last.to !== null && (span.to === null || span.to > last.to)) last.to = span.to;
      continue;
    }
    merged.push({ ...span });
  }
  return merged;
}

export function treatyPeriodsOf(actions: TreatyAction[], adopted: string | null = null): Period[] {
  const party = participations(actions, adopted);
  const signed = actions
    .filter((a) => SIGNATURE.has(a.kind) && a.date !== null)
    .map((a) => a.date!)
    .sort()[0];
  const firstParty = party[0]?.from ?? null;
  if (signed && (firstParty === null || signed < firstParty)) return [{ status: 'signatory', from: signed, to: firstParty }, ...party];
  return party;
}
