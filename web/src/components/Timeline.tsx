// Membership over time: one line per organization (or State), bars for the periods of
// membership and suspension (or, with its own legend, of a State's ties to treaties). Time
// runs right to left in Arabic. The picture is a summary; the table beside it holds the same
// facts for screen readers and export.
import { useI18n } from '../i18n/i18n.tsx';
import { isolate } from './bidi.ts';
import { today } from './DateControl.tsx';
import { yearOf, type Period } from './periods.ts';

export interface TimelineRow {
  id: string;
  label: string;
  periods: Period[];
}

const LABEL_WIDTH = 170;
const ROW_HEIGHT = 22;
const WIDTH = 900;

/** A legend entry: the class of the bars (period-<status>) and what they mean. */
export interface LegendItem {
  status: string;
  label: string;
}

export function Timeline({ rows, title, asOf, legend }: { rows: TimelineRow[]; title: string; asOf?: string; legend?: LegendItem[] }) {
  const { t, dir } = useI18n();
  const items = legend ?? [
    { status: 'member', label: t('timeline.member') },
    { status: 'suspended', label: t('timeline.suspended') },
    { status: 'undated', label: t('timeline.undated') },
  ];
  const now = yearOf(today());
  const starts = rows.flatMap((r) => r.periods.flatMap((p) => (p.from ? [yearOf(p.from)] : [])));
  const first = Math.floor((Math.min(now - 10, ...starts) - 2) / 10) * 10;
  const last = Math.ceil(now);
  const plot = WIDTH - LABEL_WIDTH - 10;
  const rtl = dir === 'rtl';
  const x = (year: number) => {
    const share = (year - first) / (last - first);
    return rtl ? 10 + plot * (1 - share) : LABEL_WIDTH + plot * share;
  };
  const labelX = rtl ? WIDTH - 4 : 4;
  const height = rows.length * ROW_HEIGHT + 30;
  const ticks: number[] = [];
  for (let year = first; year <= last; year += 10) ticks.push(year);

  return (
    // Focusable: on a narrow screen the drawing scrolls sideways, and a keyboard must be able to scroll it.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: see above
    <div className="timeline" role="img" aria-label={title} tabIndex={0}>
      <svg viewBox={`0 0 ${WIDTH} ${height}`} aria-hidden="true">
        {ticks.map((year) => (
          <g key={year}>
            <line x1={x(year)} x2={x(year)} y1={0} y2={height - 20} className="tick" />
            <text x={x(year)} y={height - 6} textAnchor="middle" className="tick-label">
              {year}
            </text>
          </g>
        ))}
        {asOf && <line x1={x(yearOf(asOf))} x2={x(yearOf(asOf))} y1={0} y2={height - 20} className="as-of" />}
        {rows.map((row, i) => (
          <g key={row.id} transform={`translate(0 ${i * ROW_HEIGHT})`}>
            {/* "start" is the right edge for right-to-left text: the label begins at the edge it reads from. */}
            <text x={labelX} y={ROW_HEIGHT / 2 + 4} textAnchor="start" className="row-label">
              {/* Isolated: a Latin acronym ("I/A Court H.R.") in the right-to-left drawing keeps its full stops. */}
              {isolate(row.label.length > 24 ? `${row.label.slice(0, 23)}…` : row.label)}
            </text>
            {row.periods.map((p, j) => {
              const a = x(p.from ? yearOf(p.from) : first);
              const b = x(p.to ? yearOf(p.to) : now);
              return (
                <rect
                  // biome-ignore lint/suspicious/noArrayIndexKey: a row's periods have no id; they are drawn as a whole, in date order
                  key={j}
                  x={Math.min(a, b)}
                  width={Math.max(2, Math.abs(b - a))}
                  y={5}
                  height={ROW_HEIGHT - 10}
                  className={`period ${p.status}${p.from && !p.undatedStart ? '' : ' undated'}`}
                />
              );
            })}
          </g>
        ))}
      </svg>
      <p className="timeline-legend" aria-hidden="true">
        {items.map((item) => (
          <span key={item.status}>
            <span className={`swatch period-${item.status}`} /> {item.label}
          </span>
        ))}
      </p>
    </div>
  );
}
