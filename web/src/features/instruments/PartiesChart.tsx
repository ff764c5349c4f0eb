// Parties over time, from the count at the end of every year: parties as a line, and the
// uncertain ones (their act's day not known, or resting on weak sources) as a hatched band above
// it, from the parties to parties plus uncertain, so the reader sees both how many are certain and
// how many may be; signatories and withdrawals as lines. Each line has its own colour, dash and
// marker, so it is told apart without colour; time runs right to left in Arabic, like the
// timelines. Every status is in a table under the chart (shown on demand, exported).
import { useId } from 'react';
import type { StatusHistory, TreatyStatus } from '../../api/types.ts';
import { isolate } from '../../components/bidi.ts';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { FactDate } from '../../components/FactDate.tsx';
import { Empty } from '../../components/PageState.tsx';
import { StatusLabel, TREATY_STATUSES } from '../../components/TreatyStatus.tsx';
import { yearOf } from '../../components/periods.ts';
import { useI18n } from '../../i18n/i18n.tsx';

type Point = StatusHistory['points'][number];
type Series = Extract<TreatyStatus, 'party' | 'signatory' | 'withdrawn'>;

const SERIES: { status: Series; colour: string; dash: string }[] = [
  { status: 'party', colour: '#08519c', dash: '' },
  { status: 'signatory', colour: '#a94f00', dash: '2 3' },
  { status: 'withdrawn', colour: '#b2182b', dash: '10 3 2 3' },
];
/** The band of uncertain States: a light blue under dark hatching, bounded by a dotted line. */
const BAND = { colour: '#6baed6', edge: '#3b7fb8' };

const WIDTH = 900;
const HEIGHT = 320;
/** Room for the count labels on the side the axis is on, and for the year labels under it. */
const AXIS_SIDE = 64;
const FAR_SIDE = 16;
const TOP = 22;
const BOTTOM = 44;

/** A round top for the count axis (10, 20, 50, 100, 200…) and its ticks. */
function countTicks(max: number): number[] {
  const steps = [1, 2, 5, 10, 20, 25, 50, 100];
  const step = steps.find((s) => max / s <= 5) ?? Math.ceil(max / 500) * 100;
  const top = Math.max(step, Math.ceil(max / step) * step);
  const ticks: number[] = [];
  for (let n = 0; n <= top; n += step) ticks.push(n);
  return ticks;
}

