// Reads every treaty action and snapshot, shipped or imported, in the shape the status engine
// uses, with the kind of source each rests on.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { strongestKind } from '../../shared/source-kinds.ts';
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

const kindOf = (kind: string): 'state' | 'organization' => (kind === 'organization' ? 'organization' : 'state');

function actionsQuery(db: Kysely<Database>) {
  return db.selectFrom('treaty_action as a')
    .innerJoin('import_dataset as d', 'd.id', 'a.dataset_id')
    .select(['a.instrument_code', 'a.participant_kind', 'a.participant_id', 'a.participant_name', 'a.kind', 'a.date', 'a.effective', 'a.text', 'a.note', 'a.procedure', 'a.sources', 'a.file', 'a.row', 'a.column', 'd.id as dataset', 'd.kind as dataset_kind'])
    .orderBy('a.dataset_id').orderBy('a.seq');
}

type ActionRow = Awaited<ReturnType<ReturnType<typeof actionsQuery>['execute']>>[number];

function toAction(r: ActionRow, sources: Map<string, SourceDates>): TreatyAction {
  const sourceIds = JSON.parse(r.sources) as string[];
  return {
    instrument: r.instrument_code, participant: r.participant_id, participantKind: kindOf(r.participant_kind), participantName: r.participant_name,
    kind: r.kind, date: r.date, effective: r.effective, text: r.text, note: r.note, procedure: r.procedure ?? null,
    support: strongestKind(sourceIds.map((id) => sources.get(id)?.kind)),
    origin: { collection: collectionOf(r.dataset_kind, r.dataset), dataset: r.dataset, sourceIds, file: r.file, row: r.row, column: r.column },
  };
}

export async function readActions(db: Kysely<Database>, sources: Map<string, SourceDates>): Promise<TreatyAction[]> {
  const rows = await actionsQuery(db).execute();
  return rows.map((r) => toAction(r, sources));
}

function snapshotsQuery(db: Kysely<Database>) {
  return db.selectFrom('treaty_snapshot as s')
    .innerJoin('import_dataset as d', 'd.id', 's.dataset_id')
    .select(['s.instrument_code', 's.participant_kind', 's.participant_id', 's.status', 's.as_of', 's.note', 's.file', 's.row', 'd.id as dataset', 'd.kind as dataset_kind', 'd.source_id'])
    .orderBy('s.dataset_id').orderBy('s.seq');
}

type SnapshotRow = Awaited<ReturnType<ReturnType<typeof snapshotsQuery>['execute']>>[number];

function toSnapshot(r: SnapshotRow, sources: Map<string, SourceDates>): TreatySnapshot {
  return {
    instrument: r.instrument_code, participant: r.participant_id, participantKind: kindOf(r.participant_kind),
    status: r.status as TreatySnapshot['status'], asOf: r.as_of, note: r.note,
    support: strongestKind([sources.get(r.source_id)?.kind]),
    origin: { collection: collectionOf(r.dataset_kind, r.dataset), dataset: r.dataset, sourceIds: [r.source_id], file: r.file, row: r.row, column: null },
  };
}

export async function readSnapshots(db: Kysely<Database>, sources: Map<string, SourceDates>): Promise<TreatySnapshot[]> {
  const rows = await snapshotsQuery(db).execute();
  return rows.map((r) => toSnapshot(r, sources));
}

/** The acts and snapshots of some participants under one instrument, in the order readActions
 *  and readSnapshots give them: what a streamed export resolves one page at a time. */
export async function readPairFacts(db: Kysely<Database>, sources: Map<string, SourceDates>, instrument: string, participants: string[]): Promise<{ actions: TreatyAction[]; snapshots: TreatySnapshot[] }> {
  const [actions, snapshots] = await Promise.all([
    actionsQuery(db).where('a.instrument_code', '=', instrument).where('a.participant_id', 'in', participants).execute(),
    snapshotsQuery(db).where('s.instrument_code', '=', instrument).where('s.participant_id', 'in', participants).execute(),
  ]);
  return { actions: actions.map((r) => toAction(r, sources)), snapshots: snapshots.map((r) => toSnapshot(r, sources)) };
}

/** One line per dataset, instrument, kind of act and precision of its date, with the latest
 *  date: all that describing the collections needs, whatever the number of acts. */
