// The programme's dashboard (/:lang/cooperation, GET /api/v1/cooperation/dashboard): filters
// (a region, a range of years) kept in the address; requests, projects, events and participants
// per year as stacked bars, each with its table; budgets per year, source and currency as a
// table (amounts in different currencies are never added); a map of the records per State with
// its table; and links to the lists of the records themselves. Counts are of what the reader
// may see: the API counts through their view.
import { type FormEvent, useEffect, useId, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { getJson } from '../../api/client.ts';
import type { CooperationDashboard } from '../../api/types.ts';
import { useApi } from '../../api/useApi.ts';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { Loadable } from '../../components/PageState.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { type BarSeries, YearBars } from '../recommendations/YearBars.tsx';
import { CooperationMap } from './CooperationMap.tsx';

const YEAR = /^\d{4}$/;

type Filters = { region: string; from: string; to: string };

function FilterForm({ filters, regions, onApply }: { filters: Filters; regions: { code: string; name: string }[]; onApply: (f: Filters) => void }) {
  const { t } = useI18n();
  const id = useId();
  const [draft, setDraft] = useState(filters);
  const [problem, setProblem] = useState(false);
  useEffect(() => setDraft(filters), [filters]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const bad = (y: string) => y !== '' && !YEAR.test(y);
    if (bad(draft.from) || bad(draft.to) || (draft.from && draft.to && draft.from > draft.to)) {
      setProblem(true);
      return;
    }
    setProblem(false);
    onApply(draft);
  };
  return (
    <form className="toolbar cooperation-filters" onSubmit={submit} aria-label={t('cooperation.filters')}>
      <label htmlFor={`${id}-region`}>{t('cooperation.region')}</label>
      <select id={`${id}-region`} value={draft.region} onChange={(e) => setDraft({ ...draft, region: e.target.value })}>
        <option value="">{t('cooperation.allRegions')}</option>
        {regions.map((r) => (
          <option key={r.code} value={r.code}>
            {r.name}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-from`}>{t('cooperation.from')}</label>
      <input
        id={`${id}-from`}
        inputMode="numeric"
        size={5}
        maxLength={4}
        value={draft.from}
        onChange={(e) => setDraft({ ...draft, from: e.target.value.trim() })}
        aria-invalid={problem || undefined}
        aria-describedby={problem ? `${id}-problem` : undefined}
      />
      <label htmlFor={`${id}-to`}>{t('cooperation.to')}</label>
      <input
        id={`${id}-to`}
        inputMode="numeric"
        size={5}
        maxLength={4}
        value={draft.to}
        onChange={(e) => setDraft({ ...draft, to: e.target.value.trim() })}
        aria-invalid={problem || undefined}
        aria-describedby={problem ? `${id}-problem` : undefined}
      />
      <button type="submit">{t('cooperation.apply')}</button>
      {(filters.region || filters.from || filters.to) && (
        <button type="button" onClick={() => onApply({ region: '', from: '', to: '' })}>
          {t('cooperation.clear')}
        </button>
      )}
      {problem && (
        <p id={`${id}-problem`} role="alert" className="error">
          {t('cooperation.badYears')}
        </p>
      )}
    </form>
  );
}

const counts = (rows: { year: string; key: string; count: number }[]) => rows.map((r) => ({ year: r.year, value: r.key, count: r.count }));

function series(keys: readonly string[], present: { key: string }[], label: (key: string) => string): BarSeries[] {
  return keys.filter((k) => present.some((p) => p.key === k)).map((k) => ({ key: k, label: label(k) }));
}

const REQUEST_STATUSES = ['received', 'under-assessment', 'accepted', 'declined', 'answered', 'closed'] as const;
const PROJECT_STATUSES = ['pipeline', 'implementation', 'finalisation', 'closed', 'cancelled', 'suspended'] as const;
const EVENT_KINDS = [
  'regional-training-course',
  'subregional-training-course',
  'workshop',
  'high-level-governmental-expert-meeting',
  'regional-nhri-conference',
  'national-training-course',
  'seminar',
] as const;
const GENDERS = ['women', 'men', 'other', 'not-recorded'] as const;

function Participants({ d }: { d: CooperationDashboard }) {
  const { t, number } = useI18n();
  const rows = d.participants.flatMap((p) => p.byGender.map((g) => ({ year: p.year, value: g.gender, count: g.headcount })));
  const genders: BarSeries[] = [
    ...GENDERS.filter((g) => rows.some((r) => r.value === g)).map((g) => ({ key: g, label: t(`cooperation.gender.${g}`) })),
    ...(rows.some((r) => r.value === null) ? [{ key: null, label: t('cooperation.gender.none') }] : []),
  ];
  type Row = CooperationDashboard['participants'][number];
  const columns: Column<Row>[] = [
    { id: 'year', header: t('cooperation.year'), cell: (r) => r.year, value: (r) => r.year },
    { id: 'counted', header: t('cooperation.withCounts'), cell: (r) => number(r.eventsCounted), value: (r) => r.eventsCounted, numeric: true },
    { id: 'without', header: t('cooperation.withoutCounts'), cell: (r) => number(r.eventsWithoutCounts), value: (r) => r.eventsWithoutCounts, numeric: true },
    { id: 'participants', header: t('cooperation.participants'), cell: (r) => (r.headcount === null ? t('cooperation.notCounted') : number(r.headcount)), value: (r) => r.headcount, numeric: true },
  ];
  return (
    <>
      {rows.length > 0 && <YearBars name="" title={t('cooperation.participantsCaption')} series={genders} counts={rows} exportName="cooperation-participants" axis={t('cooperation.participants')} />}
      <p className="muted small">{t('cooperation.participantsNote')}</p>
      <DataTable
        caption={t('cooperation.withoutCounts')}
        columns={columns}
        rows={d.participants}
        rowKey={(r) => r.year}
        exportName="accord-cooperation-participation-counts"
        urlKey="counts"
        empty={t('cooperation.none')}
      />
    </>
  );
}

function Funds({ d }: { d: CooperationDashboard }) {
  const { t, number } = useI18n();
  type Row = CooperationDashboard['funds'][number];
  const columns: Column<Row>[] = [
    { id: 'year', header: t('cooperation.year'), cell: (r) => r.year, value: (r) => r.year },
    { id: 'fundingSource', header: t('cooperation.fundingSource'), cell: (r) => t(`cooperation.source.${r.fundingSource}`), value: (r) => r.fundingSource },
    { id: 'currency', header: t('cooperation.currency'), cell: (r) => <bdi>{r.currency}</bdi>, value: (r) => r.currency },
    // The exact decimal as the API gives it (a string): never through a float.
    { id: 'amount', header: t('cooperation.amount'), cell: (r) => <bdi dir="ltr">{r.amount}</bdi>, value: (r) => r.amount, numeric: true },
    { id: 'lines', header: t('cooperation.lines'), cell: (r) => number(r.lines), value: (r) => r.lines, numeric: true },
  ];
  return (
    <DataTable
      caption={t('cooperation.fundsCaption')}
      columns={columns}
      rows={d.funds}
      rowKey={(r) => `${r.year}|${r.fundingSource}|${r.currency}`}
      exportName="accord-cooperation-budgets"
      urlKey="funds"
      empty={t('cooperation.noFunds')}
      initialSort={null}
    />
  );
}

function Dashboard({ d }: { d: CooperationDashboard }) {
  const { t } = useI18n();
  const empty = d.requests.byStatus.length + d.projects.byStatus.length + d.events.byKind.length === 0;
  return (
    <>
      {d.from && d.to && <p className="muted">{t('cooperation.shown', { from: d.from, to: d.to })}</p>}
      {empty && <p className="empty">{t('cooperation.none')}</p>}
      <section aria-labelledby="coop-requests">
        <h2 id="coop-requests">{t('cooperation.requests')}</h2>
        {d.requests.byStatus.length ? (
          <YearBars
            name=""
            title={t('cooperation.requestsCaption')}
            series={series(REQUEST_STATUSES, d.requests.byStatus, (k) => t(`cooperation.requestStatus.${k}`))}
            counts={counts(d.requests.byStatus)}
            exportName="cooperation-requests"
            axis={t('cooperation.axisCount')}
          />
        ) : (
          <p className="empty">{t('cooperation.none')}</p>
        )}
      </section>
      <section aria-labelledby="coop-projects">
        <h2 id="coop-projects">{t('cooperation.projects')}</h2>
        {d.projects.byStatus.length ? (
          <YearBars
            name=""
            title={t('cooperation.projectsCaption')}
            series={series(PROJECT_STATUSES, d.projects.byStatus, (k) => t(`cooperation.projectStatus.${k}`))}
            counts={counts(d.projects.byStatus)}
            exportName="cooperation-projects"
            axis={t('cooperation.axisCount')}
          />
        ) : (
          <p className="empty">{t('cooperation.none')}</p>
        )}
      </section>
      <section aria-labelledby="coop-events">
        <h2 id="coop-events">{t('cooperation.events')}</h2>
        {d.events.byKind.length ? (
          <YearBars
            name=""
            title={t('cooperation.eventsCaption')}
            series={series(EVENT_KINDS, d.events.byKind, (k) => t(`cooperation.kind.${k}`))}
            counts={counts(d.events.byKind)}
            exportName="cooperation-events"
            axis={t('cooperation.axisCount')}
          />
        ) : (
          <p className="empty">{t('cooperation.none')}</p>
        )}
      </section>
      <section aria-labelledby="coop-participants">
        <h2 id="coop-participants">{t('cooperation.participants')}</h2>
        <Participants d={d} />
      </section>
      <section aria-labelledby="coop-funds">
        <h2 id="coop-funds">{t('cooperation.funds')}</h2>
        <Funds d={d} />
      </section>
      <section aria-labelledby="coop-map">
        <h2 id="coop-map">{t('cooperation.map')}</h2>
        <CooperationMap countries={d.countries} caption={t('cooperation.mapCaption')} />
      </section>
    </>
  );
}

export function CooperationPage() {
  const { t, lang, href } = useI18n();
  usePageTitle(t('cooperation.title'));
  const [params, setParams] = useSearchParams();
  const filters: Filters = { region: params.get('region') ?? '', from: params.get('from') ?? '', to: params.get('to') ?? '' };
  const query = { region: filters.region || undefined, from: filters.from || undefined, to: filters.to || undefined, lang };
  const loaded = useApi(`cooperation-dashboard|${lang}|${filters.region}|${filters.from}|${filters.to}`, (signal) => getJson<CooperationDashboard>('/cooperation/dashboard', query, signal), {
    subject: 'cooperation-dashboard',
  });
  const apply = (f: Filters) => {
    const next = new URLSearchParams(params);
    for (const [name, value] of Object.entries(f)) {
      if (value) next.set(name, value);
      else next.delete(name);
    }
    setParams(next, { replace: true, preventScrollReset: true });
  };
  return (
    <>
      <h1>{t('cooperation.title')}</h1>
      <p className="lead">{t('cooperation.lead')}</p>
      <nav aria-label={t('cooperation.lists')} className="cooperation-links">
        <ul className="inline-list">
          <li>
            <Link to={href('/requests')}>{t('cooperation.requests')}</Link>
          </li>
          <li>
            <Link to={href('/projects')}>{t('cooperation.projects')}</Link>
          </li>
          <li>
            <Link to={href('/events')}>{t('cooperation.events')}</Link>
          </li>
          <li>
            <Link to={href('/events/calendar')}>{t('cooperation.calendar')}</Link>
          </li>
        </ul>
      </nav>
      <FilterForm filters={filters} regions={loaded.data?.regions ?? []} onApply={apply} />
      <Loadable loaded={loaded}>{(d) => <Dashboard d={d} />}</Loadable>
    </>
  );
}
