// One recommendation: its text, the State it is addressed to, the mechanism, session, cycle and
// date, the response (as Accord reads it and as the source writes it), UPR Info's action
// category and themes, its source, and every source row of the same text to the same State in
// the same session: the source lists a joint recommendation once per recommending State.
import { Link, useParams } from 'react-router';
import { getJson } from '../../api/client.ts';
import { useMechanisms } from '../../api/registry.ts';
import type { Recommendation, RecommendationDetail } from '../../api/types.ts';
import { useApi } from '../../api/useApi.ts';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { Loadable } from '../../components/PageState.tsx';
import { Sources, sourcesText } from '../../components/Sources.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { isolate } from '../../components/bidi.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { FollowUp } from './FollowUp.tsx';
import { AsWritten, ResponseBadge, Themes } from './recommendation-words.tsx';
import { InstrumentLinks } from './InstrumentLinks.tsx';
import { RelatedRecommendations } from './RelatedRecommendations.tsx';

function Recommender({ row }: { row: Recommendation }) {
  const { href } = useI18n();
  if (!row.recommender) return <>—</>;
  // A recommender the registry does not know (an entity UPR Info names) keeps the source's name, in English.
  if (!row.recommender.iso3) return <AsWritten>{row.recommender.name}</AsWritten>;
  return <Link to={href(`/states/${row.recommender.iso3}`)}>{row.recommender.name}</Link>;
}

function SameText({ rec }: { rec: RecommendationDetail }) {
  const { t, href } = useI18n();
  const columns: Column<Recommendation>[] = [
    { id: 'recommender', header: t('rec.facet.recommender'), cell: (r) => <Recommender row={r} />, value: (r) => r.recommender?.name ?? null },
    { id: 'recommenderIso3', header: t('col.code'), cell: (r) => r.recommender?.iso3 ?? '—', value: (r) => r.recommender?.iso3 ?? null },
    { id: 'group', header: t('rec.col.recommenderGroup'), cell: (r) => (r.recommender?.group ? <AsWritten>{r.recommender.group}</AsWritten> : '—'), value: (r) => r.recommender?.group ?? null },
    { id: 'response', header: t('rec.facet.response'), cell: (r) => <ResponseBadge response={r.response} />, value: (r) => r.response },
    {
      id: 'row',
      header: t('rec.col.row'),
      cell: (r) =>
        r.id === rec.id ? (
          <>
            {r.sourceRow} <span className="muted small">({t('rec.thisRow')})</span>
          </>
        ) : (
          <Link to={href(`/recommendations/${r.id}`)} aria-label={t('rec.rowLink', { row: String(r.sourceRow) })}>
            {r.sourceRow}
          </Link>
        ),
      value: (r) => r.sourceRow,
      numeric: true,
    },
  ];
  const joint = rec.sameText.length > 1;
  return (
    <section aria-labelledby="same-text-title">
      <h2 id="same-text-title">{rec.kind === 'recommendation' ? t('rec.sameText.title') : t('rec.sameText.titleOther')}</h2>
      <p>{joint ? t('rec.sameText.joint', { count: rec.sameText.length }) : t('rec.sameText.single')}</p>
      <DataTable
        caption={t('rec.sameText.caption', { state: rec.state.name })}
        columns={columns}
        rows={rec.sameText}
        rowKey={(r) => r.id}
        initialSort={null}
        urlKey="rows"
        exportName={`accord-recommendation-${rec.id}`}
        exportAbout={{ recommendation: rec.id, text: rec.text }}
        exportExtra={(r) => ({ id: r.id, dataset: r.dataset, responseAsWritten: r.responseAsWritten, sources: r.source ? sourcesText([r.source]) : '' })}
      />
    </section>
  );
}

