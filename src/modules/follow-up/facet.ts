// The `followUp` facet of the recommendations search: per latest status the reader may see, how
// many matching recommendations have it, and how many have none recorded (`none`, labelled as
// such, never counted as "not started"). Like every facet it leaves out its own filter, and a
// selected value is listed even when no recommendation has it.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { NO_FOLLOW_UP } from '../../shared/vocabularies.ts';
import type { RecommendationFilter } from '../recommendations/repository.ts';
import { followUpCounts } from './repository.ts';

const LABELS: Record<string, string> = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  'partially-implemented': 'Partially implemented',
  implemented: 'Implemented',
  'not-accepted': 'Not accepted',
  [NO_FOLLOW_UP]: 'No follow-up recorded',
};

export async function followUpFacet(db: Kysely<Database>, filter: RecommendationFilter): Promise<{ value: string; label: string; count: number }[]> {
  return followUpFacetOf(await followUpCounts(db, filter), filter);
}

/** The facet from counts per latest status (with `none`), however they were counted (SQL, or the facet index). */
export function followUpFacetOf(counts: { value: string; count: number }[], filter: RecommendationFilter): { value: string; label: string; count: number }[] {
  const missing = (filter.followUp ?? []).filter((v) => !counts.some((c) => c.value === v)).map((value) => ({ value, count: 0 }));
  return [...counts, ...missing].map((c) => ({ ...c, label: LABELS[c.value] ?? c.value }));
}
