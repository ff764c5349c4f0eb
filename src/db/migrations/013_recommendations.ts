// Recommendations and decisions of UN and regional mechanisms addressed to States, one row per
// source row: the UPR's sources list a joint recommendation once per recommending State, and
// each of those rows is kept (counts are of source rows). `group_key` joins the rows whose text
// is the same, addressed to the same State in the same session, so they are shown together.
// Each row belongs to the dataset (one imported file) it came from, and keeps the source's own
// values beside what Accord reads in them: the response as written, the regional group and
// memberships as coded, the issue tags as tagged.
//
// Full-text search reads `search_text` (the text folded by the application: lower case, no
// diacritics, each Chinese or Japanese character a word of its own), indexed by each database
// with its plain tokenizer, so that both find the same rows: SQLite in an FTS5 table kept by
// triggers (external content, keyed by `seq`), PostgreSQL by a GIN index on its tsvector.
// Frozen: never import application code here.
import { type Kysely, SqliteAdapter, sql } from 'kysely';

const isPostgres = (db: Kysely<any>) => !(db.getExecutor().adapter instanceof SqliteAdapter);

export async function up(db: Kysely<any>): Promise<void> {
  const postgres = isPostgres(db);
  await db.schema
    .createTable('recommendation')
    // An integer key: SQLite's full-text index needs one that VACUUM never renumbers, and keyset paging is cheapest on it.
    .addColumn('seq', postgres ? 'bigserial' : 'integer', (c) => c.primaryKey())
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('dataset_id', 'text', (c) => c.notNull())
    .addColumn('source_row', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull()) // recommendation | voluntary-pledge | decision
    .addColumn('mechanism', 'text', (c) => c.notNull()) // upr, or a mechanism's code
    .addColumn('state_iso3', 'text', (c) => c.notNull())
    .addColumn('state_group', 'text') // the source's coding of the State's regional group
    .addColumn('state_orgs', 'text', (c) => c.notNull()) // JSON array, as the source lists them
    .addColumn('recommender_iso3', 'text')
    .addColumn('recommender_name', 'text') // as the source names it (kept when no State matches)
    .addColumn('recommender_group', 'text')
    .addColumn('recommender_orgs', 'text', (c) => c.notNull())
    .addColumn('cycle', 'integer')
    .addColumn('session', 'integer')
    .addColumn('date', 'text') // YYYY[-MM[-DD]], as precise as known
    .addColumn('sort_date', 'text', (c) => c.notNull()) // date, or '' when not known: what lists sort by, with seq
    .addColumn('document_symbol', 'text')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('text_lang', 'text', (c) => c.notNull())
    .addColumn('response', 'text') // supported | noted | partially-supported | pending; null: not known
    .addColumn('response_source', 'text') // as the source writes it
    .addColumn('action_category', 'integer') // UPR Info's 1 (minimal) … 5 (specific action)
    .addColumn('themes_source', 'text', (c) => c.notNull()) // JSON array: the source's own tags
    .addColumn('group_key', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text', (c) => c.notNull())
    .addColumn('search_text', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('recommendation_dataset').on('recommendation').column('dataset_id').execute();
  await db.schema.createIndex('recommendation_state').on('recommendation').columns(['state_iso3', 'session']).execute();
  await db.schema.createIndex('recommendation_group').on('recommendation').column('group_key').execute();
  await db.schema.createIndex('recommendation_sort').on('recommendation').columns(['sort_date', 'seq']).execute();
  // The values a recommendation has several of, one row each, for filters and facet counts:
  // theme (the source's issue tags), organization (the State's memberships as the source lists them).
  await db.schema
    .createTable('recommendation_tag')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('seq', postgres ? 'bigint' : 'integer', (c) => c.notNull().references('recommendation.seq').onDelete('cascade'))
    .addPrimaryKeyConstraint('recommendation_tag_pk', ['kind', 'value', 'seq'])
    .execute();
  await db.schema.createIndex('recommendation_tag_seq').on('recommendation_tag').column('seq').execute();
  if (postgres) {
    await sql`create index recommendation_search on recommendation using gin (to_tsvector('simple', search_text))`.execute(db);
    return;
  }
  await sql`create virtual table recommendation_fts using fts5(search_text, content='recommendation', content_rowid='seq', tokenize='unicode61 remove_diacritics 0')`.execute(db);
  await sql`create trigger recommendation_fts_insert after insert on recommendation begin
    insert into recommendation_fts(rowid, search_text) values (new.seq, new.search_text); end`.execute(db);
  await sql`create trigger recommendation_fts_delete after delete on recommendation begin
    insert into recommendation_fts(recommendation_fts, rowid, search_text) values ('delete', old.seq, old.search_text); end`.execute(db);
  await sql`create trigger recommendation_fts_update after update of search_text on recommendation begin
    insert into recommendation_fts(recommendation_fts, rowid, search_text) values ('delete', old.seq, old.search_text);
    insert into recommendation_fts(rowid, search_text) values (new.seq, new.search_text); end`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) await sql`drop table recommendation_fts`.execute(db);
  await db.schema.dropTable('recommendation_tag').execute();
  await db.schema.dropTable('recommendation').execute();
}
