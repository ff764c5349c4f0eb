// "As of" date shared by pages through the address (?asOf=YYYY-MM-DD), so a view can be linked.
import { useEffect, useId, useRef, useState } from 'react';
import { useLocation, useSearchParams } from 'react-router';
import { isValidDay } from '../../../src/shared/dates.ts';
import { useI18n } from '../i18n/i18n.tsx';

export const VIENNA_DECLARATION = '1993-06-25';

/** Today in the reader's own calendar (not UTC), so that just after midnight east of
 *  Greenwich the new day can be chosen. */
export function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** A real calendar date from 1900 to today: the registry records facts, not forecasts. */
function isCalendarDate(value: string): boolean {
  return isValidDay(value) && value >= '1900-01-01' && value <= today();
}

/** What a page's history entry remembers when its address held a date that could not be
 *  used: the value, so that the page can say so (and still does after a reload or Back). */
interface RejectedDate {
  rejectedAsOf: string;
}

function rejectedAsOf(state: unknown): string | null {
  const value = (state as Partial<RejectedDate> | null)?.rejectedAsOf;
  return typeof value === 'string' ? value : null;
}

/** How a change of date enters the history: `push` adds an entry (Back returns to the previous
 *  date), `replace` rewrites the current one (while the same date is still being typed). */
export type DateChange = 'push' | 'replace';

/** The page's date: the one in the address when it is a usable date, else today. An unusable
 *  one is taken out of the address (so the address says what the page shows) and kept in the
 *  history entry's state, where DateControl finds it to say which date is shown instead. */
export function useAsOf(): [string, (value: string, change?: DateChange) => void] {
  const [params, setParams] = useSearchParams();
  const raw = params.get('asOf') ?? '';
  const asOf = isCalendarDate(raw) ? raw : today();
  const write = (value: string, change: DateChange, state?: RejectedDate) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set('asOf', value);
        else next.delete('asOf');
        return next;
      },
      { replace: change === 'replace', preventScrollReset: true, state },
    );
  // biome-ignore lint/correctness/useExhaustiveDependencies: `write` is re-created on every render; only a new date in the address is checked
  useEffect(() => {
    if (raw && !isCalendarDate(raw)) write('', 'replace', { rejectedAsOf: raw });
  }, [raw]);
  // A new date is a new entry in the history; today is written as no date at all.
  const set = (value: string, change: DateChange = 'push') => {
    const wanted = value === today() ? '' : value;
    if (wanted !== raw) write(wanted, change);
  };
  return [asOf, set];
}

/** At most this many characters of an unusable date are repeated back to the reader. */
const SHOWN_REJECTED_LENGTH = 40;

/** `label` names the date when it is not the page's "as of" one (a report's period start). */
export function DateControl({ asOf, onChange, label }: { asOf: string; onChange: (value: string, change?: DateChange) => void; label?: string }) {
  const { t, date } = useI18n();
  const id = useId();
  const location = useLocation();
  const rejected = rejectedAsOf(location.state);
  const [draft, setDraft] = useState(asOf);
  const [problem, setProblem] = useState('');
  // Typing a date in the field passes through several complete dates (the day "2", then "25"):
  // the first change while the field has focus adds a history entry, the next ones replace it,
  // so Back returns to the date before the field was used, not to each keystroke.
  const pushedWhileFocused = useRef(false);
  useEffect(() => setDraft(asOf), [asOf]);
  const commit = (value: string, change: DateChange = 'push') => {
    if (!isCalendarDate(value)) {
      setProblem(t('date.invalid'));
      return;
    }
    setProblem('');
    setDraft(value);
    onChange(value, change);
  };
  const typed = (value: string) => {
    commit(value, pushedWhileFocused.current ? 'replace' : 'push');
    pushedWhileFocused.current = true;
  };
  return (
    <div className="date-control">
      <label id={`${id}-label`} htmlFor={id}>
        {label ?? t('date.asOf')}
      </label>
      <input
        id={id}
        type="date"
        min="1900-01-01"
        max={today()}
        value={draft}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${id}-problem` : undefined}
        onChange={(e) => {
          setDraft(e.target.value);
          if (isCalendarDate(e.target.value)) typed(e.target.value);
        }}
        onFocus={() => (pushedWhileFocused.current = false)}
        onBlur={() => {
          if (draft !== asOf) typed(draft);
          pushedWhileFocused.current = false;
        }}
      />
      <button type="button" onClick={() => commit(VIENNA_DECLARATION)}>
        {t('date.vienna')}
      </button>
      <button type="button" onClick={() => commit(today())}>
        {t('date.today')}
      </button>
      {problem && (
        <span id={`${id}-problem`} className="field-error" role="alert">
          {problem}
        </span>
      )}
      {rejected !== null && (
        <p className="note date-rejected" role="status">
          {/* The value is the reader's own text, in any script: isolated (FSI…PDI) so that its
              characters cannot reorder the sentence around it in Arabic. */}
          {t('date.rejected', { value: `\u2068${rejected.slice(0, SHOWN_REJECTED_LENGTH)}\u2069`, date: date(asOf) })}
        </p>
      )}
    </div>
  );
}
