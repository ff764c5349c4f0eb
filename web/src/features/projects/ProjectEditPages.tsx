// A new project (/projects/new) and the correction of one (/projects/:id/edit), for those who
// write the programme. The main fields are the registry's form (EditForm: source, who may see it,
// why); the countries, organizations, budget lines, transactions, links and documents are rows,
// each list sent whole (the API replaces a list a body names and keeps the others), and only when
// it changed. Results with their indicators are not edited here (lists within a list).
import { Link, useNavigate, useParams } from 'react-router';
import { useAuth } from '../../api/auth.tsx';
import { getJson } from '../../api/client.ts';
import { useAll, useStates } from '../../api/registry.ts';
import { useApi } from '../../api/useApi.ts';
import { Loadable } from '../../components/PageState.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Guard } from '../account/Guard.tsx';
import { EditForm, type WriteRequest } from '../edits/EditForm.tsx';
import { accessOf } from '../edits/specs.ts';
import { LinkDocumentEditors, stateChoices } from '../requests/RequestEditPages.tsx';
import { type Row, RowsEditor, usePartLists } from '../requests/RowsEditor.tsx';
import { documentRows, linkRows } from '../requests/specs.ts';
import { regionChoices } from './filters.ts';
import {
  blankBudget,
  blankCountry,
  blankOrganization,
  blankTransaction,
  budgetFields,
  budgetRows,
  countryFields,
  countryRows,
  organizationFields,
  organizationRows,
  projectFields,
  projectValues,
  transactionFields,
  transactionRows,
} from './specs.ts';
import type { Project } from './types.ts';

type ListName = 'countries' | 'organizations' | 'budget' | 'transactions' | 'links' | 'documents';
const NO_LISTS: Record<ListName, Row[]> = { countries: [], organizations: [], budget: [], transactions: [], links: [], documents: [] };

function listsOf(project: Project): Record<ListName, Row[]> {
  return {
    countries: countryRows(project),
    organizations: organizationRows(project),
    budget: budgetRows(project),
    transactions: transactionRows(project),
    links: linkRows(project.links),
    documents: documentRows(project.documents),
  };
}

export function NewProjectPage() {
  return <Guard allowed={(can) => can.editAll}>{() => <ProjectForm />}</Guard>;
}

export function ProjectEditPage() {
  return <Guard allowed={(can) => can.editAll}>{() => <EditProject />}</Guard>;
}

function EditProject() {
  const { id = '' } = useParams();
  const { lang } = useI18n();
  const loaded = useApi(`project-edit|${id}|${lang}`, (signal) => getJson<Project>(`/projects/${encodeURIComponent(id)}`, { lang }, signal), { remember: false });
  return <Loadable loaded={loaded}>{(project) => <ProjectForm project={project} />}</Loadable>;
}

function ProjectForm({ project }: { project?: Project }) {
  const { t, lang, href } = useI18n();
  const navigate = useNavigate();
  const { write } = useAuth();
  const parts = usePartLists(project ? listsOf(project) : NO_LISTS);
  const states = useAll(useStates(lang));
  const title = project ? t('projects.edit') : t('projects.new');
  usePageTitle(title);
  const path = project ? `/projects/${encodeURIComponent(project.id)}` : '/projects';

  const send = (request: WriteRequest) =>
    parts.send<{ id?: string }>(request.body, (body) =>
      project ? write(path, { method: 'PATCH', body, ifMatch: request.ifMatch, reason: request.reason }) : write(path, { body, reason: request.reason }),
    );

  return (
    <>
      <p className="breadcrumb">
        <Link to={href('/projects')}>{t('projects.title')}</Link>
        {project && (
          <>
            {' › '}
            <Link to={href(path)}>{project.title}</Link>
          </>
        )}
      </p>
      <h1>{title}</h1>
      <p className="lead">{t('edit.lead')}</p>
      <Loadable loaded={states}>
        {([list]) => {
          const choices = stateChoices(list, lang);
          return (
            <EditForm
              key={project?.version ?? 'new'}
              fields={projectFields(t, regionChoices(list, lang))}
              mode={project ? 'update' : 'create'}
              initial={project ? projectValues(project) : { status: 'pipeline' }}
              version={project?.version}
              access={project ? accessOf(project) : undefined}
              valuesOf={(current) => (current && typeof current === 'object' && 'budget' in current ? projectValues(current as Project) : null)}
              submitLabel={project ? t('edit.save') : t('edit.create')}
              partLabels={{
                countries: t('projects.countries'),
                organizations: t('projects.organizations'),
                budget: t('projects.budgetLines'),
                transactions: t('projects.transactions'),
                links: t('requests.links'),
                documents: t('requests.documents'),
              }}
              send={send}
              onDone={(answer) => {
                const id = project?.id ?? (answer as { id: string }).id;
                navigate(href(`/projects/${encodeURIComponent(id)}`), { state: { edited: project ? 'saved' : 'created' } });
              }}
              onCancel={() => navigate(href(path))}
            >
              <RowsEditor
                legend={t('projects.countries')}
                path="countries"
                fields={countryFields(t, choices)}
                rows={parts.lists.countries}
                onChange={parts.set('countries')}
                blank={blankCountry}
                rowLabel={(n) => t('projects.country.row', { n })}
                addLabel={t('projects.country.add')}
                error={parts.error}
              />
              <RowsEditor
                legend={t('projects.organizations')}
                path="organizations"
                fields={organizationFields(t)}
                rows={parts.lists.organizations}
                onChange={parts.set('organizations')}
                blank={blankOrganization}
                rowLabel={(n) => t('projects.organization.row', { n })}
                addLabel={t('projects.organization.add')}
                error={parts.error}
              />
              <RowsEditor
                legend={t('projects.budgetLines')}
                path="budget"
                fields={budgetFields(t)}
                rows={parts.lists.budget}
                onChange={parts.set('budget')}
                blank={blankBudget}
                rowLabel={(n) => t('projects.budget.row', { n })}
                addLabel={t('projects.budget.add')}
                error={parts.error}
              />
              <RowsEditor
                legend={t('projects.transactions')}
                path="transactions"
                fields={transactionFields(t)}
                rows={parts.lists.transactions}
                onChange={parts.set('transactions')}
                blank={blankTransaction}
                rowLabel={(n) => t('projects.transaction.row', { n })}
                addLabel={t('projects.transaction.add')}
                error={parts.error}
              />
              <LinkDocumentEditors parts={parts} />
            </EditForm>
          );
        }}
      </Loadable>
    </>
  );
}
