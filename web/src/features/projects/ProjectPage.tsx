// One technical-cooperation project with every part the API gives: its facts and dates, the
// countries (with their shares) and organizations by role, the funding agreements its money
// names, budget lines and the budget per year and currency, transactions, results with their
// indicators, what it answers and what links to it, documents and sources. Amounts are the API's
// exact decimal strings with their currency, formatted without passing through a float.
// Those who write the programme correct and delete it here.
import { Link, useLocation, useParams } from 'react-router';
import { useAuth } from '../../api/auth.tsx';
import { getJson } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { FactDate } from '../../components/FactDate.tsx';
import { Loadable } from '../../components/PageState.tsx';
import { Sources } from '../../components/Sources.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { LOCALES, useI18n } from '../../i18n/i18n.tsx';
import { AccessLevel } from '../edits/AccessLevel.tsx';
import { ConfirmDelete, SavedNotice } from '../edits/RecordTools.tsx';
import { CooperationDocuments, CooperationLinks } from '../requests/CooperationParts.tsx';
import { formatMoney } from './money.ts';
import type { Project } from './types.ts';

type Budget = Project['budget'][number];
type Transaction = Project['transactions'][number];
type Organization = Project['organizations'][number];
type YearSum = Project['budgetByYear'][number];

export function ProjectPage() {
  const { id = '' } = useParams();
  const { t, lang, href } = useI18n();
  const { can } = useAuth();
  const { key } = useLocation();
  const loaded = useApi(`project|${id}|${lang}|${key}`, (signal) => getJson<Project>(`/projects/${encodeURIComponent(id)}`, { lang }, signal), { remember: false });
  usePageTitle(loaded.data?.title ?? (loaded.error ? t('notFound.title') : undefined));
  return (
    <Loadable loaded={loaded}>
      {(project) => {
        const path = `/projects/${encodeURIComponent(project.id)}`;
        return (
          <>
            <p className="breadcrumb">
              <Link to={href('/projects')}>{t('projects.title')}</Link>
            </p>
            <h1>
              <bdi>{project.title}</bdi>
            </h1>
            <SavedNotice />
            <Facts project={project} />
            {can.editAll && (
              <p className="buttons">
                <Link className="button-link" to={href(`${path}/edit`)}>
                  {t('edit.edit')}
                </Link>
                <ConfirmDelete path={`/projects/${encodeURIComponent(project.id)}`} version={project.version} what={project.title} after={href('/projects')} />
              </p>
            )}
            <h2>{t('projects.objectives')}</h2>
            {project.objectives ? (
              <p>
                <bdi>{project.objectives}</bdi>
              </p>
            ) : (
              <p className="muted">{t('projects.noObjectives')}</p>
            )}
            <Organizations project={project} />
            <Agreements project={project} />
            <Money project={project} />
            <Results project={project} />
            <CooperationLinks links={project.links} linkedFrom={project.linkedFrom} />
            <CooperationDocuments documents={project.documents} />
          </>
        );
      }}
    </Loadable>
  );
}

function Facts({ project }: { project: Project }) {
  const { t, href } = useI18n();
  const locale = LOCALES[useI18n().lang];
  return (
    <dl className="facts">
      <dt>{t('projects.status')}</dt>
      <dd>{t(`projects.statusName.${project.status}`)}</dd>
      <dt>{t('projects.iatiIdentifier')}</dt>
      <dd>{project.iatiIdentifier ? <bdi>{project.iatiIdentifier}</bdi> : <span className="muted">—</span>}</dd>
      <dt>{t('projects.plannedStart')}</dt>
      <dd>
        <FactDate value={project.plannedStart} />
      </dd>
      <dt>{t('projects.plannedEnd')}</dt>
      <dd>
        <FactDate value={project.plannedEnd} />
      </dd>
      <dt>{t('projects.actualStart')}</dt>
      <dd>
        <FactDate value={project.actualStart} />
      </dd>
      <dt>{t('projects.actualEnd')}</dt>
      <dd>
        <FactDate value={project.actualEnd} />
      </dd>
      <dt>{t('projects.region')}</dt>
      <dd>{project.region ? project.region.name : <span className="muted">—</span>}</dd>
      <dt>{t('projects.countries')}</dt>
      <dd>
        {project.countries.length === 0 ? (
          <span className="muted">—</span>
        ) : (
          <ul className="inline-list">
            {project.countries.map((c) => (
              <li key={c.iso3}>
                <Link to={href(`/states/${c.iso3}`)}>{c.name}</Link>
                {c.percentage && <span className="muted"> ({t('projects.share', { percent: c.percentage })})</span>}
              </li>
            ))}
          </ul>
        )}
      </dd>
      <dt>{t('projects.disbursedToDate')}</dt>
      <dd>
        {project.disbursedToDate.length === 0 ? (
          <span className="muted">{t('projects.noDisbursement')}</span>
        ) : (
          project.disbursedToDate.map((m) => (
            <bdi key={m.currency} className="money block">
              {formatMoney(m.amount, m.currency, locale)}
            </bdi>
          ))
        )}
      </dd>
      <dt>{t('col.sources')}</dt>
      <dd>
        <Sources sources={project.sources} verified={project.verified} />
      </dd>
      <dt>{t('edit.access')}</dt>
      <dd>
        <AccessLevel record={project} />
      </dd>
    </dl>
  );
}

