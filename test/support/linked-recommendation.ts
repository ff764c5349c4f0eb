// A recommendation whose text asks Kenya to ratify the CRPD, stored through the import use case
// with the recogniser, so that it has one link to review: for the tests of every write route.
import { systemContext } from '../../src/modules/audit/context.ts';
import { runUseCase } from '../../src/modules/audit/pipeline.ts';
import { referenceLinker } from '../../src/modules/recommendation-instruments/reference-linker.ts';
import { searchTextOf } from '../../src/modules/recommendations/search-text.ts';
import { importRecommendationsUseCase } from '../../src/modules/recommendations/write.ts';
import type { TestApp } from './app.ts';

export const LINKED_ID = 'test-ratify-crpd';
const TEXT = 'Ratify the Convention on the Rights of Persons with Disabilities (written for the tests)';

/** Stores the recommendation; its review is at `/api/v1/recommendations/${LINKED_ID}/instrument-links/CRPD/ratify/review`. */
export async function storeLinkedRecommendation(t: TestApp): Promise<void> {
  const row = {
    id: LINKED_ID,
    dataset_id: 'test:linked',
    source_row: 2,
    kind: 'recommendation',
    mechanism: 'UPR',
    state_iso3: 'KEN',
    state_group: 'Africa',
    state_orgs: '[]',
    recommender_iso3: 'FRA',
    recommender_name: 'France',
    recommender_group: 'WEOG',
    recommender_orgs: '[]',
    cycle: 1,
    session: 8,
    date: '2010-05',
    sort_date: '2010-05',
    document_symbol: null,
    text: TEXT,
    text_lang: 'en',
    response: 'supported',
    response_source: 'Accepted',
    action_category: 5,
    themes_source: '[]',
    group_key: LINKED_ID,
    source_id: 'test:linked',
    search_text: searchTextOf(TEXT),
  };
  async function* batches() {
    yield [{ row, tags: [] }];
  }
  const source = { id: 'test:linked', title: 'Written for the tests (not a real recommendation)', url: 'https://example.org/test', kind: 'tertiary' as const, retrieved: '', asOf: null, copyOf: null };
  await runUseCase(
    t.db.db,
    importRecommendationsUseCase,
    {
      dataset: { id: 'test:linked', kind: 'test', label: 'a recommendation written for the tests', contentHash: 'test', source, asOf: null, rejected: 0 },
      batches: batches(),
      linker: referenceLinker(),
    },
    systemContext('test'),
  );
}

export const LINK_REVIEW_PATH = `/api/v1/recommendations/${LINKED_ID}/instrument-links/CRPD/ratify/review`;

/** The review's version as the API shows it, as If-Match. */
export async function linkIfMatch(t: TestApp): Promise<string> {
  const detail = await t.get(`/api/v1/recommendations/${LINKED_ID}`);
  return `"v${detail.body.instrumentLinks.find((l: { instrument: string }) => l.instrument === 'CRPD').version}"`;
}
