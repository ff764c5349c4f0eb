// A new project (/projects/new) and the correction of one (/projects/:id/edit), for those who
// write the programme. The main fields are the registry's form (EditForm: source, who may see it,
// why); the countries, budget lines and links are rows, each list sent whole (the API replaces a
// list a body names and keeps the others), and only when it changed.
import { useState } from 'react';
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
import { stateChoices } from '../requests/RequestEditPages.tsx';
import { type Row, RowsEditor, rowsBody } from '../requests/RowsEditor.tsx';
import { blankLink, linkFields, linkRows } from '../requests/specs.ts';
import { regionChoices } from './filters.ts';
import { blankBudget, blankCountry, budgetFields, budgetRows, countryFields, countryRows, projectFields, projectValues } from './specs.ts';
import type { Project } from './types.ts';

type Lists = { countries: Row[]; budget: Row[]; links: Row[] };
const NO_LISTS: Lists = { countries: [], budget: [], links: [] };

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
  const initial: Lists = project ? { countries: countryRows(project), budget: budgetRows(project), links: linkRows(project.links) } : NO_LISTS;
  const [lists, setLists] = useState<Lists>(initial);
  const [error, setError] = useState<unknown>(undefined);
  const states = useAll(useStates(lang));
  const title = project ? t('projects.edit') : t('projects.new');
  usePageTitle(title);
  const path = project ? `/projects/${encodeURIComponent(project.id)}` : '/projects';

  // Each list goes whole, and only when it differs from what the project had (a new one: when it has rows).
  const send = async (request: WriteRequest) => {
    const body: Record<string, unknown> = { ...request.body };
    for (const name of ['countries', 'budget', 'links'] as const) {
      if (JSON.stringify(lists[name]) !== JSON.stringify(initial[name])) body[name] = rowsBody(lists[name]);
    }
    setError(undefined);
    try {
      return project
        ? await write<{ version: number }>(path, { method: 'PATCH', body, ifMatch: request.ifMatch, reason: request.reason })
        : await write<{ id: string }>(path, { body, reason: request.reason });
    } catch (problem) {
      setError(problem);
      throw problem;
    }
  };

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
                rows={lists.countries}
                onChange={(countries) => setLists((l) => ({ ...l, countries }))}
                blank={blankCountry}
                rowLabel={(n) => t('projects.country.row', { n })}
                addLabel={t('projects.country.add')}
                error={error}
              />
              <RowsEditor
                legend={t('projects.budgetLines')}
                path="budget"
                fields={budgetFields(t)}
                rows={lists.budget}
                onChange={(budget) => setLists((l) => ({ ...l, budget }))}
                blank={blankBudget}
                rowLabel={(n) => t('projects.budget.row', { n })}
                addLabel={t('projects.budget.add')}
                error={error}
              />
              <RowsEditor
                legend={t('requests.links')}
                path="links"
                fields={linkFields(t)}
                rows={lists.links}
                onChange={(links) => setLists((l) => ({ ...l, links }))}
                blank={blankLink}
                rowLabel={(n) => t('requests.link.row', { n })}
                addLabel={t('requests.link.add')}
                error={error}
              />
            </EditForm>
          );
        }}
      </Loadable>
    </>
  );
}
