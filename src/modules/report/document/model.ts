// The report as a document: what the writers (docx.ts, html.ts; pdf.ts prints the HTML) lay
// out, and nothing about where its figures come from (that is ../model, built from the data).
// Pure values: no database, no clock, no file system.
import { ValidationError } from '../../../shared/errors.ts';

/** The six UN languages; the language of the parts Accord writes. Arabic is right to left. */
export const REPORT_LANGUAGES = ['ar', 'en', 'es', 'fr', 'ru', 'zh'] as const;
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number];

export interface ReportDocument {
  lang: ReportLanguage;
  /** The document symbol given (A/61/…); null shows a visible placeholder, never an invented symbol. */
  symbol: string | null;
  /** The distribution, as in "Distr.: General". */
  distribution: string;
  /** ISO date (YYYY-MM-DD) of the report. */
  date: string;
  /** The General Assembly session, e.g. 61. */
  session: number;
  /** E.g. "Item 71 (b) of the provisional list"; null shows a visible placeholder. */
  agendaItem: string | null;
  title: string;
  /** E.g. "Report of the Secretary-General". */
  subtitle: string;
  /** The summary box of the first page; null: none. */
  summary: Run[] | null;
  blocks: Block[];
}

/** A stretch of text with one formatting. `lang` and `dir` mark a stretch in another language or
 *  direction (a symbol inside Arabic text is `dir: 'ltr'`). `footnote` is a note whose mark follows the text. */
export type Run = { text: string; italic?: boolean; bold?: boolean; lang?: string; dir?: 'ltr' | 'rtl'; footnote?: Run[] };

export type Block =
  /** "I. Introduction" is level 1 with label "I."; "A. Africa" is level 2 with label "A.". */
  | { kind: 'heading'; level: 1 | 2 | 3; label?: string; text: string }
  /** Numbered paragraphs run 1, 2, 3… through the whole report, as in UN reports. */
  | { kind: 'paragraph'; numbered: boolean; runs: Run[] }
  /** Quoted text (the mandate), in the language the resolution was imported in (`lang`). */
  | { kind: 'quote'; runs: Run[]; lang?: string }
  /** `numericColumns`: indexes of the columns aligned as numbers. */
  | { kind: 'table'; caption: string; columns: string[]; rows: string[][]; numericColumns?: number[]; note?: Run[] }
  /** A chart or map as SVG; `alt` says what it shows, for readers who do not see it. */
  | { kind: 'figure'; caption: string; svg: string; alt: string; widthCm?: number };

/** Whether a language is written right to left (of the six, Arabic; also Hebrew, Persian, Urdu for quoted text). */
export function isRtl(lang: string | undefined): boolean {
  return lang !== undefined && /^(ar|fa|he|ur)(-|$)/i.test(lang);
}

/** The numbers of the numbered paragraphs, in document order (index of the block → its number). */
export function paragraphNumbers(blocks: readonly Block[]): Map<number, number> {
  const numbers = new Map<number, number>();
  blocks.forEach((b, i) => {
    if (b.kind === 'paragraph' && b.numbered) numbers.set(i, numbers.size + 1);
  });
  return numbers;
}

/** What both writers refuse before writing: a language not of the six, a session that is not a whole number, a date not YYYY-MM-DD. */
export function checkReportDocument(doc: ReportDocument): void {
  if (!(REPORT_LANGUAGES as readonly string[]).includes(doc.lang)) throw new ValidationError(`report language ${JSON.stringify(doc.lang)} is not one of ${REPORT_LANGUAGES.join(', ')}`);
  if (!Number.isInteger(doc.session) || doc.session < 1) throw new ValidationError(`report session ${doc.session} is not a positive whole number`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(doc.date)) throw new ValidationError(`report date ${JSON.stringify(doc.date)} is not YYYY-MM-DD`);
}

/** Refuses a figure's SVG that is not one, or that could run code where it is shown (a script, an
 *  event handler, a javascript: address, foreign content): the HTML inlines it, Chromium renders it. */
export function checkFigureSvg(svg: string, caption: string): void {
  const trimmed = svg.trim();
  if (!/^<svg[\s>]/i.test(trimmed)) throw new ValidationError(`figure "${caption}": the picture is not an SVG document (it must start with <svg)`);
  if (/<script|<foreignObject|\son[a-z]+\s*=|javascript:/i.test(trimmed)) throw new ValidationError(`figure "${caption}": the SVG holds a script, an event handler or foreign content`);
}
