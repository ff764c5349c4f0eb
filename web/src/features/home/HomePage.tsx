// Home: where the regional arrangements reach at a date — the map, its legend, and the same
// facts as a table (OP8, OP9: which States no regional mechanism covers).
import { useEffect, useMemo } from 'react';
import { Link } from 'react-router';
import { useAll, useCoverage, useMechanisms, useStates } from '../../api/registry.ts';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { DateControl, useAsOf } from '../../components/DateControl.tsx';
import { Name } from '../../components/Name.tsx';
import { ErrorState, Loading } from '../../components/PageState.tsx';
import { Sources, sourcesText, uniqueSources } from '../../components/Sources.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useQueryParam } from '../../components/useQueryParam.ts';
import { isolate } from '../../components/bidi.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { CLASS_COLOURS, CoverageMap, isHatched } from './CoverageMap.tsx';
import { HatchSwatch } from '../../components/WorldMap.tsx';
import { mapFile } from '../../components/map-geometry.ts';
import { classOf, COUNT_CLASSES, coverageRows, KIND_CLASSES, type CoverageRow, type MapMode } from './coverage-model.ts';
import { PresenceMap } from './PresenceMap.tsx';

function Legend({ rows, mode }: { rows: CoverageRow[]; mode: MapMode }) {
  const { t } = useI18n();
  const classes: readonly string[] = mode === 'kind' ? KIND_CLASSES : COUNT_CLASSES;
  return (
    <div className="legend">
      <h3 className="legend-title">{mode === 'kind' ? t('map.legendKind') : t('map.legendCount')}</h3>
      <ul>
        {classes.map((c) => (
          <li key={c}>
            <span className="swatch" style={{ background: CLASS_COLOURS[c] }} aria-hidden="true" />
            {t(`map.class.${mode}.${c}`)} <span className="muted">({t('map.states', { count: rows.filter((r) => classOf(r, mode) === c).length })})</span>
          </li>
        ))}
        <li>
          <span className="swatch no-data" aria-hidden="true" />
          {t('map.class.noData')}
        </li>
        {rows.some(isHatched) && (
          <li className="hatched-item">
            <HatchSwatch fill={CLASS_COLOURS[mode === 'kind' ? 'commission' : '2']!} />
            {t('map.hatched')} <span className="muted">({t('map.states', { count: rows.filter(isHatched).length })})</span>
          </li>
        )}
      </ul>
    </div>
  );
}

