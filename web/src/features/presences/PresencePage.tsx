// One field presence: its facts, every coverage period (each with its sources, and a link to its
// own page), its corrections and history; and, for those who may edit presences (administrators
// and OHCHR editors: GET /permissions says so), the form that corrects it and the form that adds
// a coverage period. A new presence is entered on /presences/new.
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { useAuth } from '../../api/auth.tsx';
import { getJson } from '../../api/client.ts';
import { useAll, useStates } from '../../api/registry.ts';
import type { PresenceDetail } from '../../api/types.ts';
import { useApi } from '../../api/useApi.ts';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { FactDate } from '../../components/FactDate.tsx';
import { Loadable } from '../../components/PageState.tsx';
import { Sources } from '../../components/Sources.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Guard } from '../account/Guard.tsx';
import { AccessLevel } from '../edits/AccessLevel.tsx';
import { Corrections } from '../edits/Corrections.tsx';
import { EditForm } from '../edits/EditForm.tsx';
import { HistorySection } from '../edits/HistorySection.tsx';
import { SavedNotice, usePermissions } from '../edits/RecordTools.tsx';
import { accessOf } from '../edits/specs.ts';
import { periodFields, presenceFields, presenceValues } from './specs.ts';

type Period = PresenceDetail['periods'][number];

export function NewPresencePage() {
  return <Guard allowed={(can) => can.editAll}>{() => <NewPresence />}</Guard>;
}

function NewPresence() {
  const { t, href } = useI18n();
  const navigate = useNavigate();
  const { write } = useAuth();
  usePageTitle(t('edit.new.presence'));
  return (
    <>
      <p className="breadcrumb">
        <Link to={href('/presences')}>{t('presences.title')}</Link>
      </p>
      <h1>{t('edit.new.presence')}</h1>
      <p className="lead">{t('edit.lead')}</p>
      <EditForm
        fields={presenceFields(t)}
        mode="create"
        initial={{ kind: 'regional-office' }}
        valuesOf={() => null}
        submitLabel={t('edit.create')}
        send={({ body, reason }) => write('/presences', { body, reason })}
        onDone={(made: { id: string }) => navigate(href(`/presences/${made.id}`), { state: { edited: 'created' } })}
        onCancel={() => navigate(href('/presences'))}
      />
    </>
  );
}

