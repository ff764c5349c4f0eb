// A follow-up entry recorded by mistake (the wrong recommendation, date or status) is withdrawn,
// never deleted nor overwritten: its row stays, with when, by whom and why it was withdrawn, so
// that the history keeps the trace while every current fact (the latest status, the latest
// entity, the `followUp` facet and filter, exports, bulk assignments) leaves it out. A live entry
// has all three columns null. The latest status index of 014 is kept: the withdrawn rows are few,
// and the condition on `withdrawn_at` is checked on the rows that index finds.
// Frozen: never import application code here.
import type { Kysely } from 'kysely';

const TABLES = ['follow_up_status', 'follow_up_entity', 'follow_up_action', 'follow_up_project'] as const;
const COLUMNS = ['withdrawn_at', 'withdrawn_by', 'withdrawn_reason'] as const;

export async function up(db: Kysely<any>): Promise<void> {
  for (const table of TABLES) {
    for (const column of COLUMNS) await db.schema.alterTable(table).addColumn(column, 'text').execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of TABLES) {
    for (const column of [...COLUMNS].reverse()) await db.schema.alterTable(table).dropColumn(column).execute();
  }
}