function Chart({ points, title, asOf }: { points: Point[]; title: string; asOf: string }) {
  const { t, dir, number, date } = useI18n();
  const rtl = dir === 'rtl';
  const first = Math.floor(yearOf(points[0]!.asOf));
  const last = yearOf(points.at(-1)!.asOf);
  const span = Math.max(1, last - first);
  const plotStart = rtl ? FAR_SIDE : AXIS_SIDE;
  const plotWidth = WIDTH - AXIS_SIDE - FAR_SIDE;
  const x = (date: string) => {
    const share = (yearOf(date) - first) / span;
    return rtl ? plotStart + plotWidth * (1 - share) : plotStart + plotWidth * share;
  };
  const ticks = countTicks(Math.max(1, ...points.flatMap((p) => [...SERIES.map((s) => p.counts[s.status]), p.counts.party + p.counts.uncertain])));
  const top = ticks.at(-1)!;
  const plotBottom = HEIGHT - BOTTOM;
  const y = (count: number) => plotBottom - ((plotBottom - TOP) * count) / top;
  const yearStep = span > 40 ? 10 : span > 15 ? 5 : span > 6 ? 2 : 1;
  const years: number[] = [];
  for (let year = Math.ceil(first / yearStep) * yearStep; year <= last; year += yearStep) years.push(year);
  const axisX = rtl ? WIDTH - AXIS_SIDE : AXIS_SIDE;
  const shown = SERIES.filter((s) => points.some((p) => p.counts[s.status] > 0) || s.status === 'party');
  const band = points.some((p) => p.counts.uncertain > 0);
  const hatch = `chart-hatch${useId().replace(/[^\w-]/g, '')}`;
  // Along the top (party + uncertain) from the first year to the last, then back along the party line.
  const bandPath = [
    ...points.map((p) => `${x(p.asOf).toFixed(1)},${y(p.counts.party + p.counts.uncertain).toFixed(1)}`),
    ...[...points].reverse().map((p) => `${x(p.asOf).toFixed(1)},${y(p.counts.party).toFixed(1)}`),
  ].join(' ');

  return (
    <figure className="parties-chart">
      {/* The drawing is laid out left to right and mirrored by hand, so numbers and anchors mean the same in both directions;
          its words are isolated (FSI…PDI), so that an Arabic title or date still reads right to left inside it. */}
      {/* Focusable: on a narrow screen the drawing scrolls sideways, and a keyboard must be able to scroll it. */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: see above */}
      <div className="chart-frame" dir="ltr" role="img" aria-label={title} tabIndex={0}>
        <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} aria-hidden="true" data-points={points.length}>
          <defs>
            <pattern id={hatch} width="7" height="7" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
              <rect width="7" height="7" fill={BAND.colour} fillOpacity={0.45} />
              <line x1="3" y1="0" x2="3" y2="7" stroke={BAND.edge} strokeWidth="1.2" />
            </pattern>
          </defs>
          {ticks.map((n) => (
            <g key={n}>
              <line x1={plotStart} x2={plotStart + plotWidth} y1={y(n)} y2={y(n)} className="grid" />
              <text x={rtl ? axisX + 6 : axisX - 6} y={y(n) + 4} textAnchor={rtl ? 'start' : 'end'} className="tick-label">
                {number(n)}
              </text>
            </g>
          ))}
          {years.map((year) => (
            <text key={year} x={x(`${year}`)} y={plotBottom + 16} textAnchor="middle" className="tick-label">
              {year}
            </text>
          ))}
          <line x1={axisX} x2={axisX} y1={TOP} y2={plotBottom} className="axis" />
          <line x1={plotStart} x2={plotStart + plotWidth} y1={plotBottom} y2={plotBottom} className="axis" />
          <text x={plotStart + plotWidth / 2} y={HEIGHT - 6} textAnchor="middle" className="axis-title">
            {isolate(t('chart.axisYear'))}
          </text>
          <text transform={`translate(${rtl ? WIDTH - 12 : 14} ${(TOP + plotBottom) / 2}) rotate(${rtl ? 90 : -90})`} textAnchor="middle" className="axis-title">
            {isolate(t('chart.axisStates'))}
          </text>
          {asOf >= points[0]!.asOf.slice(0, 4) && (
            <g className="as-of">
              <line x1={x(asOf)} x2={x(asOf)} y1={TOP} y2={plotBottom} />
              {/* Near an edge the label grows inwards, so that it is not cut off. */}
              <text x={x(asOf)} y={TOP - 6} textAnchor={x(asOf) > WIDTH - 90 ? 'end' : x(asOf) < 90 ? 'start' : 'middle'} className="as-of-label">
                {isolate(date(asOf))}
              </text>
            </g>
          )}
          {band && (
            <g className="series band-series" data-series="uncertain">
              <polygon points={bandPath} fill={`url(#${hatch})`} className="band" />
              <polyline
                points={points.map((p) => `${x(p.asOf).toFixed(1)},${y(p.counts.party + p.counts.uncertain).toFixed(1)}`).join(' ')}
                fill="none"
                stroke={BAND.edge}
                strokeWidth={1.2}
                strokeDasharray="1 3"
              />
              {points.map((p) => (
                <circle key={p.asOf} cx={x(p.asOf)} cy={y(p.counts.party + p.counts.uncertain)} r={1.8} fill={BAND.edge} className="point" data-as-of={p.asOf} data-count={p.counts.uncertain}>
                  <title>{`${p.asOf.slice(0, 4)}: ${number(p.counts.uncertain)} — ${t('treaty.status.uncertain')}`}</title>
                </circle>
              ))}
            </g>
          )}
          {shown.map((s) => (
            <g key={s.status} className="series" data-series={s.status}>
              <polyline
                points={points.map((p) => `${x(p.asOf).toFixed(1)},${y(p.counts[s.status]).toFixed(1)}`).join(' ')}
                fill="none"
                stroke={s.colour}
                strokeWidth={2.2}
                strokeDasharray={s.dash || undefined}
              />
              {points.map((p) => (
                <circle key={p.asOf} cx={x(p.asOf)} cy={y(p.counts[s.status])} r={2.6} fill={s.colour} className="point" data-as-of={p.asOf} data-count={p.counts[s.status]}>
                  <title>{`${p.asOf.slice(0, 4)}: ${number(p.counts[s.status])} — ${t(`treaty.status.${s.status}`)}`}</title>
                </circle>
              ))}
            </g>
          ))}
        </svg>
      </div>
      <figcaption>
        <ul className="chart-legend">
          {shown.map((s) => (
            <li key={s.status} data-series={s.status}>
              <svg width="34" height="12" aria-hidden="true" className="line-sample">
                <line x1="2" x2="32" y1="6" y2="6" stroke={s.colour} strokeWidth={2.2} strokeDasharray={s.dash || undefined} />
                <circle cx="17" cy="6" r="2.6" fill={s.colour} />
              </svg>
              {t(`treaty.status.${s.status}`)}
            </li>
          ))}
          {band && (
            <li data-series="uncertain">
              <svg width="34" height="12" aria-hidden="true" className="line-sample">
                <rect x="2" y="1" width="30" height="10" fill={`url(#${hatch})`} stroke={BAND.edge} strokeWidth={0.8} />
              </svg>
              {t('chart.band')}
            </li>
          )}
        </ul>
      </figcaption>
    </figure>
  );
}

