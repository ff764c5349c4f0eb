// One series of recurring events (the Asia-Pacific workshops…): its description, sources and
// its events in the series' order, each a link to its page.
import { Link, useParams } from 'react-router';
import { getJson } from '../../api/client.ts';
import { useStates } from '../../api/registry.ts';
import { useApi } from '../../api/useApi.ts';
import { Empty, Loadable } from '../../components/PageState.tsx';
import { Sources } from '../../components/Sources.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { AccessLevel } from '../edits/AccessLevel.tsx';
import { EventDates } from './EventDates.tsx';
import { EventTitle } from './EventTitle.tsx';
import { placeText } from './EventsPage.tsx';
import type { EventSeriesDetail } from './types.ts';

export function SeriesPage() {
  const { id = '' } = useParams();
  const { t, lang, href } = useI18n();
  const states = useStates(lang);
  const names = new Map((states.data ?? []).map((s) => [s.iso3, s.name]));
  const loaded = useApi(`event-series|${id}|${lang}`, (signal) => getJson<EventSeriesDetail>(`/event-series/${encodeURIComponent(id)}`, { lang }, signal));
  usePageTitle(loaded.data?.title ?? (loaded.error ? t('notFound.title') : undefined));
  return (
    <Loadable loaded={loaded}>
      {(series) => (
        <>
          <p className="breadcrumb">
            <Link to={href(`/events?series=${encodeURIComponent(series.id)}`)}>{t('events.title')}</Link>
          </p>
          <h1>
            <EventTitle title={series.title} />
          </h1>
          <dl className="facts">
            <dt>{t('events.col.kind')}</dt>
            <dd>{t(`events.kind.${series.kind}`)}</dd>
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
          <h2>{t('events.seriesEvents')}</h2>
          {series.events.length === 0 ? (
            <Empty>{t('events.none')}</Empty>
          ) : (
            <ol className="series-events">
              {series.events.map((e) => (
                <li key={e.id}>
                  <Link to={href(`/events/${e.id}`)}>
                    <EventTitle title={e.title} />
                  </Link>{' '}
                  — <EventDates start={e.start} end={e.end} />
                  {placeText(e, names) && <span className="muted"> ({placeText(e, names, true)})</span>}
                </li>
              ))}
            </ol>
          )}
        </>
      )}
    </Loadable>
  );
}