function Organizations({ project }: { project: Project }) {
  const { t, href } = useI18n();
  const columns: Column<Organization>[] = [
    {
      id: 'name',
      header: t('col.name'),
      cell: (o) => (o.organizationId ? <Link to={href(`/organizations/${encodeURIComponent(o.organizationId)}`)}>{o.name}</Link> : <span dir="auto">{o.name}</span>),
      value: (o) => o.name,
    },
    { id: 'role', header: t('projects.role'), cell: (o) => t(`projects.roleName.${o.role}`), value: (o) => o.role },
    { id: 'ref', header: t('projects.orgRef'), cell: (o) => <bdi>{o.ref ?? ''}</bdi>, value: (o) => o.ref ?? '' },
    { id: 'type', header: t('projects.orgType'), cell: (o) => <bdi>{o.type ?? ''}</bdi>, value: (o) => o.type ?? '' },
  ];
  return (
    <>
      <h2>{t('projects.organizations')}</h2>
      <DataTable
        caption={t('projects.organizations')}
        columns={columns}
        rows={project.organizations}
        rowKey={(o) => `${o.role} ${o.name}`}
        urlKey="o"
        initialSort={null}
        empty={t('projects.noOrganizations')}
        exportName={`accord-project-${project.id}-organizations`}
      />
    </>
  );
}

