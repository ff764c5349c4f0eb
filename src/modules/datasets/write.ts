// Storing datasets: each is replaced as a whole (its row, its source, every fact it holds), and
// all the datasets of one import together, through the write pipeline: one audit record names
// each dataset stored or removed with its counts, and the topics of its facts get new versions.
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { summaryList, type AuditEntry, type UseCase } from '../audit/pipeline.ts';
import { saveSource, type SourceRecord } from '../sources/repository.ts';
import { factTables, type DatasetFacts } from './facts.ts';
import { deleteDatasetRow, storedDatasets, upsertDataset } from './repository.ts';

export interface DatasetInput {
  id: string;
  kind: string;
  label: string;
  contentHash: string;
  source: SourceRecord;
  /** The date the dataset speaks for, when it states one (else its source's). */
  asOf: string | null;
  accepted: number;
  rejected: number;
}

export interface DatasetWrite {
  dataset: DatasetInput;
  facts: DatasetFacts[];
}

/** Replaces one dataset and everything it holds, inside the caller's transaction. */
export async function replaceDataset(trx: Transaction<Database>, { dataset, facts }: DatasetWrite): Promise<void> {
  await saveSource(trx, dataset.source);
  for (const table of factTables()) await table.remove(trx, dataset.id);
  await upsertDataset(trx, { ...dataset, sourceId: dataset.source.id, asOf: dataset.asOf ?? dataset.source.asOf });
  for (const { table, rows } of facts) await table.insert(trx, dataset.id, dataset.source.id, rows as never[]);
}

/** Removes a dataset and everything it holds, inside the caller's transaction. */
export async function deleteDataset(trx: Transaction<Database>, id: string): Promise<void> {
  for (const table of factTables()) await table.remove(trx, id);
  await deleteDatasetRow(trx, id);
}

const countsOf = (facts: DatasetFacts[]) => Object.fromEntries(facts.map((f) => [f.table.name, f.rows.length]));

export interface DatasetImport {
  /** What the import is, for the audit trail: `untc-html`, `import all`… */
  label: string;
  items: DatasetWrite[];
  /** Datasets to remove (e.g. one an older snapshot wrote and the new one lacks). */
  remove?: string[];
}

/** A bulk write: one audit record naming every dataset and its counts. */
export const importDatasetsUseCase: UseCase<DatasetImport, void> = {
  name: 'datasets.import',
  topics: ['treaty-data', 'sources'],
  async run(trx, { label, items, remove = [] }) {
    if (items.length === 0 && remove.length === 0) return { result: undefined, audit: [] };
    const before = await storedDatasets(trx);
    for (const item of items) await replaceDataset(trx, item);
    for (const id of remove) await deleteDataset(trx, id);
    const stored = items.map(({ dataset, facts }) => ({
      id: dataset.id,
      kind: dataset.kind,
      label: dataset.label,
      contentHash: dataset.contentHash,
      source: dataset.source.id,
      accepted: dataset.accepted,
      rejected: dataset.rejected,
      facts: countsOf(facts),
    }));
    const replaced = [...items.map((i) => i.dataset.id), ...remove].flatMap((id) => {
      const old = before.get(id);
      return old ? [{ id, contentHash: old.contentHash, accepted: old.accepted }] : [];
    });
    const facts = stored.reduce((n, s) => n + s.accepted, 0);
    const parts = [`${items.length} dataset(s) stored (${facts} facts)`, remove.length ? `${remove.length} removed` : ''].filter(Boolean);
    const entry: AuditEntry = {
      action: 'import',
      entityKind: 'dataset',
      entityId: items.length + remove.length === 1 ? (items[0]?.dataset.id ?? remove[0]) : null,
      before: replaced,
      after: { stored, removed: remove },
      summary: `${label}: ${parts.join(', ')}: ${summaryList([...stored.map((s) => `${s.id} (${s.accepted})`), ...remove])}`,
    };
    return { result: undefined, audit: [entry] };
  },
};
