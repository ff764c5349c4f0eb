// The follow-up of recommendations: where each stands over time (a status from a date on), the
// national entity responsible for it, what was done (actions with their evidence) and the
// cooperation projects that serve it. Every row names its recommendation by the recommendation's
// text id, never by `seq`: a re-import replaces the rows of `recommendation` (new `seq`s) but
// keeps their ids, so the follow-up outlives it. No foreign key for the same reason.
// Rows are only ever added: a later entry supersedes an earlier one, and the history stays.
// Each row carries its own confidentiality and audience, read through the asker's view like
// the registry's records (src/db/visibility.ts).
// Frozen: never import application code here.
import { type Kysely, SqliteAdapter } from 'kysely';

const isPostgres = (db: Kysely<any>) => !(db.getExecutor().adapter instanceof SqliteAdapter);

const TABLES = {
  follow_up_status: (t: any) =>
    t
      .addColumn('status', 'text', (c: any) => c.notNull())
      .addColumn('holds_from', 'text', (c: any) => c.notNull()) // YYYY[-MM[-DD]], as precise as known
      .addColumn('note', 'text'),
  follow_up_entity: (t: any) => t.addColumn('name', 'text', (c: any) => c.notNull()).addColumn('state_iso3', 'text'),
  follow_up_action: (t: any) =>
    t
      .addColumn('date', 'text', (c: any) => c.notNull())
      .addColumn('description', 'text', (c: any) => c.notNull())
      .addColumn('evidence_url', 'text')
      .addColumn('evidence_text', 'text'),
  follow_up_project: (t: any) =>
    t
      .addColumn('title', 'text', (c: any) => c.notNull())
      .addColumn('url', 'text', (c: any) => c.notNull())
      .addColumn('project_ref', 'text'),
} as const;

export async function up(db: Kysely<any>): Promise<void> {
  const postgres = isPostgres(db);
  for (const [table, columns] of Object.entries(TABLES)) {
    let builder = db.schema
      .createTable(table)
      .addColumn('id', postgres ? 'bigserial' : 'integer', (c) => (postgres ? c.primaryKey() : c.primaryKey().autoIncrement()))
      .addColumn('recommendation_id', 'text', (c) => c.notNull());
    builder = columns(builder);
    await builder
      .addColumn('recorded_by', 'text', (c) => c.notNull())
      .addColumn('recorded_at', 'text', (c) => c.notNull())
      .addColumn('confidentiality', 'text', (c) => c.notNull().defaultTo('public'))
      .addColumn('audience', 'text', (c) => c.notNull().defaultTo('[]'))
      .execute();
    await db.schema.createIndex(`${table}_recommendation`).on(table).columns(['recommendation_id', 'id']).execute();
  }
  // The latest status of each recommendation: by the date it holds from, then as recorded.
  await db.schema.createIndex('follow_up_status_latest').on('follow_up_status').columns(['recommendation_id', 'holds_from', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of Object.keys(TABLES).reverse()) await db.schema.dropTable(table).execute();
}
