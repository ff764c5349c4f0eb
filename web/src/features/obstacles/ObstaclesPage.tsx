// The obstacles to ratification the reader may see (docs/OBSTACLES.md): State, instruments,
// category, status, when identified; sortable, paged and exportable as every list is. After an
// obstacle is deleted its editor lands here, told so.
import { Link } from 'react-router';
import { useAuth } from '../../api/auth.tsx';
import { getAll } from '../../api/client.ts';
import type { ObstacleSummary } from '../../api/types.ts';
import { useApi } from '../../api/useApi.ts';
import { type Column, DataTable } from '../../components/DataTable.tsx';
import { FactDate } from '../../components/FactDate.tsx';
import { Loadable } from '../../components/PageState.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { SavedNotice } from '../edits/RecordTools.tsx';

export function ObstaclesPage() {
  const { t, lang, href } = useI18n();
  const { can } = useAuth();
  usePageTitle(t('obstacles.title'));
  const loaded = useApi(`obstacles|${lang}`, (signal) => getAll<ObstacleSummary>('/obstacles', { lang }, signal));
  const columns: Column<ObstacleSummary>[] = [
    { id: 'state', header: t('obstacles.field.state'), cell: (o) => <Link to={href(`/states/${o.state}/gaps`)}>{o.stateName}</Link>, value: (o) => o.stateName },
    { id: 'instruments', header: t('obstacles.field.instruments'), cell: (o) => o.instruments.map((i) => i.code).join(', '), value: (o) => o.instruments.map((i) => i.code).join(' ') },
    { id: 'category', header: t('obstacles.field.category'), cell: (o) => <Link to={href(`/obstacles/${o.id}`)}>{t(`obstacles.category.${o.category}`)}</Link>, value: (o) => o.category },
    { id: 'status', header: t('gaps.col.status'), cell: (o) => t(`obstacles.status.${o.status}`), value: (o) => o.status },
    { id: 'identified', header: t('obstacles.field.identified'), cell: (o) => <FactDate value={o.identified} />, value: (o) => o.identified },
    { id: 'description', header: t('obstacles.field.description'), cell: (o) => o.description, value: (o) => o.description },
  ];
  return (
    <>
      <h1>{t('obstacles.title')}</h1>
      <SavedNotice />
      <p className="lead">{t('obstacles.lead')}</p>
      {can.editAll && (
        <p>
          <Link className="button-link" to={href('/obstacles/new')}>
            {t('obstacles.new')}
          </Link>
        </p>
      )}
      <Loadable loaded={loaded}>
        {(obstacles) => (
          <DataTable
            caption={t('obstacles.title')}
            columns={columns}
            rows={obstacles}
            rowKey={(o) => o.id}
            urlKey="t"
            exportName="accord-obstacles"
            exportExtra={(o) => ({ id: o.id, state: o.state, confidentiality: o.confidentiality })}
            empty={t('obstacles.noneRecorded')}
          />
        )}
      </Loadable>
    </>
  );
}
