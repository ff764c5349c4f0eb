// The outcomes table as CSV: one line per row of the table, counts of source rows and of
// distinct State–instrument–session side by side, and the sources each line rests on.
import { toCsv } from '../../shared/csv.ts';
import { OUTCOME_WINDOWS, STANDINGS, WINDOW_VERDICTS } from './outcome.ts';
import type { OutcomesView } from './schema.ts';

const COUNT_COLUMNS = ['total', ...STANDINGS.map((s) => `standing_${s}`), ...OUTCOME_WINDOWS.flatMap((n) => WINDOW_VERDICTS.map((v) => `within_${n}y_${v}`))].flatMap((c) => [
  `${c}_rows`,
  `${c}_distinct`,
]);

export const OUTCOME_CSV_COLUMNS = ['instrument', 'instrument_name', 'region', 'state', 'response', ...COUNT_COLUMNS, 'date_rule', 'sources'];

export function outcomesCsv(view: OutcomesView): string {
  const titles = new Map(view.sources.map((s) => [s.id, `${s.title} (${s.url})`]));
  const treaty = new Map(view.treatyData.map((t) => [t.instrument, t.sources]));
  const recommendationSources = view.sources.filter((s) => !view.treatyData.some((t) => t.sources.includes(s.id))).map((s) => s.id);
  const lines = view.rows.map((r) => {
    const line: Record<string, unknown> = {
      instrument: r.instrument.code,
      instrument_name: r.instrument.name,
      region: r.region?.code ?? '',
      state: r.state?.iso3 ?? '',
      response: r.response,
      date_rule: view.rule.dates,
      sources: [...recommendationSources, ...(treaty.get(r.instrument.code) ?? [])].map((id) => titles.get(id) ?? id).join('; '),
    };
    const put = (name: string, c: { rows: number; distinct: number }) => {
      line[`${name}_rows`] = c.rows;
      line[`${name}_distinct`] = c.distinct;
    };
    put('total', r.total);
    for (const s of STANDINGS) put(`standing_${s}`, r.standing[s]);
    for (const n of OUTCOME_WINDOWS) for (const v of WINDOW_VERDICTS) put(`within_${n}y_${v}`, r.windows[String(n) as '1' | '2' | '5'][v]);
    return line;
  });
  return toCsv(OUTCOME_CSV_COLUMNS, lines);
}
