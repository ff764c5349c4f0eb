// One event: its kind, title, dates, place, series (with the events before and after it in the
// series), organizers with their roles, participation counts as entered (a breakdown not
// recorded is said so, never shown as zero), agenda, conclusions, follow-up actions, documents,
// links and sources. OHCHR editors and administrators also get its participants (personal data,
// which the API gives no one else) and the forms that change the event and its parts.
import { Link, useLocation, useParams } from 'react-router';
import { useAuth } from '../../api/auth.tsx';
import { getJson } from '../../api/client.ts';
import { useStates } from '../../api/registry.ts';
import { useApi } from '../../api/useApi.ts';
import { Loadable } from '../../components/PageState.tsx';
import { isWebAddress, Sources } from '../../components/Sources.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { AccessLevel } from '../edits/AccessLevel.tsx';
import { Corrections } from '../edits/Corrections.tsx';
import { SavedNotice } from '../edits/RecordTools.tsx';
import { EventDates } from './EventDates.tsx';
import { EventTitle } from './EventTitle.tsx';
import { placeText } from './EventsPage.tsx';
import { regionsOf } from './filters.ts';
import { ActionsSection, ParticipantsSection, ParticipationSection } from './EventParts.tsx';
import { ActionForm, OrganizersForm, ParticipationForm } from './PartForms.tsx';
import type { EventDetail, EventSeriesDetail } from './types.ts';

export function EventPage() {
  const { id = '' } = useParams();
  const { t, lang } = useI18n();
  // Read again after every navigation: a change saved on this page lands here again.
  const { key } = useLocation();
  const loaded = useApi(`event|${id}|${lang}|${key}`, (signal) => getJson<EventDetail>(`/events/${encodeURIComponent(id)}`, { lang }, signal), {
    remember: false,
    subject: `event|${id}|${lang}`,
  });
  usePageTitle(loaded.data?.title ?? (loaded.error ? t('notFound.title') : undefined));
  return <Loadable loaded={loaded}>{(event) => <Event event={event} />}</Loadable>;
}

function Event({ event }: { event: EventDetail }) {
  const { t, lang, href } = useI18n();
  const { can } = useAuth();
  const states = useStates(lang);
  const names = new Map((states.data ?? []).map((s) => [s.iso3, s.name]));
  const stateChoices = [...(states.data ?? [])].sort((a, b) => a.name.localeCompare(b.name, lang)).map((s): [string, string] => [s.iso3, s.name]);
  return (
    <>
      <p className="breadcrumb">
        <Link to={href('/events')}>{t('events.title')}</Link>
      </p>
      <h1>
        <EventTitle title={event.title} />
      </h1>
      <SavedNotice />
      {can.editAll && (
        <p>
          <Link className="button-link" to={href(`/events/${event.id}/edit`)}>
            {t('events.edit')}
          </Link>
        </p>
      )}
      <dl className="facts">
        <dt>{t('events.col.kind')}</dt>
        <dd>{t(`events.kind.${event.kind}`)}</dd>
        <dt>{t('events.col.dates')}</dt>
        <dd>
          <EventDates start={event.start} end={event.end} />
        </dd>
        <dt>{t('events.col.place')}</dt>
        <dd>
          {placeText(event, names, true) || <span className="muted">{t('events.notRecorded')}</span>}
          {event.country && (
            <>
              {' '}
              (<Link to={href(`/states/${event.country}`)}>{t('events.stateProfile')}</Link>)
            </>
          )}
        </dd>
        {event.region && (
          <>
            <dt>{t('events.region')}</dt>
            <dd>{regionName(states.data ?? [], event.region) ?? <bdi dir="ltr">{event.region}</bdi>}</dd>
          </>
        )}
        {event.series && (
          <>
            <dt>{t('events.col.series')}</dt>
            <dd>
              <Link to={href(`/events/series/${event.series.id}`)}>
                <EventTitle title={event.series.title} />
              </Link>
              {event.seriesNumber !== null && <> ({t('events.seriesNumber', { number: event.seriesNumber })})</>}
            </dd>
          </>
        )}
        <dt>{t('col.sources')}</dt>
        <dd>
          <Sources sources={event.sources} />
        </dd>
        <dt>{t('edit.access')}</dt>
        <dd>
          <AccessLevel record={event} />
        </dd>
        <dt>{t('edit.origin')}</dt>
        <dd>{t(`edit.origin.${event.origin}`)}</dd>
      </dl>
      {event.series && <SeriesNeighbours seriesId={event.series.id} eventId={event.id} />}
      <Organizers event={event} names={names} />
      <ParticipationSection participation={event.participation} names={names} />
      <LongText title={t('events.agenda')} text={event.agenda} />
      <LongText title={t('events.conclusions')} text={event.conclusions} />
      <LongText title={t('col.note')} text={event.note} />
      <ActionsSection event={event} />
      <Documents event={event} />
      <Corrections corrections={event.corrections} />
      {can.editAll && (
        <>
          <ParticipantsSection eventId={event.id} names={names} />
          {/* Keyed on the version read: after a save each form starts again from what is stored. */}
          <OrganizersForm key={`organizers-${event.version}`} event={event} states={stateChoices} />
          <ParticipationForm key={`participation-${event.version}`} event={event} states={stateChoices} />
          <ActionForm key={`action-${event.actions.length}`} event={event} />
        </>
      )}
    </>
  );
}

