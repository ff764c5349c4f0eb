// Every query of the treaty-status module: the treaty actions and snapshots, shipped or
// imported, in the shape the status engine uses, with the kind of source each rests on; and
// what the engine and its answers read beside them (statehood, instrument dates and references,
// datasets, State codes and names).
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { strongestKind } from '../../shared/source-kinds.ts';
import type { ParticipantKind } from '../../shared/vocabularies.ts';
import { collectionOf, type TreatyAction, type TreatySnapshot } from './actions.ts';
import type { SnapshotInput, TreatyActionInput } from './facts.ts';
import type { Statehood } from './model.ts';
import type { Participant } from './participants.ts';

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

/** Rows read per query: bounds how long one read holds the event loop (better-sqlite3 is synchronous). */
const PAGE = 5000;

/**
 * Every action, shipped or imported, in dataset order. Read a page at a time (keyset on the
 * primary key), calling `pause` between pages, so that a server building its model in the
 * background keeps answering.
 */
export async function readActions(db: Kysely<Database>, sources: Map<string, SourceDates>, pause?: () => Promise<void>): Promise<TreatyAction[]> {
  // The datasets' kinds apart (a few hundred rows), so that each page is a range of the primary key.
  const datasetKinds = new Map((await db.selectFrom('import_dataset').select(['id', 'kind']).execute()).map((d) => [d.id, d.kind]));
  const actions: TreatyAction[] = [];
  let after: { dataset: string; seq: number } | null = null;
  for (;;) {
    let query = db.selectFrom('treaty_action as a')
      .select(['a.dataset_id', 'a.seq', 'a.instrument_code', 'a.participant_kind', 'a.participant_id', 'a.participant_name', 'a.kind', 'a.date', 'a.effective', 'a.text', 'a.note', 'a.procedure', 'a.sources', 'a.file', 'a.row', 'a.column'])
      .orderBy('a.dataset_id').orderBy('a.seq')
      .limit(PAGE);
    if (after) query = query.where((eb) => eb(eb.refTuple('a.dataset_id', 'a.seq'), '>', eb.tuple(after!.dataset, after!.seq)));
    const rows = await query.execute();
    for (const r of rows) {
      const datasetKind = datasetKinds.get(r.dataset_id);
      if (datasetKind === undefined) continue; // a dataset removed while reading: its acts go with it
      const sourceIds = JSON.parse(r.sources) as string[];
      actions.push({
        instrument: r.instrument_code, participant: r.participant_id, participantKind: kindOf(r.participant_kind), participantName: r.participant_name,
        kind: r.kind, date: r.date, effective: r.effective, text: r.text, note: r.note, procedure: r.procedure ?? null,
        support: strongestKind(sourceIds.map((id) => sources.get(id)?.kind)),
        origin: { collection: collectionOf(datasetKind, r.dataset_id), dataset: r.dataset_id, sourceIds, file: r.file, row: r.row, column: r.column },
      });
    }
    if (rows.length < PAGE) return actions;
    const last = rows[rows.length - 1]!;
    after = { dataset: last.dataset_id, seq: last.seq };
    await pause?.();
  }
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

const participantId = (p: Participant) => (p.kind === 'state' ? p.iso3 : p.id);
const CHUNK = 200;

/** A dataset's acts, in the order read (seq), citing their own sources or the dataset's. */
export async function insertActions(db: Kysely<Database>, datasetId: string, sourceId: string, actions: TreatyActionInput[]): Promise<void> {
  const rows = actions.map((a, seq) => ({
    dataset_id: datasetId, seq, instrument_code: a.instrumentCode,
    participant_kind: a.participant.kind, participant_id: participantId(a.participant), participant_name: a.participantName,
    kind: a.kind, date: a.date, effective: a.effective, text: a.text, note: a.note ?? null, procedure: a.procedure ?? null,
    sources: JSON.stringify(a.sourceIds ?? [sourceId]), file: a.file, row: a.row, column: a.column,
  }));
  for (let i = 0; i < rows.length; i += CHUNK) await db.insertInto('treaty_action').values(rows.slice(i, i + CHUNK)).execute();
}

export async function insertSnapshots(db: Kysely<Database>, datasetId: string, _sourceId: string, snapshots: SnapshotInput[]): Promise<void> {
  const rows = snapshots.map((s, seq) => ({
    dataset_id: datasetId, seq, instrument_code: s.instrumentCode, participant_kind: s.participant.kind, participant_id: participantId(s.participant),
    participant_name: s.participantName, status: s.status, as_of: s.asOf, file: s.file, row: s.row, note: s.note ?? null,
  }));
  for (let i = 0; i < rows.length; i += CHUNK) await db.insertInto('treaty_snapshot').values(rows.slice(i, i + CHUNK)).execute();
}

export async function deleteDatasetActions(db: Kysely<Database>, datasetId: string): Promise<void> {
  await db.deleteFrom('treaty_action').where('dataset_id', '=', datasetId).execute();
}

export async function deleteDatasetSnapshots(db: Kysely<Database>, datasetId: string): Promise<void> {
  await db.deleteFrom('treaty_snapshot').where('dataset_id', '=', datasetId).execute();
}

/** When each State came to exist as it is now (States without a recorded date are left out). */
export async function readStatehood(db: Kysely<Database>): Promise<Map<string, Statehood>> {
  const rows = await db.selectFrom('state').select(['iso3', 'statehood_date', 'statehood_basis', 'statehood_sources']).execute();
  return new Map(rows.filter((r) => r.statehood_date).map((r) => [r.iso3, { since: r.statehood_date!, basis: r.statehood_basis ?? 'independence', sourceIds: JSON.parse(r.statehood_sources) as string[] }]));
}

/** Every instrument's adoption and entry into force: what effect rules and eligibility start from. */
export async function readInstrumentDates(db: Kysely<Database>): Promise<{ code: string; adopted: string | null; entry_into_force: string | null }[]> {
  return db.selectFrom('instrument').select(['code', 'adopted', 'entry_into_force']).execute();
}

/** The codes of the registry's instruments, in code order. */
export async function readInstrumentCodes(db: Kysely<Database>): Promise<string[]> {
  return (await db.selectFrom('instrument').select('code').orderBy('code').execute()).map((r) => r.code);
}

/** One instrument's adoption (the instrument must exist). */
export async function readInstrumentAdopted(db: Kysely<Database>, code: string): Promise<string | null> {
  return (await db.selectFrom('instrument').select('adopted').where('code', '=', code).executeTakeFirstOrThrow()).adopted;
}

/** Every instrument's code and UN Treaty Collection reference, in code order. */
export async function readInstrumentRefs(db: Kysely<Database>): Promise<{ code: string; untc_ref: string | null }[]> {
  return db.selectFrom('instrument').select(['code', 'untc_ref']).orderBy('code').execute();
}

/** One instrument's code and UN Treaty Collection reference, if the registry has it. */
export async function findInstrumentRef(db: Kysely<Database>, code: string): Promise<{ code: string; untc_ref: string | null } | undefined> {
  return db.selectFrom('instrument').select(['code', 'untc_ref']).where('code', '=', code).executeTakeFirst();
}

/** Every dataset, shipped or imported, in id order. */
export async function readDatasets(db: Kysely<Database>) {
  return db.selectFrom('import_dataset').selectAll().orderBy('id').execute();
}

/** Every State's ISO codes. */
export async function readStateCodes(db: Kysely<Database>): Promise<{ iso2: string; iso3: string }[]> {
  return db.selectFrom('state').select(['iso2', 'iso3']).execute();
}

/** Every name of every State, in any language and of any kind (what participant names are matched against). */
export async function readStateNames(db: Kysely<Database>): Promise<{ iso3: string; value: string }[]> {
  return db.selectFrom('entity_name').select(['entity_id as iso3', 'value']).where('entity_kind', '=', 'state').execute();
}
