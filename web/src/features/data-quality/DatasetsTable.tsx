// The datasets behind the treaty status: each file (or curated reference table), the source it
// belongs to and that source's kind, how exact its dates are, the date it speaks for and the
// date its whole collection speaks for (after it, a newer source is followed), rows kept and
// refused, and when it was imported.
import type { ImportDataset, TreatyCollection } from '../../api/types.ts';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { FactDate } from '../../components/FactDate.tsx';
import { Sources } from '../../components/Sources.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { collectionName, isolated } from './conflict-words.ts';
import { collectionPriority } from '../../../../src/shared/collections.ts';

/** Each collection once, with the date it speaks for: what the currency line under the title
 *  shows, in the order the treaty answers give their collections in (precedence). */
export function collectionsOf(datasets: ImportDataset[]): TreatyCollection[] {
  const byId = new Map<string, TreatyCollection>();
  for (const d of datasets) if (!byId.has(d.collection)) byId.set(d.collection, { id: d.collection, precision: d.precision ?? 'day', asOf: d.collectionAsOf });
  return [...byId.values()].sort((a, b) => collectionPriority(a.id) - collectionPriority(b.id) || a.id.localeCompare(b.id));
}

export function DatasetsTable({ datasets }: { datasets: ImportDataset[] }) {
  const { t, number } = useI18n();
  const kindOf = (d: ImportDataset) => (d.source.kind ? t(`source.kind.${d.source.kind}`) : '–');
  const columns: Column<ImportDataset>[] = [
    { id: 'file', header: t('quality.col.file'), cell: (d) => <bdi className="provenance">{d.label}</bdi>, value: (d) => d.label },
    { id: 'collection', header: t('quality.col.collection'), cell: (d) => collectionName(d.collection, t, isolated), value: (d) => d.collection },
    { id: 'sourceKind', header: t('quality.col.sourceKind'), cell: kindOf, value: (d) => d.source.kind ?? '' },
    { id: 'precision', header: t('quality.col.precision'), cell: (d) => (d.precision ? t(`quality.precision.${d.precision}`) : '–'), value: (d) => d.precision },
    { id: 'asOf', header: t('quality.col.asOf'), cell: (d) => (d.asOf ? <FactDate value={d.asOf} /> : '–'), value: (d) => d.asOf },
    { id: 'collectionAsOf', header: t('quality.col.collectionAsOf'), cell: (d) => (d.collectionAsOf ? <FactDate value={d.collectionAsOf} /> : '–'), value: (d) => d.collectionAsOf },
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
      exportExtra={(d) => ({ id: d.id, kind: d.kind, sourceTitle: d.source.title, copyOf: d.source.copyOf })}
      empty={t('quality.noDatasets')}
    />
  );
}
