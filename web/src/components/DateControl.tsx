// "As of" date shared by pages through the address (?asOf=YYYY-MM-DD), so a view can be linked.
import { useEffect, useId, useState } from 'react';
import { isValidDay } from '../../../src/shared/dates.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useQueryParam } from './useQueryParam.ts';

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

/** The page's date: the one in the address when it is a usable date, else today (and the
 *  unusable one is taken out of the address, so the address says what the page shows). */
export function useAsOf(): [string, (value: string) => void] {
  const [raw, setRaw] = useQueryParam('asOf');
  const asOf = isCalendarDate(raw) ? raw : today();
  useEffect(() => {
    if (raw && !isCalendarDate(raw)) setRaw('');
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [raw]);
  const set = (value: string) => setRaw(value === today() ? '' : value);
  return [asOf, set];
}

export function DateControl({ asOf, onChange }: { asOf: string; onChange: (value: string) => void }) {
  const { t } = useI18n();
  const id = useId();
  const [draft, setDraft] = useState(asOf);
  const [problem, setProblem] = useState('');
  useEffect(() => setDraft(asOf), [asOf]);
  const commit = (value: string) => {
    if (!isCalendarDate(value)) {
      setProblem(t('date.invalid'));
      return;
    }
    setProblem('');
    setDraft(value);
    onChange(value);
  };
  return (
    <div className="date-control">
      <label id={`${id}-label`} htmlFor={id}>
        {t('date.asOf')}
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
          if (isCalendarDate(e.target.value)) commit(e.target.value);
        }}
        onBlur={() => draft !== asOf && commit(draft)}
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
    </div>
  );
}
