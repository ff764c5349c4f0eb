// The calendar of events: a month grid (Monday first; each event a link on each of its days),
// previous and next month buttons and a month-and-year picker (the shipped events are of the
// 1990s and 2000s), and the same month as an agenda list, for screen readers and small screens.
// Events known only to the month or the year are listed under the month or year as such, never
// on a day the sources do not state. The month lives in the address (?month=2003-02; a change
// adds an entry to the history); without one the calendar opens at the next event's month, else
// the latest past one's (start-month.ts).
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { getAll } from '../../api/client.ts';
import { useStates } from '../../api/registry.ts';
import { useApi } from '../../api/useApi.ts';
import { Empty, Loadable } from '../../components/PageState.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { LOCALES, useI18n } from '../../i18n/i18n.tsx';
import { isMonth, type Month, monthWeeks, planMonth, shiftMonth } from './calendar-model.ts';
import { EventDates } from './EventDates.tsx';
import { EventTitle } from './EventTitle.tsx';
import { placeText, PublicCalendar } from './EventsPage.tsx';
import { startMonth } from './start-month.ts';
import type { EventItem } from './types.ts';

export function CalendarPage() {
  const { t, href } = useI18n();
  const [params, setParams] = useSearchParams();
  const asked = params.get('month') ?? '';
  usePageTitle(t('calendar.title'));
  const start = useApi(isMonth(asked) ? null : 'calendar-start', (signal) => startMonth(signal));
  const go = (month: Month) => setParams({ month });
  return (
    <>
      <p className="breadcrumb">
        <Link to={href('/events')}>{t('events.title')}</Link>
      </p>
      <h1>{t('calendar.title')}</h1>
      <p className="lead">{t('calendar.lead')}</p>
      {asked && !isMonth(asked) && <p className="note">{t('calendar.badMonth')}</p>}
      {isMonth(asked) ? <MonthSection month={asked} onGo={go} /> : <Loadable loaded={start}>{(month) => <MonthSection month={month} onGo={go} />}</Loadable>}
      <PublicCalendar />
    </>
  );
}

function MonthSection({ month, onGo }: { month: Month; onGo: (month: Month) => void }) {
  const { t, lang, date } = useI18n();
  const loaded = useApi(`calendar|${lang}|${month}`, (signal) => getAll<EventItem>('/events', { from: month, to: month, lang }, signal), { subject: `calendar|${lang}` });
  const heading = useRef<HTMLHeadingElement>(null);
  const [moved, setMoved] = useState(false);
  // After the picker is used, the month's heading takes focus, so the reader hears where they are.
  useEffect(() => {
    if (moved) heading.current?.focus();
  }, [moved]);
  return (
    <>
      <nav className="toolbar calendar-nav" aria-label={t('calendar.months')}>
        <button type="button" onClick={() => onGo(shiftMonth(month, -1))}>
          {t('calendar.previous')}
          <span className="visually-hidden"> ({date(shiftMonth(month, -1))})</span>
        </button>
        <button type="button" onClick={() => onGo(shiftMonth(month, 1))}>
          {t('calendar.next')}
          <span className="visually-hidden"> ({date(shiftMonth(month, 1))})</span>
        </button>
        <MonthPicker
          key={month}
          month={month}
          onGo={(m) => {
            setMoved(true);
            onGo(m);
          }}
        />
      </nav>
      <h2 ref={heading} tabIndex={-1} aria-live="polite" className="calendar-month">
        {date(month)}
      </h2>
      <Loadable loaded={loaded}>{(events) => <MonthView month={month} events={events} />}</Loadable>
    </>
  );
}

