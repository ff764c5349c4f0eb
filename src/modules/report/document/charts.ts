// Charts for the report as SVG text, for a `figure` block (model.ts): pure functions, no
// database, no clock, no DOM. What they draw must read the same in Chromium (the HTML and PDF,
// and the PNG the DOCX carries) and in LibreOffice reading the SVG itself, in colour and in grey
// print: so solid fills and a hatch rather than hues alone, text as <text> in fonts Debian has,
// nothing outside the file. A missing value is never a bar of zero: it says "no data".
import { ValidationError } from '../../../shared/errors.ts';
import { checkLanguage, defaultNumber, FIGURE_WORDS, fontFamily, num, svgText, textWidth, wrapText } from './figure-text.ts';
import type { ReportLanguage } from './model.ts';

export interface BarChartInput {
  /** One group of bars per category (an instrument, a region), top to bottom. */
  categories: { label: string }[];
  /** Two or three series (one is allowed); `values[i]` belongs to `categories[i]`; null: no data. */
  series: { name: string; values: (number | null)[] }[];
  /** A reference drawn across the bars, e.g. the region's number of States; the scale reaches it. */
  max?: number;
  /** What the reference is, written at its top (e.g. "54 States"); default the number alone. */
  maxLabel?: string;
  lang: ReportLanguage;
  /** How a value is written at its bar's end; default Latin digits in the language's grouping. */
  valueFormat?: (value: number) => string;
}

/** The drawing's width in user units; at the default 12.5 cm one unit is about 0.2 mm. */
export const CHART_WIDTH = 640;
const LABEL_SIZE = 13;
const VALUE_SIZE = 12;
const MARGIN = 8;
const LABEL_WIDTH = 190;
const AXIS_X = MARGIN + LABEL_WIDTH + 10;
const VALUE_ROOM = 56;
const BAR_HEIGHT = 13;
const BAR_GAP = 2;
const GROUP_GAP = 10;
const LINE_HEIGHT = 15;

/** The series' fills: dark, light, hatched. They differ in grey print as well as in colour. */
const BAR_HATCH_ID = 'accord-bar-hatch';
const SERIES_FILLS = ['#1f3d7a', '#9ecae1', `url(#${BAR_HATCH_ID})`];
const BAR_DEFS = `<defs><pattern id="${BAR_HATCH_ID}" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#ffffff"/><line x1="1.5" y1="0" x2="1.5" y2="6" stroke="#b35806" stroke-width="2.2"/></pattern></defs>`;

/** 1, 2 or 5 times a power of ten, so that about five steps reach `top`. */
function tickStep(top: number): number {
  const rough = top / 5;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power;
  return Math.max(step, 1);
}

function checkInput(input: BarChartInput): void {
  checkLanguage(input.lang, 'bar chart');
  if (input.categories.length === 0) throw new ValidationError('bar chart: categories is empty');
  if (input.series.length < 1 || input.series.length > 3) throw new ValidationError(`bar chart: series must hold one to three series, not ${input.series.length}`);
  for (const s of input.series) {
    if (s.values.length !== input.categories.length) throw new ValidationError(`bar chart: series "${s.name}" has ${s.values.length} values for ${input.categories.length} categories`);
    for (const v of s.values)
      if (v !== null && !(Number.isFinite(v) && v >= 0)) throw new ValidationError(`bar chart: series "${s.name}" holds ${v}; a value is a number of zero or more, or null (no data)`);
  }
  if (input.max !== undefined && !(Number.isFinite(input.max) && input.max > 0)) throw new ValidationError(`bar chart: max ${input.max} is not a number above zero`);
}

/** Horizontal grouped bars, one group per category, as a standalone SVG 640 units wide. Arabic is
 *  drawn mirrored: labels on the right, bars growing to the left; digits stay Latin. */
