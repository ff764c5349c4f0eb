// All SQL of sync: peers, their runs, the records they sent, and the disagreements found.
// Cursors and ids are bigint columns, which PostgreSQL answers as text: Number() reads them.
import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { Database, SyncDisagreementTable, SyncPeerTable, SyncRunTable, SyncedRecordTable } from '../../db/schema.ts';
import type { DisagreementView, PeerView, RunView, SyncedRecordView } from './schema.ts';

export type PeerRow = Selectable<SyncPeerTable>;
export type RunRow = Selectable<SyncRunTable>;
export type SyncedRow = Selectable<SyncedRecordTable>;
type Db = Kysely<Database>;

export function runView(row: RunRow): RunView {
  return {
    id: String(row.id),
    peerId: row.peer_id,
    status: row.status as RunView['status'],
    startedBy: row.started_by,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    fromCursor: String(row.from_cursor),
    toCursor: String(row.to_cursor),
    pages: row.pages,
    received: row.received,
    applied: row.applied,
    skipped: row.skipped,
    error: row.error,
    log: JSON.parse(row.log) as RunView['log'],
  };
}

export function peerView(row: PeerRow, records: number, lastRun: RunRow | undefined): PeerView {
  return {
    id: row.id,
    name: row.name,
    baseUrl: row.base_url,
    hasToken: row.token !== null,
    active: row.active === 1,
    pageSize: row.page_size,
    cursor: String(row.cursor),
    records,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    lastRun: lastRun ? runView(lastRun) : null,
  };
}

// ---- peers ----

