import { useState } from 'react';
import { Link } from 'react-router';
import { useInstruments } from '../../api/registry.ts';
import type { Instrument } from '../../api/types.ts';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { FactDate } from '../../components/FactDate.tsx';
import { Loadable } from '../../components/PageState.tsx';
import { SelectFilter } from '../../components/SelectFilter.tsx';
import { Sources, sourcesText } from '../../components/Sources.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { InstrumentName } from '../../components/InstrumentName.tsx';
import { instrumentName } from '../../components/instrument-name.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { NewRecordLink, SavedNotice } from '../edits/RecordTools.tsx';

function InstrumentsTable({ all }: { all: Instrument[] }) {
  const { t, href, lang } = useI18n();
  const [system, setSystem] = useState('');
  const [core, setCore] = useState('');
  const rows = all.filter((i) => (!system || i.system === system) && (!core || String(i.core) === core));
  const columns: Column<Instrument>[] = [
    {
      id: 'title',
      header: t('col.instrument'),
      cell: (i) => (
        <Link to={href(`/instruments/${i.code}`)}>
          <InstrumentName instrument={i} />
        </Link>
      ),
      value: (i) => instrumentName(i, lang).text,
    },
    { id: 'code', header: t('col.code'), cell: (i) => i.code, value: (i) => i.code },
    { id: 'kind', header: t('col.kind'), cell: (i) => t(`instrumentKind.${i.kind}`), value: (i) => i.kind },
    { id: 'system', header: t('col.system'), cell: (i) => t(`system.${i.system}`), value: (i) => i.system },
    { id: 'adopted', header: t('col.adopted'), cell: (i) => <FactDate value={i.adopted} />, value: (i) => i.adopted ?? '' },
    { id: 'entryIntoForce', header: t('col.entryIntoForce'), cell: (i) => <FactDate value={i.entryIntoForce} />, value: (i) => i.entryIntoForce ?? '' },
    { id: 'sources', header: t('col.sources'), cell: (i) => <Sources sources={i.sources} verified={i.verified} /> },
  ];
  return (
    <DataTable
      caption={t('instruments.caption')}
      columns={columns}
      rows={rows}
      rowKey={(i) => i.code}
      initialSort={{ id: 'adopted' }}
      urlKey="t"
      exportName="accord-instruments"
      exportExtra={(i) => ({ fullTitle: i.title, organization: i.organization, core: i.core, untcRef: i.untcRef, parent: i.parent, verified: i.verified, sources: sourcesText(i.sources) })}
      controls={
        <>
          <SelectFilter
            label={t('col.system')}
            value={system}
            onChange={setSystem}
            options={[
              ['un', t('system.un')],
              ['regional', t('system.regional')],
            ]}
          />
          <SelectFilter
            label={t('instruments.core')}
            value={core}
            onChange={setCore}
            options={[
              ['true', t('common.yes')],
              ['false', t('common.no')],
            ]}
          />
        </>
      }
    />
  );
}

export function InstrumentsPage() {
  const { t, lang } = useI18n();
  usePageTitle(t('instruments.title'));
  const instruments = useInstruments(lang);
  return (
    <>
      <h1>{t('instruments.title')}</h1>
      <SavedNotice />
      <NewRecordLink kind="instrument" />
      <p className="lead">{t('instruments.lead')}</p>
      <Loadable loaded={instruments}>{(all) => <InstrumentsTable all={all} />}</Loadable>
    </>
  );
}
