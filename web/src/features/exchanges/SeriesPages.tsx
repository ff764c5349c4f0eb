// Series of exchanges: recurring fora such as the tripartite meetings of the UN, the OSCE and the
// Council of Europe (docs/EXCHANGES.md). The list of series, one series with its description,
// note, sources and its exchanges in order, and for OHCHR editors and administrators the forms
// that enter a series and correct one (the registry's edit form: a source for every change, who
// may see it, If-Match on a correction, a 412 shown with the current values). An exchange is put
// in a series by its own form.
import { Link, useNavigate, useParams } from 'react-router';
import { useAuth } from '../../api/auth.tsx';
import { getJson } from '../../api/client.ts';
import type { ExchangeSeries, ExchangeSeriesDetail } from '../../api/types.ts';
import { useApi } from '../../api/useApi.ts';
import { Empty, Loadable } from '../../components/PageState.tsx';
import { Sources } from '../../components/Sources.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Guard } from '../account/Guard.tsx';
import { AccessLevel } from '../edits/AccessLevel.tsx';
import { Corrections } from '../edits/Corrections.tsx';
import { EditForm } from '../edits/EditForm.tsx';
import { SavedNotice } from '../edits/RecordTools.tsx';
import { accessOf } from '../edits/specs.ts';
import { Span } from './parts.tsx';
import { seriesFields, seriesValues } from './specs.ts';

const seriesPath = (id: string) => `/exchanges/series/${encodeURIComponent(id)}`;

export function ExchangeSeriesListPage() {
  const { t, lang, href } = useI18n();
  const { can } = useAuth();
  usePageTitle(t('exchanges.series.title'));
  const loaded = useApi(`exchange-series|${lang}`, (signal) => getJson<{ items: ExchangeSeries[] }>('/exchange-series', { lang }, signal));
  return (
    <>
      <p className="breadcrumb">
        <Link to={href('/exchanges')}>{t('exchanges.title')}</Link>
      </p>
      <h1>{t('exchanges.series.title')}</h1>
      <SavedNotice />
      <p className="lead">{t('exchanges.series.lead')}</p>
      {can.editAll && (
        <p>
          <Link className="button-link" to={href('/exchanges/series/new')}>
            {t('exchanges.series.new')}
          </Link>
        </p>
      )}
      <Loadable loaded={loaded}>
        {({ items }) =>
          items.length === 0 ? (
            <Empty>{t('exchanges.series.none')}</Empty>
          ) : (
            <ul className="series-list">
              {items.map((s) => (
                <li key={s.id}>
                  <Link to={href(seriesPath(s.id))} lang="en" dir="ltr">
                    {s.title}
                  </Link>{' '}
                  <span className="muted">({t('exchanges.total', { count: s.exchangeCount })})</span>
                </li>
              ))}
            </ul>
          )
        }
      </Loadable>
    </>
  );
}

export function ExchangeSeriesPage() {
  const { id = '' } = useParams();
  const { t, lang, href } = useI18n();
  const { can } = useAuth();
  const loaded = useApi(`exchange-series|${id}|${lang}`, (signal) => getJson<ExchangeSeriesDetail>(`/exchange-series/${encodeURIComponent(id)}`, { lang }, signal), {
    remember: false,
  });
  usePageTitle(loaded.data?.title ?? (loaded.error ? t('notFound.title') : undefined));
  return (
    <Loadable loaded={loaded}>
      {(series) => (
        <>
          <p className="breadcrumb">
            <Link to={href('/exchanges')}>{t('exchanges.title')}</Link> › <Link to={href('/exchanges/series')}>{t('exchanges.series.title')}</Link>
          </p>
          <h1 lang="en" dir="ltr">
            {series.title}
          </h1>
          <SavedNotice />
          {can.editAll && (
            <p>
              <Link className="button-link" to={href(`${seriesPath(series.id)}/edit`)}>
                {t('exchanges.series.edit')}
              </Link>
            </p>
          )}
          <dl className="facts">
            <dt>{t('col.sources')}</dt>
            <dd>
              <Sources sources={series.sources} />
            </dd>
            <dt>{t('edit.access')}</dt>
            <dd>
              <AccessLevel record={series} />
            </dd>
          </dl>
          {series.description && (
            <p className="long-text" lang="en" dir="ltr">
              {series.description}
            </p>
          )}
          {series.note && (
            <p className="note long-text" lang="en" dir="ltr">
              {series.note}
            </p>
          )}
          <h2>{t('exchanges.series.exchanges')}</h2>
          {series.exchanges.length === 0 ? (
            <Empty>{t('exchanges.series.noExchanges')}</Empty>
          ) : (
            <ol className="series-events">
              {series.exchanges.map((e) => (
                <li key={e.id}>
                  <Link to={href(`/exchanges/${encodeURIComponent(e.id)}`)} lang="en" dir="ltr">
                    {e.title}
                  </Link>{' '}
                  — <Span start={e.start} end={e.end} />
                  {e.seriesNumber !== null && <span className="muted"> ({t('exchanges.number', { n: e.seriesNumber })})</span>}
                </li>
              ))}
            </ol>
          )}
          <Corrections corrections={series.corrections} />
        </>
      )}
    </Loadable>
  );
}

