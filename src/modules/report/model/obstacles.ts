// Obstacles to ratification identified by the report's date and the strategies begun to
// overcome them, through the asker's view: counts by category, and examples with their sources.
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { firstDay } from '../../../shared/dates.ts';
import type { Lang } from '../../../shared/text.ts';
import { OBSTACLE_CATEGORIES } from '../../../shared/vocabularies.ts';
import { listObstacleSummaries, obstacleView, strategyViews } from '../../obstacles/service.ts';
import { apiPath, type Figure, figure, type SourceRef, viewRefs } from './figures.ts';

/** How many examples of each category the report quotes. */
const EXAMPLES_PER_CATEGORY = 2;

export interface ObstacleFacts {
  total: Figure;
  byCategory: Record<string, Figure>;
  /** Strategies begun on or before the report's date for those obstacles. */
  strategies: Figure;
  examples: {
    id: string;
    state: string;
    instruments: string[];
    category: string;
    description: string;
    identified: string;
    status: string;
    strategies: { kind: string; description: string; start: string | null; status: string }[];
    sources: SourceRef[];
  }[];
}

export async function obstacleFacts(reader: Kysely<Database>, asOf: string, lang: Lang): Promise<ObstacleFacts> {
  const known = (await listObstacleSummaries(reader, {}, lang)).filter((o) => firstDay(o.identified) <= asOf);
  const begun = (
    await strategyViews(
      reader,
      known.map((o) => o.id),
    )
  ).filter((s) => s.start !== null && firstDay(s.start) <= asOf);
  const byCategory: Record<string, Figure> = {};
  const examples: ObstacleFacts['examples'] = [];
  for (const category of OBSTACLE_CATEGORIES) {
    const of = known.filter((o) => o.category === category);
    if (!of.length) continue;
    byCategory[category] = figure(of.length, apiPath('/api/v1/obstacles', { category }));
    for (const o of of.slice(0, EXAMPLES_PER_CATEGORY)) {
      const view = await obstacleView(reader, o.id, lang);
      if (!view) continue;
      examples.push({
        id: o.id,
        state: o.state,
        instruments: o.instruments.map((i) => i.code),
        category,
        description: o.description,
        identified: o.identified,
        status: o.status,
        strategies: begun.filter((s) => s.obstacle === o.id).map((s) => ({ kind: s.kind, description: s.description, start: s.start, status: s.status })),
        sources: viewRefs(view.sources),
      });
    }
  }
  return { total: figure(known.length, apiPath('/api/v1/obstacles', {})), byCategory, strategies: figure(begun.length, null), examples };
}
