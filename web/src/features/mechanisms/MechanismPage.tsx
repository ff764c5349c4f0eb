// A mechanism: what it is, the rule that brings a State under it, and the States it covers at
// the chosen date (from the coverage answer, for regional mechanisms).
import { Link, useParams } from 'react-router';
import { getJson } from '../../api/client.ts';
import { useAll, useCoverage, useStates } from '../../api/registry.ts';
import type { Coverage, Mechanism, Source, StateSummary } from '../../api/types.ts';
import { useApi } from '../../api/useApi.ts';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { DateControl, useAsOf } from '../../components/DateControl.tsx';
import { FactDate } from '../../components/FactDate.tsx';
import { Name } from '../../components/Name.tsx';
import { Loadable } from '../../components/PageState.tsx';
import { Sources, sourcesText } from '../../components/Sources.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { isolate } from '../../components/bidi.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { MechanismClass } from './MechanismClass.tsx';
import { AccessBadge } from '../edits/AccessLevel.tsx';
import { Corrections } from '../edits/Corrections.tsx';
import { HistorySection } from '../edits/HistorySection.tsx';
import { EditLink, SavedNotice } from '../edits/RecordTools.tsx';
import { MechanismProcedures } from '../procedures/MechanismProcedures.tsx';

interface CoveredRow {
  iso3: string;
  name: string;
  basis: string;
  individualComplaints: boolean;
  verified: boolean;
  sources: Source[];
}

function coveredBy(code: string, coverage: Coverage, states: StateSummary[]): CoveredRow[] {
  const names = new Map(states.map((s) => [s.iso3, s.name]));
  return coverage.states.flatMap((s) =>
    s.mechanisms
      .filter((m) => m.code === code)
      .map((m) => ({
        iso3: s.iso3,
        name: names.get(s.iso3) ?? s.iso3,
        basis: m.basis,
        individualComplaints: m.individualComplaints,
        verified: m.verified,
        sources: m.sourceIds.flatMap((id) => coverage.sources[id] ?? []),
      })),
  );
}

function CoveredTable({ mechanism, rows, asOf }: { mechanism: Mechanism; rows: CoveredRow[]; asOf: string }) {
  const { t, yesNo, href, date } = useI18n();
  const columns: Column<CoveredRow>[] = [
    { id: 'state', header: t('col.state'), cell: (r) => <Link to={href(`/states/${r.iso3}`)}>{r.name}</Link>, value: (r) => r.name },
    { id: 'iso3', header: t('col.code'), cell: (r) => r.iso3, value: (r) => r.iso3 },
    { id: 'basis', header: t('col.basis'), cell: (r) => t(`basis.${r.basis}`), value: (r) => r.basis },
    { id: 'individualComplaints', header: t('col.individualComplaints'), cell: (r) => yesNo(r.individualComplaints), value: (r) => r.individualComplaints },
    { id: 'sources', header: t('col.sources'), cell: (r) => <Sources sources={r.sources} verified={r.verified} /> },
  ];
  return (
    <DataTable
      caption={t('mechanism.coveredCaption', { name: isolate(mechanism.acronym ?? mechanism.name), date: date(asOf) })}
      columns={columns}
      rows={rows}
      rowKey={(r) => r.iso3}
      urlKey="t"
      exportName={`accord-${mechanism.code}-states-${asOf}`}
      exportAbout={{ mechanism: mechanism.code, asOf }}
      exportExtra={(r) => ({ verified: r.verified, sources: sourcesText(r.sources) })}
      empty={t('mechanism.noneCovered')}
    />
  );
}

/** The States a regional mechanism covers at the chosen date (loaded only for regional ones). */
function CoveredSection({ mechanism }: { mechanism: Mechanism }) {
  const { t, lang } = useI18n();
  const [asOf, setAsOf] = useAsOf();
  const loaded = useAll(useCoverage(asOf), useStates(lang));
  return (
    <>
      <div className="toolbar">
        <DateControl asOf={asOf} onChange={setAsOf} />
      </div>
      <Loadable loaded={loaded}>
        {([coverage, states]) => (
          <>
            {coverage.incomplete.includes(mechanism.code) && <p className="note">{t('mechanism.incomplete')}</p>}
            <CoveredTable mechanism={mechanism} rows={coveredBy(mechanism.code, coverage, states)} asOf={coverage.asOf} />
          </>
        )}
      </Loadable>
    </>
  );
}

