// Reads every treaty action and snapshot, shipped or imported, in the shape the status engine
// uses, with the kind of source each rests on.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { strongestKind } from '../../shared/source-kinds.ts';
import type { ParticipantKind } from '../../shared/vocabularies.ts';
import { collectionOf, type TreatyAction, type TreatySnapshot } from './actions.ts';

export interface SourceDates {
  kind: string | null;
  /** The date the source speaks for, else the day it was read (empty when unknown). */
  speaksFor: string;
}

export async function readSourceDates(db: Kysely<Database>): Promise<Map<string, SourceDates>> {
  const rows = await db.selectFrom('source').select(['id', 'kind', 'as_of', 'retrieved']).execute();
  return new Map(rows.map((r) => [r.id, { kind: r.kind, speaksFor: r.as_of ?? r.retrieved }]));
}

const kindOf = (kind: string): ParticipantKind => (kind === 'organization' ? 'organization' : 'state');

export async function readActions(db: Kysely<Database>, sources: Map<string, SourceDates>): Promise<TreatyAction[]> {
  const rows = await db.selectFrom('treaty_action as a')
    .innerJoin('import_dataset as d', 'd.id', 'a.dataset_id')
    .select(['a.instrument_code', 'a.participant_kind', 'a.participant_id', 'a.participant_name', 'a.kind', 'a.date', 'a.effective', 'a.text', 'a.note', 'a.procedure', 'a.sources', 'a.file', 'a.row', 'a.column', 'd.id as dataset', 'd.kind as dataset_kind'])
    .orderBy('a.dataset_id').orderBy('a.seq')
    .execute();
  return rows.map((r) => {
    const sourceIds = JSON.parse(r.sources) as string[];
    return {
      instrument: r.instrument_code, participant: r.participant_id, participantKind: kindOf(r.participant_kind), participantName: r.participant_name,
      kind: r.kind, date: r.date, effective: r.effective, text: r.text, note: r.note, procedure: r.procedure ?? null,
      support: strongestKind(sourceIds.map((id) => sources.get(id)?.kind)),
      origin: { collection: collectionOf(r.dataset_kind, r.dataset), dataset: r.dataset, sourceIds, file: r.file, row: r.row, column: r.column },
    };
  });
}

export async function readSnapshots(db: Kysely<Database>, sources: Map<string, SourceDates>): Promise<TreatySnapshot[]> {
  const rows = await db.selectFrom('treaty_snapshot as s')
    .innerJoin('import_dataset as d', 'd.id', 's.dataset_id')
    .select(['s.instrument_code', 's.participant_kind', 's.participant_id', 's.status', 's.as_of', 's.note', 's.file', 's.row', 'd.id as dataset', 'd.kind as dataset_kind', 'd.source_id'])
    .orderBy('s.dataset_id').orderBy('s.seq')
    .execute();
  return rows.map((r) => ({
    instrument: r.instrument_code, participant: r.participant_id, participantKind: kindOf(r.participant_kind),
    status: r.status as TreatySnapshot['status'], asOf: r.as_of, note: r.note,
    support: strongestKind([sources.get(r.source_id)?.kind]),
    origin: { collection: collectionOf(r.dataset_kind, r.dataset), dataset: r.dataset, sourceIds: [r.source_id], file: r.file, row: r.row, column: null },
  }));
}

/** The date each dataset speaks for, by collection: what a collection's `asOf` is made of. */
export async function readDatasetDates(db: Kysely<Database>): Promise<DatasetDate[]> {
  const rows = await db.selectFrom('import_dataset').select(['id', 'kind', 'as_of']).execute();
  return rows.map((r) => ({ dataset: r.id, collection: collectionOf(r.kind, r.id), asOf: r.as_of }));
}

export interface DatasetDate {
  dataset: string;
  collection: string;
  asOf: string | null;
}
