// A State's profile: names, regions and group, memberships over time, the regional mechanisms
// covering it and its treaty status at the chosen date, and the OHCHR presence that covers it.
import { lazy, Suspense } from 'react';
import { Link, useParams } from 'react-router';
import { getJson } from '../../api/client.ts';
import type { StateProfile } from '../../api/types.ts';
import { useApi } from '../../api/useApi.ts';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { DateControl, useAsOf } from '../../components/DateControl.tsx';
import { FactDate } from '../../components/FactDate.tsx';
import { Name } from '../../components/Name.tsx';
import { Empty, Loadable, Loading } from '../../components/PageState.tsx';
import { periodsOf } from '../../components/periods.ts';
import { Sources, sourcesText, uniqueSources } from '../../components/Sources.tsx';
import { Timeline } from '../../components/Timeline.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { LANGS, LANGUAGE_NAMES, useI18n } from '../../i18n/i18n.tsx';
import { useAuth } from '../../api/auth.tsx';
import { EnteredActs } from '../edits/EnteredActs.tsx';
import { StateCooperation } from '../cooperation/StateCooperation.tsx';
import { StateRecommendations } from '../recommendations/StateRecommendations.tsx';
import { editsFor, hasScopeOf, SavedNotice } from '../edits/RecordTools.tsx';

// The treaty profile is the heaviest part of the page: its code loads only when a profile opens.
const StateTreaties = lazy(() => import('./StateTreaties.tsx').then((m) => ({ default: m.StateTreaties })));
const StateProcedures = lazy(() => import('../procedures/StateProcedures.tsx').then((m) => ({ default: m.StateProcedures })));

type Membership = StateProfile['memberships'][number];
type Covering = StateProfile['mechanisms'][number];

function Facts({ state }: { state: StateProfile }) {
  const { t } = useI18n();
  const regions = [state.region, state.subregion, state.intermediateRegion].filter((r) => r !== null);
  return (
    <dl className="facts">
      <dt>{t('col.code')}</dt>
      <dd>
        {state.iso3} · {state.iso2} · M49 {state.m49}
      </dd>
      <dt>{t('col.region')}</dt>
      <dd>
        {regions.length === 0
          ? '—'
          : regions.map((r, i) => (
              <span key={r.code}>
                {i > 0 && ' › '}
                <Name text={r.name} lang={r.nameLang} />
              </span>
            ))}
      </dd>
      <dt>{t('col.group')}</dt>
      <dd>
        {state.regionalGroup ? t(`group.${state.regionalGroup}`) : '—'}
        {state.regionalGroupNote && <p className="muted small">{state.regionalGroupNote}</p>}
      </dd>
      <dt>{t('col.unStatus')}</dt>
      <dd>
        {t(`unStatus.${state.unStatus}`)}
        {state.unAdmission && (
          <>
            {' '}
            · {t('state.admitted')} <FactDate value={state.unAdmission} />
          </>
        )}
      </dd>
      <dt>{t('col.sources')}</dt>
      <dd>
        <Sources sources={state.sources} verified={state.verified} />
      </dd>
    </dl>
  );
}

