// Whether a State is party to an instrument, and has a declaration in force, at a date.
// A first, small part of the treaty-status engine: enough for coverage (OP9).
import { firstDay } from '../../shared/dates.ts';

export interface TreatyAction {
  kind: string;
  date: string | null;
  effective: string | null;
  sourceIds: string[];
}

const CONSENT = new Set(['ratification', 'accession', 'succession']);

/** Undated actions (a source that lists parties without dates) count from the start of time,
 * like undated membership events; answers that rest on them are marked unverified. */
const UNDATED = '0000-01-01';

function takesEffect(action: TreatyAction): string {
  const day = action.effective ?? action.date;
  return day === null ? UNDATED : firstDay(day);
}

/** The last of the given kinds of action in effect on asOf, if any. */
function lastInEffect(actions: TreatyAction[], kinds: Set<string>, asOf: string): TreatyAction | undefined {
  return actions
    .filter((a) => kinds.has(a.kind))
    .map((a) => ({ a, day: takesEffect(a) }))
    .filter((x) => x.day <= asOf)
    .sort((x, y) => x.day.localeCompare(y.day))
    .at(-1)?.a;
}

export function isPartyAt(actions: TreatyAction[], asOf: string): { party: boolean; verified: boolean } {
  const last = lastInEffect(actions, new Set([...CONSENT, 'denunciation']), asOf);
  if (!last || !CONSENT.has(last.kind)) return { party: false, verified: true };
  return { party: true, verified: last.sourceIds.length > 0 && last.date !== null };
}

export function hasDeclarationAt(actions: TreatyAction[], asOf: string): boolean {
  return lastInEffect(actions, new Set(['declaration-accept', 'declaration-withdraw']), asOf)?.kind === 'declaration-accept';
}

/** The actions that have taken effect by asOf: the facts an answer for that date rests on. */
export function actionsInEffect(actions: TreatyAction[], asOf: string): TreatyAction[] {
  return actions.filter((a) => takesEffect(a) <= asOf);
}