export function HomePage() {
  const { t, yesNo, lang, href, date } = useI18n();
  const [asOf, setAsOf] = useAsOf();
  const [modeParam, setMode] = useQueryParam('mode', 'kind');
  // The map shows mechanisms (by strongest protection or by number) or OHCHR's field presences.
  const presencesMode = modeParam === 'presences';
  const mode: MapMode = modeParam === 'count' ? 'count' : 'kind';
  usePageTitle(t('home.title'));
  // The map file is the largest download: start it now, beside the data, not after them.
  useEffect(() => void mapFile().catch(() => undefined), []);
  const loaded = useAll(useCoverage(asOf), useStates(lang), useMechanisms(lang));
  const rows = useMemo(() => (loaded.data ? coverageRows(...loaded.data) : []), [loaded.data]);
  const incomplete = loaded.data?.[0].incomplete ?? [];
  // While another date loads, the previous map stays; everything says which date it shows.
  const shownDate = loaded.data?.[0].asOf ?? asOf;

  const columns: Column<CoverageRow>[] = [
    { id: 'state', header: t('col.state'), cell: (r) => <Link to={href(`/states/${r.iso3}`)}>{r.name}</Link>, value: (r) => r.name },
    { id: 'iso3', header: t('col.code'), cell: (r) => r.iso3, value: (r) => r.iso3 },
    { id: 'region', header: t('col.region'), cell: (r) => <Name text={r.region} lang={r.regionLang} />, value: (r) => r.region },
    { id: 'mechanismCount', header: t('col.mechanismCount'), cell: (r) => r.count, value: (r) => r.count, numeric: true },
    {
      id: 'mechanisms',
      header: t('col.mechanisms'),
      cell: (r) =>
        r.mechanisms.length === 0 ? (
          <span className="muted">{t('map.class.kind.none')}</span>
        ) : (
          <ul className="inline-list">
            {r.mechanisms.map((m) => (
              <li key={m.code}>
                <Link to={href(`/mechanisms/${m.code}`)}>
                  <bdi>{m.name}</bdi>
                </Link>{' '}
                <Sources sources={m.sources} verified={m.verified} />
              </li>
            ))}
          </ul>
        ),
      value: (r) => r.mechanisms.map((m) => m.code).join(' '),
    },
    { id: 'coverageKind', header: t('col.coverageKind'), cell: (r) => t(`map.class.kind.${r.kindClass}`), value: (r) => r.kindClass },
    { id: 'individualComplaints', header: t('col.individualComplaints'), cell: (r) => yesNo(r.individualComplaints), value: (r) => r.individualComplaints },
    { id: 'verified', header: t('col.verified'), cell: (r) => (r.verified ? t('common.yes') : t('fact.unverified')), value: (r) => r.verified },
  ];

  const uncovered = rows.filter((r) => r.count === 0).length;
  // Covered only by facts not certain at the date: counted apart, never as covered.
  const uncertainOnly = rows.filter((r) => r.count > 0 && r.mechanisms.every((m) => !m.verified)).length;
  return (
    <>
      <h1>{t('home.title')}</h1>
      <p className="lead">{t('home.lead')}</p>
      <div className="toolbar">
        <DateControl asOf={asOf} onChange={setAsOf} />
        <fieldset className="mode">
          <legend>{t('map.colourBy')}</legend>
          {(['kind', 'count', 'presences'] as const).map((m) => (
            <label key={m}>
              <input type="radio" name="map-mode" value={m} checked={m === 'presences' ? presencesMode : !presencesMode && mode === m} onChange={() => setMode(m)} /> {t(`map.mode.${m}`)}
            </label>
          ))}
        </fieldset>
      </div>
      {presencesMode && <PresenceMap asOf={asOf} caption={t('map.presences.caption', { date: date(asOf) })} />}
      {!presencesMode && loaded.error && <ErrorState error={loaded.error} retry={loaded.retry} />}
      {!presencesMode && !loaded.error && !loaded.data && <Loading />}
      {!presencesMode && loaded.data && (
        <>
          <p className="summary" role="status">
            {t('home.summary', { date: date(shownDate), covered: rows.length - uncovered - uncertainOnly, uncovered, total: rows.length })}
            {uncertainOnly > 0 && ` ${t('home.summaryUncertain', { count: uncertainOnly })}`}
          </p>
          <p>
            <a href="#coverage-table" className="skip-inline">
              {t('home.toTable')}
            </a>
          </p>
          <div className="map-and-legend">
            <CoverageMap rows={rows} mode={mode} caption={t('home.mapCaption', { date: date(shownDate) })} />
            <Legend rows={rows} mode={mode} />
          </div>
          {incomplete.length > 0 && <p className="note">{t('home.incomplete', { codes: isolate(incomplete.join(', ')) })}</p>}
          <h2 id="coverage-table" tabIndex={-1}>
            {t('home.tableTitle')}
          </h2>
          <DataTable
            caption={t('home.tableCaption', { date: date(shownDate) })}
            columns={columns}
            rows={rows}
            rowKey={(r) => r.iso3}
            urlKey="t"
            exportName={`accord-coverage-${shownDate}`}
            exportAbout={{ asOf: shownDate }}
            exportExtra={(r) => ({ iso2: r.iso2, regionalGroup: r.group, sources: sourcesText(uniqueSources(r.mechanisms.flatMap((m) => m.sources))) })}
            pageSize={50}
          />
        </>
      )}
    </>
  );
}
