// Since Vienna: the World Conference on Human Rights (Vienna, 25 June 1993) urged universal
// ratification of the human-rights treaties. Parties to each instrument on that day and at a
// chosen date, by M49 region or UN regional group, from two answers of /treaty-status/counts:
// certain parties (and how many of them rest on secondary sources only) and uncertain ones apart.
import { useMemo } from 'react';
import { Link } from 'react-router';
import { getJson } from '../../api/client.ts';
import { useAll, useInstruments, useStates } from '../../api/registry.ts';
import type { TreatyCounts } from '../../api/types.ts';
import { useApi } from '../../api/useApi.ts';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { DateControl, useAsOf, VIENNA_DECLARATION } from '../../components/DateControl.tsx';
import { Name } from '../../components/Name.tsx';
import { Loadable } from '../../components/PageState.tsx';
import { SelectFilter } from '../../components/SelectFilter.tsx';
import { SourceCurrency } from '../../components/SourceCurrency.tsx';
import { TREATY_STATUSES } from '../../components/TreatyStatus.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useQueryParam } from '../../components/useQueryParam.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { inSet, isSet, treatiesInOrder } from './instrument-sets.ts';
import { regionsOf } from './state-groups.ts';
import { REGIONAL_GROUPS } from '../../../../src/shared/vocabularies.ts';
import { viennaRows, type ViennaRow } from './vienna-rows.ts';

type By = 'region' | 'group';
const OTHER_STATUSES = TREATY_STATUSES.filter((s) => s !== 'party' && s !== 'uncertain');

const countsAt = (by: By, asOf: string, codes: string[]) => (signal: AbortSignal) => getJson<TreatyCounts>('/treaty-status/counts', { by, asOf, instruments: codes.join(',') }, signal);

