// The imported datasets behind the treaty status: each file, the source it belongs to, how
// exact its dates are and the last date it speaks of (what precedence uses), rows kept and
// refused, and when it was imported.
import type { ImportDataset } from '../../api/types.ts';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { FactDate } from '../../components/FactDate.tsx';
import { Sources } from '../../components/Sources.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { collectionName, isolated } from './conflict-words.ts';

export function DatasetsTable({ datasets }: { datasets: ImportDataset[] }) {
  const { t, number } = useI18n();
  const columns: Column<ImportDataset>[] = [
    { id: 'file', header: t('quality.col.file'), cell: (d) => <bdi className="provenance">{d.label}</bdi>, value: (d) => d.label },
    { id: 'collection', header: t('quality.col.collection'), cell: (d) => collectionName(d.collection, t, isolated), value: (d) => d.collection },
    { id: 'precision', header: t('quality.col.precision'), cell: (d) => (d.precision ? t(`quality.precision.${d.precision}`) : '–'), value: (d) => d.precision },
    { id: 'lastDate', header: t('quality.col.lastDate'), cell: (d) => <FactDate value={d.lastDate} />, value: (d) => d.lastDate },
    { id: 'accepted', header: t('quality.col.accepted'), cell: (d) => number(d.accepted), value: (d) => d.accepted, numeric: true },
    { id: 'rejected', header: t('quality.col.rejected'), cell: (d) => number(d.rejected), value: (d) => d.rejected, numeric: true },
    { id: 'importedAt', header: t('quality.col.importedAt'), cell: (d) => <FactDate value={d.importedAt.slice(0, 10)} />, value: (d) => d.importedAt },
    { id: 'source', header: t('col.sources'), cell: (d) => <Sources sources={[d.source]} />, value: (d) => d.source.url },
  ];
  return (
    <DataTable
      caption={t('quality.datasetsCaption')}
      columns={columns}
      rows={datasets}
      rowKey={(d) => d.id}
      urlKey="d"
      exportName="accord-treaty-datasets"
      exportExtra={(d) => ({ id: d.id, kind: d.kind, sourceTitle: d.source.title })}
      empty={t('quality.noDatasets')}
    />
  );
}