export async function readActionSummary(db: Kysely<Database>): Promise<{ dataset: string; datasetKind: string; instrument: string; kind: string; date: string | null }[]> {
  const rows = await db.selectFrom('treaty_action as a')
    .innerJoin('import_dataset as d', 'd.id', 'a.dataset_id')
    .select((eb) => ['d.id as dataset', 'd.kind as dataset_kind', 'a.instrument_code', 'a.kind', eb.fn.max('a.date').as('date')])
    .groupBy(['d.id', 'd.kind', 'a.instrument_code', 'a.kind', sql`length(a.date)`])
    .execute();
  return rows.map((r) => ({ dataset: r.dataset, datasetKind: r.dataset_kind, instrument: r.instrument_code, kind: r.kind, date: r.date }));
}

/** The same for status snapshots. */
export async function readSnapshotSummary(db: Kysely<Database>): Promise<{ dataset: string; datasetKind: string; instrument: string; asOf: string | null }[]> {
  const rows = await db.selectFrom('treaty_snapshot as s')
    .innerJoin('import_dataset as d', 'd.id', 's.dataset_id')
    .select((eb) => ['d.id as dataset', 'd.kind as dataset_kind', 's.instrument_code', eb.fn.max('s.as_of').as('as_of')])
    .groupBy(['d.id', 'd.kind', 's.instrument_code', sql`length(s.as_of)`])
    .execute();
  return rows.map((r) => ({ dataset: r.dataset, datasetKind: r.dataset_kind, instrument: r.instrument_code, asOf: r.as_of }));
}

/** The earliest act of each kind per participant and instrument (null: one of them has no
 *  date). Dates are YYYY, YYYY-MM or YYYY-MM-DD, so the smallest text is the earliest first day. */
export async function readEarliestActs(db: Kysely<Database>): Promise<{ instrument: string; participant: string; kind: string; date: string | null }[]> {
  const rows = await db.selectFrom('treaty_action')
    .select((eb) => ['instrument_code', 'participant_id', 'kind', eb.fn.min(eb.fn.coalesce('date', sql.lit(''))).as('first')])
    .groupBy(['instrument_code', 'participant_id', 'kind'])
    .execute();
  return rows.map((r) => ({ instrument: r.instrument_code, participant: r.participant_id, kind: r.kind, date: r.first === '' ? null : r.first }));
}

/** Every participant under every instrument that has acts, once per name it is given, with
 *  its number of acts: the pages of the treaty-actions export are cut from this list. */
export async function readActionParticipants(db: Kysely<Database>): Promise<{ instrument: string; participant: string; participantKind: 'state' | 'organization'; participantName: string; acts: number }[]> {
  const rows = await db.selectFrom('treaty_action')
    .select((eb) => ['instrument_code', 'participant_id', 'participant_kind', 'participant_name', eb.fn.countAll<number>().as('acts')])
    .groupBy(['instrument_code', 'participant_id', 'participant_kind', 'participant_name'])
    .execute();
  return rows.map((r) => ({ instrument: r.instrument_code, participant: r.participant_id, participantKind: kindOf(r.participant_kind), participantName: r.participant_name, acts: Number(r.acts) }));
}

/** Every participant under every instrument, in the order the model first meets them (its
 *  acts in stored order, then those known only from snapshots), with its number of facts:
 *  the pages of the treaty-conflicts export, which lists conflicts in that order. */
export async function readPairsInStoredOrder(db: Kysely<Database>): Promise<{ instrument: string; participant: string; facts: number }[]> {
  const inOrder = async (table: 'treaty_action' | 'treaty_snapshot') => db
    .selectFrom((eb) => eb.selectFrom(table)
      .select(['instrument_code', 'participant_id', sql<number>`row_number() over (order by dataset_id, seq)`.as('position')])
      .as('t'))
    .select((eb) => ['t.instrument_code', 't.participant_id', eb.fn.min('t.position').as('first'), eb.fn.countAll<number>().as('facts')])
    .groupBy(['t.instrument_code', 't.participant_id'])
    .orderBy('first')
    .execute();
  const [actions, snapshots] = await Promise.all([inOrder('treaty_action'), inOrder('treaty_snapshot')]);
  const pairs = new Map<string, { instrument: string; participant: string; facts: number }>();
  for (const r of [...actions, ...snapshots]) {
    const key = `${r.instrument_code}\u0000${r.participant_id}`;
    const known = pairs.get(key);
    if (known) known.facts += Number(r.facts);
    else pairs.set(key, { instrument: r.instrument_code, participant: r.participant_id, facts: Number(r.facts) });
  }
  return [...pairs.values()];
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
