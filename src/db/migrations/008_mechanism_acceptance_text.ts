// A mechanism whose coverage needs a declaration names it, as the reference data word it
// ("ACHR art. 62 declaration"), so that pages can say why a State is or is not covered.
// The next seed writes it (the reference hash is cleared, as in 005).
// Frozen: never import application code here.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('mechanism').addColumn('coverage_acceptance_text', 'text').execute();
  await db.deleteFrom('meta').where('key', '=', 'reference_hash').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('mechanism').dropColumn('coverage_acceptance_text').execute();
}
