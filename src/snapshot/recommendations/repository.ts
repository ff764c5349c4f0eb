// What the snapshot of recommendations is made of, read from a database the importer filled:
// every dataset that holds recommendations, the sources they cite, and their rows, each in a
// stable order (a dataset's rows in the order they were stored).
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

export async function readImportedRecommendations(db: Kysely<Database>) {
  const datasets = await db
    .selectFrom('import_dataset')
    .selectAll()
    .where('id', 'in', (q) => q.selectFrom('recommendation').select('dataset_id').distinct())
    .orderBy('id')
    .execute();
  if (datasets.length === 0) return { datasets, sources: [], rows: [] };
  const [sources, rows] = await Promise.all([
    db
      .selectFrom('source')
      .selectAll()
      .where('id', 'in', [...new Set(datasets.map((d) => d.source_id))])
      .orderBy('id')
      .execute(),
    db
      .selectFrom('recommendation')
      .select([
        'dataset_id',
        'id',
        'source_row',
        'kind',
        'mechanism',
        'state_iso3',
        'state_group',
        'state_orgs',
        'recommender_iso3',
        'recommender_name',
        'recommender_group',
        'recommender_orgs',
        'cycle',
        'session',
        'date',
        'sort_date',
        'document_symbol',
        'text',
        'text_lang',
        'response',
        'response_source',
        'action_category',
        'themes_source',
        'group_key',
      ])
      .orderBy('dataset_id')
      .orderBy('seq')
      .execute(),
  ]);
  return { datasets, sources, rows };
}
