// Reads every treaty fact, imported or shipped, in the shape the status engine uses.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { collectionOf, type Fact, type SnapshotFact } from './facts.ts';

export async function readFacts(db: Kysely<Database>): Promise<Fact[]> {
  const [imported, reference] = await Promise.all([
    db.selectFrom('treaty_event as e')
      .innerJoin('import_dataset as d', 'd.id', 'e.dataset_id')
      .select(['e.instrument_code', 'e.participant_kind', 'e.participant_id', 'e.kind', 'e.date', 'e.effective', 'e.text', 'e.file', 'e.row', 'e.column', 'd.id as dataset', 'd.kind as dataset_kind', 'd.source_id'])
      .orderBy('e.dataset_id').orderBy('e.seq')
      .execute(),
    db.selectFrom('treaty_action').select(['instrument_code', 'iso3', 'kind', 'date', 'effective', 'sources']).orderBy('instrument_code').orderBy('iso3').orderBy('seq').execute(),
  ]);
  return [
    ...reference.map((r): Fact => ({
      instrument: r.instrument_code, participant: r.iso3, participantKind: 'state', kind: r.kind, date: r.date, effective: r.effective, text: null,
      origin: { collection: 'reference', dataset: null, sourceIds: JSON.parse(r.sources) as string[], file: `data/reference/instrument-parties/${r.instrument_code}.csv`, row: null, column: null },
    })),
    ...imported.map((r): Fact => ({
      instrument: r.instrument_code, participant: r.participant_id, participantKind: r.participant_kind === 'organization' ? 'organization' : 'state',
      kind: r.kind, date: r.date, effective: r.effective, text: r.text,
      origin: { collection: collectionOf(r.dataset_kind, r.dataset), dataset: r.dataset, sourceIds: [r.source_id], file: r.file, row: r.row, column: r.column },
    })),
  ];
}

export async function readSnapshots(db: Kysely<Database>): Promise<SnapshotFact[]> {
  const rows = await db.selectFrom('treaty_snapshot as s')
    .innerJoin('import_dataset as d', 'd.id', 's.dataset_id')
    .select(['s.instrument_code', 's.participant_kind', 's.participant_id', 's.status', 's.as_of', 's.note', 's.file', 's.row', 'd.id as dataset', 'd.kind as dataset_kind', 'd.source_id'])
    .orderBy('s.dataset_id').orderBy('s.seq')
    .execute();
  return rows.map((r) => ({
    instrument: r.instrument_code, participant: r.participant_id, participantKind: r.participant_kind === 'organization' ? 'organization' : 'state',
    status: r.status as SnapshotFact['status'], asOf: r.as_of, note: r.note,
    origin: { collection: collectionOf(r.dataset_kind, r.dataset), dataset: r.dataset, sourceIds: [r.source_id], file: r.file, row: r.row, column: null },
  }));
}
