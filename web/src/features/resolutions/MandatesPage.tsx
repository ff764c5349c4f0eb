// What resolutions ask of whom, by when: the calendar (GET /api/v1/mandate-calendar) groups the
// mandates by the body and session, or the day, they are due at, each group with the last day its
// session can be under way ("not known" when no rule fixes it) and how many are overdue at the
// date chosen; the list (GET /api/v1/mandates) reads them page after page in the API's sort. The
// filters (status, addressee, overdue or not, the date it is judged at) are kept in the address.
import { useEffect, useState } from 'react';
import { getJson } from '../../api/client.ts';
import type { Mandate, MandateCalendar, Page } from '../../api/types.ts';
import { useApi } from '../../api/useApi.ts';
import { useMorePages } from '../../api/useMorePages.ts';
import { FactDate } from '../../components/FactDate.tsx';
import { Loadable, MorePages } from '../../components/PageState.tsx';
import { SelectFilter } from '../../components/SelectFilter.tsx';
import { useDebounced } from '../../components/useDebounced.ts';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useQueryParam } from '../../components/useQueryParam.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { SavedNotice } from '../edits/RecordTools.tsx';
import { MANDATE_STATUSES } from '../../../../src/shared/vocabularies.ts';
import { MandateTable } from './MandateTable.tsx';
import { BodyName } from './parts.tsx';

const PAGE_SIZE = 50;
const SORTS = ['due', 'dueSession', 'status', 'addressee', 'resolution'] as const;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

type Group = MandateCalendar['groups'][number];

function GroupHeading({ group }: { group: Group }) {
  const { t } = useI18n();
  if (group.session !== null) {
    return (
      <>
        <BodyName name={group.body} />, {t('resolutions.sessionN', { n: group.session })}
      </>
    );
  }
  if (group.date) {
    return (
      <>
        {t('mandates.dueOn')} <FactDate value={group.date} />
      </>
    );
  }
  return <>{t('mandates.noDueGroup')}</>;
}

function Calendar({ calendar }: { calendar: MandateCalendar }) {
  const { t } = useI18n();
  if (calendar.groups.length === 0) return <p className="page-state empty">{t('mandates.none')}</p>;
  return (
    <>
      {calendar.groups.map((g, i) => {
        const headingId = `due-group-${i}`;
        return (
          <section key={`${g.body ?? ''} ${g.session ?? ''} ${g.date ?? ''}`} aria-labelledby={headingId} className="due-group">
            <h2 id={headingId}>
              <GroupHeading group={g} />
            </h2>
            <p className="small">
              {g.session !== null && (
                <>
                  {t('mandates.endsBy')}: {g.endsBy ? <FactDate value={g.endsBy} /> : <span className="muted">{t('mandates.notKnown')}</span>}
                  {' · '}
                </>
              )}
              {t('mandates.inGroup', { n: g.mandates.length })}
              {g.overdue > 0 && (
                <>
                  {' · '}
                  <strong className="badge overdue">{t('mandates.overdueCount', { n: g.overdue })}</strong>
                </>
              )}
            </p>
            <MandateTable mandates={g.mandates} caption={t('mandates.groupCaption')} />
          </section>
        );
      })}
    </>
  );
}

