// The events of the technical-cooperation programme (training courses, workshops, meetings…):
// filtered by kind, State, series and dates as the API filters them (the filters live in the
// address), in the API's order (start date), a page of the API's at a time ("More events" reads
// the next with its cursor); the table sorts and exports the rows loaded. Whole lists are links
// to the API's streamed CSV exports, and the public calendar's address is given for calendar
// programs.
import { type FormEvent, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useAuth } from '../../api/auth.tsx';
import { apiUrl, getJson } from '../../api/client.ts';
import { useStates } from '../../api/registry.ts';
import { useApi } from '../../api/useApi.ts';
import { useMorePages } from '../../api/useMorePages.ts';
import { isolate } from '../../components/bidi.ts';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { ErrorState, Loadable } from '../../components/PageState.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { EVENT_KINDS } from '../../../../src/shared/vocabularies.ts';
import { datesText, EventDates } from './EventDates.tsx';
import { EventTitle } from './EventTitle.tsx';
import { badDates, EVENT_FILTERS, type EventFilters, filtersFrom, filtersKey, regionsOf } from './filters.ts';
import type { EventItem, EventPage, EventSeries } from './types.ts';

const PAGE_SIZE = 100;

export function EventsPage() {
  const { t, href } = useI18n();
  const { can } = useAuth();
  const [params, setParams] = useSearchParams();
  const filters = filtersFrom(params);
  usePageTitle(t('events.title'));
  const apply = (next: EventFilters) =>
    setParams(() => {
      const p = new URLSearchParams();
      for (const f of EVENT_FILTERS) if (next[f]) p.set(f, next[f]);
      return p;
    });
  const wanted = Object.fromEntries(EVENT_FILTERS.map((f) => [f, filters[f] || undefined]));
  return (
    <>
      <h1>{t('events.title')}</h1>
      <p className="lead">{t('events.lead')}</p>
      <p>
        <Link to={href('/events/calendar')}>{t('events.toCalendar')}</Link>
        {can.editAll && (
          <>
            {' · '}
            <Link className="button-link" to={href('/events/new')}>
              {t('events.new')}
            </Link>
          </>
        )}
      </p>
      <FilterForm key={filtersKey(filters)} filters={filters} onApply={apply} />
      <section aria-labelledby="events-downloads" className="panel">
        <h2 id="events-downloads">{t('events.downloads')}</h2>
        <ul>
          <li>
            <a href={apiUrl('/events/export/events.csv', wanted)} download="accord-events.csv">
              {t('events.csvEvents')}
            </a>
          </li>
          <li>
            <a href={apiUrl('/events/export/participation.csv', wanted)} download="accord-participation.csv">
              {t('events.csvParticipation')}
            </a>
          </li>
        </ul>
        <PublicCalendar />
      </section>
      <Results key={filtersKey(filters)} filters={filters} />
    </>
  );
}

/** The public calendar's address, to subscribe to in a calendar program (events known to the day). */
export function PublicCalendar() {
  const { t } = useI18n();
  const address = `${window.location.origin}${apiUrl('/events.ics')}`;
  return (
    <div className="form-field">
      <label htmlFor="public-ics">{t('calendar.publicFeed')}</label>
      <span className="hint" id="public-ics-hint">
        {t('calendar.publicFeedHint')}
      </span>
      <input id="public-ics" readOnly value={address} dir="ltr" aria-describedby="public-ics-hint" onFocus={(e) => e.currentTarget.select()} />
      <a href={apiUrl('/events.ics')}>{t('calendar.download')}</a>
    </div>
  );
}

