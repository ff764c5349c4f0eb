// The change feed and its webhooks (docs/CHANGES.md). Every write of a public-facing record
// leaves, beside its audit record and in the same transaction, one `change_entry` keyed by the
// audit record's id (the feed's cursor: it only grows, so new writes never shift a page) with the
// record's confidentiality and audience *at the time of the change*, the record as it stood
// then (`payload`), and its facets (region, organization, State, instrument) in `change_facet`,
// one row each, so a filtered page is a walk down one index. `change_subject` holds each record's
// confidentiality *now*: a reader sees an entry only when both allow it (src/db/visibility.ts
// filters both tables), so a record made public later never shows what it was while restricted.
//
// Webhooks: an administrator's subscriptions to the public feed. The secret is kept as given
// (signing needs it) and never returned after its creation; each change sent is a delivery,
// with its attempts, retried with back-off, and sent again on request.
// Frozen: never import application code here.
import { type Kysely, SqliteAdapter } from 'kysely';

const isPostgres = (db: Kysely<any>) => !(db.getExecutor().adapter instanceof SqliteAdapter);

export async function up(db: Kysely<any>): Promise<void> {
  const postgres = isPostgres(db);
  const s = db.schema;
  await s
    .createTable('change_entry')
    .addColumn('audit_id', 'bigint', (c) => c.primaryKey()) // audit_record.id
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('record_kind', 'text', (c) => c.notNull())
    .addColumn('record_id', 'text') // null for an import of several datasets
    .addColumn('subject', 'text', (c) => c.notNull()) // `<kind>:<id>`: change_subject's key
    .addColumn('action', 'text', (c) => c.notNull()) // created | updated | deleted | imported
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('facets', 'text', (c) => c.notNull().defaultTo('{}')) // JSON: facet → values
    .addColumn('payload', 'text') // JSON: the record as it stood after the change; null after a delete
    .addColumn('confidentiality', 'text', (c) => c.notNull())
    .addColumn('audience', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
  await s.createIndex('change_entry_kind').on('change_entry').columns(['record_kind', 'audit_id']).execute();
  await s.createIndex('change_entry_subject').on('change_entry').columns(['subject', 'audit_id']).execute();

  await s
    .createTable('change_facet')
    .addColumn('facet', 'text', (c) => c.notNull()) // region | organization | state | instrument
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('audit_id', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('change_facet_pk', ['facet', 'value', 'audit_id'])
    .execute();

  await s
    .createTable('change_subject')
    .addColumn('subject', 'text', (c) => c.primaryKey())
    .addColumn('confidentiality', 'text', (c) => c.notNull())
    .addColumn('audience', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('facets', 'text', (c) => c.notNull().defaultTo('{}')) // the last known: what a delete is filed under
    .execute();

  await s
    .createTable('webhook')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('filters', 'text', (c) => c.notNull().defaultTo('{}')) // JSON: the feed's filters
    .addColumn('secret', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('cursor', 'bigint', (c) => c.notNull().defaultTo(0)) // the last change queued for it
    .addColumn('row_version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await s
    .createTable('webhook_delivery')
    .addColumn('id', postgres ? 'bigserial' : 'integer', (c) => (postgres ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('webhook_id', 'text', (c) => c.notNull())
    .addColumn('change_id', 'bigint', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // pending | delivered | failed
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text')
    .addColumn('last_status', 'integer') // the receiver's HTTP status
    .addColumn('last_error', 'text')
    .addColumn('log', 'text', (c) => c.notNull().defaultTo('[]')) // JSON: each attempt's time, status, error, duration
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('delivered_at', 'text')
    .execute();
  await s.createIndex('webhook_delivery_change').on('webhook_delivery').columns(['webhook_id', 'change_id']).unique().execute();
  await s.createIndex('webhook_delivery_due').on('webhook_delivery').columns(['status', 'next_attempt_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['webhook_delivery', 'webhook', 'change_subject', 'change_facet', 'change_entry']) await db.schema.dropTable(table).execute();
}
