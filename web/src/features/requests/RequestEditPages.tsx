// A new request for assistance (/requests/new) and the correction of one (/requests/:id/edit),
// for those who write the programme (administrators and OHCHR editors). The form is the
// registry's (EditForm: source, who may see it, why), with the request's links and documents as rows. A new
// request left at "restricted by default" goes to OHCHR and the requesting State only: the API
// decides that when the form names no confidentiality.
import { Link, useNavigate, useParams } from 'react-router';
import { useAuth } from '../../api/auth.tsx';
import { getJson } from '../../api/client.ts';
import { useAll, useStates } from '../../api/registry.ts';
import { useApi } from '../../api/useApi.ts';
import { Loadable } from '../../components/PageState.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Guard } from '../account/Guard.tsx';
import { EditForm } from '../edits/EditForm.tsx';
import { accessOf } from '../edits/specs.ts';
import { type Row, RowsEditor, usePartLists } from './RowsEditor.tsx';
import { blankDocument, blankLink, documentFields, documentRows, linkFields, linkRows, requestFields, requestValues } from './specs.ts';
import type { AssistanceRequest } from './types.ts';

export function NewRequestPage() {
  return <Guard allowed={(can) => can.editAll}>{() => <NewRequest />}</Guard>;
}

export function RequestEditPage() {
  return <Guard allowed={(can) => can.editAll}>{() => <EditRequest />}</Guard>;
}

/** The lists of rows a page edits, of which these editors need the links and documents. */
interface LinkDocumentLists {
  lists: Record<'links' | 'documents', Row[]>;
  set: (name: 'links' | 'documents') => (rows: Row[]) => void;
  error: unknown;
}

/** A programme record's links and documents, as rows: the request's form and the project's. */
export function LinkDocumentEditors({ parts }: { parts: LinkDocumentLists }) {
  const { t } = useI18n();
  return (
    <>
      <RowsEditor
        legend={t('requests.links')}
        path="links"
        fields={linkFields(t)}
        rows={parts.lists.links}
        onChange={parts.set('links')}
        blank={blankLink}
        rowLabel={(n) => t('requests.link.row', { n })}
        addLabel={t('requests.link.add')}
        error={parts.error}
      />
      <RowsEditor
        legend={t('requests.documents')}
        path="documents"
        fields={documentFields(t)}
        rows={parts.lists.documents}
        onChange={parts.set('documents')}
        blank={blankDocument}
        rowLabel={(n) => t('requests.document.row', { n })}
        addLabel={t('requests.document.add')}
        error={parts.error}
      />
    </>
  );
}

function NewRequest() {
  const { t, lang, href } = useI18n();
  const navigate = useNavigate();
  const { write } = useAuth();
  const parts = usePartLists({ links: [], documents: [] });
  const states = useStates(lang);
  usePageTitle(t('requests.new'));
  return (
    <>
      <p className="breadcrumb">
        <Link to={href('/requests')}>{t('requests.title')}</Link>
      </p>
      <h1>{t('requests.new')}</h1>
      <p className="lead">{t('edit.lead')}</p>
      <Loadable loaded={states}>
        {(list) => (
          <EditForm
            fields={requestFields(t, stateChoices(list, lang))}
            mode="create"
            initial={{}}
            access={{ level: '', audience: [] }}
            valuesOf={() => null}
            submitLabel={t('edit.create')}
            partLabels={{ links: t('requests.links'), documents: t('requests.documents') }}
            send={(request) => parts.send(request.body, (body) => write<{ id: string }>('/requests', { body, reason: request.reason }))}
            onDone={(made) => navigate(href(`/requests/${made.id}`), { state: { edited: 'created' } })}
            onCancel={() => navigate(href('/requests'))}
          >
            <p className="note">{t('requests.defaultAccess')}</p>
            <LinkDocumentEditors parts={parts} />
          </EditForm>
        )}
      </Loadable>
    </>
  );
}

function EditRequest() {
  const { id = '' } = useParams();
  const { t, lang, href } = useI18n();
  const loaded = useAll(
    useApi(`request-edit|${id}|${lang}`, (signal) => getJson<AssistanceRequest>(`/requests/${encodeURIComponent(id)}`, { lang }, signal), { remember: false }),
    useStates(lang),
  );
  usePageTitle(t('requests.edit'));
  return (
    <>
      <p className="breadcrumb">
        <Link to={href('/requests')}>{t('requests.title')}</Link> › <Link to={href(`/requests/${encodeURIComponent(id)}`)}>{id}</Link>
      </p>
      <h1>{t('requests.edit')}</h1>
      <Loadable loaded={loaded}>{([request, states]) => <EditRequestForm request={request} states={stateChoices(states, lang)} />}</Loadable>
    </>
  );
}

function EditRequestForm({ request, states }: { request: AssistanceRequest; states: [string, string][] }) {
  const { t, href } = useI18n();
  const navigate = useNavigate();
  const { write } = useAuth();
  const parts = usePartLists({ links: linkRows(request.links), documents: documentRows(request.documents) });
  const path = `/requests/${encodeURIComponent(request.id)}`;
  return (
    <EditForm
      key={request.version}
      fields={requestFields(t, states)}
      mode="update"
      initial={requestValues(request)}
      version={request.version}
      access={accessOf(request)}
      valuesOf={(current) => (current && typeof current === 'object' && 'subject' in current ? requestValues(current as AssistanceRequest) : null)}
      submitLabel={t('edit.save')}
      partLabels={{ links: t('requests.links'), documents: t('requests.documents') }}
      send={(request) => parts.send(request.body, (body) => write(path, { method: 'PATCH', body, ifMatch: request.ifMatch, reason: request.reason }))}
      onDone={() => navigate(href(path), { state: { edited: 'saved' } })}
      onCancel={() => navigate(href(path))}
    >
      <LinkDocumentEditors parts={parts} />
    </EditForm>
  );
}

export function stateChoices(states: { iso3: string; name: string }[], lang: string): [string, string][] {
  return [...states].sort((a, b) => a.name.localeCompare(b.name, lang)).map((s) => [s.iso3, s.name]);
}
