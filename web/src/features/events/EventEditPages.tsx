// Entering a new event and correcting one, for OHCHR editors and administrators: the event's main
// fields in the registry's edit form (a source for every change, who may see the event, If-Match
// on a correction, a 412 shown with the current values). Its organizers, participation counts and
// follow-up actions have their own forms on the event's page.
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
import { eventBody, eventFields, eventValues } from './specs.ts';
import type { EventDetail, EventSeries } from './types.ts';

const choicesOf = (states: { iso3: string; name: string }[], series: { items: EventSeries[] }, lang: string) => ({
  states: [...states].sort((a, b) => a.name.localeCompare(b.name, lang)).map((s): [string, string] => [s.iso3, s.name]),
  series: series.items.map((s): [string, string] => [s.id, s.title]),
});

export function NewEventPage() {
  return <Guard allowed={(can) => can.editAll}>{() => <NewEvent />}</Guard>;
}

function NewEvent() {
  const { t, lang, href } = useI18n();
  const navigate = useNavigate();
  const { write } = useAuth();
  usePageTitle(t('events.new'));
  const loaded = useAll(...useChoicesList());
  return (
    <>
      <p className="breadcrumb">
        <Link to={href('/events')}>{t('events.title')}</Link>
      </p>
      <h1>{t('events.new')}</h1>
      <p className="lead">{t('edit.lead')}</p>
      <Loadable loaded={loaded}>
        {([states, series]) => {
          const choices = choicesOf(states, series, lang);
          return (
            <EditForm
              fields={eventFields(t, choices.series, choices.states)}
              mode="create"
              initial={{ kind: 'workshop' }}
              valuesOf={() => null}
              submitLabel={t('edit.create')}
              send={({ body, reason }) => write<{ id: string }>('/events', { body: eventBody(body), reason })}
              onDone={(made) => navigate(href(`/events/${made.id}`), { state: { edited: 'created' } })}
              onCancel={() => navigate(href('/events'))}
            />
          );
        }}
      </Loadable>
    </>
  );
}

export function EditEventPage() {
  return <Guard allowed={(can) => can.editAll}>{() => <EditEvent />}</Guard>;
}

function EditEvent() {
  const { id = '' } = useParams();
  const { t, lang, href } = useI18n();
  const navigate = useNavigate();
  const { write } = useAuth();
  const event = useApi(`event|${id}|${lang}|edit`, (signal) => getJson<EventDetail>(`/events/${encodeURIComponent(id)}`, { lang }, signal), { remember: false });
  const loaded = useAll(event, ...useChoicesList());
  usePageTitle(event.data ? t('events.editTitle', { title: event.data.title }) : undefined);
  const back = href(`/events/${encodeURIComponent(id)}`);
  return (
    <Loadable loaded={loaded}>
      {([current, states, series]) => {
        const choices = choicesOf(states, series, lang);
        return (
          <>
            <p className="breadcrumb">
              <Link to={back}>{current.title}</Link>
            </p>
            <h1>{t('events.editTitle', { title: current.title })}</h1>
            <EditForm
              key={current.version}
              fields={eventFields(t, choices.series, choices.states)}
              mode="update"
              initial={eventValues(current)}
              version={current.version}
              access={accessOf(current)}
              valuesOf={(now) => (now && typeof now === 'object' && 'participation' in now ? eventValues(now as EventDetail) : null)}
              submitLabel={t('edit.save')}
              send={({ body, ifMatch, reason }) => write(`/events/${encodeURIComponent(id)}`, { method: 'PATCH', body: eventBody(body), ifMatch, reason })}
              onDone={() => navigate(back, { state: { edited: 'saved' } })}
              onCancel={() => navigate(back)}
            />
          </>
        );
      }}
    </Loadable>
  );
}

function useChoicesList() {
  const { lang } = useI18n();
  return [useStates(lang), useApi(`event-series|${lang}`, (signal) => getJson<{ items: EventSeries[] }>('/event-series', { lang }, signal))] as const;
}
