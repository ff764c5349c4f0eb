// What a State did after a recommendation to become party to an instrument, read from the treaty
// model (the acts precedence kept, treaty-status/resolve.ts). Pure: the model and one
// recommendation's State, instrument and date in; its outcome out.
//
// The rule (docs/RECOMMENDATIONS.md, "Outcomes"): an act counts when it makes the State party
// (CONSENT_KINDS: ratification, accession, succession, acceptance, approval, formal
// confirmation; a year-level list's "ratification or accession"). Dates are spans: a
// recommendation dated to its session's month may have been made on any day of that month, an
// act known to its year on any day of that year. "Followed within N years" holds only when it
// holds for every pair of possible days: the act certainly after the recommendation (after the
// last day of its month) and certainly within N years of it (on or before the first day of the
// month plus N years). "Not followed within N years" holds only when every possible day of the
// act is later than the last day of the month plus N years, or when no act came and the
// depositary's record speaks for the State to the end of that window. Anything between is
// `uncertain`, shown apart; a window the record does not yet reach is `notYetKnown`.
import { firstDay, lastDay } from '../../shared/dates.ts';
import { isCounted } from '../../shared/source-kinds.ts';
import { groupOf, type TreatyAction } from '../treaty-status/actions.ts';
import type { TreatyModel } from '../treaty-status/model.ts';
import { hasData, spokenFor, statusAt } from '../treaty-status/status-at.ts';

export const OUTCOME_WINDOWS = [1, 2, 5] as const;
export type OutcomeWindow = (typeof OUTCOME_WINDOWS)[number];

/** For one window: followed by a ratification within it, not, not certain which, or not known yet. */
export const WINDOW_VERDICTS = ['followed', 'notFollowed', 'uncertain', 'notYetKnown'] as const;
export type WindowVerdict = (typeof WINDOW_VERDICTS)[number];

/**
 * Where the State stood when recommended:
 * - `notParty`: not party as far as the depositary's record shows: the windows say what followed;
 * - `alreadyParty`: party by an act certainly before the recommendation;
 * - `uncertain`: an act around the recommendation's date, or resting on no counted source, leaves it open;
 * - `noData`: Accord holds no treaty-status data on the instrument: never "not ratified".
 */
export const STANDINGS = ['notParty', 'alreadyParty', 'uncertain', 'noData'] as const;
export type Standing = (typeof STANDINGS)[number];

export interface Outcome {
  standing: Standing;
  /** The first act making the State party that may have come after the recommendation (or, already party, the act that made it party). */
  act: TreatyAction | null;
  /** Per window; null unless the standing is `notParty`. */
  windows: Record<OutcomeWindow, WindowVerdict> | null;
}

/** The first and last day an act may have been done on. */
function spanOf(act: TreatyAction): [string, string] {
  if (act.date !== null) return [firstDay(act.date), lastDay(act.date)];
  return [act.bounds?.from ? firstDay(act.bounds.from) : '0000-01-01', act.bounds?.certainFrom ?? '9999-12-31'];
}

/** The same day N years later (29 February gives 28 February in a common year). */
export function addYears(day: string, years: number): string {
  const y = String(Number(day.slice(0, 4)) + years).padStart(4, '0');
  const md = day.slice(5);
  if (md !== '02-29') return `${y}-${md}`;
  const leap = new Date(Date.UTC(Number(y), 1, 29)).getUTCMonth() === 1;
  return `${y}-02-${leap ? '29' : '28'}`;
}

function verdictFor(act: TreatyAction | null, recFirst: string, recLast: string, years: number, spoken: (day: string) => boolean): WindowVerdict {
  if (act === null) return spoken(addYears(recLast, years)) ? 'notFollowed' : 'notYetKnown';
  const [first, last] = spanOf(act);
  if (first > addYears(recLast, years)) return 'notFollowed';
  if (!isCounted(act.support)) return 'uncertain';
  if (first > recLast && last <= addYears(recFirst, years)) return 'followed';
  return 'uncertain';
}

export function outcomeOf(model: TreatyModel, state: string, instrument: string, date: string): Outcome {
  if (!hasData(model, instrument)) return { standing: 'noData', act: null, windows: null };
  const recFirst = firstDay(date);
  const recLast = lastDay(date);
  const consents = (model.pairs.get(instrument)?.get(state)?.actions ?? []).filter((a) => groupOf(a.kind) === 'consent');
  const before = statusAt(model, instrument, state, recFirst);
  // Party at the recommendation's first day by an act certainly done before it (a succession
  // deposited later but taking effect earlier is an act that came after), or by a list's status.
  const deciding = before.deciding;
  const byAct = deciding !== null && 'kind' in deciding ? deciding : null;
  const decidedBefore = deciding !== null && (byAct === null || (groupOf(byAct.kind) === 'consent' && spanOf(byAct)[1] < recFirst));
  if (before.status === 'party' && decidedBefore) return { standing: 'alreadyParty', act: byAct, windows: null };
  if (before.status === 'uncertain' && decidedBefore) return { standing: 'uncertain', act: byAct, windows: null };
  const after = consents.filter((a) => spanOf(a)[1] >= recFirst).sort((a, b) => spanOf(a)[0].localeCompare(spanOf(b)[0]));
  const act = after[0] ?? null;
  const spoken = (day: string) => spokenFor(model, instrument, state, day);
  const windows = Object.fromEntries(OUTCOME_WINDOWS.map((n) => [n, verdictFor(act, recFirst, recLast, n, spoken)])) as Record<OutcomeWindow, WindowVerdict>;
  return { standing: 'notParty', act, windows };
}
