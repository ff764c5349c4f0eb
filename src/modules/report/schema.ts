// What the report's routes take and give (zod: validation and the OpenAPI document). The document
// and its blocks are described by their kinds; docs/REPORT.md describes each field.
import { z } from '@hono/zod-openapi';
import { REPORT_LANGUAGES } from './document/model.ts';
import { REPORT_SECTIONS } from './compose/index.ts';
import { REPORT_FORMATS } from './render.ts';

const q = (name: string, description: string, example?: string) => ({ param: { name, in: 'query' as const }, description, ...(example ? { example } : {}) });

/** The settings as query parameters: strings, checked by checkSettings so that each problem names its parameter. */
export const settingsQuery = {
  session: z
    .string()
    .max(10)
    .openapi(q('session', 'The General Assembly session the report is for.', '61')),
  asOf: z
    .string()
    .max(20)
    .openapi(q('asOf', "The report's date (YYYY-MM-DD): every figure is as of it.", '2006-06-30')),
  periodStart: z
    .string()
    .max(20)
    .optional()
    .openapi(q('periodStart', 'The first day of the period reported on (default: the day after the same date a year before asOf).', '2005-07-01')),
  regions: z
    .string()
    .max(200)
    .optional()
    .openapi(q('regions', 'First-level M49 regions to report on, separated by commas (default: every region).', '002,150')),
  lang: z
    .string()
    .max(10)
    .optional()
    .openapi(q('lang', `The language Accord writes the report in: ${REPORT_LANGUAGES.join(', ')} (default en).`, 'en')),
  symbol: z.string().max(200).optional().openapi(q('symbol', 'The document symbol (A/61/…); default: a visible placeholder.')),
  agendaItem: z.string().max(200).optional().openapi(q('agendaItem', 'The agenda item (e.g. "Item 66 (b) of the provisional list"); default: a visible placeholder.')),
};

export const formatParam = z
  .enum(REPORT_FORMATS, { error: `must be one of ${REPORT_FORMATS.join(', ')}` })
  .optional()
  .openapi(q('format', 'json (default), html, docx or pdf (503 when the server has no Chromium).', 'json'));

/** A stretch of text; a footnote's runs are described one level deep (a note inside a note is
 *  written in brackets by the document layer; a recursive schema is not something every client reads). */
const noteRunSchema = z
  .object({ text: z.string(), italic: z.boolean().optional(), bold: z.boolean().optional(), lang: z.string().optional(), dir: z.enum(['ltr', 'rtl']).optional() })
  .openapi('ReportNoteRun');
const runSchema = noteRunSchema.extend({ footnote: z.array(noteRunSchema).optional() }).openapi('ReportRun');

export const blockSchema = z
  .object({
    kind: z.enum(['heading', 'paragraph', 'quote', 'table', 'figure']),
    level: z.number().int().optional(),
    label: z.string().optional(),
    text: z.string().optional(),
    numbered: z.boolean().optional(),
    runs: z.array(runSchema).optional(),
    lang: z.string().optional(),
    caption: z.string().optional(),
    columns: z.array(z.string()).optional(),
    rows: z.array(z.array(z.string())).optional(),
    numericColumns: z.array(z.number().int()).optional(),
    note: z.array(runSchema).optional(),
    svg: z.string().optional(),
    alt: z.string().optional(),
    widthCm: z.number().optional(),
  })
  .openapi('ReportBlock');

export const headSchema = z
  .object({
    lang: z.enum(REPORT_LANGUAGES),
    symbol: z.string().nullable(),
    distribution: z.string(),
    date: z.string(),
    session: z.number().int(),
    agendaItem: z.string().nullable(),
    title: z.string(),
    subtitle: z.string(),
    summary: z.array(runSchema).nullable(),
  })
  .openapi('ReportHead');

export const documentSchema = headSchema.extend({ blocks: z.array(blockSchema) }).openapi('ReportDocument');

const sectionId = z.enum(REPORT_SECTIONS);

export const generatedSectionSchema = z.object({ id: sectionId, label: z.string(), heading: z.string(), blocks: z.array(blockSchema), fingerprint: z.string() }).openapi('ReportSection');

export const generatedReportSchema = z.object({ head: headSchema, sections: z.array(generatedSectionSchema), document: documentSchema }).openapi('GeneratedReport');

/** The content types a report route answers with, beside JSON. */
export function reportContent<S extends z.ZodType>(json: S) {
  return {
    'application/json': { schema: json },
    'text/html': { schema: z.string() },
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { schema: z.string().openapi({ format: 'binary' }) },
    'application/pdf': { schema: z.string().openapi({ format: 'binary' }) },
  };
}
