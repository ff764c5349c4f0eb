// The instruments a recommendation asks the State to ratify, accede to, sign, become party to or
// withdraw its reservations to, one row per instrument and action asked, read from its text by
// the recogniser (modules/recommendations/ratification.ts) when the row is stored. A link is
// derived from the text: it is keyed by the row's `seq` and goes with it (cascade), so a
// re-imported dataset rebuilds its links with its rows. `matched` keeps the words the recogniser
// read, so a person can check it; `method` says how the link was made (`recognised`) and
// `method_version` which recogniser and name list made it.
//
// A person's review of a link (`confirmed` or `rejected`) is kept apart, keyed by what survives
// a re-import: the recommendation's text id (made from what the row says), the instrument and
// the action. A review whose link is gone (the name list changed) is kept and shown nowhere.
// Frozen: never import application code here.
import { type Kysely, SqliteAdapter } from 'kysely';

const isPostgres = (db: Kysely<any>) => !(db.getExecutor().adapter instanceof SqliteAdapter);

export async function up(db: Kysely<any>): Promise<void> {
  const postgres = isPostgres(db);
  await db.schema
    .createTable('recommendation_instrument')
    .addColumn('seq', postgres ? 'bigint' : 'integer', (c) => c.notNull().references('recommendation.seq').onDelete('cascade'))
    .addColumn('instrument_code', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull()) // RatifyAction
    .addColumn('matched', 'text', (c) => c.notNull()) // the words of the text that name the instrument
    .addColumn('method', 'text', (c) => c.notNull()) // recognised
    .addColumn('method_version', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('recommendation_instrument_pk', ['seq', 'instrument_code', 'action'])
    .execute();
  await db.schema.createIndex('recommendation_instrument_by_instrument').on('recommendation_instrument').columns(['instrument_code', 'action', 'seq']).execute();
  await db.schema
    .createTable('recommendation_instrument_review')
    .addColumn('recommendation_id', 'text', (c) => c.notNull())
    .addColumn('instrument_code', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('verdict', 'text', (c) => c.notNull()) // confirmed | rejected
    .addColumn('note', 'text')
    .addColumn('reviewed_by', 'text', (c) => c.notNull())
    .addColumn('reviewed_at', 'text', (c) => c.notNull())
    .addColumn('row_version', 'integer', (c) => c.notNull().defaultTo(1))
    .addPrimaryKeyConstraint('recommendation_instrument_review_pk', ['recommendation_id', 'instrument_code', 'action'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('recommendation_instrument_review').execute();
  await db.schema.dropTable('recommendation_instrument').execute();
}
