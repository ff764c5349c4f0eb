// A snapshot row whose fields contradict each other (a list marking a State "state party" in
// one column and not in another) is kept as such, with a note quoting what it says, so that
// the data-quality list can show it. Frozen: never import application code here.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('treaty_snapshot').addColumn('note', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('treaty_snapshot').dropColumn('note').execute();
}
