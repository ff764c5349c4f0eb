// An event's dates as precisely as the sources state them: "25 February 2003 – 27 February 2003",
// "February 2001" (known only to the month), each with its machine-readable value.
import { FactDate } from '../../components/FactDate.tsx';

export function EventDates({ start, end }: { start: string; end: string | null }) {
  if (!end || end === start) return <FactDate value={start} />;
  return (
    <span className="nowrap-parts">
      <FactDate value={start} /> – <FactDate value={end} />
    </span>
  );
}

/** The same as plain text (for sorting and exports of the table). */
export const datesText = (start: string, end: string | null): string => (end && end !== start ? `${start}/${end}` : start);
