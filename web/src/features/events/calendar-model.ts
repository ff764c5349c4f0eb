// The month grid of the calendar and where each event goes in it: pure functions, tested
// without a browser. An event is put on days only when both its start and its end (if any) are
// known to the day; one known only to the month or the year is listed under that month or year
// as such, never placed on a day the sources do not state (docs/COOPERATION.md, "iCalendar").
import { precisionOf } from '../../../../src/shared/dates.ts';

/** A month, `YYYY-MM`. */
export type Month = string;

export const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonth(value: string): boolean {
  return MONTH.test(value) && Number(value.slice(0, 4)) >= 1;
}

/** The month a date (even a partial one) falls in: a year alone stands for its January. */
export function monthOf(value: string): Month {
  return value.length >= 7 ? value.slice(0, 7) : `${value.slice(0, 4)}-01`;
}

export function shiftMonth(month: Month, delta: number): Month {
  const at = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1 + delta, 1));
  return `${String(at.getUTCFullYear()).padStart(4, '0')}-${String(at.getUTCMonth() + 1).padStart(2, '0')}`;
}

function daysIn(month: Month): number {
  return new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();
}

/** The weeks of a month, Monday first (ISO 8601): each a row of seven days, null outside the month. */
export function monthWeeks(month: Month): (string | null)[][] {
  const first = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1, 1));
  const lead = (first.getUTCDay() + 6) % 7;
  const cells: (string | null)[] = Array.from({ length: lead }, () => null);
  for (let day = 1; day <= daysIn(month); day++) cells.push(`${month}-${String(day).padStart(2, '0')}`);
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (string | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

interface Dated {
  start: string;
  end: string | null;
}

/** How precisely an event's dates are known: the coarser of its start and end. */
export function knownTo(event: Dated): 'day' | 'month' | 'year' {
  const precisions = [precisionOf(event.start), ...(event.end ? [precisionOf(event.end)] : [])];
  if (precisions.includes('year')) return 'year';
  if (precisions.includes('month')) return 'month';
  return 'day';
}

export interface MonthPlan<E extends Dated> {
  /** The events of each day of the month (an event over several days on each of them). */
  byDay: Map<string, E[]>;
  /** Events of the month whose dates are known only to the month. */
  monthOnly: E[];
  /** Events of the month's year whose dates are known only to the year. */
  yearOnly: E[];
  /** Every event of the month, in the API's order (start, then id): the agenda. */
  agenda: E[];
}

/** Where the events of a month go (the API's answer for `from=to=month`, which also lists the
 *  events that only meet the month at the precision they are known to). */
export function planMonth<E extends Dated>(month: Month, events: E[]): MonthPlan<E> {
  const byDay = new Map<string, E[]>();
  const monthOnly: E[] = [];
  const yearOnly: E[] = [];
  const agenda: E[] = [];
  const firstOfMonth = `${month}-01`;
  const lastOfMonth = `${month}-${String(daysIn(month)).padStart(2, '0')}`;
  for (const event of events) {
    const precision = knownTo(event);
    if (precision === 'year') {
      yearOnly.push(event);
      continue;
    }
    if (precision === 'month') {
      monthOnly.push(event);
      continue;
    }
    const start = event.start;
    const end = event.end ?? event.start;
    if (end < firstOfMonth || start > lastOfMonth) continue;
    agenda.push(event);
    for (let day = start < firstOfMonth ? firstOfMonth : start; day <= end && day <= lastOfMonth; day = nextDay(day)) {
      byDay.set(day, [...(byDay.get(day) ?? []), event]);
    }
  }
  return { byDay, monthOnly, yearOnly, agenda };
}

function nextDay(day: string): string {
  const at = new Date(`${day}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + 1);
  return at.toISOString().slice(0, 10);
}
