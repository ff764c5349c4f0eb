// On a State's page: the recommendations it received in the data Accord holds, counted by
// response, with a link to the search on that State. "None held" is not "none received": when
// Accord holds none, the section says what the data it holds cover (their sessions and years,
// from the facets of all of them), or that it holds no recommendations at all.
import { Fragment } from 'react';
import { Link } from 'react-router';
import { getJson } from '../../api/client.ts';
import type { RecommendationSearch } from '../../api/types.ts';
import { useApi } from '../../api/useApi.ts';
import { Loadable } from '../../components/PageState.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { DataSource } from './recommendation-words.tsx';
import { StateRatificationOutcomes } from './StateRatificationOutcomes.tsx';

/** The values a facet lists, as numbers, when the list is whole (the API lists at most 30 values of a facet). */
function spanOf(values: { value: string }[] | undefined): [number, number] | null {
  const numbers = (values ?? []).map((v) => Number(v.value)).filter((n) => Number.isFinite(n));
  if (numbers.length === 0 || numbers.length >= FACET_LIMIT) return null;
  return [Math.min(...numbers), Math.max(...numbers)];
}
const FACET_LIMIT = 30;

/** What the recommendations Accord holds cover, whoever they were made to: sessions and years. */
function NoneHeld({ name }: { name: string }) {
  const { t, lang } = useI18n();
  const all = useApi(`recommendations-all|${lang}`, (signal) => getJson<RecommendationSearch>('/recommendations', { limit: 1, lang }, signal));
  return (
    <Loadable loaded={all}>
      {(data) => {
        const sessions = spanOf(data.facets?.session);
        const years = spanOf(data.facets?.year);
        if (data.total === 0 || !years) return <p>{t('rec.state.noneAtAll')}</p>;
        // Years are written as they are, not as quantities (2008, not 2,008).
        const [from, to] = years.map(String) as [string, string];
        return <p>{sessions ? t('rec.state.noneHeld', { name, first: sessions[0], last: sessions[1], from, to }) : t('rec.state.noneHeldYears', { name, from, to })}</p>;
      }}
    </Loadable>
  );
}

export function StateRecommendations({ iso3, name }: { iso3: string; name: string }) {
  const { t, lang, href, number } = useI18n();
  const loaded = useApi(`recommendations-to|${iso3}|${lang}`, (signal) => getJson<RecommendationSearch>('/recommendations', { state: iso3, limit: 1, lang }, signal));
  return (
    <section aria-labelledby="recommendations-title">
      <h2 id="recommendations-title">{t('rec.state.title')}</h2>
      <Loadable loaded={loaded}>
        {(data) => {
          const count = (facet: string, value: string) => data.facets?.[facet]?.find((f) => f.value === value)?.count ?? 0;
          const received = count('kind', 'recommendation');
          const pledges = count('kind', 'voluntary-pledge');
          if (received === 0 && pledges === 0) return <NoneHeld name={name} />;
          const responses = (data.facets?.response ?? []).filter((f) => f.count > 0);
          const withoutResponse = received - responses.reduce((sum, f) => sum + f.count, 0);
          const search = (kind: string) => `${href('/recommendations')}?state=${encodeURIComponent(iso3)}&kind=${kind}`;
          return (
            <>
              <dl className="facts rec-counts">
                <dt>{t('rec.state.received')}</dt>
                <dd>
                  <span data-count="recommendation">{number(received)}</span>
                  {received > 0 && (
                    <>
                      {' '}
                      · <Link to={search('recommendation')}>{t('rec.state.search')}</Link>
                    </>
                  )}
                </dd>
                {responses.map((f) => (
                  <Fragment key={f.value}>
                    <dt>{t(`rec.response.${f.value}`)}</dt>
                    <dd data-count={f.value}>{number(f.count)}</dd>
                  </Fragment>
                ))}
                {withoutResponse > 0 && (
                  <>
                    <dt>{t('rec.response.none')}</dt>
                    <dd>{number(withoutResponse)}</dd>
                  </>
                )}
                {pledges > 0 && (
                  <>
                    <dt>{t('rec.state.pledges')}</dt>
                    <dd>
                      {number(pledges)} · <Link to={search('voluntary-pledge')}>{t('rec.state.search')}</Link>
                    </dd>
                  </>
                )}
              </dl>
              <p className="muted small">{t('rec.totalNote')}</p>
              <DataSource rows={data.items} />
              {received > 0 && <StateRatificationOutcomes iso3={iso3} />}
            </>
          );
        }}
      </Loadable>
    </section>
  );
}
