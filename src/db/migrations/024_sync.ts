// Instance to instance (docs/SYNC.md). A peer is another Accord whose change feed this one
// pulls with an API token of the peer's (kept as given, since each pull sends it, and never
// returned). Each run of a sync is logged with its attempts. The records received are kept
// apart from this instance's own, one row per record of the peer, with their origin (the
// peer and the change they came with) and the confidentiality the peer gave them; the
// disagreements between them and this instance's facts are found after each run.
// Frozen: never import application code here.
import { type Kysely, SqliteAdapter } from 'kysely';

const isPostgres = (db: Kysely<any>) => !(db.getExecutor().adapter instanceof SqliteAdapter);

export async function up(db: Kysely<any>): Promise<void> {
  const postgres = isPostgres(db);
  const s = db.schema;
  await s
    .createTable('sync_peer')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('base_url', 'text', (c) => c.notNull())
    .addColumn('token', 'text') // the peer's API token; null when its public feed is enough
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('page_size', 'integer', (c) => c.notNull().defaultTo(500))
    .addColumn('cursor', 'bigint', (c) => c.notNull().defaultTo(0)) // the peer's last change applied here
    .addColumn('row_version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await s
    .createTable('sync_run')
    .addColumn('id', postgres ? 'bigserial' : 'integer', (c) => (postgres ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('peer_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // running | done | failed
    .addColumn('started_by', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addColumn('from_cursor', 'bigint', (c) => c.notNull())
    .addColumn('to_cursor', 'bigint', (c) => c.notNull())
    .addColumn('pages', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('received', 'integer', (c) => c.notNull().defaultTo(0)) // entries read from the peer
    .addColumn('applied', 'integer', (c) => c.notNull().defaultTo(0)) // records written here
    .addColumn('skipped', 'integer', (c) => c.notNull().defaultTo(0)) // entries with no record (imports) or older than the one held
    .addColumn('error', 'text')
    .addColumn('log', 'text', (c) => c.notNull().defaultTo('[]')) // JSON: each failed attempt's time, address, error
    .execute();
  await s.createIndex('sync_run_peer').on('sync_run').columns(['peer_id', 'id']).execute();

  await s
    .createTable('synced_record')
    .addColumn('peer_id', 'text', (c) => c.notNull())
    .addColumn('record_kind', 'text', (c) => c.notNull())
    .addColumn('record_id', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull()) // the last change's: created | updated | deleted
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('payload', 'text') // JSON: the record as the peer gave it; null once deleted there
    .addColumn('facets', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('origin_change_id', 'bigint', (c) => c.notNull()) // the peer's change it came with
    .addColumn('origin_at', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('confidentiality', 'text', (c) => c.notNull())
    .addColumn('audience', 'text', (c) => c.notNull().defaultTo('[]'))
    .addPrimaryKeyConstraint('synced_record_pk', ['peer_id', 'record_kind', 'record_id'])
    .execute();
  await s.createIndex('synced_record_change').on('synced_record').columns(['peer_id', 'origin_change_id']).execute();

  await s
    .createTable('sync_disagreement')
    .addColumn('peer_id', 'text', (c) => c.notNull())
    .addColumn('record_kind', 'text', (c) => c.notNull())
    .addColumn('record_id', 'text', (c) => c.notNull())
    .addColumn('fact', 'text', (c) => c.notNull()) // what differs: `date of ratification of ICCPR by KEN`
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('ours', 'text', (c) => c.notNull())
    .addColumn('theirs', 'text', (c) => c.notNull())
    .addColumn('checked_at', 'text', (c) => c.notNull())
    .addColumn('confidentiality', 'text', (c) => c.notNull()) // the stricter of the two records'
    .addColumn('audience', 'text', (c) => c.notNull().defaultTo('[]'))
    .addPrimaryKeyConstraint('sync_disagreement_pk', ['peer_id', 'record_kind', 'record_id', 'field'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['sync_disagreement', 'synced_record', 'sync_run', 'sync_peer']) await db.schema.dropTable(table).execute();
}
