// One table for every treaty action, whatever its origin: the acts shipped in data/reference
// (now datasets `reference:<instrument>`, written by the seed) and the imported ones (the
// former `treaty_event`). Each action names its own sources (a reference act cites the pages
// it was read from; an imported one its dataset's source) and may carry a note quoting its
// source. Sources get the kind of source they are (official, secondary, tertiary), the date
// they speak for and, for a faithful copy, what they copy; datasets the date they speak for;
// States the day they came to exist, with its sources.
// Frozen: never import application code here.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('source').addColumn('kind', 'text').execute();
  await db.schema.alterTable('source').addColumn('as_of', 'text').execute();
  await db.schema.alterTable('source').addColumn('copy_of', 'text').execute();
  await db.schema.alterTable('import_dataset').addColumn('as_of', 'text').execute();
  // When each State came to exist as it is now (independence, succession…), with its sources.
  await db.schema.alterTable('state').addColumn('statehood_date', 'text').execute();
  await db.schema.alterTable('state').addColumn('statehood_basis', 'text').execute();
  await db.schema
    .alterTable('state')
    .addColumn('statehood_sources', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
  await db.schema.alterTable('state').addColumn('statehood_note', 'text').execute();

  // The shipped acts are written again by the next seed, as reference datasets.
  await db.schema.dropTable('treaty_action').execute();
  await db.deleteFrom('meta').where('key', '=', 'reference_hash').execute();

  await db.schema.dropIndex('treaty_event_instrument').execute();
  await db.schema.dropIndex('treaty_event_participant').execute();
  await db.schema.alterTable('treaty_event').renameTo('treaty_action').execute();
  await db.schema
    .alterTable('treaty_action')
    .addColumn('sources', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
  await db.schema.alterTable('treaty_action').addColumn('note', 'text').execute();
  // Each imported action cites its dataset's source (written as JSON here, never by string concatenation).
  for (const d of await db.selectFrom('import_dataset').select(['id', 'source_id']).execute()) {
    await db
      .updateTable('treaty_action')
      .set({ sources: JSON.stringify([d.source_id]) })
      .where('dataset_id', '=', d.id)
      .execute();
  }
  // What was imported before this migration was read with older rules (no source kinds, no
  // dates of the sources, bracketed participations lost): the next import or snapshot load
  // replaces it, since no content hash matches an empty one.
  await db.updateTable('import_dataset').set({ content_hash: '' }).execute();
  await db.schema.createIndex('treaty_action_instrument').on('treaty_action').column('instrument_code').execute();
  await db.schema.createIndex('treaty_action_participant').on('treaty_action').column('participant_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('treaty_action_instrument').execute();
  await db.schema.dropIndex('treaty_action_participant').execute();
  await db.deleteFrom('treaty_action').where('dataset_id', 'like', 'reference:%').execute();
  await db.deleteFrom('import_dataset').where('kind', '=', 'reference').execute();
  await db.schema.alterTable('treaty_action').dropColumn('note').execute();
  await db.schema.alterTable('treaty_action').dropColumn('sources').execute();
  await db.schema.alterTable('treaty_action').renameTo('treaty_event').execute();
  await db.schema.createIndex('treaty_event_instrument').on('treaty_event').column('instrument_code').execute();
  await db.schema.createIndex('treaty_event_participant').on('treaty_event').column('participant_id').execute();
  await db.schema
    .createTable('treaty_action')
    .addColumn('instrument_code', 'text', (c) => c.notNull().references('instrument.code'))
    .addColumn('iso3', 'text', (c) => c.notNull().references('state.iso3'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('date', 'text')
    .addColumn('effective', 'text')
    .addColumn('sources', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addPrimaryKeyConstraint('treaty_action_pk', ['instrument_code', 'iso3', 'seq'])
    .execute();
  for (const column of ['statehood_note', 'statehood_sources', 'statehood_basis', 'statehood_date']) await db.schema.alterTable('state').dropColumn(column).execute();
  await db.schema.alterTable('import_dataset').dropColumn('as_of').execute();
  await db.schema.alterTable('source').dropColumn('copy_of').execute();
  await db.schema.alterTable('source').dropColumn('as_of').execute();
  await db.schema.alterTable('source').dropColumn('kind').execute();
}