export function barChart(input: BarChartInput): string {
  checkInput(input);
  const { lang, series, categories } = input;
  const rtl = lang === 'ar';
  const format = input.valueFormat ?? defaultNumber(lang);
  const words = FIGURE_WORDS[lang];
  // Every position is worked out left to right and mirrored at the end for Arabic.
  const x = (at: number) => (rtl ? CHART_WIDTH - at : at);
  const anchor = (a: 'start' | 'end') => (rtl ? (a === 'start' ? 'end' : 'start') : a);
  const parts: string[] = [];

  // The legend, across the top, wrapping when the names are long.
  let lx = MARGIN;
  let ly = MARGIN;
  series.forEach((s, i) => {
    const name = wrapText(s.name, CHART_WIDTH - 2 * MARGIN - 18, LABEL_SIZE, 1)[0] ?? '';
    const w = 18 + textWidth(name, LABEL_SIZE) + 16;
    if (lx > MARGIN && lx + w > CHART_WIDTH - MARGIN) {
      lx = MARGIN;
      ly += LINE_HEIGHT + 4;
    }
    parts.push(`<rect x="${num(rtl ? CHART_WIDTH - lx - 12 : lx)}" y="${num(ly + 1)}" width="12" height="12" fill="${SERIES_FILLS[i]}" stroke="#333333" stroke-width="0.6"/>`);
    parts.push(svgText(x(lx + 18), ly + 11, name, { anchor: anchor('start'), rtl, size: LABEL_SIZE }));
    lx += w;
  });
  const values = series.flatMap((s) => s.values).filter((v): v is number => v !== null);
  const top = Math.max(input.max ?? 0, ...values, 1);
  const step = tickStep(top);
  const domain = Math.ceil(top / step) * step;
  const plotLeft = AXIS_X;
  const plotWidth = CHART_WIDTH - MARGIN - VALUE_ROOM - plotLeft;
  const scale = (v: number) => (v / domain) * plotWidth;
  let y = ly + LINE_HEIGHT + 12;
  if (input.max !== undefined) y += LINE_HEIGHT; // room for the reference's label
  const plotTop = y;

  // A white ground under a value's words, so that a grid or reference line behind them does not cross them.
  const backing = (from: number, top: number, text: string) => {
    const w = textWidth(text, VALUE_SIZE) + 4;
    return `<rect x="${num(rtl ? CHART_WIDTH - from - w + 2 : from - 2)}" y="${num(top)}" width="${num(w)}" height="${BAR_HEIGHT}" fill="#ffffff"/>`;
  };

  // The groups of bars, with their category's label beside them.
  const groupHeight = series.length * BAR_HEIGHT + (series.length - 1) * BAR_GAP;
  const bars: string[] = [];
  const labels: string[] = [];
  for (const [c, category] of categories.entries()) {
    const lines = wrapText(category.label, LABEL_WIDTH, LABEL_SIZE, 3);
    const rowHeight = Math.max(groupHeight, lines.length * LINE_HEIGHT);
    const barsTop = y + (rowHeight - groupHeight) / 2;
    const labelTop = y + (rowHeight - lines.length * LINE_HEIGHT) / 2;
    lines.forEach((line, i) => {
      labels.push(svgText(x(MARGIN + LABEL_WIDTH), labelTop + i * LINE_HEIGHT + 11, line, { anchor: anchor('end'), rtl, size: LABEL_SIZE }));
    });
    series.forEach((s, i) => {
      const top = barsTop + i * (BAR_HEIGHT + BAR_GAP);
      const value = s.values[c] ?? null;
      const baseline = top + BAR_HEIGHT - 3;
      if (value === null) {
        // No bar at all: a bar of zero would say "none", which the data do not say.
        bars.push(backing(plotLeft + 4, top, words.noData), svgText(x(plotLeft + 4), baseline, words.noData, { anchor: anchor('start'), rtl, size: VALUE_SIZE, italic: true, fill: '#555555' }));
        return;
      }
      const w = scale(value);
      if (w > 0)
        bars.push(
          `<rect x="${num(rtl ? CHART_WIDTH - plotLeft - w : plotLeft)}" y="${num(top)}" width="${num(w)}" height="${BAR_HEIGHT}" fill="${SERIES_FILLS[i]}" stroke="#333333" stroke-width="0.6"/>`,
        );
      bars.push(backing(plotLeft + w + 4, top, format(value)), svgText(x(plotLeft + w + 4), baseline, format(value), { anchor: anchor('start'), size: VALUE_SIZE }));
    });
    y += rowHeight + GROUP_GAP;
  }
  const plotBottom = y - GROUP_GAP / 2;

  // The scale: light lines at each step, their numbers under the bars.
  const grid: string[] = [];
  for (let v = 0; v <= domain + step / 1000; v += step) {
    const gx = x(plotLeft + scale(v));
    if (v > 0) grid.push(`<line x1="${num(gx)}" y1="${num(plotTop - 4)}" x2="${num(gx)}" y2="${num(plotBottom)}" stroke="#d0d0d0" stroke-width="0.8"/>`);
    grid.push(svgText(gx, plotBottom + 14, format(v), { anchor: 'middle', size: VALUE_SIZE - 1, fill: '#333333' }));
  }
  grid.push(`<line x1="${num(x(plotLeft))}" y1="${num(plotTop - 4)}" x2="${num(x(plotLeft))}" y2="${num(plotBottom)}" stroke="#000000" stroke-width="1"/>`);
  if (input.max !== undefined) {
    const mx = x(plotLeft + scale(input.max));
    grid.push(`<line x1="${num(mx)}" y1="${num(plotTop - 8)}" x2="${num(mx)}" y2="${num(plotBottom)}" stroke="#000000" stroke-width="1.2" stroke-dasharray="5 3"/>`);
    const label = input.maxLabel ?? format(input.max);
    const room = scale(input.max) > plotWidth / 2;
    // Written on the side of the line where there is room, toward the labels when near the end.
    grid.push(svgText(mx + (room === rtl ? 4 : -4), plotTop - 11, label, { anchor: room === rtl ? 'start' : 'end', rtl, size: VALUE_SIZE }));
  }
  const height = Math.ceil(plotBottom + 22);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CHART_WIDTH}" height="${height}" viewBox="0 0 ${CHART_WIDTH} ${height}" direction="ltr" font-family="${fontFamily(lang)}" font-size="${LABEL_SIZE}">` +
    `${BAR_DEFS}<rect width="${CHART_WIDTH}" height="${height}" fill="#ffffff"/>` +
    `<g>${grid.join('')}</g><g>${bars.join('')}</g><g>${labels.join('')}</g><g>${parts.join('')}</g></svg>`
  );
}
