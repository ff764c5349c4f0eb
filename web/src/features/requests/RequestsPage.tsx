// States' requests for assistance the reader may see: filters the API applies (State, status,
// overdue, received from/to, kept in the address), then the table's own sort, pages and export.
// Requests are restricted by default to OHCHR and the requesting State, so a reader who is not
// OHCHR is told so: an empty list then says "none you may see", never "there are none".
import { useId, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useAuth } from '../../api/auth.tsx';
import { getAll } from '../../api/client.ts';
import { useAll, useStates } from '../../api/registry.ts';
import { useApi } from '../../api/useApi.ts';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { FactDate } from '../../components/FactDate.tsx';
import { Loadable } from '../../components/PageState.tsx';
import { SelectFilter } from '../../components/SelectFilter.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { isValidPartialDate } from '../../../../src/shared/dates.ts';
import { REQUEST_STATUSES } from '../../../../src/shared/vocabularies.ts';
import { SavedNotice } from '../edits/RecordTools.tsx';
import { anyFilter, filtersOf, type RequestFilters } from './filters.ts';
import type { RequestSummary } from './types.ts';

export function RequestsPage() {
  const { t, lang, href } = useI18n();
  const { can, user } = useAuth();
  const [params, setParams] = useSearchParams();
  const filters = filtersOf(params);
  usePageTitle(t('requests.title'));
  const setFilter = (name: keyof RequestFilters, value: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(name, value);
        else next.delete(name);
        next.delete('r.page');
        return next;
      },
      { replace: true, preventScrollReset: true },
    );
  const key = `requests|${lang}|${user?.id ?? ''}|${JSON.stringify(filters)}`;
  const loaded = useAll(
    useApi(key, (signal) => getAll<RequestSummary>('/requests', { lang, ...filters }, signal), { subject: `requests|${lang}` }),
    useStates(lang),
  );
  const restricted = !can.editAll;
  return (
    <>
      <h1>{t('requests.title')}</h1>
      <p className="lead">{t('requests.lead')}</p>
      <SavedNotice />
      {restricted && <p className="note">{user ? t('requests.restrictedSignedIn') : t('requests.restricted')}</p>}
      {can.editAll && (
        <p>
          <Link className="button-link" to={href('/requests/new')}>
            {t('requests.new')}
          </Link>
        </p>
      )}
      <Loadable loaded={loaded}>
        {([requests, states]) => {
          const stateChoices = [...states].sort((a, b) => a.name.localeCompare(b.name, lang)).map((s): [string, string] => [s.iso3, s.name]);
          const columns: Column<RequestSummary>[] = [
            {
              id: 'received',
              header: t('requests.received'),
              cell: (r) => <FactDate value={r.received} />,
              value: (r) => r.received,
            },
            { id: 'state', header: t('col.state'), cell: (r) => <Link to={href(`/states/${r.state}`)}>{r.stateName}</Link>, value: (r) => r.stateName },
            { id: 'authority', header: t('requests.authority'), cell: (r) => <span dir="auto">{r.authority}</span>, value: (r) => r.authority },
            {
              id: 'subject',
              header: t('requests.subject'),
              cell: (r) => (
                <Link to={href(`/requests/${encodeURIComponent(r.id)}`)} dir="auto">
                  {r.subject}
                </Link>
              ),
              value: (r) => r.subject,
            },
            { id: 'status', header: t('requests.status'), cell: (r) => t(`requests.statusName.${r.status}`), value: (r) => r.status },
            {
              id: 'due',
              header: t('requests.due'),
              cell: (r) => (
                <>
                  {r.due ? <FactDate value={r.due} /> : <span className="muted">{t('requests.noDue')}</span>}
                  {r.overdue && <span className="badge overdue">{t('requests.overdue')}</span>}
                </>
              ),
              value: (r) => r.due ?? '',
            },
            { id: 'overdue', header: t('requests.overdueCol'), cell: (r) => (r.overdue ? t('common.yes') : t('common.no')), value: (r) => r.overdue },
          ];
          const empty = anyFilter(filters) ? t('requests.noneMatch') : restricted ? t('requests.noneVisible') : t('requests.none');
          return (
            <>
              <div className="toolbar">
                <SelectFilter label={t('col.state')} value={filters.state} onChange={(v) => setFilter('state', v)} options={stateChoices} />
                <SelectFilter label={t('requests.status')} value={filters.status} onChange={(v) => setFilter('status', v)} options={REQUEST_STATUSES.map((s) => [s, t(`requests.statusName.${s}`)])} />
                <SelectFilter
                  label={t('requests.overdueCol')}
                  value={filters.overdue}
                  onChange={(v) => setFilter('overdue', v)}
                  options={[
                    ['true', t('requests.onlyOverdue')],
                    ['false', t('requests.notOverdue')],
                  ]}
                />
                <DateFilter label={t('requests.receivedFrom')} value={filters.receivedFrom} onChange={(v) => setFilter('receivedFrom', v)} />
                <DateFilter label={t('requests.receivedTo')} value={filters.receivedTo} onChange={(v) => setFilter('receivedTo', v)} />
              </div>
              <DataTable
                caption={t('requests.caption')}
                columns={columns}
                rows={requests}
                rowKey={(r) => r.id}
                urlKey="r"
                initialSort={{ id: 'received', descending: true }}
                empty={empty}
                exportName="accord-requests"
                exportExtra={(r) => ({ id: r.id, iso3: r.state, statusDate: r.statusDate, confidentiality: r.confidentiality })}
              />
            </>
          );
        }}
      </Loadable>
    </>
  );
}

/** A date typed as YYYY, YYYY-MM or YYYY-MM-DD: applied when it is one (or emptied), else said to be wrong. */
function DateFilter({ label, value, onChange }: { label: string; value: string; onChange: (v: string) => void }) {
  const { t } = useI18n();
  const id = useId();
  const [text, setText] = useState(value);
  const wrong = text.trim() !== '' && !isValidPartialDate(text.trim());
  const change = (next: string) => {
    setText(next);
    const trimmed = next.trim();
    if (trimmed === '' || isValidPartialDate(trimmed)) onChange(trimmed);
  };
  return (
    <label className="field">
      <span>{label}</span>
      <input
        type="text"
        dir="ltr"
        inputMode="numeric"
        size={10}
        placeholder={t('edit.placeholder.date')}
        value={text}
        aria-invalid={wrong || undefined}
        aria-describedby={wrong ? `${id}-error` : undefined}
        onChange={(e) => change(e.target.value)}
      />
      {wrong && (
        <span id={`${id}-error`} className="field-error">
          {t('edit.rule.partialDate')}
        </span>
      )}
    </label>
  );
}
