// Which month the calendar opens at: that of the next event (or of one under way), else that of
// the latest past one, else this month. The API lists events oldest first, so the latest past
// one is found by halving the years (a handful of one-item requests, whatever the number of
// events) and then reading the events of the last year that has any: never every page.
import { getJson } from '../../api/client.ts';
import { today } from '../../../../src/shared/dates.ts';
import { type Month, monthOf } from './calendar-model.ts';
import type { EventPage } from './types.ts';

const EARLIEST_YEAR = 1900;

type Read = (params: Record<string, string | number>, signal: AbortSignal) => Promise<EventPage>;
const read: Read = (params, signal) => getJson<EventPage>('/events', params, signal);

/** The latest start among events, as a month (dates compare as text: YYYY[-MM[-DD]]). */
const latestMonth = (items: { start: string }[]): Month => monthOf(items.map((e) => e.start).reduce((a, b) => (b > a ? b : a)));

export async function startMonth(signal: AbortSignal, load: Read = read, now = today()): Promise<Month> {
  const upcoming = await load({ from: now, limit: 1 }, signal);
  const next = upcoming.items[0];
  if (next) return next.start >= now ? monthOf(next.start) : monthOf(now);
  const any = async (year: number) => (await load({ from: String(year), to: now, limit: 1 }, signal)).total > 0;
  let low = EARLIEST_YEAR;
  let high = Number(now.slice(0, 4));
  if (!(await any(low))) return monthOf(now);
  // `any(low)` holds and the answer lies in [low, high]: the latest year with an event ending in or after it.
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (await any(middle)) low = middle;
    else high = middle - 1;
  }
  const last = await load({ from: String(low), to: now, limit: 1000 }, signal);
  return last.items.length > 0 ? latestMonth(last.items) : monthOf(now);
}
