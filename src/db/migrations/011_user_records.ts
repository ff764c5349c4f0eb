// Records entered or corrected through the write path, kept apart from what the seed writes.
// `origin` says who brought a row in: `reference` (the seed, from data/reference) or `user`
// (created through a use case: the seed never changes nor deletes it). `corrections` holds,
// for a seeded row, each field a user corrected: the corrected value stays in the row (so
// every reader follows it), and the correction keeps the seeded value it overrides with its
// sources, the correction's source, who and when. The seed leaves corrected fields alone and
// only refreshes the seeded value they override.
// Frozen: never import application code here.
import type { Kysely } from 'kysely';

export const USER_EDITABLE_TABLES = ['organization', 'membership_event', 'instrument', 'mechanism'] as const;

export async function up(db: Kysely<any>): Promise<void> {
  for (const table of USER_EDITABLE_TABLES) {
    await db.schema
      .alterTable(table)
      .addColumn('origin', 'text', (c) => c.notNull().defaultTo('reference'))
      .execute();
    await db.schema
      .alterTable(table)
      .addColumn('corrections', 'text', (c) => c.notNull().defaultTo('{}'))
      .execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of USER_EDITABLE_TABLES) {
    for (const column of ['corrections', 'origin']) await db.schema.alterTable(table).dropColumn(column).execute();
  }
}
