// Imported datasets and their facts (treaty actions, status snapshots, membership snapshots). A dataset (one file of a source) is stored or
// replaced as a whole in one transaction with its source; a dataset whose content is
// unchanged is left as it is, so importing the same file twice changes nothing.
import type { Insertable, Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { bumpDataVersion } from '../meta/repository.ts';
import { saveSource, type SourceRecord } from '../sources/repository.ts';
import type { Participant } from './participants.ts';

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

export interface TreatyActionInput {
  instrumentCode: string;
  participant: Participant;
  participantName: string;
  kind: string;
  date: string | null;
  effective: string | null;
  /** The text of a declaration or reservation. */
  text: string | null;
  /** What the source says of the act, quoted, when it says more than a date. */
  note?: string | null;
  /** The act's own sources; the dataset's source when it has none of its own. */
  sourceIds?: string[];
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

/** What a year-level list says of a State's membership of an organization over a span of years. */
export interface MembershipSnapshotInput {
  organizationId: string;
  iso3: string;
  participantName: string;
  status: string;
  fromYear: string;
  toYear: string;
  file: string;
  row: number;
  column: string;
}

export interface DatasetWrite {
  dataset: DatasetInput;
  actions: TreatyActionInput[];
  snapshots?: SnapshotInput[];
  memberships?: MembershipSnapshotInput[];
}

export async function datasetHashes(db: Kysely<Database>): Promise<Map<string, { hash: string; rows: number }>> {
  const rows = await db.selectFrom('import_dataset').select(['id', 'content_hash', 'accepted']).execute();
  return new Map(rows.map((r) => [r.id, { hash: r.content_hash, rows: r.accepted }]));
}

const participantId = (p: Participant) => (p.kind === 'state' ? p.iso3 : p.id);

async function insertChunked<T extends 'treaty_action' | 'treaty_snapshot' | 'membership_snapshot'>(trx: Transaction<Database>, table: T, rows: Insertable<Database[T]>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) await trx.insertInto(table).values(rows.slice(i, i + 200) as never).execute();
}

/** Replaces one dataset, its actions and snapshots, inside the caller's transaction. */
export async function replaceDataset(trx: Transaction<Database>, { dataset, actions, snapshots = [], memberships = [] }: DatasetWrite): Promise<void> {
  await saveSource(trx, dataset.source);
  await trx.deleteFrom('treaty_action').where('dataset_id', '=', dataset.id).execute();
  await trx.deleteFrom('treaty_snapshot').where('dataset_id', '=', dataset.id).execute();
  await trx.deleteFrom('membership_snapshot').where('dataset_id', '=', dataset.id).execute();
  const row = {
    kind: dataset.kind, label: dataset.label, content_hash: dataset.contentHash, imported_at: new Date().toISOString(),
    source_id: dataset.source.id, accepted: dataset.accepted, rejected: dataset.rejected, as_of: dataset.asOf ?? dataset.source.asOf,
  };
  await trx.insertInto('import_dataset').values({ id: dataset.id, ...row }).onConflict((oc) => oc.column('id').doUpdateSet(row)).execute();
  await insertChunked(trx, 'treaty_action', actions.map((a, seq) => ({
    dataset_id: dataset.id, seq, instrument_code: a.instrumentCode,
    participant_kind: a.participant.kind, participant_id: participantId(a.participant), participant_name: a.participantName,
    kind: a.kind, date: a.date, effective: a.effective, text: a.text, note: a.note ?? null,
    sources: JSON.stringify(a.sourceIds ?? [dataset.source.id]), file: a.file, row: a.row, column: a.column,
  })));
  await insertChunked(trx, 'treaty_snapshot', snapshots.map((s, seq) => ({
    dataset_id: dataset.id, seq, instrument_code: s.instrumentCode, participant_kind: s.participant.kind, participant_id: participantId(s.participant),
    participant_name: s.participantName, status: s.status, as_of: s.asOf, file: s.file, row: s.row, note: s.note ?? null,
  })));
  await insertChunked(trx, 'membership_snapshot', memberships.map((m, seq) => ({
    dataset_id: dataset.id, seq, organization_id: m.organizationId, iso3: m.iso3, participant_name: m.participantName,
    status: m.status, from_year: m.fromYear, to_year: m.toYear, file: m.file, row: m.row, column: m.column,
  })));
}

/** Removes a dataset and everything it holds, inside the caller's transaction. */
export async function deleteDataset(trx: Transaction<Database>, id: string): Promise<void> {
  for (const table of ['treaty_action', 'treaty_snapshot', 'membership_snapshot'] as const) await trx.deleteFrom(table).where('dataset_id', '=', id).execute();
  await trx.deleteFrom('import_dataset').where('id', '=', id).execute();
}

/** Stores every given dataset, or none of them. */
export async function replaceDatasets(db: Kysely<Database>, items: DatasetWrite[]): Promise<void> {
  if (items.length === 0) return;
  await db.transaction().execute(async (trx) => {
    for (const item of items) await replaceDataset(trx, item);
    await bumpDataVersion(trx);
  });
}
