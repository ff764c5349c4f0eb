// A State's full status under an instrument at a date: the acts first (status.ts); where
// there is none, whether the State existed, whether it could join, and whether any source
// Accord holds speaks for it. The result always names what it rests on.
import { firstDay } from '../../shared/dates.ts';
import type { SupportKind } from '../../shared/source-kinds.ts';
import type { TreatyAction, TreatySnapshot } from './actions.ts';
import { ineligibility } from './eligibility.ts';
import type { TreatyModel } from './model.ts';
import { actsStatusAt } from './status.ts';
import type { TreatyStatus, Uncertainty } from '../../shared/vocabularies.ts';

export interface StatusAt {
  status: TreatyStatus;
  /** The act or snapshot that decides it, if any. */
  deciding: TreatyAction | TreatySnapshot | null;
  /** What the deciding act rests on. */
  support: SupportKind | null;
  uncertainty: Uncertainty | null;
  /** notEligible: the article (or `adoption`); notYetState: the day the State came to exist. */
  because: { article: string | null; since: string | null; sourceIds: string[] } | null;
}

/** Whether a source Accord holds speaks for this participant under this instrument at the date:
 *  the depositary's full list of participants, or a list with a row for it, and only up to the
 *  date that source speaks for (after it, nobody has told Accord that nothing happened). */
export function spokenFor(model: TreatyModel, instrument: string, participant: string, asOf: string): boolean {
  const speaking = model.speaking.get(instrument);
  if (!speaking) return false;
  if (speaking.everyone !== null && asOf <= speaking.everyone) return true;
  const listed = speaking.listed.get(participant);
  return listed !== undefined && asOf <= listed;
}

/** Whether Accord holds any source on the instrument's participants at all. */
export function hasData(model: TreatyModel, instrument: string): boolean {
  return [...model.collections.values()].some((c) => [...(c.covers.get(instrument) ?? [])].some((g) => g !== 'text') || (c.speaksFor.get(instrument)?.size ?? 0) > 0);
}

export function statusAt(model: TreatyModel, instrument: string, participant: string, asOf: string): StatusAt {
  const state = model.statehood.get(participant);
  if (state && asOf < firstDay(state.since))
    return { status: 'notYetState', deciding: null, support: null, uncertainty: null, because: { article: null, since: state.since, sourceIds: state.sourceIds } };
  const pair = model.pairs.get(instrument)?.get(participant);
  const acts = pair ? actsStatusAt(pair, asOf) : null;
  if (acts && acts.status !== null) return { status: acts.status, deciding: acts.deciding, support: acts.deciding?.support ?? null, uncertainty: acts.uncertainty, because: null };
  const excluded = ineligibility(instrument, participant, asOf, model.eligibility);
  if (excluded) return { status: 'notEligible', deciding: null, support: null, uncertainty: null, because: { article: excluded.article, since: null, sourceIds: excluded.sourceIds } };
  return { status: spokenFor(model, instrument, participant, asOf) ? 'noAction' : 'noData', deciding: null, support: null, uncertainty: null, because: null };
}