function HistoryTable({ history, caption }: { history: StatusHistory; caption: string }) {
  const { t, number } = useI18n();
  const columns: Column<Point>[] = [
    { id: 'asOf', header: t('col.date'), cell: (p) => <FactDate value={p.asOf} />, value: (p) => p.asOf },
    ...TREATY_STATUSES.map((status) => ({
      id: status,
      header: t(`treaty.status.${status}`),
      cell: (p: Point) => number(p.counts[status]),
      value: (p: Point) => p.counts[status],
      numeric: true,
    })),
    { id: 'partyOnSecondary', header: t('treaty.col.partyOnSecondary'), cell: (p) => number(p.counts.partyOnSecondary), value: (p) => p.counts.partyOnSecondary, numeric: true },
  ];
  return (
    <details className="table-disclosure">
      <summary>{t('chart.showTable')}</summary>
      <DataTable
        caption={caption}
        columns={columns}
        rows={history.points}
        rowKey={(p) => p.asOf}
        initialSort={{ id: 'asOf' }}
        pageSize={100}
        exportName={`accord-${history.instrument}-status-history`}
        exportAbout={{ instrument: history.instrument }}
      />
    </details>
  );
}

export function PartiesChart({ history, name, asOf }: { history: StatusHistory; name: string; asOf: string }) {
  const { t } = useI18n();
  const { points } = history;
  if (points.length === 0) return <Empty>{t('chart.noPoints')}</Empty>;
  const from = points[0]!.asOf.slice(0, 4);
  const to = points.at(-1)!.asOf.slice(0, 4);
  const caption = t('chart.caption', { name, from, to });
  return (
    <>
      <p className="muted">
        {t('chart.lead')} <StatusLabel status="uncertain" />: {t('treaty.uncertainHelp')}
      </p>
      <Chart points={points} title={caption} asOf={asOf} />
      <HistoryTable history={history} caption={caption} />
    </>
  );
}
