// Every query of the treaty-status module: the treaty actions and snapshots, shipped or
// imported, in the shape the status engine uses, with the kind of source each rests on; and
// what the engine and its answers read beside them (statehood, instrument dates and references,
// datasets, State codes and names).
import { sql, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import type { Database, TreatyActionTable } from '../../db/schema.ts';
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

function actionsQuery(db: Kysely<Database>) {
  return db
    .selectFrom('treaty_action as a')
    .innerJoin('import_dataset as d', 'd.id', 'a.dataset_id')
    .select([
      'a.instrument_code',
      'a.participant_kind',
      'a.participant_id',
      'a.participant_name',
      'a.kind',
      'a.date',
      'a.effective',
      'a.text',
      'a.note',
      'a.procedure',
      'a.sources',
      'a.file',
      'a.row',
      'a.column',
      'd.id as dataset',
      'd.kind as dataset_kind',
    ])
    .orderBy('a.dataset_id')
    .orderBy('a.seq');
}

type ActionRow = Awaited<ReturnType<ReturnType<typeof actionsQuery>['execute']>>[number];

function toAction(r: ActionRow, sources: Map<string, SourceDates>): TreatyAction {
  const sourceIds = JSON.parse(r.sources) as string[];
  return {
    instrument: r.instrument_code,
    participant: r.participant_id,
    participantKind: kindOf(r.participant_kind),
    participantName: r.participant_name,
    kind: r.kind,
    date: r.date,
    effective: r.effective,
    text: r.text,
    note: r.note,
    procedure: r.procedure ?? null,
    support: strongestKind(sourceIds.map((id) => sources.get(id)?.kind)),
    origin: { collection: collectionOf(r.dataset_kind, r.dataset), dataset: r.dataset, sourceIds, file: r.file, row: r.row, column: r.column },
  };
}

/** Rows read per query: bounds how long one read holds the event loop (better-sqlite3 is synchronous). */
const PAGE = 5000;

/**
 * Every action, shipped or imported, in dataset order. Read a page at a time (keyset on the
 * primary key), calling `pause` between pages, so that a server building its model in the
 * background keeps answering.
 */
export async function readActions(db: Kysely<Database>, sources: Map<string, SourceDates>, pause?: () => Promise<void>): Promise<TreatyAction[]> {
  const actions: TreatyAction[] = [];
  let after: { dataset: string; seq: number } | null = null;
  for (;;) {
    const from: { dataset: string; seq: number } | null = after;
    const query = actionsQuery(db).select('a.seq').limit(PAGE);
    const rows: (ActionRow & { seq: number })[] = await (from ? query.where((eb) => eb(eb.refTuple('a.dataset_id', 'a.seq'), '>', eb.tuple(from.dataset, from.seq))) : query).execute();
    for (const r of rows) actions.push(toAction(r, sources));
    if (rows.length < PAGE) return actions;
    const last: ActionRow & { seq: number } = rows[rows.length - 1]!;
    after = { dataset: last.dataset, seq: last.seq };
    await pause?.();
  }
}

function snapshotsQuery(db: Kysely<Database>) {
  return db
    .selectFrom('treaty_snapshot as s')
    .innerJoin('import_dataset as d', 'd.id', 's.dataset_id')
    .select(['s.instrument_code', 's.participant_kind', 's.participant_id', 's.status', 's.as_of', 's.note', 's.file', 's.row', 'd.id as dataset', 'd.kind as dataset_kind', 'd.source_id'])
    .orderBy('s.dataset_id')
    .orderBy('s.seq');
}

type SnapshotRow = Awaited<ReturnType<ReturnType<typeof snapshotsQuery>['execute']>>[number];

function toSnapshot(r: SnapshotRow, sources: Map<string, SourceDates>): TreatySnapshot {
  return {
    instrument: r.instrument_code,
    participant: r.participant_id,
    participantKind: kindOf(r.participant_kind),
    status: r.status as TreatySnapshot['status'],
    asOf: r.as_of,
    note: r.note,
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
export async function readPairFacts(
  db: Kysely<Database>,
  sources: Map<string, SourceDates>,
  instrument: string,
  participants: string[],
): Promise<{ actions: TreatyAction[]; snapshots: TreatySnapshot[] }> {
  const [actions, snapshots] = await Promise.all([
    actionsQuery(db).where('a.instrument_code', '=', instrument).where('a.participant_id', 'in', participants).execute(),
    snapshotsQuery(db).where('s.instrument_code', '=', instrument).where('s.participant_id', 'in', participants).execute(),
  ]);
  return { actions: actions.map((r) => toAction(r, sources)), snapshots: snapshots.map((r) => toSnapshot(r, sources)) };
}

/** One line per dataset, instrument, kind of act and precision of its date, with the latest
 *  date: all that describing the collections needs, whatever the number of acts. */
export async function readActionSummary(db: Kysely<Database>): Promise<{ dataset: string; datasetKind: string; instrument: string; kind: string; date: string | null }[]> {
  const rows = await db
    .selectFrom('treaty_action as a')
    .innerJoin('import_dataset as d', 'd.id', 'a.dataset_id')
    .select((eb) => ['d.id as dataset', 'd.kind as dataset_kind', 'a.instrument_code', 'a.kind', eb.fn.max('a.date').as('date')])
    .groupBy(['d.id', 'd.kind', 'a.instrument_code', 'a.kind', sql`length(a.date)`])
    .execute();
  return rows.map((r) => ({ dataset: r.dataset, datasetKind: r.dataset_kind, instrument: r.instrument_code, kind: r.kind, date: r.date }));
}

/** The same for status snapshots. */
export async function readSnapshotSummary(db: Kysely<Database>): Promise<{ dataset: string; datasetKind: string; instrument: string; asOf: string | null }[]> {
  const rows = await db
    .selectFrom('treaty_snapshot as s')
    .innerJoin('import_dataset as d', 'd.id', 's.dataset_id')
    .select((eb) => ['d.id as dataset', 'd.kind as dataset_kind', 's.instrument_code', eb.fn.max('s.as_of').as('as_of')])
    .groupBy(['d.id', 'd.kind', 's.instrument_code', sql`length(s.as_of)`])
    .execute();
  return rows.map((r) => ({ dataset: r.dataset, datasetKind: r.dataset_kind, instrument: r.instrument_code, asOf: r.as_of }));
}

/** The earliest act of each kind per participant and instrument (null: one of them has no
 *  date). Dates are YYYY, YYYY-MM or YYYY-MM-DD, so the smallest text is the earliest first day. */
export async function readEarliestActs(db: Kysely<Database>): Promise<{ instrument: string; participant: string; kind: string; date: string | null }[]> {
  const rows = await db
    .selectFrom('treaty_action')
    .select((eb) => ['instrument_code', 'participant_id', 'kind', eb.fn.min(eb.fn.coalesce('date', sql.lit(''))).as('first')])
    .groupBy(['instrument_code', 'participant_id', 'kind'])
    .execute();
  return rows.map((r) => ({ instrument: r.instrument_code, participant: r.participant_id, kind: r.kind, date: r.first === '' ? null : r.first }));
}

/** Every participant under every instrument that has acts, once per name it is given, with
 *  its number of acts: the pages of the treaty-actions export are cut from this list. */
export async function readActionParticipants(
  db: Kysely<Database>,
): Promise<{ instrument: string; participant: string; participantKind: 'state' | 'organization'; participantName: string; acts: number }[]> {
  const rows = await db
    .selectFrom('treaty_action')
    .select((eb) => ['instrument_code', 'participant_id', 'participant_kind', 'participant_name', eb.fn.countAll<number>().as('acts')])
    .groupBy(['instrument_code', 'participant_id', 'participant_kind', 'participant_name'])
    .execute();
  return rows.map((r) => ({ instrument: r.instrument_code, participant: r.participant_id, participantKind: kindOf(r.participant_kind), participantName: r.participant_name, acts: Number(r.acts) }));
}

/** Every participant under every instrument, in the order the model first meets them (its
 *  acts in stored order, then those known only from snapshots), with its number of facts:
 *  the pages of the treaty-conflicts export, which lists conflicts in that order. */
export async function readPairsInStoredOrder(db: Kysely<Database>): Promise<{ instrument: string; participant: string; facts: number }[]> {
  const inOrder = async (table: 'treaty_action' | 'treaty_snapshot') =>
    db
      .selectFrom((eb) =>
        eb
          .selectFrom(table)
          .select(['instrument_code', 'participant_id', sql<number>`row_number() over (order by dataset_id, seq)`.as('position')])
          .as('t'),
      )
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

const participantId = (p: Participant) => (p.kind === 'state' ? p.iso3 : p.id);
const CHUNK = 200;

/** A dataset's acts, in the order read (seq), citing their own sources or the dataset's. */
export async function insertActions(db: Kysely<Database>, datasetId: string, sourceId: string, actions: TreatyActionInput[]): Promise<void> {
  const rows = actions.map((a, seq) => ({
    dataset_id: datasetId,
    seq,
    instrument_code: a.instrumentCode,
    participant_kind: a.participant.kind,
    participant_id: participantId(a.participant),
    participant_name: a.participantName,
    kind: a.kind,
    date: a.date,
    effective: a.effective,
    text: a.text,
    note: a.note ?? null,
    procedure: a.procedure ?? null,
    sources: JSON.stringify(a.sourceIds ?? [sourceId]),
    file: a.file,
    row: a.row,
    column: a.column,
  }));
  for (let i = 0; i < rows.length; i += CHUNK)
    await db
      .insertInto('treaty_action')
      .values(rows.slice(i, i + CHUNK))
      .execute();
}

export async function insertSnapshots(db: Kysely<Database>, datasetId: string, _sourceId: string, snapshots: SnapshotInput[]): Promise<void> {
  const rows = snapshots.map((s, seq) => ({
    dataset_id: datasetId,
    seq,
    instrument_code: s.instrumentCode,
    participant_kind: s.participant.kind,
    participant_id: participantId(s.participant),
    participant_name: s.participantName,
    status: s.status,
    as_of: s.asOf,
    file: s.file,
    row: s.row,
    note: s.note ?? null,
  }));
  for (let i = 0; i < rows.length; i += CHUNK)
    await db
      .insertInto('treaty_snapshot')
      .values(rows.slice(i, i + CHUNK))
      .execute();
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
  return new Map(
    rows.filter((r) => r.statehood_date).map((r) => [r.iso3, { since: r.statehood_date!, basis: r.statehood_basis ?? 'independence', sourceIds: JSON.parse(r.statehood_sources) as string[] }]),
  );
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

// Treaty actions entered by editors: one dataset per instrument (`edit:<instrument>`), which no
// import and no seed replaces.

/** The dataset of the acts editors entered for an instrument. */
export const editDatasetId = (instrument: string) => `edit:${instrument}`;

export type TreatyActionRow = Selectable<TreatyActionTable>;

export async function findTreatyAction(db: Kysely<Database>, datasetId: string, seq: number): Promise<TreatyActionRow | undefined> {
  return db.selectFrom('treaty_action').selectAll().where('dataset_id', '=', datasetId).where('seq', '=', seq).executeTakeFirst();
}

/** The acts editors entered, of one instrument and/or one participant, in the order entered. */
export async function listEnteredTreatyActions(db: Kysely<Database>, filter: { instrument?: string; participant?: string }): Promise<TreatyActionRow[]> {
  let query = db.selectFrom('treaty_action').selectAll().where('dataset_id', 'like', 'edit:%');
  if (filter.instrument) query = query.where('dataset_id', '=', editDatasetId(filter.instrument));
  if (filter.participant) query = query.where('participant_id', '=', filter.participant);
  return query.orderBy('instrument_code').orderBy('seq').execute();
}

/** Creates the instrument's edit dataset, or brings it up to date: the source of the latest
 *  change, the day it speaks for (the day of that change) and how many acts it holds. */
export async function saveEditDataset(db: Kysely<Database>, instrument: string, sourceId: string): Promise<void> {
  const id = editDatasetId(instrument);
  const count = await db
    .selectFrom('treaty_action')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('dataset_id', '=', id)
    .executeTakeFirstOrThrow();
  const now = new Date().toISOString();
  const row = {
    kind: 'edit',
    label: `treaty actions entered in Accord for ${instrument}`,
    content_hash: '',
    imported_at: now,
    source_id: sourceId,
    accepted: Number(count.n),
    rejected: 0,
    as_of: now.slice(0, 10),
  };
  await db
    .insertInto('import_dataset')
    .values({ id, ...row })
    .onConflict((oc) => oc.column('id').doUpdateSet(row))
    .execute();
}

export async function nextActionSeq(db: Kysely<Database>, datasetId: string): Promise<number> {
  const row = await db
    .selectFrom('treaty_action')
    .select((eb) => eb.fn.max('seq').as('last'))
    .where('dataset_id', '=', datasetId)
    .executeTakeFirst();
  return row?.last == null ? 1 : Number(row.last) + 1;
}

export async function insertTreatyAction(db: Kysely<Database>, row: Insertable<TreatyActionTable>): Promise<void> {
  await db.insertInto('treaty_action').values(row).execute();
}

/** Writes the changes and raises the version, only if the act is still at `expected`: one
 *  statement, so of two writers naming the same version only one succeeds. */
export async function updateTreatyActionIfVersion(db: Kysely<Database>, datasetId: string, seq: number, expected: number, changes: Updateable<TreatyActionTable>): Promise<boolean> {
  const result = await db
    .updateTable('treaty_action')
    .set({ ...changes, row_version: sql`row_version + 1` })
    .where('dataset_id', '=', datasetId)
    .where('seq', '=', seq)
    .where('row_version', '=', expected)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteTreatyActionIfVersion(db: Kysely<Database>, datasetId: string, seq: number, expected: number): Promise<boolean> {
  const result = await db.deleteFrom('treaty_action').where('dataset_id', '=', datasetId).where('seq', '=', seq).where('row_version', '=', expected).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

/** How many acts of each dataset of entered acts (`edit:…`) the reader's view holds: such a
 *  dataset's own count includes acts some readers may not see. */
export async function countEnteredActs(db: Kysely<Database>): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('treaty_action')
    .select(['dataset_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('dataset_id', 'like', 'edit:%')
    .groupBy('dataset_id')
    .execute();
  return new Map(rows.map((r) => [r.dataset_id, Number(r.n)]));
}