function Facts({ rec }: { rec: RecommendationDetail }) {
  const { t, lang, href, date } = useI18n();
  const mechanisms = useMechanisms(lang);
  const mechanism = mechanisms.data?.find((m) => m.code === rec.mechanism);
  return (
    <dl className="facts">
      <dt>{t('rec.facet.state')}</dt>
      <dd>
        <Link to={href(`/states/${rec.state.iso3}`)}>{rec.state.name}</Link>
      </dd>
      <dt>{t('rec.facet.kind')}</dt>
      <dd>{t(`rec.kind.${rec.kind}`)}</dd>
      {rec.kind === 'recommendation' && (
        <>
          <dt>{t('rec.facet.recommender')}</dt>
          <dd>
            <Recommender row={rec} />
            {rec.sameText.length > 1 && (
              <>
                {' '}
                <a href="#same-text-title" className="small">
                  {t('rec.seeAll')}
                </a>
              </>
            )}
          </dd>
        </>
      )}
      <dt>{t('rec.facet.mechanism')}</dt>
      <dd>
        <Link to={href(`/mechanisms/${rec.mechanism}`)}>{mechanism?.name ?? <bdi>{rec.mechanism}</bdi>}</Link>
      </dd>
      <dt>{t('rec.facet.session')}</dt>
      <dd>{rec.session ?? '—'}</dd>
      <dt>{t('rec.facet.cycle')}</dt>
      <dd>{rec.cycle ?? '—'}</dd>
      <dt>{t('col.date')}</dt>
      <dd>{rec.date ? date(rec.date) : '—'}</dd>
      <dt>{t('rec.facet.response')}</dt>
      <dd>
        {rec.kind === 'recommendation' || rec.response !== null ? <ResponseBadge response={rec.response} /> : '—'}
        {rec.responseAsWritten && (
          <>
            {' '}
            <span className="muted">
              {t('rec.asWritten')}{' '}
              <q lang="en" dir="ltr">
                {rec.responseAsWritten}
              </q>
            </span>
          </>
        )}
      </dd>
      <dt>{t('rec.actionCategory')}</dt>
      <dd>{rec.actionCategory === null ? '—' : t('rec.actionScale', { category: rec.actionCategory })}</dd>
      <dt>{t('rec.facet.theme')}</dt>
      <dd>{rec.themes.length ? <Themes themes={rec.themes} /> : '—'}</dd>
      {rec.documentSymbol && (
        <>
          <dt>{t('rec.document')}</dt>
          <dd>
            <bdi>{rec.documentSymbol}</bdi>
          </dd>
        </>
      )}
      <dt>{t('col.sources')}</dt>
      <dd>
        {rec.source ? <Sources sources={[rec.source]} /> : '—'} <span className="muted small">{t('rec.sourceRow', { row: String(rec.sourceRow), dataset: isolate(rec.dataset) })}</span>
      </dd>
    </dl>
  );
}

export function RecommendationPage() {
  const { id = '' } = useParams();
  const { t, lang, href } = useI18n();
  const loaded = useApi(`recommendation|${id}|${lang}`, (signal) => getJson<RecommendationDetail>(`/recommendations/${encodeURIComponent(id)}`, { lang }, signal));
  const rec = loaded.data;
  usePageTitle(rec ? t(`rec.heading.${rec.kind}`, { state: rec.state.name }) : loaded.error ? t('notFound.title') : undefined);
  return (
    <Loadable loaded={loaded}>
      {(r) => (
        <>
          <p className="breadcrumb">
            <Link to={href('/recommendations')}>{t('rec.title')}</Link>
          </p>
          <h1>{t(`rec.heading.${r.kind}`, { state: r.state.name })}</h1>
          <blockquote className="rec-quote" lang={r.textLang} dir={r.textLang === 'ar' ? 'rtl' : 'ltr'}>
            {r.text}
          </blockquote>
          <Facts rec={r} />
          <FollowUp id={r.id} />
          {/* Keyed by the links' versions: reviews kept on the section give way to a newer answer. */}
          <InstrumentLinks key={`${r.id}|${r.instrumentLinks.map((l) => l.version).join(',')}`} recommendation={r.id} links={r.instrumentLinks} />
          <SameText rec={r} />
          <RelatedRecommendations rec={r} />
        </>
      )}
    </Loadable>
  );
}
