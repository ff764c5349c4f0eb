// Year-level lists of memberships (the Correlates of War IGO data): what a list says of a
// State's membership of an organization over a span of years, kept as such beside the
// registry's dated membership events, so that their disagreements can be listed.
// Frozen: never import application code here.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('membership_snapshot')
    .addColumn('dataset_id', 'text', (c) => c.notNull().references('import_dataset.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('iso3', 'text', (c) => c.notNull().references('state.iso3'))
    .addColumn('participant_name', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('from_year', 'text', (c) => c.notNull())
    .addColumn('to_year', 'text', (c) => c.notNull())
    .addColumn('file', 'text', (c) => c.notNull())
    .addColumn('row', 'integer', (c) => c.notNull())
    .addColumn('column', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('membership_snapshot_pk', ['dataset_id', 'seq'])
    .execute();
  await db.schema.createIndex('membership_snapshot_organization').on('membership_snapshot').column('organization_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('membership_snapshot').execute();
}
