import { Link } from 'react-router';
import { useOrganizations } from '../../api/registry.ts';
import type { Organization } from '../../api/types.ts';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { DateControl, useAsOf } from '../../components/DateControl.tsx';
import { FactDate } from '../../components/FactDate.tsx';
import { Name } from '../../components/Name.tsx';
import { Loadable } from '../../components/PageState.tsx';
import { Sources, sourcesText } from '../../components/Sources.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { NewRecordLink, SavedNotice } from '../edits/RecordTools.tsx';

export function OrganizationsPage() {
  const { t, lang, href, date } = useI18n();
  const [asOf, setAsOf] = useAsOf();
  usePageTitle(t('organizations.title'));
  const organizations = useOrganizations(lang, asOf);
  const columns: Column<Organization>[] = [
    {
      id: 'name',
      header: t('col.organization'),
      cell: (o) => (
        <Link to={href(`/organizations/${o.id}`)}>
          <Name text={o.name} lang={o.nameLang} />
        </Link>
      ),
      value: (o) => o.name,
    },
    { id: 'acronym', header: t('col.acronym'), cell: (o) => <bdi>{o.acronym ?? ''}</bdi>, value: (o) => o.acronym ?? '' },
    { id: 'kind', header: t('col.kind'), cell: (o) => t(`orgKind.${o.kind}`), value: (o) => o.kind },
    { id: 'founded', header: t('col.founded'), cell: (o) => <FactDate value={o.founded} />, value: (o) => o.founded ?? '' },
    { id: 'memberCount', header: t('col.members'), cell: (o) => o.memberCount, value: (o) => o.memberCount, numeric: true },
    { id: 'unverifiedMembers', header: t('col.unverifiedMembers'), cell: (o) => o.unverifiedMembers, value: (o) => o.unverifiedMembers, numeric: true },
    { id: 'sources', header: t('col.sources'), cell: (o) => <Sources sources={o.sources} verified={o.verified} /> },
  ];
  return (
    <>
      <h1>{t('organizations.title')}</h1>
      <SavedNotice />
      <NewRecordLink kind="organization" />
      <p className="lead">{t('organizations.lead')}</p>
      <div className="toolbar">
        <DateControl asOf={asOf} onChange={setAsOf} />
      </div>
      <Loadable loaded={organizations}>
        {(rows) => (
          <DataTable
            caption={t('organizations.caption', { date: date(rows[0]?.asOf ?? asOf) })}
            columns={columns}
            rows={rows}
            rowKey={(o) => o.id}
            urlKey="t"
            exportName={`accord-organizations-${asOf}`}
            exportAbout={{ asOf }}
            exportExtra={(o) => ({ id: o.id, website: o.website, verified: o.verified, sources: sourcesText(o.sources) })}
          />
        )}
      </Loadable>
    </>
  );
}
