// The write path's tables. Every change is recorded in `audit_record` (who, when, what, before
// and after) in the transaction that makes it; triggers refuse any later change or deletion of
// a record, whatever client asks. `topic_version` holds one random version per topic of data
// (registry, names, treaty data…): a write replaces the versions of the topics it touched, so
// caches and the treaty model follow only what they read. `database_id` is drawn once, when the
// database is created: a database dropped and rebuilt never repeats a version of the old one.
// `reference_fact` holds the rules the treaty engine applies (effect and eligibility rules,
// participant aliases, acts read from end notes), written by the seed from data/reference, so
// that the engine reads them from the database, not from files.
// Frozen: never import application code here.
import { randomUUID } from 'node:crypto';
import { sql, SqliteAdapter, type Kysely } from 'kysely';

// Asked of the adapter, not by a probing query: a failed query would abort PostgreSQL's
// migration transaction.
const isPostgres = (db: Kysely<any>) => !(db.getExecutor().adapter instanceof SqliteAdapter);

export async function up(db: Kysely<any>): Promise<void> {
  const postgres = isPostgres(db);
  await db.schema
    .createTable('audit_record')
    .addColumn('id', postgres ? 'bigserial' : 'integer', (c) => (postgres ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('os_user', 'text')
    .addColumn('request_id', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('use_case', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity_kind', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text')
    .addColumn('before', 'text')
    .addColumn('after', 'text')
    .addColumn('summary', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_record_at').on('audit_record').column('at').execute();
  await db.schema.createIndex('audit_record_entity').on('audit_record').columns(['entity_kind', 'entity_id']).execute();
  if (postgres) {
    await sql`create function audit_record_frozen() returns trigger language plpgsql as $$
      begin raise exception 'audit records cannot be changed or deleted'; end $$`.execute(db);
    await sql`create trigger audit_record_no_update before update or delete on audit_record
      for each row execute function audit_record_frozen()`.execute(db);
    await sql`create trigger audit_record_no_truncate before truncate on audit_record
      for each statement execute function audit_record_frozen()`.execute(db);
  } else {
    await sql`create trigger audit_record_no_update before update on audit_record
      begin select raise(abort, 'audit records cannot be changed or deleted'); end`.execute(db);
    await sql`create trigger audit_record_no_delete before delete on audit_record
      begin select raise(abort, 'audit records cannot be changed or deleted'); end`.execute(db);
    // INSERT OR REPLACE deletes the old row without firing delete triggers (recursive_triggers is off).
    await sql`create trigger audit_record_no_replace before insert on audit_record
      when exists (select 1 from audit_record where id = new.id)
      begin select raise(abort, 'audit records cannot be changed or deleted'); end`.execute(db);
  }

  await db.schema
    .createTable('topic_version')
    .addColumn('topic', 'text', (c) => c.primaryKey())
    .addColumn('version', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('reference_fact')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('reference_fact_pk', ['kind', 'seq'])
    .execute();

  await db.deleteFrom('meta').where('key', '=', 'data_version').execute();
  await db.insertInto('meta').values({ key: 'database_id', value: randomUUID() }).execute();
  // The next seed writes the rules into reference_fact.
  await db.deleteFrom('meta').where('key', '=', 'reference_hash').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  const postgres = isPostgres(db);
  await db.schema.dropTable('reference_fact').execute();
  await db.schema.dropTable('topic_version').execute();
  await db.schema.dropTable('audit_record').execute();
  if (postgres) await sql`drop function audit_record_frozen()`.execute(db);
  await db.deleteFrom('meta').where('key', '=', 'database_id').execute();
}
