// Ratification matrix: every State's status under each chosen instrument at a date, filtered
// by M49 region, UN regional group or organization (its members at that date). The date, the
// filters and the instruments live in the address, so a view can be linked. Above it: how
// current each source is, and a banner for every source that is missing (an instrument Accord
// holds nothing on, or no UN Treaty Collection data imported at all).
import { useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { apiUrl, getJson } from '../../api/client.ts';
import { useAll, useInstruments, useOrganizations, useStates } from '../../api/registry.ts';
import type { Instrument, Organization, StateSummary, TreatyMatrix } from '../../api/types.ts';
import { useApi } from '../../api/useApi.ts';
import { DateControl, useAsOf } from '../../components/DateControl.tsx';
import { ErrorState, Loadable, Loading } from '../../components/PageState.tsx';
import { SelectFilter } from '../../components/SelectFilter.tsx';
import { SourceCurrency } from '../../components/SourceCurrency.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useQueryParam } from '../../components/useQueryParam.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { InstrumentChooser } from './InstrumentChooser.tsx';
import { chosenCodes, inSet, isSet, treatiesInOrder } from './instrument-sets.ts';
import { downloadMatrixCsv, downloadMatrixXlsx, type MatrixExport } from './matrix-export.ts';
import { isolate } from '../../components/bidi.ts';
import { InstrumentKey, MatrixTable, type MatrixRow } from './MatrixTable.tsx';
import { StatusLegend } from './StatusMark.tsx';
import { regionsOf } from './state-groups.ts';
import { REGIONAL_GROUPS } from '../../../../src/shared/vocabularies.ts';
import { isComplete } from '../../../../src/shared/collections.ts';

interface Registry {
  asOf: string;
  states: StateSummary[];
  instruments: Instrument[];
  organizations: Organization[];
}

/** Filters of the address that name nothing the registry knows are dropped from it, so the
 *  address says what the page shows (as useAsOf does for the date). */
function useKnownFilters(known: Record<string, Set<string>>) {
  const [params, setParams] = useSearchParams();
  const unknown = Object.keys(known).filter((name) => params.get(name) && !known[name]!.has(params.get(name)!));
  // biome-ignore lint/correctness/useExhaustiveDependencies: `unknown` is a new array on every render; its names are what counts
  useEffect(() => {
    if (unknown.length === 0) return;
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const name of unknown) next.delete(name);
        return next;
      },
      { replace: true, preventScrollReset: true },
    );
  }, [unknown.join()]);
  return (name: string) => (unknown.includes(name) ? '' : (params.get(name) ?? ''));
}

