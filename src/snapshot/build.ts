// `accord snapshot build <folder>`: imports every dataset of the folder (as `import all
// --skip-invalid` does) into a fresh in-memory database holding the reference data, and writes
// what the importers stored — imported datasets, their sources, actions, snapshots, membership
// snapshots and official names — as Accord's snapshot. Nothing else goes in: the reference data ship on their own.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Kysely } from 'kysely';
import { openDb } from '../db/connection.ts';
import { migrateToLatest } from '../db/migrate.ts';
import type { Database } from '../db/schema.ts';
import { importAll, type ImportAllReport } from '../importers/all.ts';
import { loadReferenceData } from '../reference/load.ts';
import { seedReferenceData } from '../reference/seed.ts';
import { encodeSnapshot, SNAPSHOT_FILE, SNAPSHOT_FORMAT, type SnapshotRecord } from './format.ts';
import { readImportedData } from './repository.ts';

const json = (text: string) => JSON.parse(text) as string[];

/** Every record the importers stored, in a stable order. */
export async function snapshotRecords(db: Kysely<Database>): Promise<SnapshotRecord[]> {
  const { datasets, names, sources, actions, snapshots, memberships } = await readImportedData(db);
  return [
    { type: 'manifest', format: SNAPSHOT_FORMAT, datasets: datasets.length, actions: actions.length, snapshots: snapshots.length, memberships: memberships.length, names: names.length },
    ...sources.map((s): SnapshotRecord => ({ type: 'source', id: s.id, title: s.title, url: s.url, retrieved: s.retrieved, kind: s.kind, asOf: s.as_of, copyOf: s.copy_of })),
    ...datasets.map(
      (d): SnapshotRecord => ({
        type: 'dataset',
        id: d.id,
        kind: d.kind,
        label: d.label,
        contentHash: d.content_hash,
        sourceId: d.source_id,
        accepted: d.accepted,
        rejected: d.rejected,
        asOf: d.as_of,
      }),
    ),
    ...actions.map(
      (a): SnapshotRecord => ({
        type: 'action',
        dataset: a.dataset_id,
        seq: a.seq,
        instrument: a.instrument_code,
        participantKind: a.participant_kind,
        participant: a.participant_id,
        participantName: a.participant_name,
        kind: a.kind,
        date: a.date,
        effective: a.effective,
        text: a.text,
        note: a.note,
        sources: json(a.sources),
        file: a.file,
        row: a.row,
        column: a.column,
      }),
    ),
    ...snapshots.map(
      (s): SnapshotRecord => ({
        type: 'snapshot',
        dataset: s.dataset_id,
        seq: s.seq,
        instrument: s.instrument_code,
        participantKind: s.participant_kind,
        participant: s.participant_id,
        participantName: s.participant_name,
        status: s.status,
        asOf: s.as_of,
        file: s.file,
        row: s.row,
        note: s.note,
      }),
    ),
    ...memberships.map(
      (m): SnapshotRecord => ({
        type: 'membership',
        dataset: m.dataset_id,
        seq: m.seq,
        organization: m.organization_id,
        iso3: m.iso3,
        participantName: m.participant_name,
        status: m.status,
        fromYear: m.from_year,
        toYear: m.to_year,
        file: m.file,
        row: m.row,
        column: m.column,
      }),
    ),
    ...names.map((n): SnapshotRecord => ({ type: 'name', entityKind: n.entity_kind, entityId: n.entity_id, lang: n.lang, kind: n.kind, value: n.value, sourceId: n.source_id! })),
  ];
}

export interface BuiltSnapshot {
  bytes: Buffer;
  records: SnapshotRecord[];
  report: ImportAllReport;
}

/** Imports the folder into a scratch database and returns the snapshot of what was stored. */
export async function buildSnapshot(folder: string, onProgress?: (done: number, total: number, file: string) => void): Promise<BuiltSnapshot> {
  const scratch = openDb('sqlite::memory:');
  try {
    await migrateToLatest(scratch.db);
    await seedReferenceData(scratch.db, loadReferenceData());
    const report = await importAll(scratch.db, folder, { skipInvalid: true, onProgress });
    const records = await snapshotRecords(scratch.db);
    return { bytes: encodeSnapshot(records), records, report };
  } finally {
    await scratch.destroy();
  }
}

export function writeSnapshot(bytes: Buffer, path: string = SNAPSHOT_FILE): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, bytes);
}