export function PresencePage() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const { t, lang, href, date } = useI18n();
  const navigate = useNavigate();
  const { write } = useAuth();
  const asOf = params.get('asOf') ?? undefined;
  // Read again after every navigation (a period added or a correction saved lands here again).
  const { key } = useLocation();
  const loaded = useAll(
    useApi(`presence|${id}|${lang}|${key}`, (signal) => getJson<PresenceDetail>(`/presences/${encodeURIComponent(id)}`, { lang }, signal), { remember: false }),
    useStates(lang),
  );
  const permissions = usePermissions('presence', id);
  usePageTitle(loaded.data?.[0].name ?? (loaded.error ? t('notFound.title') : undefined));
  return (
    <Loadable loaded={loaded}>
      {([presence, states]) => {
        const names = new Map(states.map((s) => [s.iso3, s.name]));
        const stateChoices = [...states].sort((a, b) => a.name.localeCompare(b.name, lang)).map((s): [string, string] => [s.iso3, s.name]);
        const path = `/presences/${encodeURIComponent(presence.id)}`;
        const columns: Column<Period>[] = [
          { id: 'state', header: t('col.state'), cell: (p) => <Link to={href(`/states/${p.iso3}`)}>{names.get(p.iso3) ?? p.iso3}</Link>, value: (p) => names.get(p.iso3) ?? p.iso3 },
          { id: 'from', header: t('presence.from'), cell: (p) => (p.from ? <FactDate value={p.from} /> : t('presence.unknownStart')), value: (p) => p.from ?? '' },
          { id: 'until', header: t('presence.until'), cell: (p) => (p.until ? <FactDate value={p.until} /> : '—'), value: (p) => p.until ?? '' },
          { id: 'sources', header: t('col.sources'), cell: (p) => <Sources sources={p.sources} verified={p.verified} /> },
          { id: 'origin', header: t('edit.origin'), cell: (p) => t(`edit.origin.${p.origin}`), value: (p) => p.origin },
          {
            id: 'period',
            header: t('presence.period'),
            cell: (p) => (
              <Link to={href(`/presences/${presence.id}/periods/${p.seq}`)} aria-label={t('presence.periodOf', { state: names.get(p.iso3) ?? p.iso3 })}>
                {t('presence.openPeriod')}
              </Link>
            ),
          },
        ];
        return (
          <>
            <p className="breadcrumb">
              <Link to={href(asOf ? `/presences?asOf=${asOf}` : '/presences')}>{t('presences.title')}</Link>
            </p>
            <h1>{presence.name}</h1>
            <SavedNotice />
            <dl className="facts">
              <dt>{t('col.kind')}</dt>
              <dd>{t(`presenceKind.${presence.kind}`)}</dd>
              <dt>{t('mechanism.seat')}</dt>
              <dd>{presence.seat.city ?? '—'}</dd>
              <dt>{t('presence.opened')}</dt>
              <dd>
                <FactDate value={presence.opened} />
              </dd>
              {presence.closed && (
                <>
                  <dt>{t('presence.closed')}</dt>
                  <dd>{date(presence.closed)}</dd>
                </>
              )}
              {presence.mandate && (
                <>
                  <dt>{t('presence.mandate')}</dt>
                  <dd lang="en" dir="ltr">
                    {presence.mandate}
                  </dd>
                </>
              )}
              <dt>{t('col.sources')}</dt>
              <dd>
                <Sources sources={presence.sources} verified={presence.verified} />
              </dd>
              <dt>{t('edit.access')}</dt>
              <dd>
                <AccessLevel record={presence} />
              </dd>
            </dl>
            <h2>{t('presence.periods')}</h2>
            <DataTable
              caption={t('presence.periodsCaption', { name: presence.name })}
              columns={columns}
              rows={presence.periods}
              rowKey={(p) => String(p.seq)}
              urlKey="p"
              exportName={`accord-presence-${presence.id}`}
            />
            <Corrections corrections={presence.corrections} />
            {permissions?.update && (
              <>
                <section aria-labelledby="add-period-title">
                  <h2 id="add-period-title">{t('edit.new.period')}</h2>
                  <EditForm
                    key={`add-${presence.version}-${presence.periods.length}`}
                    fields={periodFields(t, stateChoices)}
                    mode="create"
                    initial={{}}
                    valuesOf={() => null}
                    submitLabel={t('edit.create')}
                    send={({ body, reason }) => write(`${path}/coverage-periods`, { body, reason })}
                    onDone={() => navigate(href(`/presences/${presence.id}`), { state: { edited: 'created' }, replace: true })}
                    onCancel={() => navigate(href('/presences'))}
                  />
                </section>
                <section aria-labelledby="correct-title">
                  <h2 id="correct-title">{t('edit.correct')}</h2>
                  <EditForm
                    key={presence.version}
                    fields={presenceFields(t)}
                    mode="update"
                    initial={presenceValues(presence)}
                    version={presence.version}
                    access={accessOf(presence)}
                    valuesOf={(current) => (current && typeof current === 'object' && 'periods' in current ? presenceValues(current as PresenceDetail) : null)}
                    submitLabel={t('edit.save')}
                    send={({ body, ifMatch, reason }) => write(path, { method: 'PATCH', body, ifMatch, reason })}
                    onDone={() => navigate(href(`/presences/${presence.id}`), { state: { edited: 'saved' }, replace: true })}
                    onCancel={() => navigate(href('/presences'))}
                  />
                </section>
              </>
            )}
            <HistorySection entity="presence" id={presence.id} version={presence.version} />
          </>
        );
      }}
    </Loadable>
  );
}