export function SinceViennaPage() {
  const { t, lang, date, href, number } = useI18n();
  usePageTitle(t('vienna.title'));
  const [asOf, setAsOf] = useAsOf();
  const [byParam, setBy] = useQueryParam('by', 'region');
  const by: By = byParam === 'group' ? 'group' : 'region';
  const [setParam, setSet] = useQueryParam('t.set', 'core');
  const [groupFilter, setGroupFilter] = useQueryParam('t.group');
  const states = useStates(lang);
  const instruments = useInstruments(lang);
  const ordered = useMemo(() => treatiesInOrder(instruments.data ?? []), [instruments.data]);
  const codes = ordered.map((i) => i.code);
  // Every treaty is asked for, so that choosing another set needs no new request.
  const key = codes.length ? `counts|${by}|${codes.join(',')}` : null;
  const loaded = useAll(
    states,
    instruments,
    useApi(key && `${key}|${VIENNA_DECLARATION}`, countsAt(by, VIENNA_DECLARATION, codes)),
    useApi(key && `${key}|${asOf}`, countsAt(by, asOf, codes), { subject: key ?? undefined }),
  );

  const regions = useMemo(() => regionsOf(states.data ?? []), [states.data]);
  const regionNames = useMemo(() => new Map((states.data ?? []).flatMap((s) => (s.region ? [[s.region.code, s.region] as const] : []))), [states.data]);
  // States outside the five UN regional groups (e.g. the Holy See) are counted under 'none'.
  const groupOptions: [string, string][] = by === 'region' ? regions : [...REGIONAL_GROUPS, 'none'].map((g) => [g, t(`group.${g}`)]);
  const groupName = (r: ViennaRow) => (r.group === '' ? t(`vienna.total.${by}`) : (groupOptions.find(([code]) => code === r.group)?.[1] ?? r.group));
  const shownDate = loaded.data?.[3].asOf ?? asOf;

  const set = isSet(setParam) ? setParam : setParam === '' ? 'all' : 'core';
  const inChosenSet = new Set(inSet(ordered, set).map((i) => i.code));
  // biome-ignore lint/correctness/useExhaustiveDependencies: `codes` and `groupOptions` are new arrays on every render; their contents are what counts
  const rows = useMemo(
    () =>
      loaded.data
        ? viennaRows(
            codes,
            loaded.data[2],
            loaded.data[3],
            groupOptions.map(([code]) => code),
          )
        : [],
    [loaded.data, codes.join(), groupOptions.map(([code]) => code).join()],
  ).filter((r) => inChosenSet.has(r.code) && (!groupFilter || r.group === groupFilter));
  const titles = new Map(ordered.map((i) => [i.code, i]));
  const signed = (n: number) => (n > 0 ? `+${number(n)}` : number(n));

  const columns: Column<ViennaRow>[] = [
    {
      id: 'instrument',
      header: t('col.instrument'),
      cell: (r) => (
        <Link to={href(`/instruments/${r.code}`)} title={titles.get(r.code)?.title}>
          {r.code}
        </Link>
      ),
      value: (r) => r.code,
    },
    {
      id: by,
      header: by === 'region' ? t('col.region') : t('col.group'),
      cell: (r) => (r.group === '' ? <strong>{groupName(r)}</strong> : <Name text={groupName(r)} lang={by === 'region' ? regionNames.get(r.group)?.nameLang : lang} />),
      value: groupName,
    },
    { id: 'states', header: t('vienna.col.states'), cell: (r) => number(r.states), value: (r) => r.states, numeric: true },
    { id: 'partiesVienna', header: t('vienna.col.parties', { date: date(VIENNA_DECLARATION) }), cell: (r) => number(r.before.party), value: (r) => r.before.party, numeric: true },
    { id: 'uncertainVienna', header: t('vienna.col.uncertain', { date: date(VIENNA_DECLARATION) }), cell: (r) => number(r.before.uncertain), value: (r) => r.before.uncertain, numeric: true },
    { id: 'parties', header: t('vienna.col.parties', { date: date(shownDate) }), cell: (r) => number(r.after.party), value: (r) => r.after.party, numeric: true },
    { id: 'partyOnSecondary', header: t('vienna.col.secondary', { date: date(shownDate) }), cell: (r) => number(r.after.partyOnSecondary), value: (r) => r.after.partyOnSecondary, numeric: true },
    { id: 'uncertain', header: t('vienna.col.uncertain', { date: date(shownDate) }), cell: (r) => number(r.after.uncertain), value: (r) => r.after.uncertain, numeric: true },
    // Kept left to right, so that Arabic shows "+12", not "12+".
    { id: 'change', header: t('vienna.col.change'), cell: (r) => <bdi dir="ltr">{signed(r.change)}</bdi>, value: (r) => r.change, numeric: true },
  ];

  return (
    <>
      <p className="breadcrumb">
        <Link to={href('/treaties')}>{t('treaties.title')}</Link>
      </p>
      <h1>{t('vienna.title')}</h1>
      <p className="lead">{t('vienna.lead')}</p>
      {loaded.data && <SourceCurrency collections={loaded.data[3].collections} />}
      <div className="toolbar">
        <DateControl asOf={asOf} onChange={setAsOf} />
        <fieldset className="mode">
          <legend>{t('vienna.by')}</legend>
          {(['region', 'group'] as const).map((b) => (
            <label key={b}>
              <input type="radio" name="vienna-by" value={b} checked={by === b} onChange={() => setBy(b, ['t.group', 't.page', 't.sort'])} /> {t(`vienna.by.${b}`)}
            </label>
          ))}
        </fieldset>
      </div>
      <p className="note">{t('vienna.uncertainNote')}</p>
      <Loadable loaded={loaded}>
        {() => (
          <div className="since-vienna">
            <DataTable
              caption={t('vienna.caption', { from: date(VIENNA_DECLARATION), date: date(shownDate) })}
              columns={columns}
              rows={rows}
              rowKey={(r) => r.key}
              initialSort={null}
              urlKey="t"
              exportName={`accord-since-vienna-${by}-${shownDate}`}
              exportAbout={{ from: VIENNA_DECLARATION, asOf: shownDate, by }}
              exportExtra={(r) => ({
                groupCode: r.group,
                title: titles.get(r.code)?.title ?? '',
                partyOnSecondaryVienna: r.before.partyOnSecondary,
                // Every other status on both dates, so that each date's counts add up to the States.
                ...Object.fromEntries(
                  OTHER_STATUSES.flatMap((s) => [
                    [`${s}Vienna`, r.before[s]],
                    [s, r.after[s]],
                  ]),
                ),
                from: VIENNA_DECLARATION,
                asOf: shownDate,
              })}
              controls={
                <>
                  <SelectFilter
                    label={t('treaties.set')}
                    value={setParam}
                    onChange={(v) => setSet(v, ['t.page'])}
                    options={(['core', 'un', 'regional'] as const).map((s) => [s, t(`treaties.set.${s}`)])}
                  />
                  <SelectFilter label={by === 'region' ? t('col.region') : t('col.group')} value={groupFilter} onChange={(v) => setGroupFilter(v, ['t.page'])} options={groupOptions} />
                </>
              }
            />
          </div>
        )}
      </Loadable>
    </>
  );
}
