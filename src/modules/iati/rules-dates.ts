// The IATI Standard's rules on dates: an activity starts (planned or actual) and does not end
// before it starts; what is "actual" has happened by today; periods run forward, and a budget
// covers at most a year (365 days from its start, as the IATI rulesets count); transactions are
// reported once they happened.
import type { IatiProblem } from './problems.ts';
import { dayOf, daysBetween, descendants, problem, type RuleContext } from './rule-kit.ts';
import { childNamed, childrenNamed, type XmlNode } from './xml-stream.ts';

const PLANNED_START = '1';
const ACTUAL_START = '2';
const PLANNED_END = '3';
const ACTUAL_END = '4';
const NAMES: Record<string, string> = { '1': 'planned start', '2': 'actual start', '3': 'planned end', '4': 'actual end' };

export function checkDates(activity: XmlNode, context: RuleContext): IatiProblem[] {
  const problems: IatiProblem[] = [];
  const dates = childrenNamed(activity, 'activity-date');
  const first = (type: string) => dates.find((d) => d.attrs.type?.trim() === type && dayOf(d.attrs['iso-date']));

  if (!first(PLANNED_START) && !first(ACTUAL_START)) {
    problems.push(problem('dates.start-present', activity, 'the activity has no planned start (activity-date type 1) nor actual start (type 2)'));
  }
  for (const [start, end] of [
    [PLANNED_START, PLANNED_END],
    [ACTUAL_START, ACTUAL_END],
  ] as const) {
    const from = first(start);
    const to = first(end);
    const fromDay = dayOf(from?.attrs['iso-date']);
    const toDay = dayOf(to?.attrs['iso-date']);
    if (to && fromDay && toDay && toDay < fromDay) {
      problems.push(problem('dates.start-before-end', to, `the ${NAMES[end]} (${toDay}) is before the ${NAMES[start]} (${fromDay})`, 'iso-date'));
    }
  }
  for (const date of dates.filter((d) => d.attrs.type?.trim() === ACTUAL_START || d.attrs.type?.trim() === ACTUAL_END)) {
    const day = dayOf(date.attrs['iso-date']);
    if (day && day > context.today)
      problems.push(problem('dates.actual-not-future', date, `an ${NAMES[date.attrs.type!.trim()]} cannot be in the future (${day}, today is ${context.today})`, 'iso-date'));
  }
  const updated = dayOf(activity.attrs['last-updated-datetime']);
  if (updated && updated > context.today) {
    problems.push(problem('dates.last-updated-not-future', activity, `last-updated-datetime ${activity.attrs['last-updated-datetime']} is in the future`, 'last-updated-datetime'));
  }

  for (const name of ['budget', 'planned-disbursement', 'period'] as const) {
    for (const holder of descendants(activity, name)) problems.push(...checkPeriod(holder));
  }
  for (const transaction of childrenNamed(activity, 'transaction')) problems.push(...checkTransactionDates(transaction, context));
  return problems;
}

/** A budget, planned disbursement or result period: start on or before end; a budget at most a year. */
function checkPeriod(holder: XmlNode): IatiProblem[] {
  const start = childNamed(holder, 'period-start');
  const end = childNamed(holder, 'period-end');
  const from = dayOf(start?.attrs['iso-date']);
  const to = dayOf(end?.attrs['iso-date']);
  if (!end || !from || !to) return [];
  if (to < from) return [problem('period.start-before-end', end, `the ${holder.name} period ends (${to}) before it starts (${from})`, 'iso-date')];
  const days = daysBetween(from, to);
  if (holder.name === 'budget' && days > 365) {
    return [problem('budget.period-length', holder, `a budget period is at most one year; ${from} to ${to} is ${days} days: split it by year`)];
  }
  return [];
}

function checkTransactionDates(transaction: XmlNode, context: RuleContext): IatiProblem[] {
  const problems: IatiProblem[] = [];
  const date = childNamed(transaction, 'transaction-date');
  const day = dayOf(date?.attrs['iso-date']);
  if (date && day && day > context.today)
    problems.push(problem('transaction.date-not-future', date, `a transaction is reported once made: its date ${day} is after today (${context.today})`, 'iso-date'));
  const value = childNamed(transaction, 'value');
  const valueDay = dayOf(value?.attrs['value-date']);
  if (value && valueDay && valueDay > context.today)
    problems.push(problem('transaction.date-not-future', value, `a transaction's value-date ${valueDay} is after today (${context.today})`, 'value-date'));
  return problems;
}
