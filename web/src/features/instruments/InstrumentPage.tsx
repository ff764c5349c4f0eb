// An instrument: its facts, who is bound by it (at a date and over time), the mechanisms
// that monitor it, and its protocols and amendments.
import { lazy, Suspense } from 'react';
import { Link, useParams } from 'react-router';
import { getJson } from '../../api/client.ts';
import { useAll, useInstruments, useMechanisms } from '../../api/registry.ts';
import type { Instrument } from '../../api/types.ts';
import { useApi } from '../../api/useApi.ts';
import { FactDate } from '../../components/FactDate.tsx';
import { Name } from '../../components/Name.tsx';
import { Empty, Loadable, Loading } from '../../components/PageState.tsx';
import { Sources } from '../../components/Sources.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { InstrumentName } from '../../components/InstrumentName.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useAuth } from '../../api/auth.tsx';
import { AccessBadge } from '../edits/AccessLevel.tsx';
import { Corrections } from '../edits/Corrections.tsx';
import { EnteredActs } from '../edits/EnteredActs.tsx';
import { HistorySection } from '../edits/HistorySection.tsx';
import { EditLink, editsFor, hasScopeOf, SavedNotice } from '../edits/RecordTools.tsx';

// The chart, the map and the participants table load only when an instrument page opens.
const InstrumentParticipation = lazy(() => import('./InstrumentParticipation.tsx').then((m) => ({ default: m.InstrumentParticipation })));

export function InstrumentPage() {
  const { code = '' } = useParams();
  const { t, lang, href } = useI18n();
  const { can } = useAuth();
  const loaded = useAll(
    useApi(`instrument|${code}|${lang}`, (signal) => getJson<Instrument>(`/instruments/${encodeURIComponent(code)}`, { lang }, signal)),
    useInstruments(lang),
    useMechanisms(lang),
  );
  usePageTitle(loaded.data ? (loaded.data[0].shortTitle ?? loaded.data[0].title) : loaded.error ? t('notFound.title') : undefined);
  return (
    <Loadable loaded={loaded}>
      {([instrument, instruments, mechanisms]) => {
        const children = instruments.filter((i) => i.parent === instrument.code);
        const parent = instruments.find((i) => i.code === instrument.parent);
        const monitoring = mechanisms.filter((m) => m.establishingInstrument === instrument.code || m.coverage.instruments.includes(instrument.code));
        return (
          <>
            <p className="breadcrumb">
              <Link to={href('/instruments')}>{t('nav.instruments')}</Link>
            </p>
            <h1>
              <Name text={instrument.title} lang={instrument.titleLang} />
            </h1>
            <SavedNotice />
            <div className="buttons record-tools">
              <AccessBadge record={instrument} />
              <EditLink entity="instrument" id={instrument.code} to={href(`/instruments/${instrument.code}/edit`)} />
            </div>
            <dl className="facts">
              {instrument.titleSource && (
                <>
                  <dt>{t('name.source')}</dt>
                  <dd>
                    <Sources sources={[instrument.titleSource]} />
                  </dd>
                </>
              )}
              {instrument.shortTitle && (
                <>
                  <dt>{t('instrument.shortTitle')}</dt>
                  <dd>{instrument.shortTitle}</dd>
                </>
              )}
              <dt>{t('col.code')}</dt>
              <dd>
                {instrument.code}
                {instrument.untcRef && ` · UNTC ${instrument.untcRef}`}
              </dd>
              <dt>{t('col.kind')}</dt>
              <dd>
                {t(`instrumentKind.${instrument.kind}`)} · {instrument.binding ? t('instrument.binding') : t('instrument.notBinding')}
                {instrument.core && ` · ${t('instrument.coreTreaty')}`}
              </dd>
              <dt>{t('col.system')}</dt>
              <dd>
                {t(`system.${instrument.system}`)}
                {instrument.organization && (
                  <>
                    {' '}
                    ·{' '}
                    <Link to={href(`/organizations/${instrument.organization}`)}>
                      <bdi>{instrument.organization.toUpperCase()}</bdi>
                    </Link>
                  </>
                )}
              </dd>
              {parent && (
                <>
                  <dt>{t('instrument.parent')}</dt>
                  <dd>
                    <Link to={href(`/instruments/${parent.code}`)}>{parent.shortTitle ?? parent.title}</Link>
                  </dd>
                </>
              )}
              <dt>{t('col.adopted')}</dt>
              <dd>
                <FactDate value={instrument.adopted} />
                {instrument.adoptedPlace && `, ${instrument.adoptedPlace}`}
              </dd>
              <dt>{t('col.entryIntoForce')}</dt>
              <dd>
                <FactDate value={instrument.entryIntoForce} />
              </dd>
              {instrument.depositary && (
                <>
                  <dt>{t('instrument.depositary')}</dt>
                  <dd>{instrument.depositary}</dd>
                </>
              )}
              {instrument.note && (
                <>
                  <dt>{t('col.note')}</dt>
                  <dd lang="en" dir="ltr">
                    {instrument.note}
                  </dd>
                </>
              )}
              <dt>{t('col.sources')}</dt>
              <dd>
                <Sources sources={instrument.sources} verified={instrument.verified} />
                {instrument.unverified.length > 0 && <span className="muted small"> {t('fact.unverifiedFields', { fields: instrument.unverified.join(', ') })}</span>}
              </dd>
            </dl>
            <Corrections corrections={instrument.corrections} />
            {/* A declaration (not binding) has no parties: every State would read "no data". */}
            {instrument.binding && (
              <Suspense fallback={<Loading />}>
                <InstrumentParticipation code={instrument.code} name={instrument.shortTitle ?? instrument.title} />
              </Suspense>
            )}
            <section aria-labelledby="monitoring-title">
              <h2 id="monitoring-title">{t('instrument.mechanisms')}</h2>
              {monitoring.length === 0 ? (
                <Empty>{t('instrument.noMechanism')}</Empty>
              ) : (
                <ul>
                  {monitoring.map((m) => (
                    <li key={m.code}>
                      <Link to={href(`/mechanisms/${m.code}`)}>
                        <Name text={m.name} lang={m.nameLang} />
                      </Link>
                    </li>
                  ))}
                </ul>
              )}
            </section>
            {instrument.binding && (
              <EnteredActs instrument={instrument.code} mayEnter={editsFor(can, [instrument.organization && `organization:${instrument.organization}`]) || hasScopeOf(can, 'state')} />
            )}
            {children.length > 0 && (
              <section aria-labelledby="protocols-title">
                <h2 id="protocols-title">{t('instrument.protocols')}</h2>
                <ul>
                  {children.map((c) => (
                    <li key={c.code}>
                      <Link to={href(`/instruments/${c.code}`)}>
                        <InstrumentName instrument={c} />
                      </Link>{' '}
                      (<FactDate value={c.adopted} />)
                    </li>
                  ))}
                </ul>
              </section>
            )}
            <HistorySection entity="instrument" id={instrument.code} version={instrument.version} />
          </>
        );
      }}
    </Loadable>
  );
}
