// Stacked bars per year, for a State's recommendations (RecommendationCharts.tsx): one bar a year
// (and one for rows with no date, last), its parts one per value (a response, a mechanism). Each
// value has its colour and its own pattern (solid, hatched, dotted, crossed…), so it is told apart
// without colour; a part tall enough carries its count, each bar its total, and every count is in
// the table under the chart (shown on demand, exported). Years run right to left in Arabic, as in
// the parties chart, whose axis and legend styles these bars share.
import { useId } from 'react';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { isolate } from '../../components/bidi.ts';
import { useI18n } from '../../i18n/i18n.tsx';

export interface BarSeries {
  /** The value counted; null for "not known", which is a series of its own. */
  key: string | null;
  label: string;
}
export interface YearCount {
  year: string | null;
  value: string | null;
  count: number;
}

/** Colours told apart by most readers, each with a pattern; the last, grey with dashes, is for "not known". */
const STYLES = [
  { colour: '#1b7837', pattern: 'solid' },
  { colour: '#2166ac', pattern: 'hatch' },
  { colour: '#b35806', pattern: 'dots' },
  { colour: '#762a83', pattern: 'cross' },
  { colour: '#01665e', pattern: 'lines' },
  { colour: '#8c510a', pattern: 'hatch-back' },
] as const;
const UNKNOWN = { colour: '#9ca3af', pattern: 'dashes' } as const;
type Style = { colour: string; pattern: string };

const WIDTH = 900;
const HEIGHT = 300;
const AXIS_SIDE = 64;
const FAR_SIDE = 16;
const TOP = 24;
const BOTTOM = 44;
/** Below this height a part carries no number (the table has it). */
const LABEL_HEIGHT = 16;

function countTicks(max: number): number[] {
  const steps = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000];
  const step = steps.find((s) => max / s <= 5) ?? Math.ceil(max / 5000) * 1000;
  const ticks: number[] = [];
  for (let n = 0; n <= Math.max(step, Math.ceil(max / step) * step); n += step) ticks.push(n);
  return ticks;
}

const styleOf = (series: BarSeries, index: number): Style => (series.key === null ? UNKNOWN : STYLES[index % STYLES.length]!);

/** The fill of one style: its colour, with a pattern drawn over it in white. */
function Pattern({ id, style }: { id: string; style: Style }) {
  const mark = { stroke: '#fff', strokeWidth: 1.6 };
  return (
    <pattern id={id} width="8" height="8" patternUnits="userSpaceOnUse">
      <rect width="8" height="8" fill={style.colour} />
      {style.pattern === 'hatch' && <path d="M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4" {...mark} />}
      {style.pattern === 'hatch-back' && <path d="M-2,6 l4,4 M0,0 l8,8 M6,-2 l4,4" {...mark} />}
      {style.pattern === 'dots' && <circle cx="4" cy="4" r="1.6" fill="#fff" />}
      {style.pattern === 'cross' && <path d="M0,4 h8 M4,0 v8" {...mark} strokeWidth={1.2} />}
      {style.pattern === 'lines' && <path d="M0,2 h8 M0,6 h8" {...mark} strokeWidth={1.1} />}
      {style.pattern === 'dashes' && <path d="M0,2 h4 M4,6 h4" stroke="#374151" strokeWidth={1.4} />}
    </pattern>
  );
}

