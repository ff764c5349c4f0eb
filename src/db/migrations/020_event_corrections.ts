// Events and event series shipped with Accord (data/reference/cooperation-events.json) are
// corrected like the registry's records (docs/ARCHITECTURE.md, "Corrections never destroy the
// shipped fact"): `corrections` keeps, per corrected column, the shipped value with its sources
// beside the user's, so a re-seed refreshes the shipped side and keeps the correction. `note`
// says what a reader must know of the sources (a disagreement between them, a date only known
// to the month), as the registry's membership events and treaty acts do.
// Frozen: never import application code here.
import type { Kysely } from 'kysely';

const TABLES = ['event_series', 'event'] as const;

export async function up(db: Kysely<any>): Promise<void> {
  for (const table of TABLES) {
    await db.schema
      .alterTable(table)
      .addColumn('corrections', 'text', (c) => c.notNull().defaultTo('{}'))
      .execute();
    await db.schema.alterTable(table).addColumn('note', 'text').execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of TABLES) {
    await db.schema.alterTable(table).dropColumn('note').execute();
    await db.schema.alterTable(table).dropColumn('corrections').execute();
  }
}
