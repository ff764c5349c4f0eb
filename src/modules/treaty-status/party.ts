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

function takesEffect(action: TreatyAction): string | null {
  const day = action.effective ?? action.date;
  return day === null ? null : firstDay(day);
}

/** The last of the given kinds of action in effect on asOf, if any. */
function lastInEffect(actions: TreatyAction[], kinds: Set<string>, asOf: string): TreatyAction | undefined {
  return actions
    .filter((a) => kinds.has(a.kind))
    .map((a) => ({ a, day: takesEffect(a) }))
    .filter((x): x is { a: TreatyAction; day: string } => x.day !== null && x.day <= asOf)
    .sort((x, y) => x.day.localeCompare(y.day))
    .at(-1)?.a;
}

export function isPartyAt(actions: TreatyAction[], asOf: string): { party: boolean; verified: boolean } {
  const last = lastInEffect(actions, new Set([...CONSENT, 'denunciation']), asOf);
  if (!last || !CONSENT.has(last.kind)) return { party: false, verified: true };
  return { party: true, verified: last.sourceIds.length > 0 };
}

export function hasDeclarationAt(actions: TreatyAction[], asOf: string): boolean {
  return lastInEffect(actions, new Set(['declaration-accept', 'declaration-withdraw']), asOf)?.kind === 'declaration-accept';
}
