// A State's ratification gaps at a date (docs/OBSTACLES.md): the principal instruments it is not
// party to, each with the obstacles recorded ("none recorded" where none is: never "none"), the
// recommendations to ratify it with the State's responses, the strategies, and how its region
// stands. Made to be printed before a mission: the print style drops the navigation and keeps
// the table readable.
import { Link, useParams } from 'react-router';
import { useAuth } from '../../api/auth.tsx';
import { apiUrl, getJson } from '../../api/client.ts';
import type { StateGaps } from '../../api/types.ts';
import { useApi } from '../../api/useApi.ts';
import { DateControl, useAsOf } from '../../components/DateControl.tsx';
import { Empty, Loadable } from '../../components/PageState.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useI18n } from '../../i18n/i18n.tsx';

type Gap = StateGaps['gaps'][number];

function Responses({ gap }: { gap: Gap }) {
  const { t, number } = useI18n();
  if (gap.recommendations.length === 0) return <span className="muted">{t('gaps.noRecommendation')}</span>;
  const counts = new Map<string, number>();
  for (const r of gap.recommendations) counts.set(r.response ?? '', (counts.get(r.response ?? '') ?? 0) + 1);
  return (
    <>
      {t('gaps.recommendationCount', { count: number(gap.recommendations.length) })}
      <ul className="inline-list">
        {[...counts].map(([response, n]) => (
          <li key={response}>
            {response ? t(`rec.response.${response}`) : t('gaps.responseNotRecorded')}: {number(n)}
          </li>
        ))}
      </ul>
    </>
  );
}

function Region({ gap, region }: { gap: Gap; region: StateGaps['region'] }) {
  const { t, number } = useI18n();
  if (!gap.region || !region) return <span className="muted">—</span>;
  const share = gap.region.partyShare === null ? '—' : `${number(gap.region.partyShare)} %`;
  return (
    <>
      {t('gaps.regionParty', { party: number(gap.region.party), states: number(gap.region.states), region: region.name, share })}
      {gap.region.noData > 0 && <span className="muted"> · {t('gaps.regionUnknown', { count: number(gap.region.noData) })}</span>}
    </>
  );
}

function GapRow({ gap, region }: { gap: Gap; region: StateGaps['region'] }) {
  const { t, date, href } = useI18n();
  return (
    <tr>
      <th scope="row">
        <Link to={href(`/instruments/${gap.instrument.code}`)}>{gap.instrument.name}</Link> <span className="muted">({gap.instrument.code})</span>
      </th>
      <td>
        {t(`treaty.status.${gap.status}`)}
        {gap.since && <span className="muted"> · {date(gap.since)}</span>}
      </td>
      <td>
        {gap.obstacles.length === 0 ? (
          <span className="muted">{t('gaps.noneRecorded')}</span>
        ) : (
          <ul className="plain-list">
            {gap.obstacles.map((o) => (
              <li key={o.id}>
                <strong>{t(`obstacles.category.${o.category}`)}</strong> ({t(`obstacles.status.${o.status}`)}): {o.description}
              </li>
            ))}
          </ul>
        )}
      </td>
      <td>
        <Responses gap={gap} />
      </td>
      <td>
        {gap.strategies.length === 0 ? (
          <span className="muted">{t('gaps.noneRecorded')}</span>
        ) : (
          <ul className="plain-list">
            {gap.strategies.map((s) => (
              <li key={s.id}>
                {t(`obstacles.strategyKind.${s.kind}`)} ({t(`obstacles.strategyStatus.${s.status}`)})
              </li>
            ))}
          </ul>
        )}
      </td>
      <td>
        <Region gap={gap} region={region} />
      </td>
    </tr>
  );
}

export function GapsPage() {
  const { iso3 = '' } = useParams();
  const { t, lang, href, date, list } = useI18n();
  const [asOf, setAsOf] = useAsOf();
  const { can } = useAuth();
  const loaded = useApi(`gaps|${iso3}|${lang}|${asOf}`, (signal) => getJson<StateGaps>(`/states/${iso3}/ratification-gaps`, { lang, asOf }, signal), { subject: `gaps|${iso3}|${lang}` });
  usePageTitle(loaded.data ? t('gaps.title', { state: loaded.data.state.name }) : t('gaps.titleShort'));
  return (
    <Loadable loaded={loaded}>
      {(gaps) => (
        <div className="gaps-page">
          <p className="breadcrumb no-print">
            <Link to={href(`/states/${gaps.state.iso3}`)}>{gaps.state.name}</Link>
          </p>
          <h1>{t('gaps.title', { state: gaps.state.name })}</h1>
          <p className="lead">{t('gaps.lead')}</p>
          <div className="toolbar no-print">
            <DateControl asOf={asOf} onChange={setAsOf} />
            <button type="button" onClick={() => window.print()}>
              {t('gaps.print')}
            </button>
            <a href={apiUrl(`/states/${gaps.state.iso3}/ratification-gaps/csv`, { lang, asOf: gaps.asOf })} download>
              {t('gaps.csv')}
            </a>
            {can.editAll && (
              <Link className="button-link" to={href(`/obstacles/new?state=${gaps.state.iso3}`)}>
                {t('obstacles.new')}
              </Link>
            )}
          </div>
          {gaps.gaps.length === 0 ? (
            <Empty>{t('gaps.none')}</Empty>
          ) : (
            <div className="table-scroll">
              <table className="data-table gaps-table">
                <caption>{t('gaps.caption', { state: gaps.state.name, date: date(gaps.asOf) })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('gaps.col.instrument')}</th>
                    <th scope="col">{t('gaps.col.status')}</th>
                    <th scope="col">{t('gaps.col.obstacles')}</th>
                    <th scope="col">{t('gaps.col.recommendations')}</th>
                    <th scope="col">{t('gaps.col.strategies')}</th>
                    <th scope="col">{t('gaps.col.region')}</th>
                  </tr>
                </thead>
                <tbody>
                  {gaps.gaps.map((g) => (
                    <GapRow key={g.instrument.code} gap={g} region={gaps.region} />
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {gaps.unknown.length > 0 && (
            <p>
              <strong>{t('gaps.unknown')}</strong> {list(gaps.unknown.map((i) => i.name))}
            </p>
          )}
          <p className="muted small">{t('gaps.rule')}</p>
        </div>
      )}
    </Loadable>
  );
}