function MonthPicker({ month, onGo }: { month: Month; onGo: (month: Month) => void }) {
  const { t, lang } = useI18n();
  const [year, setYear] = useState(month.slice(0, 4));
  const [monthNumber, setMonthNumber] = useState(month.slice(5, 7));
  const [bad, setBad] = useState(false);
  const names = new Intl.DateTimeFormat(LOCALES[lang], { month: 'long', timeZone: 'UTC' });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const wanted = `${year.trim()}-${monthNumber}`;
    const ok = /^\d{4}$/.test(year.trim()) && isMonth(wanted);
    setBad(!ok);
    if (ok) onGo(wanted);
  };
  return (
    <form className="filters calendar-picker" onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor="calendar-month-picked">{t('calendar.month')}</label>
        <select id="calendar-month-picked" value={monthNumber} onChange={(e) => setMonthNumber(e.target.value)}>
          {Array.from({ length: 12 }, (_, i) => String(i + 1).padStart(2, '0')).map((m) => (
            <option key={m} value={m}>
              {names.format(new Date(`2000-${m}-01T00:00:00Z`))}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="calendar-year-picked">{t('calendar.year')}</label>
        <input
          id="calendar-year-picked"
          value={year}
          onChange={(e) => setYear(e.target.value)}
          inputMode="numeric"
          dir="ltr"
          size={5}
          aria-invalid={bad || undefined}
          aria-describedby={bad ? 'calendar-year-error' : undefined}
        />
        {bad && (
          <span className="field-error" id="calendar-year-error">
            {t('calendar.badYear')}
          </span>
        )}
      </div>
      <button type="submit">{t('calendar.show')}</button>
    </form>
  );
}

function MonthView({ month, events }: { month: Month; events: EventItem[] }) {
  const { t, lang, href, number, date } = useI18n();
  const states = useStates(lang);
  const names = new Map((states.data ?? []).map((s) => [s.iso3, s.name]));
  const plan = planMonth(month, events);
  const weekdays = new Intl.DateTimeFormat(LOCALES[lang], { weekday: 'short', timeZone: 'UTC' });
  const weekdaysLong = new Intl.DateTimeFormat(LOCALES[lang], { weekday: 'long', timeZone: 'UTC' });
  // 2001-01-01 was a Monday.
  const week = Array.from({ length: 7 }, (_, i) => new Date(Date.UTC(2001, 0, 1 + i)));
  const item = (e: EventItem) => (
    <li key={e.id}>
      <EventDates start={e.start} end={e.end} /> —{' '}
      <Link to={href(`/events/${e.id}`)}>
        <EventTitle title={e.title} />
      </Link>
      {placeText(e, names) && <span className="muted"> ({placeText(e, names, true)})</span>}
    </li>
  );
  return (
    <>
      <div className="calendar-scroll">
        <table className="calendar-grid">
          <caption className="visually-hidden">{t('calendar.gridCaption', { month: date(month) })}</caption>
          <thead>
            <tr>
              {week.map((d) => (
                <th key={d.getUTCDay()} scope="col" className="cal-cell">
                  <abbr title={weekdaysLong.format(d)}>{weekdays.format(d)}</abbr>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {monthWeeks(month).map((days) => (
              <tr key={days.find(Boolean)}>
                {days.map((day, i) =>
                  day ? (
                    <td key={day} data-day={day} className={plan.byDay.has(day) ? 'cal-cell cal-day has-events' : 'cal-cell cal-day'}>
                      <time dateTime={day} className="day-number">
                        {number(Number(day.slice(8)))}
                      </time>
                      {plan.byDay.has(day) && (
                        <ul className="cal-events">
                          {plan.byDay.get(day)!.map((e) => (
                            <li key={e.id}>
                              <Link to={href(`/events/${e.id}`)}>
                                <EventTitle title={e.title} />
                              </Link>
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                  ) : (
                    // biome-ignore lint/suspicious/noArrayIndexKey: the blank days before and after the month, fixed by their place
                    <td key={`blank-${i}`} className="cal-cell cal-day blank" />
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section aria-labelledby="agenda-title" className="agenda">
        <h2 id="agenda-title">{t('calendar.agenda', { month: date(month) })}</h2>
        {plan.agenda.length === 0 ? <Empty>{t('calendar.noEvents')}</Empty> : <ol className="agenda-list">{plan.agenda.map(item)}</ol>}
        {plan.monthOnly.length > 0 && (
          <>
            <h3>{t('calendar.monthOnly', { month: date(month) })}</h3>
            <ul className="agenda-list partial-dates">{plan.monthOnly.map(item)}</ul>
          </>
        )}
        {plan.yearOnly.length > 0 && (
          <>
            <h3>{t('calendar.yearOnly', { year: month.slice(0, 4) })}</h3>
            <ul className="agenda-list partial-dates">{plan.yearOnly.map(item)}</ul>
          </>
        )}
      </section>
    </>
  );
}
