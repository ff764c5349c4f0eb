// Obstacles to ratification of the principal human-rights treaties and the strategies to
// overcome them (docs/OBSTACLES.md; the 2004 resolution on regional arrangements, OP3).
//
// An obstacle is a record of its own, like the programme's (migration 018): a State, the
// instruments it stands in the way of (one, or a group: `obstacle_instrument`), its category,
// a description, when and by whom it was identified, whether it still stands, its sources,
// confidentiality, audience and row_version. Its evidence (a UPR response, workshop
// conclusions, a Government statement… each with its document) is a part, read only joined to
// the obstacle. A strategy is what is being done about one obstacle: a record with its own
// version, sources and confidentiality, read only joined to its obstacle too; its links to the
// requests, projects and events that carry it are rows of `cooperation_link` (from_kind
// 'strategy'), so that a linked record is not deleted under it.
//
// Dates are text, YYYY[-MM[-DD]] as precise as known. Frozen: never import application code here.
import { type CreateTableBuilder, type Kysely, SqliteAdapter } from 'kysely';

const isPostgres = (db: Kysely<any>) => !(db.getExecutor().adapter instanceof SqliteAdapter);

function recordColumns(t: any) {
  return t
    .addColumn('sources', 'text', (c: any) => c.notNull().defaultTo('[]'))
    .addColumn('row_version', 'integer', (c: any) => c.notNull().defaultTo(1))
    .addColumn('confidentiality', 'text', (c: any) => c.notNull().defaultTo('public'))
    .addColumn('audience', 'text', (c: any) => c.notNull().defaultTo('[]'))
    .addColumn('origin', 'text', (c: any) => c.notNull().defaultTo('user'))
    .addColumn('corrections', 'text', (c: any) => c.notNull().defaultTo('{}'))
    .addColumn('created_by', 'text', (c: any) => c.notNull())
    .addColumn('created_at', 'text', (c: any) => c.notNull())
    .addColumn('updated_at', 'text', (c: any) => c.notNull());
}

function serialId(t: CreateTableBuilder<any, any>, postgres: boolean): CreateTableBuilder<any, any> {
  return t.addColumn('id', postgres ? 'bigserial' : 'integer', (c) => (postgres ? c.primaryKey() : c.primaryKey().autoIncrement()));
}

export async function up(db: Kysely<any>): Promise<void> {
  const postgres = isPostgres(db);
  const s = db.schema;

  await recordColumns(
    s
      .createTable('obstacle')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('state_iso3', 'text', (c) => c.notNull())
      .addColumn('category', 'text', (c) => c.notNull()) // OBSTACLE_CATEGORIES
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('identified', 'text', (c) => c.notNull()) // when it was identified, as precisely as known
      .addColumn('identified_by', 'text', (c) => c.notNull()) // who identified it: a workshop, a UPR review, OHCHR's desk…
      .addColumn('status', 'text', (c) => c.notNull()) // OBSTACLE_STATUSES
      .addColumn('status_date', 'text'), // when it was resolved or withdrawn
  ).execute();
  await s.createIndex('obstacle_state').on('obstacle').columns(['state_iso3', 'identified']).execute();
  await s.createIndex('obstacle_category').on('obstacle').columns(['category', 'status']).execute();

  await s
    .createTable('obstacle_instrument')
    .addColumn('obstacle_id', 'text', (c) => c.notNull().references('obstacle.id').onDelete('cascade'))
    .addColumn('instrument_code', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('obstacle_instrument_key', ['obstacle_id', 'instrument_code'])
    .execute();
  await s.createIndex('obstacle_instrument_code').on('obstacle_instrument').columns(['instrument_code', 'obstacle_id']).execute();

  await serialId(s.createTable('obstacle_evidence'), postgres)
    .addColumn('obstacle_id', 'text', (c) => c.notNull().references('obstacle.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull()) // OBSTACLE_EVIDENCE_KINDS
    .addColumn('title', 'text', (c) => c.notNull()) // the document's title
    .addColumn('url', 'text', (c) => c.notNull()) // a web address or a UN document symbol
    .addColumn('date', 'text')
    .addColumn('recommendation_id', 'text') // the recommendation whose response it is, by its text id
    .addColumn('event_id', 'text') // the workshop or meeting whose conclusions it is
    .addColumn('note', 'text') // e.g. the State's stated reason, in its words
    .execute();
  await s.createIndex('obstacle_evidence_obstacle').on('obstacle_evidence').columns(['obstacle_id', 'id']).execute();

  await recordColumns(
    s
      .createTable('strategy')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('obstacle_id', 'text', (c) => c.notNull().references('obstacle.id'))
      .addColumn('kind', 'text', (c) => c.notNull()) // STRATEGY_KINDS
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull()) // STRATEGY_STATUSES
      .addColumn('outcome', 'text')
      .addColumn('start_date', 'text')
      .addColumn('end_date', 'text'),
  ).execute();
  await s.createIndex('strategy_obstacle').on('strategy').columns(['obstacle_id', 'start_date']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('cooperation_link').where('from_kind', '=', 'strategy').execute();
  for (const table of ['strategy', 'obstacle_evidence', 'obstacle_instrument', 'obstacle']) await db.schema.dropTable(table).execute();
}
