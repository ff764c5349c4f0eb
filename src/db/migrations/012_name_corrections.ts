// Names corrected through the write path. A correction of a name is a row of entity_name at the
// priority of entered names, above the shipped or imported one it overrides (which stays, so
// that both are shown); like a correction of any other field it says who made it and when.
// Null on every other row.
// Frozen: never import application code here.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('entity_name').addColumn('entered_by', 'text').execute();
  await db.schema.alterTable('entity_name').addColumn('entered_at', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const column of ['entered_at', 'entered_by']) await db.schema.alterTable('entity_name').dropColumn(column).execute();
}