function MandateList({ filters }: { filters: Record<string, string> }) {
  const { t, lang } = useI18n();
  const [sort, setSort] = useQueryParam('sort', 'due');
  const key = `mandates|${lang}|${new URLSearchParams({ ...filters, sort }).toString()}`;
  const first = useApi(key, (signal) => getJson<Page<Mandate>>('/mandates', { ...filters, sort, lang, limit: PAGE_SIZE }, signal), { subject: 'mandates' });
  const more = useMorePages(key, first.loading ? undefined : first.data, (cursor, signal) => getJson<Page<Mandate>>('/mandates', { ...filters, sort, lang, limit: PAGE_SIZE, cursor }, signal));
  return (
    <>
      <p className="toolbar">
        <label className="field">
          <span>{t('mandates.sort')}</span>
          <select value={sort} onChange={(e) => setSort(e.target.value)}>
            {SORTS.map((s) => (
              <option key={s} value={s}>
                {t(`mandates.sort.${s}`)}
              </option>
            ))}
          </select>
        </label>
      </p>
      <Loadable loaded={first}>
        {(data) => {
          const rows = [...data.items, ...more.pages.flatMap((p) => p.items)];
          if (rows.length === 0) return <p className="page-state empty">{t('mandates.none')}</p>;
          return (
            <section aria-busy={first.loading || more.loading}>
              <p className="summary" role="status" data-total={data.total}>
                {t('mandates.total', { n: data.total })}
              </p>
              <MandateTable mandates={rows} caption={t('mandates.listCaption')} />
              <MorePages more={more} label={t('resolutions.more', { shown: rows.length, total: data.total })} />
            </section>
          );
        }}
      </Loadable>
    </>
  );
}

export function MandatesPage() {
  const { t } = useI18n();
  usePageTitle(t('mandates.title'));
  const [view, setView] = useQueryParam('view', 'calendar');
  const [status, setStatus] = useQueryParam('status');
  const [overdue, setOverdue] = useQueryParam('overdue');
  const [asOf, setAsOf] = useQueryParam('asOf');
  const [addressee, setAddressee] = useQueryParam('addressee');
  const [typed, setTyped] = useState(addressee);
  const words = useDebounced(typed.trim(), 300);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the settled words change
  useEffect(() => {
    if (words !== addressee) setAddressee(words);
  }, [words]);
  const filters = { status, overdue: overdue === 'true' || overdue === 'false' ? overdue : '', asOf: DAY.test(asOf) ? asOf : '', addressee };
  const calendarKey = view === 'calendar' ? `mandate-calendar|${new URLSearchParams(filters).toString()}` : null;
  const calendar = useApi(calendarKey, (signal) => getJson<MandateCalendar>('/mandate-calendar', filters, signal), { subject: 'mandate-calendar' });
  return (
    <>
      <h1>{t('mandates.title')}</h1>
      <SavedNotice />
      <p className="lead">{t('mandates.lead')}</p>
      <form className="toolbar filters" aria-label={t('mandates.filters')} onSubmit={(e) => e.preventDefault()}>
        <SelectFilter label={t('col.status')} value={status} onChange={setStatus} options={MANDATE_STATUSES.map((s): [string, string] => [s, t(`mandates.status.${s}`)])} />
        <SelectFilter
          label={t('mandates.overdueFilter')}
          value={filters.overdue}
          onChange={setOverdue}
          options={[
            ['true', t('mandates.overdueOnly')],
            ['false', t('mandates.notOverdue')],
          ]}
        />
        <label className="field">
          <span>{t('mandates.addressee')}</span>
          <input type="search" value={typed} maxLength={200} onChange={(e) => setTyped(e.target.value)} />
        </label>
        <label className="field">
          <span>{t('mandates.asOf')}</span>
          <input type="date" dir="ltr" value={filters.asOf} onChange={(e) => setAsOf(e.target.value)} />
        </label>
      </form>
      <fieldset className="toolbar view-switch">
        <legend className="visually-hidden">{t('mandates.view')}</legend>
        {(['calendar', 'list'] as const).map((v) => (
          <button key={v} type="button" aria-pressed={view === v} onClick={() => setView(v)}>
            {t(`mandates.view.${v}`)}
          </button>
        ))}
      </fieldset>
      {view === 'calendar' ? (
        <Loadable loaded={calendar}>
          {(c) => (
            <>
              <p className="summary" role="status">
                {t('mandates.judgedAt')} <FactDate value={c.asOf} />
              </p>
              <Calendar calendar={c} />
            </>
          )}
        </Loadable>
      ) : (
        <MandateList filters={filters} />
      )}
    </>
  );
}
