// On a State's page, its cooperation history (GET /api/v1/states/{iso3}/cooperation): the
// requests it made, the projects in it, the events it hosted or sent participants to, the OHCHR
// presences that covered it and when, and the recommendations those records answer; each list
// holds only what the reader may see.
import { Link } from 'react-router';
import { getJson } from '../../api/client.ts';
import type { StateCooperation as History } from '../../api/types.ts';
import { useApi } from '../../api/useApi.ts';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { Loadable } from '../../components/PageState.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

type Request = History['requests'][number];
type Project = History['projects'][number];
type Event = History['events'][number];
type Period = History['presences'][number];
type Recommendation = History['recommendations'][number];

function Tables({ h }: { h: History }) {
  const { t, number, href } = useI18n();
  const date = (d: string | null, none: string) => (d ? <bdi dir="ltr">{d}</bdi> : <span className="muted">{none}</span>);
  const requests: Column<Request>[] = [
    { id: 'received', header: t('cooperation.received'), cell: (r) => date(r.received, ''), value: (r) => r.received },
    { id: 'subject', header: t('cooperation.subject'), cell: (r) => <Link to={href(`/requests/${encodeURIComponent(r.id)}`)}>{r.subject}</Link>, value: (r) => r.subject },
    { id: 'status', header: t('cooperation.status'), cell: (r) => t(`cooperation.requestStatus.${r.status}`), value: (r) => r.status },
  ];
  const projects: Column<Project>[] = [
    { id: 'title', header: t('cooperation.titleColumn'), cell: (p) => <Link to={href(`/projects/${encodeURIComponent(p.id)}`)}>{p.title}</Link>, value: (p) => p.title },
    { id: 'status', header: t('cooperation.status'), cell: (p) => t(`cooperation.projectStatus.${p.status}`), value: (p) => p.status },
    { id: 'start', header: t('cooperation.start'), cell: (p) => date(p.start, t('cooperation.unknownStart')), value: (p) => p.start },
    { id: 'end', header: t('cooperation.end'), cell: (p) => date(p.end, t('cooperation.ongoing')), value: (p) => p.end },
    { id: 'share', header: t('cooperation.share'), cell: (p) => (p.percentage ? <bdi dir="ltr">{p.percentage} %</bdi> : ''), value: (p) => p.percentage },
  ];
  const events: Column<Event>[] = [
    { id: 'start', header: t('cooperation.start'), cell: (e) => date(e.start, ''), value: (e) => e.start },
    { id: 'title', header: t('cooperation.titleColumn'), cell: (e) => <Link to={href(`/events/${encodeURIComponent(e.id)}`)}>{e.title}</Link>, value: (e) => e.title },
    { id: 'kind', header: t('cooperation.kind'), cell: (e) => t(`cooperation.kind.${e.kind}`), value: (e) => e.kind },
    { id: 'place', header: t('cooperation.place'), cell: (e) => e.city ?? '', value: (e) => e.city },
    { id: 'role', header: t('cooperation.role'), cell: (e) => (e.hosted ? t('cooperation.hosted') : t('cooperation.sentParticipants')), value: (e) => (e.hosted ? 'hosted' : 'participants') },
    {
      id: 'participants',
      header: t('cooperation.participantsFrom'),
      cell: (e) => (e.participantsFromState === null ? <span className="muted">{t('cooperation.notCounted')}</span> : number(e.participantsFromState)),
      value: (e) => e.participantsFromState,
      numeric: true,
    },
  ];
  const periods: Column<Period>[] = [
    { id: 'presence', header: t('cooperation.presence'), cell: (p) => <Link to={href(`/presences/${encodeURIComponent(p.id)}`)}>{p.name}</Link>, value: (p) => p.name },
    { id: 'from', header: t('cooperation.start'), cell: (p) => date(p.from, t('cooperation.unknownStart')), value: (p) => p.from },
    { id: 'until', header: t('cooperation.end'), cell: (p) => date(p.until, t('cooperation.ongoing')), value: (p) => p.until },
  ];
  const recommendations: Column<Recommendation>[] = [
    {
      id: 'recommendation',
      header: t('cooperation.recommendation'),
      cell: (r) => <Link to={href(`/recommendations/${encodeURIComponent(r.id)}`)}>{r.text.length > 160 ? `${r.text.slice(0, 160)}…` : r.text}</Link>,
      value: (r) => r.id,
    },
    { id: 'date', header: t('cooperation.year'), cell: (r) => date(r.date, ''), value: (r) => r.date },
    {
      id: 'answeredBy',
      header: t('cooperation.answeredBy'),
      cell: (r) => r.answeredBy.map((a) => t(`cooperation.record.${a.kind}`)).join(', '),
      value: (r) => r.answeredBy.map((a) => `${a.kind}:${a.id}`).join(' '),
    },
  ];
  const exportAbout = { state: h.iso3 };
  return (
    <>
      {h.requests.length > 0 && (
        <DataTable
          caption={t('cooperation.requests')}
          columns={requests}
          rows={h.requests}
          rowKey={(r) => r.id}
          exportName={`accord-${h.iso3}-requests`}
          exportAbout={exportAbout}
          urlKey="coopRequests"
          initialSort={{ id: 'received', descending: true }}
        />
      )}
      {h.projects.length > 0 && (
        <DataTable
          caption={t('cooperation.projects')}
          columns={projects}
          rows={h.projects}
          rowKey={(p) => p.id}
          exportName={`accord-${h.iso3}-projects`}
          exportAbout={exportAbout}
          urlKey="coopProjects"
          initialSort={{ id: 'start' }}
        />
      )}
      {h.events.length > 0 && (
        <DataTable
          caption={t('cooperation.events')}
          columns={events}
          rows={h.events}
          rowKey={(e) => e.id}
          exportName={`accord-${h.iso3}-events`}
          exportAbout={exportAbout}
          urlKey="coopEvents"
          initialSort={{ id: 'start' }}
        />
      )}
      {h.presences.length > 0 && (
        <DataTable
          caption={t('cooperation.presences')}
          columns={periods}
          rows={h.presences}
          rowKey={(p) => `${p.id}-${p.seq}`}
          exportName={`accord-${h.iso3}-presence-coverage`}
          exportAbout={exportAbout}
          urlKey="coopPresences"
          initialSort={{ id: 'from' }}
        />
      )}
      {h.recommendations.length > 0 && (
        <DataTable
          caption={t('cooperation.recommendations')}
          columns={recommendations}
          rows={h.recommendations}
          rowKey={(r) => r.id}
          exportName={`accord-${h.iso3}-answered-recommendations`}
          exportAbout={exportAbout}
          urlKey="coopRecommendations"
          initialSort={{ id: 'date' }}
        />
      )}
    </>
  );
}

export function StateCooperation({ iso3, name }: { iso3: string; name: string }) {
  const { t, lang, href } = useI18n();
  const loaded = useApi(`state-cooperation|${iso3}|${lang}`, (signal) => getJson<History>(`/states/${encodeURIComponent(iso3)}/cooperation`, { lang }, signal));
  return (
    <section aria-labelledby="cooperation-title" className="state-cooperation">
      <h2 id="cooperation-title">{t('cooperation.history')}</h2>
      <p className="muted">
        {t('cooperation.historyLead', { name })} <Link to={href('/cooperation')}>{t('cooperation.dashboardLink')}</Link>
      </p>
      <Loadable loaded={loaded}>
        {(h) => (h.requests.length + h.projects.length + h.events.length + h.presences.length === 0 ? <p className="empty">{t('cooperation.historyEmpty')}</p> : <Tables h={h} />)}
      </Loadable>
    </section>
  );
}
