// Events and event series say what a reader must know of their sources: a disagreement between
// them (the side followed and why), a date known only to the month, a symbol as printed. The
// shipped Asia-Pacific workshops (data/reference/cooperation-events.json) carry such notes, as
// the registry's membership events and treaty acts do. (Their corrections of shipped values
// live in the `corrections` column every record of the programme has since 018.)
// Frozen: never import application code here.
import type { Kysely } from 'kysely';

const TABLES = ['event_series', 'event'] as const;

export async function up(db: Kysely<any>): Promise<void> {
  for (const table of TABLES) await db.schema.alterTable(table).addColumn('note', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of TABLES) await db.schema.alterTable(table).dropColumn('note').execute();
}
