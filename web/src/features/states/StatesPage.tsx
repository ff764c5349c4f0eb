import { Link } from 'react-router';
import { useStates } from '../../api/registry.ts';
import type { StateSummary } from '../../api/types.ts';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { FactDate } from '../../components/FactDate.tsx';
import { Name } from '../../components/Name.tsx';
import { Loadable } from '../../components/PageState.tsx';
import { SelectFilter } from '../../components/SelectFilter.tsx';
import { Sources, sourcesText } from '../../components/Sources.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useQueryParam } from '../../components/useQueryParam.ts';
import { useI18n } from '../../i18n/i18n.tsx';

import { REGIONAL_GROUPS } from '../../../../src/shared/vocabularies.ts';

function StatesTable({ all }: { all: StateSummary[] }) {
  const { t, href } = useI18n();
  // Kept in the address beside the table's own state, so Back and reload keep the same rows.
  const [region, setRegionParam] = useQueryParam('t.region');
  const [group, setGroupParam] = useQueryParam('t.group');
  const setRegion = (value: string) => setRegionParam(value, ['t.page']);
  const setGroup = (value: string) => setGroupParam(value, ['t.page']);
  const regions = [...new Map(all.flatMap((s) => (s.region ? [[s.region.code, s.region.name] as [string, string]] : []))).entries()].sort((a, b) => a[1].localeCompare(b[1]));
  const rows = all.filter((s) => (!region || s.region?.code === region) && (!group || s.regionalGroup === group));
  const columns: Column<StateSummary>[] = [
    { id: 'name', header: t('col.state'), cell: (s) => <Link to={href(`/states/${s.iso3}`)}>{s.name}</Link>, value: (s) => s.name },
    { id: 'iso3', header: t('col.code'), cell: (s) => s.iso3, value: (s) => s.iso3 },
    { id: 'region', header: t('col.region'), cell: (s) => <Name text={s.region?.name ?? ''} lang={s.region?.nameLang} />, value: (s) => s.region?.name ?? '' },
    { id: 'subregion', header: t('col.subregion'), cell: (s) => <Name text={s.subregion?.name ?? ''} lang={s.subregion?.nameLang} />, value: (s) => s.subregion?.name ?? '' },
    { id: 'regionalGroup', header: t('col.group'), cell: (s) => (s.regionalGroup ? t(`group.${s.regionalGroup}`) : '—'), value: (s) => s.regionalGroup ?? '' },
    { id: 'unStatus', header: t('col.unStatus'), cell: (s) => t(`unStatus.${s.unStatus}`), value: (s) => s.unStatus },
    { id: 'unAdmission', header: t('col.unAdmission'), cell: (s) => <FactDate value={s.unAdmission} />, value: (s) => s.unAdmission ?? '' },
    { id: 'sources', header: t('col.sources'), cell: (s) => <Sources sources={s.sources} verified={s.verified} /> },
  ];
  return (
    <DataTable
      caption={t('states.caption')}
      columns={columns}
      rows={rows}
      rowKey={(s) => s.iso3}
      urlKey="t"
      exportName="accord-states"
      exportExtra={(s) => ({ iso2: s.iso2, m49: s.m49, verified: s.verified, sources: sourcesText(s.sources) })}
      controls={
        <>
          <SelectFilter label={t('col.region')} value={region} onChange={setRegion} options={regions} />
          <SelectFilter label={t('col.group')} value={group} onChange={setGroup} options={REGIONAL_GROUPS.map((g) => [g, t(`group.${g}`)])} />
        </>
      }
    />
  );
}

export function StatesPage() {
  const { t, lang } = useI18n();
  usePageTitle(t('states.title'));
  const states = useStates(lang);
  return (
    <>
      <h1>{t('states.title')}</h1>
      <p className="lead">{t('states.lead')}</p>
      <Loadable loaded={states}>{(all) => <StatesTable all={all} />}</Loadable>
    </>
  );
}
