// `accord gaps <iso3>`: read through the public view unless --all, as the API reads for an
// anonymous asker. The table says, for each gap, what is recorded; where nothing is, it says
// "none recorded", never "none".
import { publicView } from '../../db/visibility.ts';
import { stateGapsCsv } from '../../modules/obstacles/gap-csv.ts';
import type { StateGapsView } from '../../modules/obstacles/gap-schema.ts';
import { stateGaps } from '../../modules/obstacles/gaps.ts';
import { today } from '../../shared/dates.ts';
import type { GapsOptions } from '../usage/gaps.ts';
import { withRegistry } from '../with-db.ts';

function table(view: StateGapsView): string {
  const lines = [`${view.state.name} (${view.state.iso3}), ${view.asOf}: not party to ${view.gaps.length} of ${view.principal.length} principal instruments`];
  for (const g of view.gaps) {
    const obstacles = g.obstacles.length ? g.obstacles.map((o) => `${o.category} (${o.status})`).join(', ') : 'none recorded';
    const region = g.region ? `; region: ${g.region.party} of ${g.region.states} party${g.region.noData ? `, ${g.region.noData} unknown` : ''}` : '';
    lines.push(`  ${g.instrument.code.padEnd(11)} ${g.status.padEnd(10)} obstacles: ${obstacles}; recommendations: ${g.recommendations.length}; strategies: ${g.strategies.length}${region}`);
  }
  if (view.unknown.length) lines.push(`  unknown (no source speaks for it): ${view.unknown.map((i) => i.code).join(', ')}`);
  return `${lines.join('\n')}\n`;
}

export function runGaps(iso3: string, options: GapsOptions): Promise<void> {
  return withRegistry(async (db) => {
    const reader = options.all ? db.db : publicView(db.db);
    const view = await stateGaps(reader, iso3.toUpperCase(), options.asOf ?? today(), options.lang);
    if (options.format === 'json') process.stdout.write(`${JSON.stringify(view, null, 2)}\n`);
    else if (options.format === 'csv') process.stdout.write(`\uFEFF${stateGapsCsv(view)}`);
    else process.stdout.write(table(view));
  });
}
