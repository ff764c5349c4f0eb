// Imported datasets (one file of a source each): their rows in import_dataset.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

export interface StoredDataset {
  id: string;
  contentHash: string;
  accepted: number;
}

export async function storedDatasets(db: Kysely<Database>): Promise<Map<string, StoredDataset>> {
  const rows = await db.selectFrom('import_dataset').select(['id', 'content_hash', 'accepted']).execute();
  return new Map(rows.map((r) => [r.id, { id: r.id, contentHash: r.content_hash, accepted: r.accepted }]));
}

export interface DatasetRow {
  id: string;
  kind: string;
  label: string;
  contentHash: string;
  sourceId: string;
  asOf: string | null;
  accepted: number;
  rejected: number;
}

export async function upsertDataset(db: Kysely<Database>, d: DatasetRow): Promise<void> {
  const row = {
    kind: d.kind,
    label: d.label,
    content_hash: d.contentHash,
    imported_at: new Date().toISOString(),
    source_id: d.sourceId,
    accepted: d.accepted,
    rejected: d.rejected,
    as_of: d.asOf,
  };
  await db
    .insertInto('import_dataset')
    .values({ id: d.id, ...row })
    .onConflict((oc) => oc.column('id').doUpdateSet(row))
    .execute();
}

export async function deleteDatasetRow(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('import_dataset').where('id', '=', id).execute();
}
