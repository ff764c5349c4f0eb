// Whether a dated span holds at a day, for coverage periods and a presence's own opening and
// closing. A start known only to the year or month takes effect from its first possible day and
// is `uncertain` inside its span (as everywhere in Accord); an unknown start (null) is uncertain
// at every day before the end, never a date made up. An end is the day the span stopped holding:
// from its first possible day the span no longer holds.
import { firstDay, lastDay, precisionOf } from '../../shared/dates.ts';

export interface Span {
  from: string | null;
  until: string | null;
}

/** null when the span does not hold at `day`; else whether that is uncertain. */
export function holdsAt(span: Span, day: string): { uncertain: boolean } | null {
  if (span.until !== null && day >= firstDay(span.until)) return null;
  if (span.from === null) return { uncertain: true };
  if (day < firstDay(span.from)) return null;
  return { uncertain: precisionOf(span.from) !== 'day' && day <= lastDay(span.from) };
}

/** An end must come after its start: the last day `until` can stand for is after the first day of `from`. */
export function endsAfterStart(span: Span): boolean {
  return span.from === null || span.until === null || lastDay(span.until) > firstDay(span.from);
}
