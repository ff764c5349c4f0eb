// An organization: its facts, its member timeline (every State that ever belonged) and its
// members at the chosen date.
import { Link, useParams } from 'react-router';
import { getAll, getJson } from '../../api/client.ts';
import { useAll } from '../../api/registry.ts';
import type { Member, MemberHistory, Organization } from '../../api/types.ts';
import { useApi } from '../../api/useApi.ts';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { DateControl, useAsOf } from '../../components/DateControl.tsx';
import { FactDate } from '../../components/FactDate.tsx';
import { Name } from '../../components/Name.tsx';
import { Loadable } from '../../components/PageState.tsx';
import { periodsOf } from '../../components/periods.ts';
import { isWebAddress, Sources, sourcesText } from '../../components/Sources.tsx';
import { Timeline } from '../../components/Timeline.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useAuth } from '../../api/auth.tsx';
import { AccessBadge } from '../edits/AccessLevel.tsx';
import { Corrections } from '../edits/Corrections.tsx';
import { HistorySection } from '../edits/HistorySection.tsx';
import { EditLink, editsFor, hasScopeOf, SavedNotice } from '../edits/RecordTools.tsx';
import { OrganizationExchanges } from '../exchanges/OrganizationExchanges.tsx';

function Facts({ org }: { org: Organization }) {
  const { t, href } = useI18n();
  return (
    <dl className="facts">
      <dt>{t('col.kind')}</dt>
      <dd>{t(`orgKind.${org.kind}`)}</dd>
      <dt>{t('col.founded')}</dt>
      <dd>
        <FactDate value={org.founded} />
      </dd>
      {org.headquarters.city && (
        <>
          <dt>{t('org.headquarters')}</dt>
          <dd>
            <bdi>{org.headquarters.city}</bdi>
            {org.headquarters.iso3 && (
              <>
                {' '}
                (<Link to={href(`/states/${org.headquarters.iso3}`)}>{org.headquarters.iso3}</Link>)
              </>
            )}
          </dd>
        </>
      )}
      {org.predecessors.length > 0 && (
        <>
          <dt>{t('org.predecessors')}</dt>
          <dd>
            {org.predecessors.map((p) => (
              <span key={p.name} className="block">
                <bdi>
                  {p.name} {p.acronym && `(${p.acronym})`}
                </bdi>{' '}
                <FactDate value={p.from} /> – <FactDate value={p.to} />
              </span>
            ))}
          </dd>
        </>
      )}
      {org.website && isWebAddress(org.website) && (
        <>
          <dt>{t('org.website')}</dt>
          <dd>
            <a href={org.website} rel="noopener noreferrer" target="_blank">
              {org.website}
            </a>
          </dd>
        </>
      )}
      <dt>{t('col.sources')}</dt>
      <dd>
        <Sources sources={org.sources} verified={org.verified} />
      </dd>
    </dl>
  );
}

interface EventRow {
  key: string;
  iso3: string;
  name: string;
  event: MemberHistory['events'][number];
}

/** The timeline's facts as a table: every membership event, with its sources. */
function EventsTable({ org, history }: { org: Organization; history: MemberHistory[] }) {
  const { t, href } = useI18n();
  const { can } = useAuth();
  // Editors of the organization, of a State or of everything may correct events; the event's page asks the API.
  const editor = editsFor(can, [`organization:${org.id}`]) || hasScopeOf(can, 'state');
  const rows: EventRow[] = history.flatMap((h) => h.events.map((event, i) => ({ key: `${h.iso3}-${i}`, iso3: h.iso3, name: h.name, event })));
  const columns: Column<EventRow>[] = [
    { id: 'state', header: t('col.state'), cell: (r) => <Link to={href(`/states/${r.iso3}`)}>{r.name}</Link>, value: (r) => r.name },
    { id: 'iso3', header: t('col.code'), cell: (r) => r.iso3, value: (r) => r.iso3 },
    { id: 'event', header: t('col.event'), cell: (r) => t(`event.${r.event.event}`), value: (r) => r.event.event },
    { id: 'date', header: t('col.date'), cell: (r) => <FactDate value={r.event.date} />, value: (r) => r.event.date ?? '' },
    {
      id: 'note',
      header: t('col.note'),
      cell: (r) => (
        <span lang="en" dir="ltr">
          {r.event.note ?? ''}
        </span>
      ),
      value: (r) => r.event.note ?? '',
    },
    { id: 'sources', header: t('col.sources'), cell: (r) => <Sources sources={r.event.sources} verified={r.event.verified} /> },
    ...(editor
      ? [
          {
            id: 'edit',
            header: t('edit.column'),
            cell: (r: EventRow) => (
              <Link to={href(`/organizations/${org.id}/events/${r.iso3}/${r.event.seq}`)} aria-label={t('edit.openEvent', { event: t(`event.${r.event.event}`), state: r.name })}>
                {t('edit.open')}
              </Link>
            ),
          },
        ]
      : []),
  ];
  return (
    <details className="table-disclosure">
      <summary>{t('org.eventsShow', { count: rows.length })}</summary>
      <DataTable
        caption={t('org.eventsCaption', { name: org.name })}
        columns={columns}
        rows={rows}
        rowKey={(r) => r.key}
        initialSort={{ id: 'date' }}
        exportName={`accord-${org.id}-membership-events`}
        exportAbout={{ organization: org.id }}
        exportExtra={(r) => ({ precision: r.event.precision, verified: r.event.verified, sources: sourcesText(r.event.sources) })}
      />
    </details>
  );
}