function Agreements({ project }: { project: Project }) {
  const { t } = useI18n();
  const agreements = new Map<string, string>();
  for (const line of [...project.budget, ...project.transactions]) if (line.agreement) agreements.set(line.agreement.id, line.agreement.title);
  return (
    <>
      <h2>{t('projects.agreements')}</h2>
      {agreements.size === 0 ? (
        <p className="muted">{t('projects.noAgreements')}</p>
      ) : (
        <ul>
          {[...agreements].map(([id, title]) => (
            <li key={id}>
              <span dir="auto">{title}</span> <bdi className="muted">({id})</bdi>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function Money({ project }: { project: Project }) {
  const { t, lang } = useI18n();
  const locale = LOCALES[lang];
  const money = (amount: string, currency: string) => <bdi className="money">{formatMoney(amount, currency, locale)}</bdi>;
  const funding = (l: { fundingSource: string; agreement: { title: string } | null }) => (
    <>
      {t(`projects.source.${l.fundingSource}`)}
      {l.agreement && (
        <>
          {' — '}
          <span dir="auto">{l.agreement.title}</span>
        </>
      )}
    </>
  );
  const budgetColumns: Column<Budget>[] = [
    { id: 'periodStart', header: t('projects.periodStart'), cell: (b) => <FactDate value={b.periodStart} />, value: (b) => b.periodStart },
    { id: 'periodEnd', header: t('projects.periodEnd'), cell: (b) => <FactDate value={b.periodEnd} />, value: (b) => b.periodEnd },
    { id: 'amount', header: t('projects.amount'), numeric: true, cell: (b) => money(b.amount, b.currency), value: (b) => `${b.amount} ${b.currency}` },
    { id: 'status', header: t('projects.budgetStatus'), cell: (b) => t(`projects.budgetStatusName.${b.status}`), value: (b) => b.status },
    { id: 'fundingSource', header: t('projects.fundingSource'), cell: funding, value: (b) => b.fundingSource },
    { id: 'valueDate', header: t('projects.valueDate'), cell: (b) => <FactDate value={b.valueDate} />, value: (b) => b.valueDate },
  ];
  const yearColumns: Column<YearSum>[] = [
    { id: 'year', header: t('projects.year'), cell: (y) => y.year, value: (y) => y.year },
    { id: 'currency', header: t('projects.currency'), cell: (y) => <bdi>{y.currency}</bdi>, value: (y) => y.currency },
    { id: 'amount', header: t('projects.amount'), numeric: true, cell: (y) => money(y.amount, y.currency), value: (y) => y.amount },
  ];
  const transactionColumns: Column<Transaction>[] = [
    { id: 'date', header: t('projects.date'), cell: (x) => <FactDate value={x.date} />, value: (x) => x.date },
    { id: 'type', header: t('projects.transactionType'), cell: (x) => t(`projects.transactionName.${x.type}`), value: (x) => x.type },
    { id: 'amount', header: t('projects.amount'), numeric: true, cell: (x) => money(x.amount, x.currency), value: (x) => `${x.amount} ${x.currency}` },
    { id: 'fundingSource', header: t('projects.fundingSource'), cell: funding, value: (x) => x.fundingSource },
    { id: 'provider', header: t('projects.provider'), cell: (x) => <span dir="auto">{x.provider ?? ''}</span>, value: (x) => x.provider ?? '' },
    { id: 'receiver', header: t('projects.receiver'), cell: (x) => <span dir="auto">{x.receiver ?? ''}</span>, value: (x) => x.receiver ?? '' },
    { id: 'description', header: t('projects.description'), cell: (x) => <span dir="auto">{x.description ?? ''}</span>, value: (x) => x.description ?? '' },
  ];
  return (
    <>
      <h2>{t('projects.budgetLines')}</h2>
      <DataTable
        caption={t('projects.budgetLines')}
        columns={budgetColumns}
        rows={project.budget}
        rowKey={(b) => `${b.periodStart} ${b.periodEnd} ${b.currency} ${b.amount} ${b.fundingSource}`}
        urlKey="b"
        empty={t('projects.noBudget')}
        exportName={`accord-project-${project.id}-budget`}
      />
      <h2>{t('projects.budgetByYear')}</h2>
      <DataTable
        caption={t('projects.budgetByYear')}
        columns={yearColumns}
        rows={project.budgetByYear}
        rowKey={(y) => `${y.year} ${y.currency}`}
        urlKey="y"
        empty={t('projects.noBudget')}
        exportName={`accord-project-${project.id}-budget-by-year`}
      />
      <h2>{t('projects.transactions')}</h2>
      <DataTable
        caption={t('projects.transactions')}
        columns={transactionColumns}
        rows={project.transactions}
        rowKey={(x) => `${x.date} ${x.type} ${x.amount} ${x.currency} ${x.provider} ${x.receiver} ${x.description}`}
        urlKey="x"
        empty={t('projects.noTransactions')}
        exportName={`accord-project-${project.id}-transactions`}
      />
    </>
  );
}

function Results({ project }: { project: Project }) {
  const { t, date } = useI18n();
  return (
    <section aria-labelledby="results-title">
      <h2 id="results-title">{t('projects.results')}</h2>
      {project.results.length === 0 && <p className="muted">{t('projects.noResults')}</p>}
      {project.results.map((r, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: results have no id of their own; the API keeps their order
        <article key={i} className="result">
          <h3>
            <span className="muted">{t(`projects.resultName.${r.type}`)}:</span> <span dir="auto">{r.title}</span>
          </h3>
          {r.description && <p dir="auto">{r.description}</p>}
          {r.indicators.length > 0 && (
            <div className="table-scroll">
              <table>
                <caption>{t('projects.indicatorsOf', { result: r.title })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('projects.indicator')}</th>
                    <th scope="col">{t('projects.measure')}</th>
                    <th scope="col">{t('projects.baseline')}</th>
                    <th scope="col">{t('projects.target')}</th>
                    <th scope="col">{t('projects.actual')}</th>
                  </tr>
                </thead>
                <tbody>
                  {r.indicators.map((ind, j) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: as results, indicators are kept in order
                    <tr key={j}>
                      <th scope="row" dir="auto">
                        {ind.title}
                      </th>
                      <td>{t(`projects.measureName.${ind.measure}`)}</td>
                      <td>
                        <bdi>{ind.baselineValue ?? '—'}</bdi>
                        {ind.baselineYear !== null && <span className="muted"> ({ind.baselineYear})</span>}
                      </td>
                      <td>
                        <bdi>{ind.targetValue ?? '—'}</bdi>
                      </td>
                      <td>
                        <bdi>{ind.actualValue ?? '—'}</bdi>
                        {ind.actualDate && <span className="muted"> ({date(ind.actualDate)})</span>}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </article>
      ))}
    </section>
  );
}
