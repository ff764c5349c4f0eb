import { useState } from 'react';
import { Link } from 'react-router';
import { useMechanisms } from '../../api/registry.ts';
import type { Mechanism } from '../../api/types.ts';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { FactDate } from '../../components/FactDate.tsx';
import { Name } from '../../components/Name.tsx';
import { Loadable } from '../../components/PageState.tsx';
import { SelectFilter } from '../../components/SelectFilter.tsx';
import { Sources, sourcesText } from '../../components/Sources.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { NewRecordLink, SavedNotice } from '../edits/RecordTools.tsx';
import { explainClass } from './mechanism-class.ts';
import { MechanismClass } from './MechanismClass.tsx';

function MechanismsTable({ all }: { all: Mechanism[] }) {
  const { t, yesNo, href } = useI18n();
  const [system, setSystem] = useState('regional');
  const rows = all.filter((m) => !system || m.system === system);
  const columns: Column<Mechanism>[] = [
    {
      id: 'name',
      header: t('col.mechanism'),
      cell: (m) => (
        <Link to={href(`/mechanisms/${m.code}`)}>
          <Name text={m.name} lang={m.nameLang} />
        </Link>
      ),
      value: (m) => m.name,
    },
    { id: 'acronym', header: t('col.acronym'), cell: (m) => <bdi>{m.acronym ?? ''}</bdi>, value: (m) => m.acronym ?? '' },
    { id: 'kind', header: t('col.kind'), cell: (m) => t(`mechanismKind.${m.kind}`), value: (m) => m.kind },
    {
      id: 'organization',
      header: t('col.organization'),
      cell: (m) =>
        m.organization ? (
          <Link to={href(`/organizations/${m.organization}`)}>
            <bdi>{m.organization.toUpperCase()}</bdi>
          </Link>
        ) : (
          t('system.un')
        ),
      value: (m) => m.organization ?? 'un',
    },
    { id: 'established', header: t('col.established'), cell: (m) => <FactDate value={m.established} />, value: (m) => m.established ?? '' },
    { id: 'individualComplaints', header: t('col.individualComplaints'), cell: (m) => yesNo(m.individualComplaints), value: (m) => m.individualComplaints },
    { id: 'coverageBasis', header: t('col.basis'), cell: (m) => t(`rule.${m.coverage.basis}`), value: (m) => m.coverage.basis },
    { id: 'mapClass', header: t('mechanism.class'), cell: (m) => <MechanismClass mechanism={m} />, value: (m) => explainClass(m).mapClass ?? 'un' },
    { id: 'sources', header: t('col.sources'), cell: (m) => <Sources sources={m.sources} verified={m.verified} /> },
  ];
  return (
    <DataTable
      caption={t('mechanisms.caption')}
      columns={columns}
      rows={rows}
      rowKey={(m) => m.code}
      urlKey="t"
      exportName="accord-mechanisms"
      exportExtra={(m) => ({ code: m.code, system: m.system, establishingInstrument: m.establishingInstrument, verified: m.verified, sources: sourcesText(m.sources) })}
      controls={
        <SelectFilter
          label={t('col.system')}
          value={system}
          onChange={setSystem}
          options={[
            ['regional', t('system.regional')],
            ['un', t('system.un')],
          ]}
        />
      }
    />
  );
}

export function MechanismsPage() {
  const { t, lang } = useI18n();
  usePageTitle(t('mechanisms.title'));
  const mechanisms = useMechanisms(lang);
  return (
    <>
      <h1>{t('mechanisms.title')}</h1>
      <SavedNotice />
      <NewRecordLink kind="mechanism" />
      <p className="lead">{t('mechanisms.lead')}</p>
      <Loadable loaded={mechanisms}>{(all) => <MechanismsTable all={all} />}</Loadable>
    </>
  );
}