function Matrix({ asOf, states, instruments, organizations }: Registry) {
  const i18n = useI18n();
  const { t, lang, date } = i18n;
  const ordered = useMemo(() => treatiesInOrder(instruments), [instruments]);
  const regions = useMemo(() => regionsOf(states), [states]);
  const known = {
    region: new Set(regions.map(([code]) => code)),
    group: new Set<string>(REGIONAL_GROUPS),
    organization: new Set(organizations.map((o) => o.id)),
  };
  const filter = useKnownFilters(known);
  const [region, group, organization] = [filter('region'), filter('group'), filter('organization')];
  const [, setRegion] = useQueryParam('region');
  const [, setGroup] = useQueryParam('group');
  const [, setOrganization] = useQueryParam('organization');
  const [setParam, setSet] = useQueryParam('set', 'core');
  const [list, setList] = useQueryParam('instruments');
  const set = isSet(setParam) ? setParam : 'core';
  const custom = list ? chosenCodes(ordered, list) : null;
  const codes = custom ?? inSet(ordered, set).map((i) => i.code);
  const columns = codes.map((code) => ordered.find((i) => i.code === code)!);

  const params = { asOf, instruments: codes.join(','), region, group, organization };
  const view = `${codes.join(',')}|${region}|${group}|${organization}`;
  const matrix = useApi(codes.length ? `matrix|${asOf}|${view}` : null, (signal) => getJson<TreatyMatrix>('/treaty-status/matrix', params, signal), { subject: `matrix|${view}` });

  const names = useMemo(() => new Map(states.map((s) => [s.iso3, s])), [states]);
  const collator = useMemo(() => new Intl.Collator(lang, { sensitivity: 'base' }), [lang]);
  const rows: MatrixRow[] = useMemo(
    () => (matrix.data?.states ?? []).map((r) => ({ ...r, name: names.get(r.iso3)?.name ?? r.iso3, nameLang: names.get(r.iso3)?.nameLang ?? 'en' })).sort((a, b) => collator.compare(a.name, b.name)),
    [matrix.data, names, collator],
  );
  // While another date loads, the previous matrix stays; everything says which date it shows.
  const shown = matrix.data;
  const shownColumns = shown ? shown.instruments.map((code) => ordered.find((i) => i.code === code)!) : columns;

  const filterWords = [
    region && `${t('col.region')}: ${regions.find(([code]) => code === region)?.[1] ?? region}`,
    group && `${t('col.group')}: ${t(`group.${group}`)}`,
    organization && `${t('col.organization')}: ${organizations.find((o) => o.id === organization)?.name ?? organization}`,
  ].filter((w): w is string => Boolean(w));
  const exportData = (): MatrixExport => ({
    asOf: shown!.asOf,
    collections: shown!.collections,
    columns: shownColumns,
    rows,
    apiAddress: new URL(apiUrl('/treaty-status/matrix', { ...params, asOf: shown!.asOf }), window.location.origin).href,
    filters: filterWords,
  });
  const [xlsx, setXlsx] = useState<'idle' | 'working' | 'failed'>('idle');
  const makeXlsx = () => {
    if (xlsx === 'working') return;
    setXlsx('working');
    downloadMatrixXlsx(exportData(), i18n).then(
      () => setXlsx('idle'),
      () => setXlsx('failed'),
    );
  };

  // UN treaties shown, but not one fact from the UN Treaty Collection (its pages or tables, the
  // complete collections): it was never imported.
  const noUnData = shown !== undefined && shownColumns.some((i) => i.system === 'un') && !shown.collections.some((c) => isComplete(c.id));
  return (
    <>
      {shown && <SourceCurrency collections={shown.collections} />}
      {noUnData && (
        <p className="banner no-un-data" role="note">
          {t('treaties.noUnData')} <code>accord import all</code>
        </p>
      )}
      {shown && shown.noData.length > 0 && (
        <p className="banner no-data-banner" role="note">
          {t('treaties.noDataBanner', { count: shown.noData.length, codes: shown.noData.join(', ') })}
        </p>
      )}
      <div className="toolbar">
        <SelectFilter label={t('col.region')} value={region} onChange={(v) => setRegion(v)} options={regions} />
        <SelectFilter label={t('col.group')} value={group} onChange={(v) => setGroup(v)} options={REGIONAL_GROUPS.map((g) => [g, t(`group.${g}`)])} />
        <SelectFilter
          label={t('col.organization')}
          value={organization}
          onChange={(v) => setOrganization(v)}
          // An <option> holds only text: the name (perhaps English on an Arabic page) and the acronym are isolated by FSI…PDI.
          options={organizations.map((o) => [o.id, o.acronym ? `${isolate(o.name)} (${isolate(o.acronym)})` : o.name])}
        />
      </div>
      <InstrumentChooser
        ordered={ordered}
        set={set}
        custom={custom}
        selected={codes}
        onSet={(s) => setSet(s, ['instruments'])}
        onChoose={(chosen) => setList(chosen.length ? chosen.join(',') : ',', ['set'])}
      />
      <StatusLegend />
      {codes.length === 0 && <p className="note">{t('treaties.noInstruments')}</p>}
      {matrix.error && <ErrorState error={matrix.error} retry={matrix.retry} />}
      {codes.length > 0 && !matrix.error && !shown && <Loading />}
      {codes.length > 0 && shown && (
        <>
          <p className="summary" role="status">
            {t('treaties.summary', { date: date(shown.asOf), states: rows.length, instruments: shownColumns.length })}
          </p>
          <div className="table-tools">
            {/* biome-ignore lint/a11y/useSemanticElements: a labelled pair of buttons, not form fields: a fieldset would need a legend */}
            <div className="export" role="group" aria-label={t('table.export')}>
              <button type="button" onClick={() => downloadMatrixCsv(exportData(), i18n)} disabled={rows.length === 0}>
                {t('table.csv')}
              </button>
              <button type="button" onClick={makeXlsx} disabled={rows.length === 0} aria-disabled={xlsx === 'working' ? true : undefined}>
                {t('treaties.xlsx')}
              </button>
            </div>
            <span role="status" className="muted">
              {xlsx === 'working' ? t('treaties.xlsxWorking') : xlsx === 'failed' ? t('treaties.xlsxFailed') : ''}
            </span>
          </div>
          {rows.length === 0 ? (
            <p className="page-state empty">{t('treaties.noStates')}</p>
          ) : (
            <MatrixTable caption={t('treaties.caption', { date: date(shown.asOf) })} columns={shownColumns} rows={rows} counts={shown.counts} />
          )}
          <InstrumentKey columns={shownColumns} />
        </>
      )}
    </>
  );
}

export function TreatyMatrixPage() {
  const { t, lang, href } = useI18n();
  usePageTitle(t('treaties.title'));
  const [asOf, setAsOf] = useAsOf();
  const registry = useAll(useStates(lang), useInstruments(lang), useOrganizations(lang, asOf));
  return (
    <>
      <h1>{t('treaties.title')}</h1>
      <p className="lead">{t('treaties.lead')}</p>
      <p>
        <Link to={href('/treaties/since-vienna')}>{t('vienna.title')}</Link> · <Link to={href('/data-quality')}>{t('quality.title')}</Link>
      </p>
      <div className="toolbar">
        <DateControl asOf={asOf} onChange={setAsOf} />
      </div>
      <Loadable loaded={registry}>{([states, instruments, organizations]) => <Matrix asOf={asOf} states={states} instruments={instruments} organizations={organizations} />}</Loadable>
    </>
  );
}
