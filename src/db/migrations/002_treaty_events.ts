// Imported treaty facts, kept apart from the shipped reference data: each dataset (one file
// of a source, e.g. the UNTC status table IV-4) is replaced as a whole when its content
// changes, and every fact keeps where it came from (dataset, file, row, column).
// Frozen: never import application code here.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('import_dataset')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text', (c) => c.notNull().references('source.id'))
    .addColumn('accepted', 'integer', (c) => c.notNull())
    .addColumn('rejected', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('treaty_event')
    .addColumn('dataset_id', 'text', (c) => c.notNull().references('import_dataset.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('instrument_code', 'text', (c) => c.notNull().references('instrument.code'))
    .addColumn('participant_kind', 'text', (c) => c.notNull())
    .addColumn('participant_id', 'text', (c) => c.notNull())
    .addColumn('participant_name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('date', 'text')
    .addColumn('effective', 'text')
    .addColumn('text', 'text')
    .addColumn('file', 'text', (c) => c.notNull())
    .addColumn('row', 'integer', (c) => c.notNull())
    .addColumn('column', 'text')
    .addPrimaryKeyConstraint('treaty_event_pk', ['dataset_id', 'seq'])
    .execute();
  await db.schema.createIndex('treaty_event_instrument').on('treaty_event').column('instrument_code').execute();
  await db.schema.createIndex('treaty_event_participant').on('treaty_event').column('participant_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('treaty_event').execute();
  await db.schema.dropTable('import_dataset').execute();
}
