// Recommendations and decisions of UN and regional mechanisms addressed to States, one row per
// source row: the UPR's sources list a joint recommendation once per recommending State, and
// each of those rows is kept (counts are of source rows). `group_key` joins the rows whose text
// is the same, addressed to the same State in the same session, so they are shown together.
// Each row belongs to the dataset (one imported file) it came from, and keeps the source's own
// values beside what Accord reads in them: the response as written, the regional group and
// memberships as coded, the issue tags as tagged.
// Frozen: never import application code here.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('recommendation')
    .addColumn('id', 'text', (c) => c.primaryKey())
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
    .addColumn('document_symbol', 'text')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('text_lang', 'text', (c) => c.notNull())
    .addColumn('response', 'text') // supported | noted | partially-supported | pending; null: not known
    .addColumn('response_source', 'text') // as the source writes it
    .addColumn('action_category', 'integer') // UPR Info's 1 (minimal) … 5 (specific action)
    .addColumn('themes_source', 'text', (c) => c.notNull()) // JSON array: the source's own tags
    .addColumn('group_key', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('recommendation_dataset').on('recommendation').column('dataset_id').execute();
  await db.schema.createIndex('recommendation_state').on('recommendation').columns(['state_iso3', 'session']).execute();
  await db.schema.createIndex('recommendation_group').on('recommendation').column('group_key').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('recommendation').execute();
}
