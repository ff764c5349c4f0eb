// A declaration accepts or withdraws one procedure of an instrument (the European Court's
// jurisdiction under former Article 46, the right of individual petition under former
// Article 25, the Inter-American Court's jurisdiction under Article 62, African Court
// Article 34(6) applications): acts of different procedures must not end each other.
// Frozen: never import application code here.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('treaty_action').addColumn('procedure', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('treaty_action').dropColumn('procedure').execute();
}
