// Exchanges between UN bodies and regional organizations and mechanisms: filters kept in the
// address (organization, UN body, kind, year, region, series), the API's sort, its pages read one
// after another ("Load more"), the CSV of what the filters keep, the series of exchanges, and for
// OHCHR editors the link to enter one (an editor who deleted one lands here, told so). The list is built by the API (GET /api/v1/exchanges), so paging and sorting are its.
import { Link } from 'react-router';
import { useAuth } from '../../api/auth.tsx';
import { apiUrl, getJson } from '../../api/client.ts';
import { useOrganizations } from '../../api/registry.ts';
import type { ExchangeItem, ExchangeSeries } from '../../api/types.ts';
import { useApi } from '../../api/useApi.ts';
import { useMorePages } from '../../api/useMorePages.ts';
import { Loadable, MorePages } from '../../components/PageState.tsx';
import { SelectFilter } from '../../components/SelectFilter.tsx';
import { useQueryParam } from '../../components/useQueryParam.ts';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { SavedNotice } from '../edits/RecordTools.tsx';
import { EXCHANGE_KINDS, EXCHANGE_UN_BODIES } from '../../../../src/shared/vocabularies.ts';
import { PartyList, Span } from './parts.tsx';

interface ExchangeList {
  items: ExchangeItem[];
  total: number;
  next: string | null;
}

const PAGE_SIZE = 50;
const SORTS = ['start', '-start', 'title', 'kind'] as const;
const today = new Date().toISOString().slice(0, 10);

export function ExchangesPage() {
  const { t, lang, href } = useI18n();
  const { can } = useAuth();
  usePageTitle(t('exchanges.title'));
  const [organization, setOrganization] = useQueryParam('organization');
  const [unBody, setUnBody] = useQueryParam('unBody');
  const [kind, setKind] = useQueryParam('kind');
  const [year, setYear] = useQueryParam('year');
  const [region, setRegion] = useQueryParam('region');
  const [series, setSeries] = useQueryParam('series');
  const [sort, setSort] = useQueryParam('sort', 'start');
  const organizations = useOrganizations(lang, today);
  const seriesList = useApi(`exchange-series|${lang}`, (signal) => getJson<{ items: ExchangeSeries[] }>('/exchange-series', { lang }, signal));
  const filters = { organization, unBody, kind, year: /^\d{4}$/.test(year) ? year : '', region, series };
  const key = `exchanges|${lang}|${new URLSearchParams({ ...filters, sort }).toString()}`;
  const first = useApi(key, (signal) => getJson<ExchangeList>('/exchanges', { ...filters, sort, lang, limit: PAGE_SIZE }, signal), { subject: `exchanges|${lang}` });
  const more = useMorePages(key, first.loading ? undefined : first.data, (cursor, signal) => getJson<ExchangeList>('/exchanges', { ...filters, sort, lang, limit: PAGE_SIZE, cursor }, signal));
  const regional = (organizations.data ?? []).filter((o) => o.kind === 'regional' || o.kind === 'subregional');
  const regions = [...new Set(regional.map((o) => o.region).filter((r): r is string => !!r))].sort();
  const years = Array.from({ length: new Date().getFullYear() - 1989 }, (_, i) => String(new Date().getFullYear() - i));
  return (
    <>
      <h1>{t('exchanges.title')}</h1>
      <SavedNotice />
      <p className="lead">{t('exchanges.lead')}</p>
      <form className="toolbar filters" aria-label={t('exchanges.filters')} onSubmit={(e) => e.preventDefault()}>
        <SelectFilter
          label={t('col.organization')}
          value={organization}
          onChange={(v) => setOrganization(v)}
          options={regional.map((o): [string, string] => [o.id, o.acronym ? `${o.name} (${o.acronym})` : o.name])}
        />
        <SelectFilter label={t('exchanges.unBody')} value={unBody} onChange={(v) => setUnBody(v)} options={EXCHANGE_UN_BODIES.map((b): [string, string] => [b, t(`exchanges.unBody.${b}`)])} />
        <SelectFilter label={t('col.kind')} value={kind} onChange={(v) => setKind(v)} options={EXCHANGE_KINDS.map((k): [string, string] => [k, t(`exchanges.kind.${k}`)])} />
        <SelectFilter label={t('exchanges.year')} value={year} onChange={(v) => setYear(v)} options={years.map((y): [string, string] => [y, y])} />
        <SelectFilter label={t('col.region')} value={region} onChange={(v) => setRegion(v)} options={regions.map((r): [string, string] => [r, r])} />
        <SelectFilter label={t('exchanges.series')} value={series} onChange={(v) => setSeries(v)} options={(seriesList.data?.items ?? []).map((s): [string, string] => [s.id, s.title])} />
        <label className="field">
          <span>{t('exchanges.sort')}</span>
          <select value={sort} onChange={(e) => setSort(e.target.value)}>
            {SORTS.map((s) => (
              <option key={s} value={s}>
                {t(`exchanges.sort.${s}`)}
              </option>
            ))}
          </select>
        </label>
      </form>
      <p className="toolbar">
        <a className="button-link" href={apiUrl('/exchanges/export/exchanges.csv', { ...filters, lang })} download>
          {t('exchanges.csv')}
        </a>
        <Link className="button-link" to={href('/exchanges/series')}>
          {t('exchanges.series.title')}
        </Link>
        {can.editAll && (
          <Link className="button-link" to={href('/exchanges/new')}>
            {t('exchanges.new')}
          </Link>
        )}
      </p>
      <Loadable loaded={first}>
        {(data) => {
          const rows = [...data.items, ...more.pages.flatMap((p) => p.items)];
          if (rows.length === 0) return <p className="page-state empty">{t('exchanges.none')}</p>;
          return (
            <section aria-busy={first.loading || more.loading}>
              <p className="summary" role="status" data-total={data.total}>
                {t('exchanges.total', { count: data.total })}
              </p>
              <div className="table-scroll">
                <table className="data-table">
                  <caption>{t('exchanges.caption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('col.date')}</th>
                      <th scope="col">{t('exchanges.exchange')}</th>
                      <th scope="col">{t('col.kind')}</th>
                      <th scope="col">{t('exchanges.unSide')}</th>
                      <th scope="col">{t('exchanges.regionalSide')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((e) => (
                      <tr key={e.id}>
                        <td>
                          <Span start={e.start} end={e.end} />
                        </td>
                        <td>
                          <Link to={href(`/exchanges/${e.id}`)}>
                            <span lang="en" dir="ltr">
                              {e.title}
                            </span>
                          </Link>
                        </td>
                        <td>{t(`exchanges.kind.${e.kind}`)}</td>
                        <td>
                          <PartyList parties={e.parties} side="un" />
                        </td>
                        <td>
                          <PartyList parties={e.parties} side="regional" />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <MorePages more={more} label={t('exchanges.more', { shown: rows.length, total: data.total })} />
            </section>
          );
        }}
      </Loadable>
    </>
  );
}