function FilterForm({ filters, onApply }: { filters: EventFilters; onApply: (filters: EventFilters) => void }) {
  const { t, lang } = useI18n();
  const [draft, setDraft] = useState(filters);
  const [bad, setBad] = useState<('from' | 'to')[]>([]);
  const states = useStates(lang);
  const series = useApi(`event-series|${lang}`, (signal) => getJson<{ items: EventSeries[] }>('/event-series', { lang }, signal));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = Object.fromEntries(EVENT_FILTERS.map((f) => [f, draft[f].trim()])) as EventFilters;
    const wrong = badDates(trimmed);
    setBad(wrong);
    if (wrong.length === 0) onApply(trimmed);
  };
  const select = (name: 'kind' | 'country' | 'region' | 'series', options: [string, string][]) => (
    <div className="field">
      <label htmlFor={`events-filter-${name}`}>{t(`events.filter.${name}`)}</label>
      <select id={`events-filter-${name}`} value={draft[name]} onChange={(e) => setDraft({ ...draft, [name]: e.target.value })}>
        <option value="">{t('common.all')}</option>
        {options.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    </div>
  );
  const date = (name: 'from' | 'to') => (
    <div className="field">
      <label htmlFor={`events-filter-${name}`}>{t(`events.filter.${name}`)}</label>
      <input
        id={`events-filter-${name}`}
        value={draft[name]}
        onChange={(e) => setDraft({ ...draft, [name]: e.target.value })}
        dir="ltr"
        inputMode="numeric"
        placeholder={t('edit.placeholder.date')}
        aria-invalid={bad.includes(name) || undefined}
        aria-describedby={bad.includes(name) ? `events-${name}-error` : undefined}
      />
      {bad.includes(name) && (
        <span className="field-error" id={`events-${name}-error`}>
          {t('edit.rule.partialDate')}
        </span>
      )}
    </div>
  );
  const stateOptions = [...(states.data ?? [])].sort((a, b) => a.name.localeCompare(b.name, lang)).map((s): [string, string] => [s.iso3, s.name]);
  return (
    // biome-ignore lint/a11y/useSemanticElements: the filters of the list, a search landmark would clash with the site's search
    <form className="toolbar filters" onSubmit={submit} role="group" aria-label={t('events.filters')} noValidate>
      {select(
        'kind',
        EVENT_KINDS.map((k) => [k, t(`events.kind.${k}`)]),
      )}
      {select('country', stateOptions)}
      {select('region', regionsOf(states.data ?? [], lang))}
      {select(
        'series',
        (series.data?.items ?? []).map((s) => [s.id, s.title]),
      )}
      {date('from')}
      {date('to')}
      <div className="buttons">
        <button type="submit" className="primary">
          {t('events.apply')}
        </button>
        <button type="button" onClick={() => onApply({ kind: '', country: '', region: '', series: '', from: '', to: '' })}>
          {t('events.clear')}
        </button>
      </div>
    </form>
  );
}

function Results({ filters }: { filters: EventFilters }) {
  const { t, lang, href, number } = useI18n();
  const states = useStates(lang);
  const query = { ...filters, lang, limit: PAGE_SIZE };
  const key = `events|${lang}|${filtersKey(filters)}`;
  const first = useApi(key, (signal) => getJson<EventPage>('/events', query, signal));
  const more = useMorePages<EventPage>(key, first.data, (cursor, signal) => getJson<EventPage>('/events', { ...query, cursor }, signal));
  const names = new Map((states.data ?? []).map((s) => [s.iso3, s.name]));
  const columns: Column<EventItem>[] = [
    { id: 'dates', header: t('events.col.dates'), cell: (e) => <EventDates start={e.start} end={e.end} />, value: (e) => datesText(e.start, e.end) },
    {
      id: 'title',
      header: t('events.col.title'),
      cell: (e) => (
        <Link to={href(`/events/${e.id}`)}>
          <EventTitle title={e.title} />
        </Link>
      ),
      value: (e) => e.title,
    },
    { id: 'kind', header: t('events.col.kind'), cell: (e) => t(`events.kind.${e.kind}`), value: (e) => e.kind },
    {
      id: 'place',
      header: t('events.col.place'),
      cell: (e) => placeText(e, names, true),
      value: (e) => placeText(e, names),
    },
    {
      id: 'series',
      header: t('events.col.series'),
      cell: (e) =>
        e.series ? (
          <Link to={href(`/events/series/${e.series.id}`)}>
            <EventTitle title={e.series.title} />
          </Link>
        ) : (
          ''
        ),
      value: (e) => e.series?.title ?? '',
    },
  ];
  return (
    <Loadable loaded={first}>
      {(page) => {
        const rows = [...page.items, ...more.pages.flatMap((p) => p.items)];
        return (
          <>
            <p role="status">{t('events.count', { shown: number(rows.length), total: number(page.total) })}</p>
            <DataTable
              caption={t('events.caption')}
              columns={columns}
              rows={rows}
              rowKey={(e) => e.id}
              urlKey="t"
              initialSort={null}
              exportName="accord-events-shown"
              exportExtra={(e) => ({ id: e.id, start: e.start, end: e.end, country: e.country, region: e.region, confidentiality: e.confidentiality })}
              empty={t('events.none')}
            />
            {more.error && <ErrorState error={more.error} retry={more.loadMore} />}
            {more.next && (
              <p>
                <button type="button" onClick={more.loadMore} disabled={more.loading}>
                  {more.loading ? t('status.loading') : t('events.more')}
                </button>
              </p>
            )}
          </>
        );
      }}
    </Loadable>
  );
}

/** "Islamabad, Pakistan". `shown`: the city (as the sources spell it, in Latin letters) is isolated,
 *  so the comma stays in place in Arabic; exports and sorting take the plain text. */
export function placeText(e: { city: string | null; country: string | null }, names: Map<string, string>, shown = false): string {
  const city = e.city && shown ? isolate(e.city) : e.city;
  return [city, e.country ? (names.get(e.country) ?? e.country) : null].filter(Boolean).join(', ');
}
