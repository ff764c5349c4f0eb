// Technical-cooperation projects the reader may see: filters the API applies (State, region,
// status, funding source, year; kept in the address), the table's own sort, pages and export,
// links to the API's exports of the same projects (CSV, XLSX, and IATI XML with the publisher
// named), and the totals of their money per currency and, where rates exist, in one currency.
import { useId } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useAuth } from '../../api/auth.tsx';
import { apiUrl, getAll } from '../../api/client.ts';
import { useAll, useStates } from '../../api/registry.ts';
import { useApi } from '../../api/useApi.ts';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { FactDate } from '../../components/FactDate.tsx';
import { Loadable } from '../../components/PageState.tsx';
import { SelectFilter } from '../../components/SelectFilter.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { LOCALES, useI18n } from '../../i18n/i18n.tsx';
import { FUNDING_SOURCES, PROJECT_STATUSES } from '../../../../src/shared/vocabularies.ts';
import { SavedNotice } from '../edits/RecordTools.tsx';
import { stateChoices } from '../requests/RequestEditPages.tsx';
import { anyFilter, filtersOf, type ProjectFilters, regionChoices } from './filters.ts';
import { formatMoney } from './money.ts';
import { Totals } from './Totals.tsx';
import type { ProjectSummary } from './types.ts';

export function ProjectsPage() {
  const { t, lang, href } = useI18n();
  const { can, user } = useAuth();
  const [params, setParams] = useSearchParams();
  const filters = filtersOf(params);
  usePageTitle(t('projects.title'));
  const setFilter = (name: keyof ProjectFilters, value: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(name, value);
        else next.delete(name);
        next.delete('p.page');
        return next;
      },
      { replace: true, preventScrollReset: true },
    );
  const loaded = useAll(
    useApi(`projects|${lang}|${user?.id ?? ''}|${JSON.stringify(filters)}`, (signal) => getAll<ProjectSummary>('/projects', { lang, ...filters }, signal), { subject: `projects|${lang}` }),
    useStates(lang),
  );
  const locale = LOCALES[lang];
  const years = Array.from({ length: 40 }, (_, i) => String(new Date().getUTCFullYear() + 5 - i)).map((y): [string, string] => [y, y]);
  return (
    <>
      <h1>{t('projects.title')}</h1>
      <p className="lead">{t('projects.lead')}</p>
      <SavedNotice />
      {can.editAll && (
        <p>
          <Link className="button-link" to={href('/projects/new')}>
            {t('projects.new')}
          </Link>
        </p>
      )}
      <Loadable loaded={loaded}>
        {([projects, states]) => {
          const columns: Column<ProjectSummary>[] = [
            { id: 'title', header: t('projects.projectTitle'), cell: (p) => <Link to={href(`/projects/${encodeURIComponent(p.id)}`)}>{p.title}</Link>, value: (p) => p.title },
            { id: 'status', header: t('projects.status'), cell: (p) => t(`projects.statusName.${p.status}`), value: (p) => p.status },
            {
              id: 'countries',
              header: t('projects.countries'),
              cell: (p) =>
                p.countries.length === 0 ? (
                  (p.region?.name ?? <span className="muted">—</span>)
                ) : (
                  <ul className="inline-list">
                    {p.countries.map((c) => (
                      <li key={c.iso3}>
                        <Link to={href(`/states/${c.iso3}`)}>{c.name}</Link>
                      </li>
                    ))}
                  </ul>
                ),
              value: (p) => [...p.countries.map((c) => c.name), p.region?.name ?? ''].filter(Boolean).join(', '),
            },
            { id: 'start', header: t('projects.start'), cell: (p) => <FactDate value={p.actualStart ?? p.plannedStart} />, value: (p) => p.actualStart ?? p.plannedStart ?? '' },
            { id: 'end', header: t('projects.end'), cell: (p) => <FactDate value={p.actualEnd ?? p.plannedEnd} />, value: (p) => p.actualEnd ?? p.plannedEnd ?? '' },
            { id: 'funding', header: t('projects.fundingSource'), cell: (p) => p.fundingSources.map((f) => t(`projects.source.${f}`)).join(', '), value: (p) => p.fundingSources.join(' ') },
            {
              id: 'budget',
              header: t('projects.budget'),
              cell: (p) =>
                p.budgetByCurrency.length === 0 ? (
                  <span className="muted">{t('projects.noBudget')}</span>
                ) : (
                  <ul className="inline-list">
                    {p.budgetByCurrency.map((m) => (
                      <li key={m.currency}>
                        <bdi className="money">{formatMoney(m.amount, m.currency, locale)}</bdi>
                      </li>
                    ))}
                  </ul>
                ),
              value: (p) => p.budgetByCurrency.map((m) => `${m.amount} ${m.currency}`).join('; '),
            },
          ];
          return (
            <>
              <div className="toolbar">
                <SelectFilter label={t('col.state')} value={filters.state} onChange={(v) => setFilter('state', v)} options={stateChoices(states, lang)} />
                <SelectFilter label={t('projects.region')} value={filters.region} onChange={(v) => setFilter('region', v)} options={regionChoices(states, lang)} />
                <SelectFilter label={t('projects.status')} value={filters.status} onChange={(v) => setFilter('status', v)} options={PROJECT_STATUSES.map((s) => [s, t(`projects.statusName.${s}`)])} />
                <SelectFilter
                  label={t('projects.fundingSource')}
                  value={filters.fundingSource}
                  onChange={(v) => setFilter('fundingSource', v)}
                  options={FUNDING_SOURCES.map((s) => [s, t(`projects.source.${s}`)])}
                />
                <SelectFilter label={t('projects.year')} value={filters.year} onChange={(v) => setFilter('year', v)} options={years} />
              </div>
              <DataTable
                caption={t('projects.caption')}
                columns={columns}
                rows={projects}
                rowKey={(p) => p.id}
                urlKey="p"
                empty={anyFilter(filters) ? t('projects.noneMatch') : t('projects.none')}
                exportName="accord-projects"
                exportExtra={(p) => ({ id: p.id, iatiIdentifier: p.iatiIdentifier, region: p.region?.code ?? null, confidentiality: p.confidentiality })}
              />
              <Exports filters={filters} />
              <Totals filters={filters} />
            </>
          );
        }}
      </Loadable>
    </>
  );
}