/** The events before and after this one in its series, in the series' order. */
function SeriesNeighbours({ seriesId, eventId }: { seriesId: string; eventId: string }) {
  const { t, lang, href } = useI18n();
  const series = useApi(`event-series|${seriesId}|${lang}`, (signal) => getJson<EventSeriesDetail>(`/event-series/${encodeURIComponent(seriesId)}`, { lang }, signal));
  const events = series.data?.events ?? [];
  const at = events.findIndex((e) => e.id === eventId);
  if (at < 0) return null;
  const previous = events[at - 1];
  const next = events[at + 1];
  return (
    <nav aria-label={t('events.inSeries')} className="series-nav">
      <ul className="series-nav-list">
        <li>
          {previous ? (
            <Link to={href(`/events/${previous.id}`)} rel="prev">
              {t('events.previousInSeries', { title: previous.title })}
            </Link>
          ) : (
            <span className="muted">{t('events.firstInSeries')}</span>
          )}
        </li>
        <li>
          {next ? (
            <Link to={href(`/events/${next.id}`)} rel="next">
              {t('events.nextInSeries', { title: next.title })}
            </Link>
          ) : (
            <span className="muted">{t('events.lastInSeries')}</span>
          )}
        </li>
      </ul>
    </nav>
  );
}

function Organizers({ event, names }: { event: EventDetail; names: Map<string, string> }) {
  const { t, href } = useI18n();
  return (
    <section aria-labelledby="organizers-title">
      <h2 id="organizers-title">{t('events.organizers')}</h2>
      {event.organizers.length === 0 ? (
        <p className="muted">{t('events.noOrganizers')}</p>
      ) : (
        <ul>
          {event.organizers.map((o, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the API's list, in its order
            <li key={i}>
              <strong>{t(`events.role.${o.role}`)}</strong>:{' '}
              {o.organizationId ? (
                <Link to={href(`/organizations/${o.organizationId}`)}>
                  <span lang="en" dir="ltr">
                    {o.name}
                  </span>
                </Link>
              ) : (
                <span lang="en" dir="ltr">
                  {o.name}
                </span>
              )}
              {o.stateIso3 && <> ({names.get(o.stateIso3) ?? o.stateIso3})</>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Text as the sources give it (in English): shown with its line breaks, or not at all. */
function LongText({ title, text }: { title: string; text: string | null }) {
  if (!text) return null;
  return (
    <section>
      <h2>{title}</h2>
      <p className="long-text" lang="en" dir="ltr">
        {text}
      </p>
    </section>
  );
}

function Documents({ event }: { event: EventDetail }) {
  const { t, href } = useI18n();
  if (event.documents.length === 0 && event.links.length === 0 && event.linkedFrom.length === 0) return null;
  const target = (kind: string, ref: string): string | null => {
    if (kind === 'recommendation') return href(`/recommendations/${encodeURIComponent(ref)}`);
    if (kind === 'instrument') return href(`/instruments/${encodeURIComponent(ref)}`);
    if (kind === 'event') return href(`/events/${encodeURIComponent(ref)}`);
    return null;
  };
  return (
    <section aria-labelledby="documents-title">
      <h2 id="documents-title">{t('events.documentsAndLinks')}</h2>
      {event.documents.length > 0 && (
        <ul>
          {event.documents.map((d) => (
            <li key={d.url + d.title}>
              {isWebAddress(d.url) ? (
                <a href={d.url} rel="noopener noreferrer" target="_blank" lang="en" dir="ltr">
                  {d.title}
                </a>
              ) : (
                <>
                  <span lang="en" dir="ltr">
                    {d.title}
                  </span>{' '}
                  <bdi>{d.url}</bdi>
                </>
              )}
              {d.date && <span className="muted"> ({d.date})</span>}
            </li>
          ))}
        </ul>
      )}
      {event.links.length > 0 && (
        <>
          <h3>{t('events.links')}</h3>
          <ul>
            {event.links.map((l) => {
              const to = target(l.kind, l.ref);
              return (
                <li key={l.kind + l.ref}>
                  {t(`events.linkKind.${l.kind}`)}: {to ? <Link to={to}>{l.ref}</Link> : <bdi dir="ltr">{l.ref}</bdi>}
                  {l.note && (
                    <span className="muted" lang="en" dir="ltr">
                      {' '}
                      — {l.note}
                    </span>
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}
      {event.linkedFrom.length > 0 && (
        <>
          <h3>{t('events.linkedFrom')}</h3>
          <ul>
            {event.linkedFrom.map((l) => (
              <li key={l.kind + l.id}>
                {t(`events.linkKind.${l.kind}`)}: {l.kind === 'event' ? <Link to={href(`/events/${l.id}`)}>{l.id}</Link> : <bdi dir="ltr">{l.id}</bdi>}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** The name of an M49 region in the page's language, when one of the registry's States lies in it. */
function regionName(states: Parameters<typeof regionsOf>[0], code: string): string | undefined {
  return regionsOf(states, 'en').find(([c]) => c === code)?.[1];
}