export function MechanismPage() {
  const { code = '' } = useParams();
  const { t, yesNo, lang, href } = useI18n();
  const loaded = useApi(`mechanism|${code}|${lang}`, (signal) => getJson<Mechanism>(`/mechanisms/${encodeURIComponent(code)}`, { lang }, signal));
  usePageTitle(loaded.data?.name ?? (loaded.error ? t('notFound.title') : undefined));
  return (
    <Loadable loaded={loaded}>
      {(mechanism) => (
        <>
          <p className="breadcrumb">
            <Link to={href('/mechanisms')}>{t('nav.mechanisms')}</Link>
          </p>
          <h1>
            <Name text={mechanism.name} lang={mechanism.nameLang} />{' '}
            {mechanism.acronym && (
              <span className="muted">
                (<bdi>{mechanism.acronym}</bdi>)
              </span>
            )}
          </h1>
          <SavedNotice />
          <div className="buttons record-tools">
            <AccessBadge record={mechanism} />
            <EditLink entity="mechanism" id={mechanism.code} to={href(`/mechanisms/${mechanism.code}/edit`)} />
          </div>
          <dl className="facts">
            {mechanism.nameSource && (
              <>
                <dt>{t('name.source')}</dt>
                <dd>
                  <Sources sources={[mechanism.nameSource]} />
                </dd>
              </>
            )}
            <dt>{t('col.kind')}</dt>
            <dd>
              {t(`mechanismKind.${mechanism.kind}`)} · {t(`system.${mechanism.system}`)}
              {mechanism.organization && (
                <>
                  {' '}
                  ·{' '}
                  <Link to={href(`/organizations/${mechanism.organization}`)}>
                    <bdi>{mechanism.organization.toUpperCase()}</bdi>
                  </Link>
                </>
              )}
            </dd>
            {mechanism.seat.city && (
              <>
                <dt>{t('mechanism.seat')}</dt>
                <dd>
                  <span lang="en" dir="ltr">
                    {mechanism.seat.city}
                  </span>
                </dd>
              </>
            )}
            {mechanism.establishingInstrument && (
              <>
                <dt>{t('mechanism.establishedBy')}</dt>
                <dd>
                  <Link to={href(`/instruments/${mechanism.establishingInstrument}`)}>
                    <bdi>{mechanism.establishingInstrument}</bdi>
                  </Link>
                </dd>
              </>
            )}
            <dt>{t('col.established')}</dt>
            <dd>
              <FactDate value={mechanism.established} />
            </dd>
            <dt>{t('col.individualComplaints')}</dt>
            <dd>
              {yesNo(mechanism.individualComplaints)}
              {mechanism.individualComplaintsNote && (
                <span className="muted small">
                  {' — '}
                  <span lang="en" dir="ltr">
                    {mechanism.individualComplaintsNote}
                  </span>
                </span>
              )}
            </dd>
            <dt>{t('mechanism.rule')}</dt>
            <dd>
              {t(`rule.${mechanism.coverage.basis}`)}
              {mechanism.coverage.organization && (
                <>
                  {' '}
                  (<bdi>{mechanism.coverage.organization.toUpperCase()}</bdi>)
                </>
              )}
              {mechanism.coverage.instruments.length > 0 && (
                <>
                  {' '}
                  (<bdi>{mechanism.coverage.instruments.join(', ')}</bdi>)
                </>
              )}
              {mechanism.coverage.acceptanceNeededFor && ` · ${t(`acceptance.${mechanism.coverage.acceptanceNeededFor}`)}`}
            </dd>
            <dt>{t('mechanism.class')}</dt>
            <dd>
              <MechanismClass mechanism={mechanism} />
            </dd>
            {mechanism.note && (
              <>
                <dt>{t('col.note')}</dt>
                <dd lang="en" dir="ltr">
                  {mechanism.note}
                </dd>
              </>
            )}
            <dt>{t('col.sources')}</dt>
            <dd>
              <Sources sources={mechanism.sources} verified={mechanism.verified} />
            </dd>
          </dl>
          <Corrections corrections={mechanism.corrections} />
          <section aria-labelledby="covered-title">
            <h2 id="covered-title">{t('mechanism.covered')}</h2>
            {mechanism.system === 'regional' ? <CoveredSection mechanism={mechanism} /> : <MechanismProcedures code={mechanism.code} />}
          </section>
          <HistorySection entity="mechanism" id={mechanism.code} version={mechanism.version} />
        </>
      )}
    </Loadable>
  );
}