function Names({ names, unofficial }: { names: Record<string, string>; unofficial: string[] }) {
  const { t, href } = useI18n();
  return (
    <section aria-labelledby="names-title">
      <h2 id="names-title">{t('state.names')}</h2>
      <dl className="names">
        {LANGS.filter((l) => names[l]).map((l) => (
          <div key={l}>
            <dt>{LANGUAGE_NAMES[l]}</dt>
            <dd>
              <span lang={l} dir={l === 'ar' ? 'rtl' : 'ltr'}>
                {names[l]}
              </span>
              {unofficial.includes(l) && (
                <span className="muted small">
                  {' '}
                  — <Link to={href('/data-quality#names')}>{t('names.notOfficial')}</Link>
                </span>
              )}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function MechanismsTable({ state }: { state: StateProfile }) {
  const { t, yesNo, href, date } = useI18n();
  const columns: Column<Covering>[] = [
    { id: 'mechanism', header: t('col.mechanism'), cell: (m) => <Link to={href(`/mechanisms/${m.code}`)}>{m.name}</Link>, value: (m) => m.name },
    { id: 'code', header: t('col.code'), cell: (m) => m.code, value: (m) => m.code },
    { id: 'basis', header: t('col.basis'), cell: (m) => t(`basis.${m.basis}`), value: (m) => m.basis },
    { id: 'individualComplaints', header: t('col.individualComplaints'), cell: (m) => yesNo(m.individualComplaints), value: (m) => m.individualComplaints },
    { id: 'sources', header: t('col.sources'), cell: (m) => <Sources sources={m.sources} verified={m.verified} /> },
  ];
  return (
    <DataTable
      caption={t('state.mechanismsCaption', { name: state.name, date: date(state.asOf) })}
      columns={columns}
      rows={state.mechanisms}
      rowKey={(m) => m.code}
      exportName={`accord-${state.iso3}-mechanisms-${state.asOf}`}
      exportAbout={{ state: state.iso3, asOf: state.asOf }}
      exportExtra={(m) => ({ verified: m.verified, sources: sourcesText(m.sources) })}
      empty={t('state.noMechanism')}
    />
  );
}

function MembershipsSection({ state }: { state: StateProfile }) {
  const { t, href, date } = useI18n();
  const rows = state.memberships.map((m) => ({ id: m.organization.id, label: m.organization.acronym ?? m.organization.name, periods: periodsOf(m.events) }));
  const columns: Column<Membership>[] = [
    { id: 'organization', header: t('col.organization'), cell: (m) => <Link to={href(`/organizations/${m.organization.id}`)}>{m.organization.name}</Link>, value: (m) => m.organization.name },
    { id: 'status', header: t('col.statusAt', { date: date(state.asOf) }), cell: (m) => t(`membership.${m.status}`), value: (m) => m.status },
    { id: 'since', header: t('col.since'), cell: (m) => <FactDate value={m.since} uncertain={m.uncertain} />, value: (m) => m.since ?? '' },
    {
      id: 'events',
      header: t('col.events'),
      cell: (m) => (
        <ul className="events">
          {m.events.map((e, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: membership events have no id; shown as a whole, in date order
            <li key={i}>
              {t(`event.${e.event}`)} <FactDate value={e.date} />{' '}
              {e.note && (
                <span className="muted small">
                  {'— '}
                  <span lang="en" dir="ltr">
                    {e.note}
                  </span>
                </span>
              )}{' '}
              <Sources sources={e.sources} verified={e.verified} />
            </li>
          ))}
        </ul>
      ),
      value: (m) => m.events.map((e) => `${e.event} ${e.date ?? '?'}`).join('; '),
    },
  ];
  return (
    <section aria-labelledby="memberships-title">
      <h2 id="memberships-title">{t('state.memberships')}</h2>
      {rows.length === 0 ? (
        <Empty>{t('state.noMembership')}</Empty>
      ) : (
        <>
          <Timeline rows={rows} title={t('state.timelineTitle', { name: state.name })} asOf={state.asOf} />
          <DataTable
            caption={t('state.membershipsCaption', { name: state.name })}
            columns={columns}
            rows={state.memberships}
            rowKey={(m) => m.organization.id}
            exportName={`accord-${state.iso3}-memberships`}
            exportAbout={{ state: state.iso3, asOf: state.asOf }}
            exportExtra={(m) => ({ verified: m.verified, sources: sourcesText(uniqueSources(m.events.flatMap((e) => e.sources))) })}
          />
        </>
      )}
    </section>
  );
}

export function StatePage() {
  const { iso3 = '' } = useParams();
  const { t, lang, href } = useI18n();
  const { can } = useAuth();
  const [asOf, setAsOf] = useAsOf();
  const loaded = useApi(`state|${iso3}|${lang}|${asOf}`, (signal) => getJson<StateProfile>(`/states/${encodeURIComponent(iso3)}`, { lang, asOf }, signal), { subject: `state|${iso3}|${lang}` });
  usePageTitle(loaded.data?.name ?? (loaded.error ? t('notFound.title') : undefined));
  return (
    <Loadable loaded={loaded}>
      {(state) => (
        <>
          <p className="breadcrumb">
            <Link to={href('/states')}>{t('nav.states')}</Link>
          </p>
          <h1>{state.name}</h1>
          <p>
            <Link to={href(`/states/${state.iso3}/gaps`)}>{t('gaps.link')}</Link>
          </p>
          <SavedNotice />
          <Facts state={state} />
          <Names names={state.names} unofficial={state.unofficialNames} />
          <div className="toolbar">
            <DateControl asOf={asOf} onChange={setAsOf} />
          </div>
          <section aria-labelledby="mechanisms-title">
            <h2 id="mechanisms-title">{t('state.mechanisms')}</h2>
            <MechanismsTable state={state} />
          </section>
          <Suspense fallback={<Loading />}>
            <StateTreaties iso3={state.iso3} name={state.name} asOf={asOf} />
            <StateProcedures iso3={state.iso3} name={state.name} asOf={asOf} />
          </Suspense>
          <StateRecommendations iso3={state.iso3} name={state.name} />
          <EnteredActs participant={state.iso3} mayEnter={editsFor(can, [`state:${state.iso3}`]) || hasScopeOf(can, 'organization')} />
          <MembershipsSection state={state} />
          <section aria-labelledby="presence-title">
            <h2 id="presence-title">{t('state.presence')}</h2>
            {state.presences.length === 0 ? (
              <Empty>{t('state.noPresence')}</Empty>
            ) : (
              <ul>
                {state.presences.map((p) => (
                  <li key={p.id}>
                    <Link to={`${href('/presences')}?t.q=${encodeURIComponent(p.name)}`}>{p.name}</Link> — {t(`presenceKind.${p.kind}`)}
                    {p.seat && `, ${p.seat}`}
                    {p.opened && (
                      <>
                        {' '}
                        ({t('presence.opened')} <FactDate value={p.opened} />)
                      </>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </section>
          <StateCooperation iso3={state.iso3} name={state.name} />
        </>
      )}
    </Loadable>
  );
}