export function YearBars({ name, title, series, counts, exportName, axis }: { name: string; title: string; series: BarSeries[]; counts: YearCount[]; exportName: string; axis?: string }) {
  const { t, dir, number } = useI18n();
  const base = `bars${useId().replace(/[^\w-]/g, '')}`;
  const rtl = dir === 'rtl';
  const years = [...new Set(counts.map((c) => c.year))].sort((a, b) => (a ?? '9999').localeCompare(b ?? '9999'));
  const countOf = (year: string | null, key: string | null) => counts.filter((c) => c.year === year && c.value === key).reduce((n, c) => n + c.count, 0);
  const totals = years.map((y) => series.reduce((n, s) => n + countOf(y, s.key), 0));
  const ticks = countTicks(Math.max(1, ...totals));
  const top = ticks.at(-1)!;
  const plotBottom = HEIGHT - BOTTOM;
  const plotStart = rtl ? FAR_SIDE : AXIS_SIDE;
  const plotWidth = WIDTH - AXIS_SIDE - FAR_SIDE;
  const slot = plotWidth / Math.max(1, years.length);
  const barWidth = Math.min(72, slot * 0.6);
  const xOf = (i: number) => (rtl ? plotStart + plotWidth - slot * (i + 1) : plotStart + slot * i) + (slot - barWidth) / 2;
  const y = (n: number) => plotBottom - ((plotBottom - TOP) * n) / top;
  const axisX = rtl ? WIDTH - AXIS_SIDE : AXIS_SIDE;
  const yearLabel = (year: string | null) => year ?? t('rec.charts.undated');

  return (
    <figure className="parties-chart rec-chart" data-chart={exportName}>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: on a narrow screen the drawing scrolls sideways, and a keyboard must be able to scroll it */}
      <div className="chart-frame" dir="ltr" role="img" aria-label={title} tabIndex={0}>
        <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} aria-hidden="true" data-years={years.length}>
          <defs>
            {series.map((s, i) => (
              <Pattern key={s.key ?? ''} id={`${base}-${i}`} style={styleOf(s, i)} />
            ))}
          </defs>
          {ticks.map((n) => (
            <g key={n}>
              <line x1={plotStart} x2={plotStart + plotWidth} y1={y(n)} y2={y(n)} className="grid" />
              <text x={rtl ? axisX + 6 : axisX - 6} y={y(n) + 4} textAnchor={rtl ? 'start' : 'end'} className="tick-label">
                {number(n)}
              </text>
            </g>
          ))}
          <line x1={axisX} x2={axisX} y1={TOP} y2={plotBottom} className="axis" />
          <line x1={plotStart} x2={plotStart + plotWidth} y1={plotBottom} y2={plotBottom} className="axis" />
          <text transform={`translate(${rtl ? WIDTH - 12 : 14} ${(TOP + plotBottom) / 2}) rotate(${rtl ? 90 : -90})`} textAnchor="middle" className="axis-title">
            {isolate(axis ?? t('rec.charts.axisCount'))}
          </text>
          {years.map((year, i) => {
            let stacked = 0;
            return (
              <g key={year ?? 'undated'} className="bar" data-year={year ?? ''} data-total={totals[i]}>
                {series.map((s, j) => {
                  const n = countOf(year, s.key);
                  if (n === 0) return null;
                  const from = stacked;
                  stacked += n;
                  const height = y(from) - y(stacked);
                  return (
                    <g key={s.key ?? ''} data-series={s.key ?? 'none'} data-count={n}>
                      <rect x={xOf(i)} width={barWidth} y={y(stacked)} height={height} fill={`url(#${base}-${j})`} stroke="#fff" strokeWidth={0.8}>
                        <title>{`${yearLabel(year)}: ${s.label} — ${number(n)}`}</title>
                      </rect>
                      {height >= LABEL_HEIGHT && (
                        <text x={xOf(i) + barWidth / 2} y={y(stacked) + height / 2 + 4} textAnchor="middle" className="part-label">
                          {number(n)}
                        </text>
                      )}
                    </g>
                  );
                })}
                <text x={xOf(i) + barWidth / 2} y={y(stacked) - 5} textAnchor="middle" className="tick-label">
                  {number(totals[i]!)}
                </text>
                <text x={xOf(i) + barWidth / 2} y={plotBottom + 16} textAnchor="middle" className="tick-label">
                  {isolate(yearLabel(year))}
                </text>
              </g>
            );
          })}
        </svg>
      </div>
      <figcaption>
        <ul className="chart-legend">
          {series.map((s, i) => (
            <li key={s.key ?? ''} data-series={s.key ?? 'none'}>
              <svg width="18" height="14" aria-hidden="true" className="line-sample">
                <rect x="1" y="1" width="16" height="12" fill={`url(#${base}-${i})`} stroke="#6b7280" strokeWidth={0.6} />
              </svg>
              {s.label}
            </li>
          ))}
        </ul>
      </figcaption>
      <YearTable name={name} title={title} series={series} years={years} countOf={countOf} exportName={exportName} />
    </figure>
  );
}

type TableRow = { year: string | null; counts: number[]; total: number };

function YearTable({
  title,
  series,
  years,
  countOf,
  exportName,
  name,
}: {
  title: string;
  series: BarSeries[];
  years: (string | null)[];
  countOf: (year: string | null, key: string | null) => number;
  exportName: string;
  name: string;
}) {
  const { t, number } = useI18n();
  const rows: TableRow[] = years.map((year) => {
    const counts = series.map((s) => countOf(year, s.key));
    return { year, counts, total: counts.reduce((a, b) => a + b, 0) };
  });
  const columns: Column<TableRow>[] = [
    { id: 'year', header: t('rec.facet.year'), cell: (r) => r.year ?? t('rec.charts.undated'), value: (r) => r.year },
    ...series.map((s, i) => ({ id: `v${i}`, header: s.label, cell: (r: TableRow) => number(r.counts[i]!), value: (r: TableRow) => r.counts[i]!, numeric: true })),
    { id: 'total', header: t('rec.charts.total'), cell: (r) => number(r.total), value: (r) => r.total, numeric: true },
  ];
  return (
    <details className="table-disclosure">
      <summary>{t('chart.showTable')}</summary>
      <DataTable
        caption={title}
        columns={columns}
        rows={rows}
        rowKey={(r) => r.year ?? 'undated'}
        initialSort={null}
        pageSize={100}
        exportName={`accord-${exportName}`}
        exportAbout={{ state: name }}
      />
    </details>
  );
}
