// One coverage period of a presence: its State, dates, note and sources, who may see it, its
// corrections and history; those who may edit presences correct it here, and delete it when it
// was entered in Accord (a shipped period is corrected, never deleted).
import { Link, useNavigate, useParams } from 'react-router';
import { useAuth } from '../../api/auth.tsx';
import { getJson } from '../../api/client.ts';
import { useAll, useStates } from '../../api/registry.ts';
import type { CoveragePeriod, PresenceDetail } from '../../api/types.ts';
import { useApi } from '../../api/useApi.ts';
import { FactDate } from '../../components/FactDate.tsx';
import { Loadable } from '../../components/PageState.tsx';
import { Sources } from '../../components/Sources.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { AccessLevel } from '../edits/AccessLevel.tsx';
import { Corrections } from '../edits/Corrections.tsx';
import { EditForm } from '../edits/EditForm.tsx';
import { HistorySection } from '../edits/HistorySection.tsx';
import { DeleteButton, usePermissions } from '../edits/RecordTools.tsx';
import { accessOf } from '../edits/specs.ts';
import { periodFields, periodValues } from './specs.ts';

export function PeriodPage() {
  const { id = '', seq = '' } = useParams();
  const { t, lang, href } = useI18n();
  const navigate = useNavigate();
  const { write } = useAuth();
  const loaded = useAll(
    useApi(`presence|${id}|${lang}`, (signal) => getJson<PresenceDetail>(`/presences/${encodeURIComponent(id)}`, { lang }, signal), { remember: false }),
    useStates(lang),
  );
  const recordId = `${id}/${seq}`;
  const permissions = usePermissions('coverage-period', recordId);
  const period = loaded.data?.[0].periods.find((p) => String(p.seq) === seq);
  const stateName = period ? (loaded.data?.[1].find((s) => s.iso3 === period.iso3)?.name ?? period.iso3) : '';
  const title = period && loaded.data ? t('presence.periodTitle', { presence: loaded.data[0].name, state: stateName }) : undefined;
  usePageTitle(title ?? (loaded.error ? t('notFound.title') : undefined));
  return (
    <Loadable loaded={loaded}>
      {([presence]) => {
        if (!period) return <p className="page-state">{t('errors.notFound')}</p>;
        const path = `/presences/${encodeURIComponent(presence.id)}/coverage-periods/${seq}`;
        const back = href(`/presences/${presence.id}`);
        return (
          <>
            <p className="breadcrumb">
              <Link to={back}>{presence.name}</Link>
            </p>
            <h1>{title}</h1>
            <dl className="facts">
              <dt>{t('col.state')}</dt>
              <dd>
                <Link to={href(`/states/${period.iso3}`)}>{stateName}</Link>
              </dd>
              <dt>{t('presence.from')}</dt>
              <dd>{period.from ? <FactDate value={period.from} /> : t('presence.unknownStart')}</dd>
              <dt>{t('presence.until')}</dt>
              <dd>{period.until ? <FactDate value={period.until} /> : '—'}</dd>
              {period.note && (
                <>
                  <dt>{t('col.note')}</dt>
                  <dd lang="en" dir="ltr">
                    {period.note}
                  </dd>
                </>
              )}
              <dt>{t('col.sources')}</dt>
              <dd>
                <Sources sources={period.sources} verified={period.verified} />
              </dd>
              <dt>{t('edit.origin')}</dt>
              <dd>{t(`edit.origin.${period.origin}`)}</dd>
              <dt>{t('edit.access')}</dt>
              <dd>
                <AccessLevel record={period} />
              </dd>
            </dl>
            <div className="buttons">
              <DeleteButton entity="coverage-period" id={recordId} path={path} version={period.version} what={title ?? recordId} after={back} />
            </div>
            <Corrections corrections={period.corrections} />
            {permissions?.update && (
              <section aria-labelledby="correct-title">
                <h2 id="correct-title">{t('edit.correct')}</h2>
                <EditForm
                  key={period.version}
                  fields={periodFields(t, [])}
                  mode="update"
                  initial={periodValues(period)}
                  version={period.version}
                  access={accessOf(period)}
                  valuesOf={(current) => (current && typeof current === 'object' && 'iso3' in current ? periodValues(current as CoveragePeriod) : null)}
                  submitLabel={t('edit.save')}
                  send={({ body, ifMatch, reason }) => write(path, { method: 'PATCH', body, ifMatch, reason })}
                  onDone={() => navigate(back, { state: { edited: 'saved' } })}
                  onCancel={() => navigate(back)}
                />
              </section>
            )}
            <HistorySection entity="coverage-period" id={recordId} version={period.version} />
          </>
        );
      }}
    </Loadable>
  );
}
