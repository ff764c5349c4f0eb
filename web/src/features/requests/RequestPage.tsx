// One request for assistance: the requesting State and authority, when it was received, its
// subject, the day an answer is owed, its steps through the workflow, what it answers and what
// answers it, its documents and sources. Those who write the programme (administrators and OHCHR
// editors) move it on, correct it and delete it here. A reader who may not see the request gets
// the API's 404: the page says it is not there, never what it was about.
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { useAuth } from '../../api/auth.tsx';
import { getJson } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { FactDate } from '../../components/FactDate.tsx';
import { isNotFound, Loadable } from '../../components/PageState.tsx';
import { Sources } from '../../components/Sources.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { AccessLevel } from '../edits/AccessLevel.tsx';
import { ConfirmDelete, SavedNotice } from '../edits/RecordTools.tsx';
import { CooperationDocuments, CooperationLinks } from './CooperationParts.tsx';
import { MoveForm } from './MoveForm.tsx';
import type { AssistanceRequest } from './types.ts';

type Step = AssistanceRequest['steps'][number];

export function RequestPage() {
  const { id = '' } = useParams();
  const { t, lang, href, date } = useI18n();
  const { can } = useAuth();
  const navigate = useNavigate();
  // Read again after every navigation: a move or a correction lands here again.
  const { key } = useLocation();
  const loaded = useApi(`request|${id}|${lang}|${key}`, (signal) => getJson<AssistanceRequest>(`/requests/${encodeURIComponent(id)}`, { lang }, signal), { remember: false });
  const request = loaded.data;
  usePageTitle(request ? t('requests.oneTitle', { state: request.stateName, date: date(request.received) }) : loaded.error ? t('notFound.title') : undefined);
  if (isNotFound(loaded.error)) return <RequestNotShown />;
  return (
    <Loadable loaded={loaded}>
      {(request) => {
        const path = `/requests/${encodeURIComponent(request.id)}`;
        const columns: Column<Step>[] = [
          { id: 'date', header: t('requests.move.date'), cell: (s) => <FactDate value={s.date} />, value: (s) => s.date },
          { id: 'status', header: t('requests.status'), cell: (s) => t(`requests.statusName.${s.status}`), value: (s) => s.status },
          { id: 'reason', header: t('requests.move.reason'), cell: (s) => (s.reason ? <span dir="auto">{s.reason}</span> : <span className="muted">—</span>), value: (s) => s.reason ?? '' },
          ...(request.steps.some((s) => s.recordedBy)
            ? [{ id: 'recordedBy', header: t('requests.recordedBy'), cell: (s: Step) => <bdi>{s.recordedBy ?? ''}</bdi>, value: (s: Step) => s.recordedBy ?? '' }]
            : []),
        ];
        return (
          <>
            <p className="breadcrumb">
              <Link to={href('/requests')}>{t('requests.title')}</Link>
            </p>
            <h1>{t('requests.oneTitle', { state: request.stateName, date: date(request.received) })}</h1>
            <SavedNotice />
            <dl className="facts">
              <dt>{t('requests.state')}</dt>
              <dd>
                <Link to={href(`/states/${request.state}`)}>{request.stateName}</Link>
              </dd>
              <dt>{t('requests.authority')}</dt>
              <dd>
                <bdi>{request.authority}</bdi>
              </dd>
              <dt>{t('requests.received')}</dt>
              <dd>
                <FactDate value={request.received} />
              </dd>
              <dt>{t('requests.subject')}</dt>
              <dd>
                <bdi>{request.subject}</bdi>
              </dd>
              <dt>{t('requests.due')}</dt>
              <dd>
                {request.due ? <FactDate value={request.due} /> : <span className="muted">{t('requests.noDue')}</span>}
                {request.overdue && <span className="badge overdue">{t('requests.overdue')}</span>}
              </dd>
              <dt>{t('requests.status')}</dt>
              <dd>{t('requests.statusSince', { status: t(`requests.statusName.${request.status}`), date: date(request.statusDate) })}</dd>
              <dt>{t('col.sources')}</dt>
              <dd>
                <Sources sources={request.sources} />
              </dd>
              <dt>{t('edit.access')}</dt>
              <dd>
                <AccessLevel record={request} />
              </dd>
            </dl>
            {can.editAll && (
              <p className="buttons">
                <Link className="button-link" to={href(`${path}/edit`)}>
                  {t('edit.edit')}
                </Link>
                <ConfirmDelete
                  path={`/requests/${encodeURIComponent(request.id)}`}
                  version={request.version}
                  what={t('requests.oneTitle', { state: request.stateName, date: date(request.received) })}
                  after={href('/requests')}
                />
              </p>
            )}
            <h2>{t('requests.steps')}</h2>
            <DataTable
              caption={t('requests.stepsCaption')}
              columns={columns}
              rows={request.steps}
              rowKey={(s) => `${s.date} ${s.recordedAt} ${s.status}`}
              urlKey="s"
              initialSort={null}
              exportName={`accord-request-${request.id}-steps`}
            />
            {can.editAll && (
              <section aria-labelledby="move-title">
                <h2 id="move-title">{t('requests.move.title')}</h2>
                <MoveForm key={request.version} request={request} onMoved={() => navigate(href(path), { state: { edited: 'saved' }, replace: true })} />
              </section>
            )}
            <CooperationLinks links={request.links} linkedFrom={request.linkedFrom} />
            <CooperationDocuments documents={request.documents} />
          </>
        );
      }}
    </Loadable>
  );
}

/** A request the reader may not see is answered 404 like one that does not exist: the page says both. */
function RequestNotShown() {
  const { t, href } = useI18n();
  return (
    <div className="page-state" role="alert">
      <h1>{t('requests.notShown')}</h1>
      <p>{t('requests.notShownText')}</p>
      <p>
        <Link to={href('/requests')}>{t('requests.title')}</Link>
      </p>
    </div>
  );
}