/** The API's files of the same projects: CSV and XLSX (one row per project, amounts per currency), and the IATI activity file, whose publisher must be named. */
function Exports({ filters }: { filters: ProjectFilters }) {
  const { t, lang } = useI18n();
  const id = useId();
  return (
    <section aria-labelledby={`${id}-title`} className="panel">
      <h2 id={`${id}-title`}>{t('projects.exports')}</h2>
      <ul>
        <li>
          <a href={apiUrl('/projects/export/csv', { lang, ...filters })} download>
            {t('projects.exportCsv')}
          </a>
        </li>
        <li>
          <a href={apiUrl('/projects/export/xlsx', { lang, ...filters })} download>
            {t('projects.exportXlsx')}
          </a>
        </li>
      </ul>
      <form method="get" action={apiUrl('/iati/activities.xml')} className="stacked iati-form">
        <p className="hint">{t('projects.iati.lead')}</p>
        <label className="form-field">
          <span>{t('projects.iati.ref')}</span>
          <input name="reportingOrgRef" required dir="ltr" autoComplete="off" />
        </label>
        <label className="form-field">
          <span>{t('projects.iati.type')}</span>
          <input name="reportingOrgType" required dir="ltr" inputMode="numeric" autoComplete="off" />
        </label>
        <label className="form-field">
          <span>{t('projects.iati.name')}</span>
          <input name="reportingOrgName" required autoComplete="organization" />
        </label>
        <div className="buttons">
          <button type="submit">{t('projects.exportIati')}</button>
        </div>
      </form>
    </section>
  );
}