function MembersTable({ org, members }: { org: Organization; members: Member[] }) {
  const { t, href, date } = useI18n();
  const columns: Column<Member>[] = [
    { id: 'state', header: t('col.state'), cell: (m) => <Link to={href(`/states/${m.iso3}`)}>{m.name}</Link>, value: (m) => m.name },
    { id: 'iso3', header: t('col.code'), cell: (m) => m.iso3, value: (m) => m.iso3 },
    { id: 'status', header: t('col.status'), cell: (m) => t(`membership.${m.status}`), value: (m) => m.status },
    { id: 'since', header: t('col.since'), cell: (m) => <FactDate value={m.since} uncertain={m.uncertain} />, value: (m) => m.since ?? '' },
    { id: 'sources', header: t('col.sources'), cell: (m) => <Sources sources={m.sources} verified={m.verified} /> },
  ];
  return (
    <DataTable
      caption={t('org.membersCaption', { name: org.name, date: date(org.asOf) })}
      columns={columns}
      rows={members}
      rowKey={(m) => m.iso3}
      urlKey="t"
      exportName={`accord-${org.id}-members-${org.asOf}`}
      exportAbout={{ organization: org.id, asOf: org.asOf }}
      exportExtra={(m) => ({ iso2: m.iso2, sincePrecision: m.sincePrecision, verified: m.verified, sources: sourcesText(m.sources) })}
      empty={t('org.noMembers')}
    />
  );
}

function NewEventLink({ org }: { org: Organization }) {
  const { t, href } = useI18n();
  const { can } = useAuth();
  if (!editsFor(can, [`organization:${org.id}`]) && !hasScopeOf(can, 'state')) return null;
  return (
    <p>
      <Link className="button-link" to={href(`/organizations/${org.id}/events/new`)}>
        {t('edit.new.event')}
      </Link>
    </p>
  );
}

export function OrganizationPage() {
  const { id = '' } = useParams();
  const { t, lang, href } = useI18n();
  const [asOf, setAsOf] = useAsOf();
  const path = `/organizations/${encodeURIComponent(id)}`;
  const subject = `org|${id}|${lang}`;
  const loaded = useAll(
    useApi(`${subject}|${asOf}`, (signal) => getJson<Organization>(path, { lang, asOf }, signal), { subject }),
    useApi(`${subject}|members|${asOf}`, (signal) => getAll<Member>(`${path}/members`, { lang, asOf }, signal), { subject: `${subject}|members` }),
    useApi(`${subject}|history`, (signal) => getAll<MemberHistory>(`${path}/history`, { lang }, signal)),
  );
  usePageTitle(loaded.data?.[0].name ?? (loaded.error ? t('notFound.title') : undefined));
  return (
    <Loadable loaded={loaded}>
      {([org, members, history]) => (
        <>
          <p className="breadcrumb">
            <Link to={href('/organizations')}>{t('nav.organizations')}</Link>
          </p>
          <h1>
            <Name text={org.name} lang={org.nameLang} />{' '}
            {org.acronym && (
              <span className="muted">
                (<bdi>{org.acronym}</bdi>)
              </span>
            )}
          </h1>
          <SavedNotice />
          <div className="buttons record-tools">
            <AccessBadge record={org} />
            <EditLink entity="organization" id={org.id} to={href(`/organizations/${org.id}/edit`)} />
          </div>
          <Facts org={org} />
          <Corrections corrections={org.corrections} />
          <section aria-labelledby="timeline-title">
            <h2 id="timeline-title">{t('org.timeline')}</h2>
            <p className="muted">{t('org.timelineLead', { count: history.length })}</p>
            <Timeline
              rows={[...history]
                .sort((a, b) => (a.events[0]?.date ?? '').localeCompare(b.events[0]?.date ?? '') || a.name.localeCompare(b.name))
                .map((h) => ({ id: h.iso3, label: h.name, periods: periodsOf(h.events) }))}
              title={t('org.timelineTitle', { name: org.name })}
              asOf={org.asOf}
            />
            <EventsTable org={org} history={history} />
            <NewEventLink org={org} />
          </section>
          <section aria-labelledby="members-title">
            <h2 id="members-title">{t('org.members')}</h2>
            <div className="toolbar">
              <DateControl asOf={asOf} onChange={setAsOf} />
            </div>
            <MembersTable org={org} members={members} />
          </section>
          <OrganizationExchanges organization={org.id} />
          <HistorySection entity="organization" id={org.id} version={org.version} />
        </>
      )}
    </Loadable>
  );
}
