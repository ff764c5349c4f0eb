// What the chart and map writers (charts.ts, maps.ts) share: the words they write in the six
// languages, the fonts, the text as SVG (escaped, right to left where Arabic), and a width
// estimate for wrapping labels. There is no font library here, so widths are estimates in ems,
// kept on the generous side so that a label never runs into a bar.
import { ValidationError } from '../../../shared/errors.ts';
import { xmlText } from '../../../shared/xml.ts';
import { REPORT_LANGUAGES, type ReportLanguage } from './model.ts';

/** The words of the figures. "No data" and the map's note are the web app's words (web/src/i18n). */
export const FIGURE_WORDS: Record<ReportLanguage, { noData: string; mapNote: string }> = {
  ar: {
    noData: 'لا بيانات',
    mapNote: 'لا تعني الحدود والأسماء المبينة في هذه الخريطة إقراراً أو قبولاً رسمياً من جانب الأمم المتحدة. وتظهر الدول الصغيرة في شكل دوائر. الأشكال: Natural Earth عبر world-atlas.',
  },
  en: {
    noData: 'No data',
    mapNote:
      'The boundaries and names shown on this map do not imply official endorsement or acceptance by the United Nations. Small States are shown as circles. Shapes: Natural Earth via world-atlas.',
  },
  es: {
    noData: 'Sin datos',
    mapNote:
      'Los límites y los nombres que figuran en este mapa no implican su apoyo o aceptación oficial por las Naciones Unidas. Los Estados pequeños se representan con círculos. Contornos: Natural Earth a través de world-atlas.',
  },
  fr: {
    noData: 'Aucune donnée',
    mapNote:
      "Les frontières et les noms indiqués sur cette carte n'impliquent pas reconnaissance ou acceptation officielles par l'Organisation des Nations Unies. Les petits États sont représentés par des cercles. Contours\u00a0: Natural Earth via world-atlas.",
  },
  ru: {
    noData: 'Нет данных',
    mapNote:
      'Границы и названия, показанные на этой карте, не подразумевают их официального одобрения или признания Организацией Объединенных Наций. Малые государства показаны кружками. Контуры: Natural Earth через world-atlas.',
  },
  zh: {
    noData: '无数据',
    mapNote: '本地图所示边界和名称并不意味着联合国正式认可或接受。小国以圆圈表示。轮廓：Natural Earth，经由world-atlas。',
  },
};

/** Fonts Chromium and LibreOffice find on Debian with fonts-noto-core, fonts-noto-cjk and
 *  fonts-liberation, the language's own font first (the others still cover a Latin code inside). */
export function fontFamily(lang: ReportLanguage): string {
  const latin = 'Times New Roman, Liberation Serif, Noto Serif';
  if (lang === 'ar') return `Noto Naskh Arabic, ${latin}, serif`;
  if (lang === 'zh') return `Noto Sans CJK SC, ${latin}, sans-serif`;
  return `${latin}, Noto Naskh Arabic, Noto Sans CJK SC, serif`;
}

export function checkLanguage(lang: string, what: string): asserts lang is ReportLanguage {
  if (!(REPORT_LANGUAGES as readonly string[]).includes(lang)) throw new ValidationError(`${what}: language ${JSON.stringify(lang)} is not one of ${REPORT_LANGUAGES.join(', ')}`);
}

/** Numbers with Latin digits in every language (as UN Arabic documents print them). */
export function defaultNumber(lang: ReportLanguage): (n: number) => string {
  const format = new Intl.NumberFormat(`${lang}-u-nu-latn`, { maximumFractionDigits: 1 });
  return (n) => format.format(n);
}

/** Coordinates: at most one decimal, no trailing zeros ("12", "12.5"). */
export function num(n: number): string {
  return String(Math.round(n * 10) / 10);
}

/** A text element. Right-to-left text is wrapped in RIGHT-TO-LEFT EMBEDDING … POP DIRECTIONAL
 *  FORMATTING instead of carrying direction="rtl": Chromium reads text-anchor after the direction
 *  (start is the right edge) and LibreOffice does not, so with the attribute the two would place
 *  the same label on opposite sides of its point. With the marks, "end" is the right edge in both
 *  and the words inside still run right to left (a Latin code inside stays in its place). The
 *  drawings set direction="ltr" on their root so that an SVG put inside a right-to-left HTML page
 *  does not inherit the page's direction (which would flip every anchor in Chromium). */
export function svgText(
  x: number,
  y: number,
  text: string,
  options: { anchor?: 'start' | 'middle' | 'end'; rtl?: boolean; size?: number; italic?: boolean; bold?: boolean; fill?: string } = {},
): string {
  const attrs = [`x="${num(x)}"`, `y="${num(y)}"`];
  if (options.anchor && options.anchor !== 'start') attrs.push(`text-anchor="${options.anchor}"`);
  if (options.size) attrs.push(`font-size="${options.size}"`);
  if (options.italic) attrs.push('font-style="italic"');
  if (options.bold) attrs.push('font-weight="bold"');
  if (options.fill) attrs.push(`fill="${options.fill}"`);
  const body = options.rtl ? `\u202b${text}\u202c` : text;
  return `<text ${attrs.join(' ')}>${xmlText(body)}</text>`;
}

/** A character's width in ems, roughly: CJK and full-width forms a whole em, Latin and Cyrillic
 *  capitals and wide letters more than the average, Arabic about half. */
function charEm(c: string): number {
  const code = c.codePointAt(0) ?? 0;
  if ((code >= 0x2e80 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xff00 && code <= 0xffef) || (code >= 0x3000 && code <= 0x303f)) return 1;
  if (c === ' ') return 0.28;
  if (/[A-ZА-ЯЁMWmwЖШЩЮжшщю]/.test(c)) return 0.68;
  if (/[il.,:;'’()|!]/.test(c)) return 0.3;
  if (code >= 0x0600 && code <= 0x06ff) return 0.45;
  return 0.52;
}

export function textWidth(text: string, size: number): number {
  let em = 0;
  for (const c of text) em += charEm(c);
  return em * size;
}

/** Breaks a label into at most `maxLines` lines of `width`: between words, or between any two
 *  characters of a text without spaces (Chinese); the last line cut with "…" when it is too long. */
export function wrapText(text: string, width: number, size: number, maxLines: number): string[] {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (textWidth(clean, size) <= width) return [clean];
  // Units that may not be broken: words with their following space, or single CJK characters.
  const units = clean.match(/[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]|[^\s\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]+\s?|\s/g) ?? [clean];
  const lines: string[] = [];
  let line = '';
  for (const unit of units) {
    if (line && textWidth((line + unit).trimEnd(), size) > width) {
      lines.push(line.trimEnd());
      line = unit.trimStart();
    } else line += unit;
  }
  if (line.trim()) lines.push(line.trimEnd());
  if (lines.length <= maxLines && lines.every((l) => textWidth(l, size) <= width)) return lines;
  const kept = lines.slice(0, maxLines);
  const rest = lines.slice(maxLines - 1).join(/[\u2e80-\u9fff]/.test(clean) ? '' : ' ');
  kept[maxLines - 1] = cut(rest, width, size);
  return kept.map((l, i) => (i < maxLines - 1 && textWidth(l, size) > width ? cut(l, width, size) : l));
}

function cut(text: string, width: number, size: number): string {
  if (textWidth(text, size) <= width) return text;
  const chars = [...text];
  while (chars.length > 1 && textWidth(`${chars.join('').trimEnd()}…`, size) > width) chars.pop();
  return `${chars.join('').trimEnd()}…`;
}
