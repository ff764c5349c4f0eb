// Recommendations as stored: one row per source row (migration 013), written a batch at a time
// so that an import of any size holds one batch in memory.
import type { Insertable, Kysely } from 'kysely';
import type { Database, RecommendationTable } from '../../db/schema.ts';

export type RecommendationRow = Insertable<RecommendationTable>;

/** Rows per INSERT: 24 columns each stays far below SQLite's and PostgreSQL's limits on parameters. */
const BATCH = 500;

export async function insertRecommendations(db: Kysely<Database>, rows: readonly RecommendationRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH)
    await db
      .insertInto('recommendation')
      .values(rows.slice(i, i + BATCH))
      .execute();
}

export async function deleteRecommendationsOf(db: Kysely<Database>, datasetId: string): Promise<number> {
  const result = await db.deleteFrom('recommendation').where('dataset_id', '=', datasetId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Of these ids, those another dataset already holds, with that dataset: a row read twice is stored once. */
export async function heldElsewhere(db: Kysely<Database>, ids: readonly string[], datasetId: string): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('recommendation').select(['id', 'dataset_id']).where('id', 'in', ids).where('dataset_id', '!=', datasetId).execute();
  return new Map(rows.map((r) => [r.id, r.dataset_id]));
}

export async function countRecommendations(db: Kysely<Database>, datasetId?: string): Promise<number> {
  let query = db.selectFrom('recommendation').select((eb) => eb.fn.countAll<number>().as('n'));
  if (datasetId) query = query.where('dataset_id', '=', datasetId);
  return Number((await query.executeTakeFirstOrThrow()).n);
}
