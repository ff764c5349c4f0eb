// Status lists that say only "party (or signatory, or nothing) as of a date", kept as such:
// a snapshot is not turned into invented dated actions. Frozen: never import application code.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('treaty_snapshot')
    .addColumn('dataset_id', 'text', (c) => c.notNull().references('import_dataset.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('instrument_code', 'text', (c) => c.notNull().references('instrument.code'))
    .addColumn('participant_kind', 'text', (c) => c.notNull())
    .addColumn('participant_id', 'text', (c) => c.notNull())
    .addColumn('participant_name', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('as_of', 'text')
    .addColumn('file', 'text', (c) => c.notNull())
    .addColumn('row', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('treaty_snapshot_pk', ['dataset_id', 'seq'])
    .execute();
  await db.schema.createIndex('treaty_snapshot_instrument').on('treaty_snapshot').column('instrument_code').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('treaty_snapshot').execute();
}
