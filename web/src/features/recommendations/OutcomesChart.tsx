// Recommendations to ratify per instrument, most recommended first, as horizontal bars: each bar
// as long as the recommendations (source rows), split into what followed within the chosen
// window. Each part has its own fill pattern as well as its colour, and its count written in the
// table beside the chart, so nothing rests on colour alone. Laid out left to right and mirrored by
// hand in Arabic, like the parties chart.
import type { OutcomeRow } from '../../api/types.ts';
import { isolate } from '../../components/bidi.ts';
import { useI18n } from '../../i18n/i18n.tsx';

export const PARTS = [
  { id: 'followed', colour: '#08519c', pattern: 'solid' },
  { id: 'uncertain', colour: '#6baed6', pattern: 'hatch' },
  { id: 'notFollowed', colour: '#d9d9d9', pattern: 'dots' },
  { id: 'other', colour: '#ffffff', pattern: 'empty' },
] as const;
export type Part = (typeof PARTS)[number]['id'];

export type Window = '1' | '2' | '5';

/** A row's counts (source rows) per part of its bar: other = already party, no data, not yet known, uncertain when recommended. */
export function partsOf(row: OutcomeRow, window: Window): Record<Part, number> {
  const w = row.windows[window];
  const followed = w.followed.rows;
  const uncertain = w.uncertain.rows;
  const notFollowed = w.notFollowed.rows;
  return { followed, uncertain, notFollowed, other: row.total.rows - followed - uncertain - notFollowed };
}

/** One row per instrument, adding up the rows of its regional groups (the chart's bars whatever the table's grouping). */
export function byInstrument(rows: readonly OutcomeRow[]): OutcomeRow[] {
  const merged = new Map<string, OutcomeRow>();
  const add = (a: { rows: number; distinct: number }, b: { rows: number; distinct: number }) => ({ rows: a.rows + b.rows, distinct: a.distinct + b.distinct });
  for (const row of rows) {
    const key = `${row.instrument.code}|${row.response}`;
    const seen = merged.get(key);
    if (!seen) {
      merged.set(key, { ...row, region: null, state: null });
      continue;
    }
    const standing = Object.fromEntries(Object.entries(seen.standing).map(([k, v]) => [k, add(v, row.standing[k as keyof typeof row.standing])])) as OutcomeRow['standing'];
    const windows = Object.fromEntries(
      Object.entries(seen.windows).map(([n, w]) => [n, Object.fromEntries(Object.entries(w).map(([k, v]) => [k, add(v, row.windows[n as Window][k as keyof typeof w])]))]),
    ) as OutcomeRow['windows'];
    merged.set(key, { ...seen, total: add(seen.total, row.total), standing, windows });
  }
  return [...merged.values()].sort((a, b) => b.total.rows - a.total.rows);
}

const ROW = 26;
const LABEL = 200;
const WIDTH = 900;
const RIGHT = 90;

export function PartFill({ part, id }: { part: (typeof PARTS)[number]; id: string }) {
  if (part.pattern === 'solid') return null;
  return (
    <pattern id={`${id}-${part.id}`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform={part.pattern === 'hatch' ? 'rotate(45)' : undefined}>
      <rect width="6" height="6" fill={part.colour} />
      {part.pattern === 'hatch' && <line x1="3" y1="0" x2="3" y2="6" stroke="#2b6ca3" strokeWidth="1.3" />}
      {part.pattern === 'dots' && <circle cx="3" cy="3" r="1" fill="#555" />}
    </pattern>
  );
}

export const fillOf = (part: (typeof PARTS)[number], id: string) => (part.pattern === 'solid' ? part.colour : `url(#${id}-${part.id})`);

export function OutcomesChart({ rows, window, title }: { rows: OutcomeRow[]; window: Window; title: string }) {
  const { dir, number } = useI18n();
  const rtl = dir === 'rtl';
  const max = Math.max(1, ...rows.map((r) => r.total.rows));
  const plot = WIDTH - LABEL - RIGHT;
  const height = rows.length * ROW + 8;
  const id = 'outcomes';
  const x = (at: number, length = 0) => (rtl ? WIDTH - LABEL - at - length : LABEL + at);
  return (
    <figure className="outcomes-chart">
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a narrow screen scrolls the drawing sideways, and a keyboard must be able to */}
      <div className="chart-frame" dir="ltr" role="img" aria-label={title} tabIndex={0}>
        <svg viewBox={`0 0 ${WIDTH} ${height}`} aria-hidden="true" data-rows={rows.length}>
          <defs>
            {PARTS.map((p) => (
              <PartFill key={p.id} part={p} id={id} />
            ))}
          </defs>
          {rows.map((row, i) => {
            const parts = partsOf(row, window);
            let at = 0;
            const y = 4 + i * ROW;
            return (
              <g key={row.instrument.code} className="bar" data-instrument={row.instrument.code} data-followed={parts.followed} data-total={row.total.rows}>
                <text x={rtl ? WIDTH - LABEL + 8 : LABEL - 8} y={y + 15} textAnchor={rtl ? 'start' : 'end'} className="tick-label">
                  {isolate(row.instrument.name)}
                </text>
                {PARTS.map((p) => {
                  const length = (plot * parts[p.id]) / max;
                  const rect = (
                    <rect key={p.id} x={x(at, length)} y={y} width={Math.max(0, length)} height={ROW - 8} fill={fillOf(p, id)} stroke="#444" strokeWidth={0.6} data-part={p.id}>
                      <title>{`${row.instrument.name}: ${number(parts[p.id])}`}</title>
                    </rect>
                  );
                  at += length;
                  return rect;
                })}
                <text x={rtl ? x(at) - 6 : x(at) + 6} y={y + 15} textAnchor={rtl ? 'end' : 'start'} className="tick-label">
                  {isolate(`${number(parts.followed)} / ${number(row.total.rows)}`)}
                </text>
              </g>
            );
          })}
        </svg>
      </div>
    </figure>
  );
}
