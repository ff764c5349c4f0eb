// What one State received, counted for its page's charts: source rows per year and response, per
// year and mechanism, and per year for its most frequent themes, voluntary pledges apart (they are
// the State's own). A row with no response stays null ("not known"); a row with no date has the
// year null. Counted in the database, so a State with 10,000 recommendations costs a few grouped
// reads on the State's index.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { NotFoundError } from '../../shared/errors.ts';
import { findState } from '../states/repository.ts';
import { themeCounts, yearCounts } from './repository.ts';
import type { RecommendationSummaryView } from './summary-schema.ts';

const TOP_THEMES = 8;

const byYear = (rows: { year: string | null; value: string | null; count: number }[]) =>
  rows.map((r) => ({ year: r.year || null, value: r.value, count: r.count })).sort((a, b) => (a.year ?? '9999').localeCompare(b.year ?? '9999') || (a.value ?? '').localeCompare(b.value ?? ''));

export async function recommendationSummary(db: Kysely<Database>, state: string): Promise<RecommendationSummaryView> {
  if (!(await findState(db, state))) throw new NotFoundError('state', state);
  const [responses, mechanisms, pledges, themes] = await Promise.all([
    yearCounts(db, state, 'response', false),
    yearCounts(db, state, 'mechanism', false),
    yearCounts(db, state, 'mechanism', true),
    themeCounts(db, state, TOP_THEMES),
  ]);
  const top = themes.map((t) => ({ value: t.value, count: t.count }));
  const pledgesByYear = new Map<string | null, number>();
  for (const p of pledges) pledgesByYear.set(p.year || null, (pledgesByYear.get(p.year || null) ?? 0) + p.count);
  return {
    state,
    recommendations: responses.reduce((n, r) => n + r.count, 0),
    pledges: pledges.reduce((n, r) => n + r.count, 0),
    byResponse: byYear(responses),
    byMechanism: byYear(mechanisms),
    themes: top,
    byTheme: byYear(
      await themeCounts(
        db,
        state,
        TOP_THEMES,
        top.map((t) => t.value),
      ),
    ),
    pledgesByYear: byYear([...pledgesByYear].map(([year, count]) => ({ year, value: null, count }))).map(({ year, count }) => ({ year, count })),
  };
}
