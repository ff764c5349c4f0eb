// Imported treaty datasets and their facts. A dataset (one file of a source) is stored or
// replaced as a whole in one transaction with its source; a dataset whose content is
// unchanged is left as it is, so importing the same file twice changes nothing.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { precisionOf } from '../../shared/dates.ts';
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
  /** `contradictory`: the row's own fields disagree; kept with a note, never used for status. */
  status: 'party' | 'signatory' | 'withdrawn' | 'none' | 'contradictory';
  asOf: string | null;
  file: string;
  row: number;
  note?: string;
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
    participant_name: s.participantName, status: s.status, as_of: s.asOf, file: s.file, row: s.row, note: s.note ?? null,
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

export interface TreatyActionExport {
  instrument: string;
  untc_ref: string | null;
  iso2: string | null;
  iso3: string | null;
  participant: string;
  kind: string;
  date: string | null;
  precision: 'day' | 'month' | 'year' | null;
  effective: string | null;
  source: string;
  text: string | null;
}

/** Every imported treaty event, one row each, with where it came from (`accord export treaty-actions`). */
export async function listTreatyActions(db: Kysely<Database>): Promise<TreatyActionExport[]> {
  const rows = await db
    .selectFrom('treaty_event as e')
    .innerJoin('instrument as i', 'i.code', 'e.instrument_code')
    .innerJoin('import_dataset as d', 'd.id', 'e.dataset_id')
    .innerJoin('source as s', 's.id', 'd.source_id')
    .leftJoin('state as st', (join) => join.onRef('st.iso3', '=', 'e.participant_id').on('e.participant_kind', '=', 'state'))
    .select(['e.instrument_code', 'i.untc_ref', 'st.iso2', 'e.participant_kind', 'e.participant_id', 'e.participant_name', 'e.kind', 'e.date', 'e.effective', 'e.text', 'e.file', 'e.row', 'd.id as dataset', 's.url'])
    .orderBy('e.instrument_code').orderBy('e.participant_id').orderBy('e.date').orderBy('e.dataset_id').orderBy('e.seq')
    .execute();
  return rows.map((r) => ({
    instrument: r.instrument_code,
    untc_ref: r.untc_ref,
    iso2: r.iso2 ?? null,
    iso3: r.participant_kind === 'state' ? r.participant_id : null,
    participant: r.participant_name,
    kind: r.kind,
    date: r.date,
    precision: r.date === null ? null : precisionOf(r.date),
    effective: r.effective,
    source: `${r.dataset} (${r.file}, row ${r.row}) <${r.url}>`,
    text: r.text,
  }));
}
