// Frozen: never import application code here, never edit after release; add a new migration.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('source')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('retrieved', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('region')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('parent_code', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('state')
    .addColumn('iso3', 'text', (c) => c.primaryKey())
    .addColumn('iso2', 'text', (c) => c.notNull().unique())
    .addColumn('m49', 'text', (c) => c.notNull())
    .addColumn('region_code', 'text')
    .addColumn('subregion_code', 'text')
    .addColumn('intermediate_region_code', 'text')
    .addColumn('un_status', 'text', (c) => c.notNull())
    .addColumn('un_admission', 'text')
    .addColumn('regional_group', 'text')
    .addColumn('regional_group_note', 'text')
    .addColumn('sources', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('entity_name')
    .addColumn('entity_kind', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('priority', 'integer', (c) => c.notNull())
    .addColumn('source_id', 'text')
    .execute();
  await db.schema.createIndex('entity_name_entity').on('entity_name').columns(['entity_kind', 'entity_id']).execute();

  await db.schema
    .createTable('organization')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('region', 'text')
    .addColumn('founded', 'text')
    .addColumn('hq_city', 'text')
    .addColumn('hq_iso3', 'text')
    .addColumn('website', 'text')
    .addColumn('predecessors', 'text', (c) => c.notNull())
    .addColumn('sources', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('membership_event')
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('iso3', 'text', (c) => c.notNull().references('state.iso3'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('date', 'text')
    .addColumn('sources', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addPrimaryKeyConstraint('membership_event_pk', ['organization_id', 'iso3', 'seq'])
    .execute();

  await db.schema
    .createTable('instrument')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('binding', 'integer', (c) => c.notNull())
    .addColumn('system', 'text', (c) => c.notNull())
    .addColumn('organization_id', 'text')
    .addColumn('core', 'integer', (c) => c.notNull())
    .addColumn('untc_ref', 'text')
    .addColumn('parent_code', 'text')
    .addColumn('adopted', 'text')
    .addColumn('adopted_place', 'text')
    .addColumn('entry_into_force', 'text')
    .addColumn('depositary', 'text')
    .addColumn('note', 'text')
    .addColumn('unverified', 'text', (c) => c.notNull())
    .addColumn('sources', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('mechanism')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('system', 'text', (c) => c.notNull())
    .addColumn('organization_id', 'text')
    .addColumn('seat_city', 'text')
    .addColumn('seat_iso3', 'text')
    .addColumn('establishing_instrument', 'text')
    .addColumn('established', 'text')
    .addColumn('individual_complaints', 'integer', (c) => c.notNull())
    .addColumn('individual_complaints_note', 'text')
    .addColumn('coverage_basis', 'text', (c) => c.notNull())
    .addColumn('coverage_organization', 'text')
    .addColumn('coverage_instrument', 'text')
    .addColumn('coverage_acceptance', 'text')
    .addColumn('note', 'text')
    .addColumn('unverified', 'text', (c) => c.notNull())
    .addColumn('sources', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('presence')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('seat_city', 'text')
    .addColumn('seat_iso3', 'text')
    .addColumn('opened', 'text')
    .addColumn('closed', 'text')
    .addColumn('mandate', 'text')
    .addColumn('unverified', 'text', (c) => c.notNull())
    .addColumn('sources', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('presence_state')
    .addColumn('presence_id', 'text', (c) => c.notNull().references('presence.id'))
    .addColumn('iso3', 'text', (c) => c.notNull().references('state.iso3'))
    .addPrimaryKeyConstraint('presence_state_pk', ['presence_id', 'iso3'])
    .execute();

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

  await db.schema
    .createTable('meta')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();

  await db.schema.createIndex('membership_event_iso3').on('membership_event').column('iso3').execute();
  await db.schema.createIndex('entity_name_search').on('entity_name').column('search_text').execute();
  await db.schema.createIndex('treaty_action_iso3').on('treaty_action').column('iso3').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['meta', 'treaty_action', 'presence_state', 'presence', 'mechanism', 'instrument', 'membership_event', 'organization', 'entity_name', 'state', 'region', 'source']) {
    await db.schema.dropTable(table).execute();
  }
}