export function NewExchangeSeriesPage() {
  return <Guard allowed={(can) => can.editAll}>{() => <NewSeries />}</Guard>;
}

function NewSeries() {
  const { t, href } = useI18n();
  const navigate = useNavigate();
  const { write } = useAuth();
  usePageTitle(t('exchanges.series.new'));
  return (
    <>
      <p className="breadcrumb">
        <Link to={href('/exchanges')}>{t('exchanges.title')}</Link> › <Link to={href('/exchanges/series')}>{t('exchanges.series.title')}</Link>
      </p>
      <h1>{t('exchanges.series.new')}</h1>
      <p className="lead">{t('edit.lead')}</p>
      <EditForm
        fields={seriesFields(t)}
        mode="create"
        initial={{}}
        valuesOf={() => null}
        submitLabel={t('edit.create')}
        send={({ body, reason }) => write<{ id: string }>('/exchange-series', { body, reason })}
        onDone={(made) => navigate(href(seriesPath(made.id)), { state: { edited: 'created' } })}
        onCancel={() => navigate(href('/exchanges/series'))}
      />
    </>
  );
}

export function EditExchangeSeriesPage() {
  return <Guard allowed={(can) => can.editAll}>{() => <EditSeries />}</Guard>;
}

function EditSeries() {
  const { id = '' } = useParams();
  const { t, lang, href } = useI18n();
  const navigate = useNavigate();
  const { write } = useAuth();
  const loaded = useApi(`exchange-series|${id}|${lang}|edit`, (signal) => getJson<ExchangeSeriesDetail>(`/exchange-series/${encodeURIComponent(id)}`, { lang }, signal), {
    remember: false,
  });
  usePageTitle(loaded.data ? t('exchanges.series.editTitle', { title: loaded.data.title }) : undefined);
  const back = href(seriesPath(id));
  return (
    <Loadable loaded={loaded}>
      {(series) => (
        <>
          <p className="breadcrumb">
            <Link to={href('/exchanges/series')}>{t('exchanges.series.title')}</Link> ›{' '}
            <Link to={back} lang="en" dir="ltr">
              {series.title}
            </Link>
          </p>
          <h1>{t('exchanges.series.editTitle', { title: `\u2068${series.title}\u2069` })}</h1>
          <EditForm
            key={series.version}
            fields={seriesFields(t)}
            mode="update"
            initial={seriesValues(series)}
            version={series.version}
            access={accessOf(series)}
            // The 412's `current` is the series as stored now, with its exchanges.
            valuesOf={(now) => (now && typeof now === 'object' && 'exchanges' in now ? seriesValues(now as ExchangeSeriesDetail) : null)}
            submitLabel={t('edit.save')}
            send={({ body, ifMatch, reason }) => write(`/exchange-series/${encodeURIComponent(series.id)}`, { method: 'PATCH', body, ifMatch, reason })}
            onDone={() => navigate(back, { state: { edited: 'saved' } })}
            onCancel={() => navigate(back)}
          />
        </>
      )}
    </Loadable>
  );
}
