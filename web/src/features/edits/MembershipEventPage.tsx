// A membership event: entering a new one for an organization, or the page of one event, where
// those who may correct it (and delete it, when it was entered in Accord) find the form, with
// its corrections and its history.
import { Link, useNavigate, useParams } from 'react-router';
import { useAuth } from '../../api/auth.tsx';
import { getAll, getJson } from '../../api/client.ts';
import { useAll, useStates } from '../../api/registry.ts';
import type { MemberHistory, Organization } from '../../api/types.ts';
import { useApi } from '../../api/useApi.ts';
import { FactDate } from '../../components/FactDate.tsx';
import { Loadable } from '../../components/PageState.tsx';
import { Sources } from '../../components/Sources.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Guard } from '../account/Guard.tsx';
import { AccessLevel } from './AccessLevel.tsx';
import { Corrections } from './Corrections.tsx';
import { EditForm } from './EditForm.tsx';
import { HistorySection } from './HistorySection.tsx';
import { DeleteButton, usePermissions } from './RecordTools.tsx';
import { accessOf, membershipEventFields, membershipEventValues } from './specs.ts';

const fresh = { remember: false } as const;

function useOrganizationAndEvents(id: string) {
  const { lang } = useI18n();
  const path = `/organizations/${encodeURIComponent(id)}`;
  return useAll(
    useApi(`edit|org|${id}|${lang}`, (signal) => getJson<Organization>(path, { lang }, signal), fresh),
    useApi(`edit|org-history|${id}|${lang}`, (signal) => getAll<MemberHistory>(`${path}/history`, { lang }, signal), fresh),
    useStates(lang),
  );
}

export function NewMembershipEventPage() {
  const { id = '' } = useParams();
  return <Guard>{() => <NewMembershipEvent id={id} />}</Guard>;
}

function NewMembershipEvent({ id }: { id: string }) {
  const { t, href, lang } = useI18n();
  const navigate = useNavigate();
  const { write } = useAuth();
  const loaded = useOrganizationAndEvents(id);
  usePageTitle(t('edit.new.event'));
  return (
    <Loadable loaded={loaded}>
      {([org, , states]) => (
        <>
          <p className="breadcrumb">
            <Link to={href(`/organizations/${org.id}`)}>{org.name}</Link>
          </p>
          <h1>{t('edit.new.event')}</h1>
          <p className="lead">{t('edit.lead.event', { name: org.name })}</p>
          <EditForm
            fields={membershipEventFields(
              t,
              [...states].sort((a, b) => a.name.localeCompare(b.name, lang)).map((s) => [s.iso3, s.name]),
            )}
            mode="create"
            initial={{ event: 'joined' }}
            valuesOf={() => null}
            submitLabel={t('edit.create')}
            send={({ body, reason }) => write(`/organizations/${encodeURIComponent(org.id)}/membership-events`, { body, reason })}
            onDone={() => navigate(href(`/organizations/${org.id}`), { state: { edited: 'created' } })}
            onCancel={() => navigate(href(`/organizations/${org.id}`))}
          />
        </>
      )}
    </Loadable>
  );
}

export function MembershipEventPage() {
  const { id = '', iso3 = '', seq = '' } = useParams();
  const { t, href, date } = useI18n();
  const navigate = useNavigate();
  const { write } = useAuth();
  const loaded = useOrganizationAndEvents(id);
  const recordId = `${id}/${iso3}/${seq}`;
  const permissions = usePermissions('membership-event', recordId);
  const state = loaded.data?.[1].find((h) => h.iso3 === iso3);
  const event = state?.events.find((e) => String(e.seq) === seq);
  const title = event && state ? t('edit.title.event', { event: t(`event.${event.event}`), state: state.name, date: date(event.date) || '—' }) : undefined;
  usePageTitle(title ?? (loaded.error ? t('notFound.title') : undefined));
  return (
    <Loadable loaded={loaded}>
      {([org]) => {
        if (!event || !state) return <p className="page-state">{t('errors.notFound')}</p>;
        const path = `/organizations/${encodeURIComponent(org.id)}/membership-events/${iso3}/${seq}`;
        return (
          <>
            <p className="breadcrumb">
              <Link to={href(`/organizations/${org.id}`)}>{org.name}</Link>
            </p>
            <h1>{title}</h1>
            <dl className="facts">
              <dt>{t('col.state')}</dt>
              <dd>
                <Link to={href(`/states/${iso3}`)}>{state.name}</Link>
              </dd>
              <dt>{t('col.event')}</dt>
              <dd>{t(`event.${event.event}`)}</dd>
              <dt>{t('col.date')}</dt>
              <dd>
                <FactDate value={event.date} />
              </dd>
              {event.note && (
                <>
                  <dt>{t('col.note')}</dt>
                  <dd lang="en" dir="ltr">
                    {event.note}
                  </dd>
                </>
              )}
              <dt>{t('col.sources')}</dt>
              <dd>
                <Sources sources={event.sources} verified={event.verified} />
              </dd>
              <dt>{t('edit.origin')}</dt>
              <dd>{t(`edit.origin.${event.origin}`)}</dd>
              <dt>{t('edit.access')}</dt>
              <dd>
                <AccessLevel record={event} />
              </dd>
            </dl>
            <div className="buttons">
              <DeleteButton entity="membership-event" id={recordId} path={path} version={event.version} what={title ?? recordId} after={href(`/organizations/${org.id}`)} />
            </div>
            <Corrections corrections={event.corrections} />
            {permissions === undefined ? null : permissions.update ? (
              <section aria-labelledby="correct-title">
                <h2 id="correct-title">{t('edit.correct')}</h2>
                <EditForm
                  key={event.version}
                  fields={membershipEventFields(t, [])}
                  mode="update"
                  initial={membershipEventValues(event)}
                  version={event.version}
                  access={accessOf(event)}
                  valuesOf={(current) => (current && typeof current === 'object' && 'event' in current ? membershipEventValues(current as typeof event) : null)}
                  submitLabel={t('edit.save')}
                  send={({ body, ifMatch, reason }) => write(path, { method: 'PATCH', body, ifMatch, reason })}
                  onDone={() => navigate(href(`/organizations/${org.id}`), { state: { edited: 'saved' } })}
                  onCancel={() => navigate(href(`/organizations/${org.id}`))}
                />
              </section>
            ) : null}
            <HistorySection entity="membership-event" id={recordId} version={event.version} />
          </>
        );
      }}
    </Loadable>
  );
}