export function findPeer(db: Db, id: string): Promise<PeerRow | undefined> {
  return db.selectFrom('sync_peer').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listPeers(db: Db): Promise<PeerRow[]> {
  return db.selectFrom('sync_peer').selectAll().orderBy('name').orderBy('id').execute();
}

export async function insertPeer(db: Db, row: Insertable<SyncPeerTable>): Promise<void> {
  await db.insertInto('sync_peer').values(row).execute();
}

export async function updatePeerRow(db: Db, id: string, set: Updateable<SyncPeerTable>): Promise<void> {
  await db.updateTable('sync_peer').set(set).where('id', '=', id).execute();
}

/** Moves the peer's cursor only from where the caller read it: two runs cannot both apply a page. */
export async function advanceCursor(db: Db, id: string, from: number, to: number): Promise<boolean> {
  const result = await db.updateTable('sync_peer').set({ cursor: to }).where('id', '=', id).where('cursor', '=', from).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deletePeerAndWhatItSent(db: Db, id: string): Promise<void> {
  await db.deleteFrom('sync_disagreement').where('peer_id', '=', id).execute();
  await db.deleteFrom('synced_record').where('peer_id', '=', id).execute();
  await db.deleteFrom('sync_run').where('peer_id', '=', id).execute();
  await db.deleteFrom('sync_peer').where('id', '=', id).execute();
}

export async function recordCounts(db: Db): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('synced_record')
    .select(['peer_id', (eb) => eb.fn.countAll<string | number>().as('n')])
    .groupBy('peer_id')
    .execute();
  return new Map(rows.map((r) => [r.peer_id, Number(r.n)]));
}

// ---- runs ----

export async function insertRun(db: Db, row: Insertable<SyncRunTable>): Promise<number> {
  const made = await db.insertInto('sync_run').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(made.id);
}

export async function updateRun(db: Db, id: number, set: Updateable<SyncRunTable>): Promise<void> {
  await db.updateTable('sync_run').set(set).where('id', '=', id).execute();
}

export function findRun(db: Db, id: number): Promise<RunRow | undefined> {
  return db.selectFrom('sync_run').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Newest first, a page at a time. */
export function listRuns(db: Db, peerId: string, page: { beforeId?: number; limit: number }): Promise<RunRow[]> {
  let q = db.selectFrom('sync_run').selectAll().where('peer_id', '=', peerId);
  if (page.beforeId !== undefined) q = q.where('id', '<', page.beforeId);
  return q.orderBy('id', 'desc').limit(page.limit).execute();
}

export async function lastRuns(db: Db): Promise<Map<string, RunRow>> {
  const newest = db
    .selectFrom('sync_run')
    .select((eb) => eb.fn.max('id').as('id'))
    .groupBy('peer_id');
  const rows = await db.selectFrom('sync_run').selectAll().where('id', 'in', newest).execute();
  return new Map(rows.map((r) => [r.peer_id, r]));
}

/** Runs left `running` by a process that stopped: marked failed, saying so. */
export async function closeAbandonedRuns(db: Db, peerId: string, now: string): Promise<void> {
  await db
    .updateTable('sync_run')
    .set({ status: 'failed', finished_at: now, error: 'interrupted: the process running it stopped; the next run resumed from the last page applied' })
    .where('peer_id', '=', peerId)
    .where('status', '=', 'running')
    .execute();
}

// ---- records ----

/**
 * Writes the records of a page: each inserted, or replacing the one held when that came with an
 * older change of the peer (a change sent again, or older than one already applied, is left).
 * One statement per chunk, keyed by the primary key, with no read before it: a read or delete by
 * `record_id IN (…)` walked every record of the peer and kind on PostgreSQL before its statistics
 * were gathered (a sync slowing as it went, bench/sync.ts). Answers how many were written.
 */
export async function writeRecords(db: Db, rows: Insertable<SyncedRecordTable>[]): Promise<number> {
  let written = 0;
  for (let i = 0; i < rows.length; i += 500) {
    const result = await db
      .insertInto('synced_record')
      .values(rows.slice(i, i + 500))
      .onConflict((oc) =>
        oc
          .columns(['peer_id', 'record_kind', 'record_id'])
          .doUpdateSet((eb) => ({
            action: eb.ref('excluded.action'),
            summary: eb.ref('excluded.summary'),
            payload: eb.ref('excluded.payload'),
            facets: eb.ref('excluded.facets'),
            origin_change_id: eb.ref('excluded.origin_change_id'),
            origin_at: eb.ref('excluded.origin_at'),
            received_at: eb.ref('excluded.received_at'),
            confidentiality: eb.ref('excluded.confidentiality'),
            audience: eb.ref('excluded.audience'),
          }))
          .whereRef('synced_record.origin_change_id', '<', 'excluded.origin_change_id'),
      )
      .executeTakeFirstOrThrow();
    written += Number(result.numInsertedOrUpdatedRows ?? 0);
  }
  return written;
}

export interface RecordQuery {
  peer?: string;
  kind?: string;
  after?: [string, string, string];
  limit: number;
}

type JoinedRecord = SyncedRow & { peer_name: string; base_url: string };

function recordQuery(db: Db, query: Omit<RecordQuery, 'after' | 'limit'>) {
  let q = db.selectFrom('synced_record').innerJoin('sync_peer', 'sync_peer.id', 'synced_record.peer_id');
  if (query.peer !== undefined) q = q.where('synced_record.peer_id', '=', query.peer);
  if (query.kind !== undefined) q = q.where('synced_record.record_kind', '=', query.kind);
  return q;
}

/** Records in (peer, kind, id) order after a key. */
export function listRecords(db: Db, query: RecordQuery): Promise<JoinedRecord[]> {
  let q = recordQuery(db, query).selectAll('synced_record').select(['sync_peer.name as peer_name', 'sync_peer.base_url']);
  if (query.after) {
    const [peer, kind, id] = query.after;
    q = q.where((eb) => eb(eb.refTuple('synced_record.peer_id', 'synced_record.record_kind', 'synced_record.record_id'), '>', eb.tuple(peer, kind, id)));
  }
  return q.orderBy('synced_record.peer_id').orderBy('synced_record.record_kind').orderBy('synced_record.record_id').limit(query.limit).execute();
}

export async function countRecords(db: Db, query: Omit<RecordQuery, 'after' | 'limit'>): Promise<number> {
  const row = await recordQuery(db, query)
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function findRecord(db: Db, peerId: string, kind: string, id: string): Promise<JoinedRecord | undefined> {
  return recordQuery(db, { peer: peerId, kind }).selectAll('synced_record').select(['sync_peer.name as peer_name', 'sync_peer.base_url']).where('synced_record.record_id', '=', id).executeTakeFirst();
}

function originOf(row: { peer_id: string; peer_name: string; base_url: string }, changeId: number | string, at: string) {
  const base = row.base_url.endsWith('/') ? row.base_url : `${row.base_url}/`;
  return { peer: row.peer_name, peerId: row.peer_id, url: new URL(`api/v1/changes/${changeId}`, base).href, changeId: String(changeId), at };
}

export function syncedRecordView(row: JoinedRecord): SyncedRecordView {
  return {
    kind: row.record_kind,
    recordId: row.record_id,
    action: row.action,
    summary: row.summary,
    confidentiality: row.confidentiality,
    facets: JSON.parse(row.facets) as Record<string, string[]>,
    record: row.payload === null ? null : JSON.parse(row.payload),
    origin: originOf(row, row.origin_change_id, row.origin_at),
    receivedAt: row.received_at,
  };
}

/**
 * A peer's live records of one kind after an id, a batch at a time in id order (the disagreement
 * check): a range of the primary key. Several kinds in one keyset, `(kind, id) > (…)`, were
 * walked from the peer's first record for every batch (SQLite; PostgreSQL before its statistics).
 */
export function recordsOfKind(db: Db, peerId: string, kind: string, afterId: string | null, limit: number): Promise<SyncedRow[]> {
  let q = db.selectFrom('synced_record').selectAll().where('peer_id', '=', peerId).where('record_kind', '=', kind).where('payload', 'is not', null);
  if (afterId !== null) q = q.where('record_id', '>', afterId);
  return q.orderBy('record_id').limit(limit).execute();
}

// ---- disagreements ----

/** Replaces what was found for a peer, in one transaction: a reader sees the old list or the new one. */
export async function replaceDisagreements(db: Db, peerId: string, rows: Insertable<SyncDisagreementTable>[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('sync_disagreement').where('peer_id', '=', peerId).execute();
    for (let i = 0; i < rows.length; i += 200)
      await trx
        .insertInto('sync_disagreement')
        .values(rows.slice(i, i + 200))
        .execute();
  });
}

export interface DisagreementQuery {
  peer?: string;
  kind?: string;
  offset: number;
  limit: number;
}

function disagreementQuery(db: Db, query: Omit<DisagreementQuery, 'offset' | 'limit'>) {
  let q = db
    .selectFrom('sync_disagreement')
    .innerJoin('sync_peer', 'sync_peer.id', 'sync_disagreement.peer_id')
    .innerJoin('synced_record', (join) =>
      join
        .onRef('synced_record.peer_id', '=', 'sync_disagreement.peer_id')
        .onRef('synced_record.record_kind', '=', 'sync_disagreement.record_kind')
        .onRef('synced_record.record_id', '=', 'sync_disagreement.record_id'),
    );
  if (query.peer !== undefined) q = q.where('sync_disagreement.peer_id', '=', query.peer);
  if (query.kind !== undefined) q = q.where('sync_disagreement.record_kind', '=', query.kind);
  return q;
}

export async function listDisagreements(db: Db, query: DisagreementQuery): Promise<{ items: DisagreementView[]; total: number }> {
  const rows = await disagreementQuery(db, query)
    .selectAll('sync_disagreement')
    .select(['sync_peer.name as peer_name', 'sync_peer.base_url', 'synced_record.origin_change_id', 'synced_record.origin_at'])
    .orderBy('sync_disagreement.record_kind')
    .orderBy('sync_disagreement.fact')
    .orderBy('sync_disagreement.peer_id')
    .orderBy('sync_disagreement.field')
    .offset(query.offset)
    .limit(query.limit)
    .execute();
  const count = await disagreementQuery(db, query)
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .executeTakeFirstOrThrow();
  return {
    total: Number(count.n),
    items: rows.map((r) => ({
      kind: r.record_kind,
      recordId: r.record_id,
      fact: r.fact,
      field: r.field,
      ours: r.ours,
      theirs: r.theirs,
      confidentiality: r.confidentiality,
      checkedAt: r.checked_at,
      origin: originOf(r, r.origin_change_id, r.origin_at),
    })),
  };
}

// ---- our own facts, for the comparison: those of a batch of records' keys, in one query ----

export function ourTreatyActs(db: Db, keys: string[][]) {
  return db
    .selectFrom('treaty_action')
    .select(['instrument_code', 'participant_id', 'kind', 'date', 'confidentiality', 'audience'])
    .where((eb) =>
      eb(
        eb.refTuple('instrument_code', 'participant_id', 'kind'),
        'in',
        keys.map(([instrument, participant, kind]) => eb.tuple(instrument!, participant!, kind!)),
      ),
    )
    .execute();
}

export function ourMembershipEvents(db: Db, keys: string[][]) {
  return db
    .selectFrom('membership_event')
    .select(['organization_id', 'iso3', 'event', 'date', 'confidentiality', 'audience'])
    .where((eb) =>
      eb(
        eb.refTuple('organization_id', 'iso3', 'event'),
        'in',
        keys.map(([organization, iso3, event]) => eb.tuple(organization!, iso3!, event!)),
      ),
    )
    .execute();
}

export function ourOrganizations(db: Db, ids: string[]) {
  return db.selectFrom('organization').select(['id', 'founded', 'hq_iso3', 'confidentiality', 'audience']).where('id', 'in', ids).execute();
}

export function ourInstruments(db: Db, codes: string[]) {
  return db.selectFrom('instrument').select(['code', 'adopted', 'entry_into_force', 'confidentiality', 'audience']).where('code', 'in', codes).execute();
}
