// What the draft routes take and give (zod: validation and the OpenAPI document).
import { z } from '@hono/zod-openapi';
import { REPORT_SECTIONS } from '../compose/index.ts';
import { REPORT_LANGUAGES } from '../document/model.ts';
import { documentSchema } from '../schema.ts';

/** A rewritten section: a long chapter of a UN report is some tens of thousands of characters. */
export const MAX_SECTION_TEXT = 200_000;

const name = z.string().trim().min(1, 'must not be empty').max(200, 'at most 200 characters');
const day = z.string().max(20);
const optionalText = z.string().max(200, 'at most 200 characters').nullable().optional();

export const draftCreateSchema = z
  .object({
    name: name.openapi({ example: 'Sixty-first session, first draft' }),
    session: z.number().int().openapi({ example: 61 }),
    asOf: day.openapi({ example: '2006-06-30' }),
    periodStart: day.optional().openapi({ example: '2005-07-01', description: 'Default: the day after the same date a year before asOf.' }),
    regions: z
      .array(z.string().max(3))
      .max(10)
      .optional()
      .openapi({ example: ['002', '150'], description: 'First-level M49 codes; none or empty: every region.' }),
    lang: z.enum(REPORT_LANGUAGES).optional().openapi({ example: 'en' }),
    symbol: optionalText,
    agendaItem: optionalText,
  })
  .strict()
  .openapi('ReportDraftCreate');

export const draftUpdateSchema = draftCreateSchema.partial().strict().openapi('ReportDraftUpdate');

export const sectionWriteSchema = z
  .object({
    text: z
      .string()
      .max(MAX_SECTION_TEXT, `at most ${MAX_SECTION_TEXT} characters`)
      .openapi({ description: 'The section as plain text (docs/REPORT.md, "Drafting"): paragraphs separated by a blank line, ## sub-headings, [[table N]], [[figure N]], [[note: …]].' }),
    basedOn: z
      .string()
      .regex(/^[0-9a-f]{8,64}$/, 'must be the fingerprint of the generated section the text was written over')
      .openapi({ description: 'The `fingerprint` of the generated section the text was written over.', example: '0123456789abcdef' }),
  })
  .strict()
  .openapi('ReportSectionWrite');

export const versionSaveSchema = z
  .object({ note: z.string().trim().max(1000, 'at most 1000 characters').optional().openapi({ example: 'Sent to the Office of the High Commissioner for comment' }) })
  .strict()
  .openapi('ReportVersionSave');

const settingsFields = {
  session: z.number().int(),
  asOf: z.string(),
  periodStart: z.string(),
  regions: z.array(z.string()),
  lang: z.enum(REPORT_LANGUAGES),
  symbol: z.string().nullable(),
  agendaItem: z.string().nullable(),
};

export const draftSummarySchema = z
  .object({ id: z.string(), name: z.string(), ...settingsFields, owner: z.string(), version: z.number().int(), createdAt: z.string(), updatedAt: z.string() })
  .openapi('ReportDraftSummary');

const sectionId = z.enum(REPORT_SECTIONS);

export const versionSummarySchema = z.object({ number: z.number().int(), note: z.string().nullable(), by: z.string(), at: z.string() }).openapi('ReportVersionSummary');

export const draftViewSchema = draftSummarySchema
  .extend({
    sections: z.array(
      z.object({
        id: sectionId,
        label: z.string(),
        heading: z.string(),
        fingerprint: z.string(),
        generatedText: z.string(),
        rewritten: z.object({ text: z.string(), basedOn: z.string(), by: z.string(), at: z.string() }).nullable(),
        dataChanged: z.boolean(),
      }),
    ),
    versions: z.array(versionSummarySchema),
  })
  .openapi('ReportDraft');

const warningSchema = z.object({ section: sectionId, message: z.string() });
const frozenSectionSchema = z.object({ id: sectionId, label: z.string(), heading: z.string(), text: z.string(), fingerprint: z.string(), rewritten: z.boolean() });

export const draftDocumentSchema = z.object({ document: documentSchema, warnings: z.array(warningSchema), sections: z.array(frozenSectionSchema) }).openapi('ReportDraftDocument');

export const versionViewSchema = versionSummarySchema.extend({ settings: z.object(settingsFields), document: documentSchema, sections: z.array(frozenSectionSchema) }).openapi('ReportVersion');

export const comparisonSchema = z
  .object({
    from: z.union([z.number().int(), z.literal('current')]),
    to: z.union([z.number().int(), z.literal('current')]),
    sections: z.array(z.object({ id: sectionId, heading: z.string(), changed: z.boolean(), diff: z.array(z.object({ kind: z.enum(['same', 'added', 'removed']), text: z.string() })) })),
  })
  .openapi('ReportDraftComparison');

export const sectionWrittenSchema = z.object({ id: z.string(), section: sectionId, version: z.number().int(), changed: z.boolean() }).openapi('ReportSectionWritten');
export const versionSavedSchema = z.object({ id: z.string(), number: z.number().int(), version: z.number().int(), warnings: z.array(warningSchema) }).openapi('ReportVersionSaved');
export const draftDeletedSchema = z.object({ id: z.string(), deleted: z.literal(true) }).openapi('ReportDraftDeleted');
