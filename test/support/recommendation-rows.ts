// Recommendations written for a test (not real ones), stored as one dataset through the import
// use case, as an importer stores them.
import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/schema.ts';
import { systemContext } from '../../src/modules/audit/context.ts';
import { runUseCase } from '../../src/modules/audit/pipeline.ts';
import type { RecommendationInput, RecommendationRow } from '../../src/modules/recommendations/repository.ts';
import { searchTextOf } from '../../src/modules/recommendations/search-text.ts';
import { importRecommendationsUseCase } from '../../src/modules/recommendations/write.ts';

export interface OwnRow {
  id: string;
  text: string;
  state?: string;
  theme?: string;
  date?: string | null;
  response?: string | null;
  session?: number | null;
}

export async function storeOwnRows(db: Kysely<Database>, dataset: string, rows: OwnRow[]): Promise<void> {
  const inputs: RecommendationInput[] = rows.map((r, i) => {
    const row: RecommendationRow = {
      id: r.id,
      dataset_id: dataset,
      source_row: i + 2,
      kind: 'recommendation',
      mechanism: 'UPR',
      state_iso3: r.state ?? 'KEN',
      state_group: 'Africa',
      state_orgs: '[]',
      recommender_iso3: 'FRA',
      recommender_name: 'France',
      recommender_group: 'WEOG',
      recommender_orgs: '[]',
      cycle: null,
      session: r.session ?? 99,
      date: r.date === undefined ? '2030' : r.date,
      sort_date: (r.date === undefined ? '2030' : r.date) ?? '',
      document_symbol: null,
      text: r.text,
      text_lang: 'en',
      response: r.response ?? null,
      response_source: r.response ?? null,
      action_category: 3,
      themes_source: JSON.stringify([r.theme ?? 'Test texts']),
      group_key: r.id,
      source_id: dataset,
      search_text: searchTextOf(r.text),
    };
    return { row, tags: [{ kind: 'theme', value: r.theme ?? 'Test texts' }] };
  });
  async function* batches() {
    yield inputs;
  }
  await runUseCase(
    db,
    importRecommendationsUseCase,
    {
      dataset: {
        id: dataset,
        kind: 'test',
        label: 'rows written for a test',
        contentHash: dataset,
        source: { id: dataset, title: 'Rows written for a test (not real recommendations)', url: 'https://example.org/test', kind: 'tertiary', retrieved: '', asOf: null, copyOf: null },
        asOf: null,
        rejected: 0,
      },
      batches: batches(),
    },
    systemContext('test'),
  );
}
