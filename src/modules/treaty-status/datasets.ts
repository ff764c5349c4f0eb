// Imported treaty datasets and their facts. A dataset (one file of a source) is stored or
// replaced as a whole in one transaction with its source; a dataset whose content is
// unchanged is left as it is, so importing the same file twice changes nothing.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { bumpDataVersion } from '../meta/repository.ts';
import type { Participant } from './participants.ts';

export interface DatasetInput {
  id: string;
  kind: string;
  label: string;
  contentHash: string;
  source: { id: string; title: string; url: string; retrieved: string };
  accepted: number;
  rejected: number;
}

export interface TreatyEventInput {
  instrumentCode: string;
  participant: Participant;
  participantName: string;
  kind: string;
  date: string | null;
  effective: string | null;
  text: string | null;
  file: string;
  row: number;
  column: string | null;
}

export interface SnapshotInput {
  instrumentCode: string;
  participant: Participant;
  participantName: string;
  status: 'party' | 'signatory' | 'withdrawn' | 'none';
  asOf: string | null;
  file: string;
  row: number;
}

export async function datasetHashes(db: Kysely<Database>): Promise<Map<string, string>> {
  const rows = await db.selectFrom('import_dataset').select(['id', 'content_hash']).execute();
  return new Map(rows.map((r) => [r.id, r.content_hash]));
}

const participantId = (p: Participant) => (p.kind === 'state' ? p.iso3 : p.id);

async function replaceOne(trx: Transaction<Database>, dataset: DatasetInput, events: TreatyEventInput[], snapshots: SnapshotInput[]): Promise<void> {
  await trx.insertInto('source').values(dataset.source)
    .onConflict((oc) => oc.column('id').doUpdateSet({ title: dataset.source.title, url: dataset.source.url, retrieved: dataset.source.retrieved }))
    .execute();
  await trx.deleteFrom('treaty_event').where('dataset_id', '=', dataset.id).execute();
  await trx.deleteFrom('treaty_snapshot').where('dataset_id', '=', dataset.id).execute();
  const row = {
    id: dataset.id, kind: dataset.kind, label: dataset.label, content_hash: dataset.contentHash, imported_at: new Date().toISOString(),
    source_id: dataset.source.id, accepted: dataset.accepted, rejected: dataset.rejected,
  };
  await trx.insertInto('import_dataset').values(row)
    .onConflict((oc) => oc.column('id').doUpdateSet({ kind: row.kind, label: row.label, content_hash: row.content_hash, imported_at: row.imported_at, source_id: row.source_id, accepted: row.accepted, rejected: row.rejected }))
    .execute();
  const values = events.map((e, seq) => ({
    dataset_id: dataset.id, seq, instrument_code: e.instrumentCode,
    participant_kind: e.participant.kind, participant_id: participantId(e.participant),
    participant_name: e.participantName, kind: e.kind, date: e.date, effective: e.effective, text: e.text, file: e.file, row: e.row, column: e.column,
  }));
  for (let i = 0; i < values.length; i += 200) await trx.insertInto('treaty_event').values(values.slice(i, i + 200)).execute();
  const snapshotRows = snapshots.map((s, seq) => ({
    dataset_id: dataset.id, seq, instrument_code: s.instrumentCode, participant_kind: s.participant.kind, participant_id: participantId(s.participant),
    participant_name: s.participantName, status: s.status, as_of: s.asOf, file: s.file, row: s.row,
  }));
  for (let i = 0; i < snapshotRows.length; i += 200) await trx.insertInto('treaty_snapshot').values(snapshotRows.slice(i, i + 200)).execute();
}

/** Stores every given dataset, or none of them. */
export async function replaceDatasets(db: Kysely<Database>, items: { dataset: DatasetInput; events: TreatyEventInput[]; snapshots?: SnapshotInput[] }[]): Promise<void> {
  if (items.length === 0) return;
  await db.transaction().execute(async (trx) => {
    for (const { dataset, events, snapshots } of items) await replaceOne(trx, dataset, events, snapshots ?? []);
    await bumpDataVersion(trx);
  });
}
