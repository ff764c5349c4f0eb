// What the resolution and mandate routes take and give (zod: validation and the OpenAPI document).
import { z } from '@hono/zod-openapi';
import { LANGS } from '../../shared/text.ts';
import { MANDATE_ANSWER_KINDS, MANDATE_STATUSES } from '../../shared/vocabularies.ts';
import { isValidDay } from '../../shared/dates.ts';
import { partialDate, text } from '../edits/schema.ts';

/** At most 2 MiB of text: the longest resolutions with annexes are a few hundred kilobytes. */
export const MAX_TEXT = 2 * 1024 * 1024;

export const resolutionImportSchema = z
  .object({
    fileName: z
      .string()
      .trim()
      .min(1, 'must not be empty')
      .max(200, 'at most 200 characters')
      .refine((name) => !/[\\/]/.test(name) && [...name].every((ch) => ch >= ' '), 'must be a file name, without folders or control characters')
      .openapi({ example: 'A-RES-80-212.txt', description: 'The name of the file the text was read from: a text without a symbol is keyed local:<this name>.' }),
    text: z
      .string()
      .min(1, 'must not be empty')
      .max(MAX_TEXT, `at most ${MAX_TEXT} characters`)
      .refine((t) => !t.includes('\u0000'), 'must be plain text (it holds NUL characters: is it a PDF or another binary file?)')
      .openapi({ description: 'The plain text of the resolution, as extracted from its official PDF.' }),
    lang: z.enum(LANGS).default('en').openapi({ description: 'The language of the text.' }),
  })
  .strict()
  .openapi('ResolutionImport');

export const answerInputSchema = z
  .object({
    kind: z.enum(MANDATE_ANSWER_KINDS),
    ref: text(200).openapi({ description: 'report, document: a UN document symbol or web address; instrument: its code; organization: its id; mechanism: its code.', example: 'A/61/341' }),
    note: text(1000).optional(),
  })
  .strict()
  .openapi('MandateAnswerInput');

const day = z.string().refine(isValidDay, 'must be YYYY-MM-DD and a real date');

export const mandateUpdateSchema = z
  .object({
    status: z.enum(MANDATE_STATUSES).optional(),
    statusNote: text(2000).nullable().optional(),
    statusDate: partialDate.nullable().optional(),
    dueBody: text(200).nullable().optional(),
    dueSession: z.number().int().min(1).max(999).nullable().optional(),
    dueDate: day.nullable().optional(),
    answers: z.array(answerInputSchema).max(100, 'at most 100 answers').optional(),
  })
  .strict()
  .openapi('MandateUpdate');

export type MandateUpdate = z.infer<typeof mandateUpdateSchema>;
export type AnswerInput = z.infer<typeof answerInputSchema>;

const doubtSchema = z.object({ where: z.string(), why: z.string() }).openapi('ParserDoubt');

export const resolutionSummarySchema = z
  .object({
    id: z.string().openapi({ example: 'A-RES-80-212' }),
    key: z.string().openapi({ description: 'The UN symbol as the text prints it, or local:<file name> when it prints none (never an invented symbol).', example: 'A/RES/80/212' }),
    symbol: z.string().nullable(),
    official: z.boolean().openapi({ description: 'Whether the key is an official UN symbol (false for local:<name>).' }),
    body: z.string().nullable(),
    session: z.number().int().nullable(),
    title: z.string().nullable(),
    adoptedOn: z.string().nullable(),
    meeting: z.string().nullable(),
    lang: z.string(),
    fileName: z.string(),
    origin: z
      .enum(['import', 'reference'])
      .openapi({ description: 'import: a text imported here (kept whole); reference: the reading shipped with Accord, without the text (importing its file adds it).' }),
    doubts: z.number().int().openapi({ description: 'How many things the parser was unsure about.' }),
    version: z.number().int(),
  })
  .openapi('ResolutionSummary');

type Sub = { anchor: string; label: string; text: string; footnotes: string[]; children: Sub[] };
const subSchema: z.ZodType<Sub> = z
  .object({
    anchor: z.string().openapi({ example: 'op5b-ii' }),
    label: z.string(),
    text: z.string(),
    footnotes: z.array(z.string()),
    get children() {
      return z.array(subSchema);
    },
  })
  .openapi('ResolutionSubParagraph');

export const paragraphSchema = z
  .object({
    anchor: z.string().openapi({ example: 'op13', description: 'pp<n>, op<n> (a section first where numbering restarts: B-op3), opu<k> for an unnumbered one.' }),
    kind: z.enum(['preamble', 'operative']),
    number: z.number().int().nullable(),
    section: z.string().nullable(),
    text: z.string(),
    verb: z.string().nullable(),
    verbPhrase: z.string().nullable(),
    addressee: z.string().nullable(),
    deadline: z.string().nullable(),
    footnotes: z.array(z.string()).openapi({ description: 'The markers of the footnotes in this paragraph.' }),
    subParagraphs: z.array(subSchema),
  })
  .openapi('ResolutionParagraph');

const dueSchema = z.object({
  body: z.string().nullable().openapi({ description: 'Whose session: the body named before "at its", else the adopting body.' }),
  session: z.number().int().nullable(),
  date: z.string().nullable(),
  endsBy: z.string().nullable().openapi({ description: 'The last day the session can be under way, where a rule fixes it (docs/RESOLUTIONS.md); null when not known.' }),
});

export const mandateSchema = z
  .object({
    id: z.string().openapi({ example: 'local-ga-59-regional-arrangements-2004-12-20.op13' }),
    resolution: z.object({ id: z.string(), key: z.string(), title: z.string().nullable() }),
    anchor: z.string(),
    ref: z.string().openapi({ description: 'The paragraph as a link names it: <key>#<anchor>.' }),
    text: z.string().nullable(),
    verb: z.string(),
    addressee: z.string(),
    deadline: z.string().nullable().openapi({ description: 'As the text words it.' }),
    due: dueSchema,
    overdue: z.boolean().nullable().openapi({ description: 'Open or in progress after the session or date it was due at; null when that cannot be told.' }),
    status: z.enum(MANDATE_STATUSES),
    statusNote: z.string().nullable(),
    statusDate: z.string().nullable(),
    answers: z.array(z.object({ kind: z.string(), ref: z.string(), note: z.string().nullable() })),
    answeredBy: z
      .array(z.object({ kind: z.string(), id: z.string(), paragraph: z.string(), note: z.string().nullable() }))
      .openapi({ description: 'Programme records (requests, projects, events, exchanges) linking to the paragraph, as the reader may see them.' }),
    version: z.number().int(),
  })
  .openapi('Mandate');

const familyMember = z.object({ id: z.string(), key: z.string(), title: z.string().nullable(), adoptedOn: z.string().nullable() });

export const resolutionDetailSchema = resolutionSummarySchema
  .extend({
    fileSha256: z.string(),
    paragraphs: z.array(paragraphSchema),
    footnotes: z.array(z.object({ marker: z.string(), text: z.string() })),
    annexes: z.array(z.object({ heading: z.string(), text: z.string() })),
    citations: z.array(z.object({ kind: z.string(), ref: z.string(), body: z.string().nullable(), date: z.string().nullable() })),
    doubtList: z.array(doubtSchema),
    mandates: z.array(mandateSchema),
    family: z.object({
      recalls: z.array(
        z.object({
          ref: z.string(),
          body: z.string().nullable().openapi({ description: 'The body the cited resolution is taken to be of, or null when that cannot be told.' }),
          date: z.string().nullable(),
          stored: familyMember.nullable().openapi({ description: 'The stored resolution it names (the first, when it names several: "75/254 A to C"); null when not stored.' }),
          matches: z.array(familyMember),
        }),
      ),
      later: z.array(familyMember.extend({ reasons: z.array(z.enum(['cites', 'same title'])) })).openapi({ description: 'Later stored resolutions on the subject, oldest first.' }),
      notes: z.array(z.string()).openapi({ description: 'What could not be looked for, and why (a text with no symbol cannot be cited by number).' }),
    }),
  })
  .openapi('Resolution');

export const importedSchema = z
  .object({
    id: z.string(),
    key: z.string(),
    status: z.enum(['created', 'replaced', 'unchanged']),
    version: z.number().int(),
    preambular: z.number().int(),
    operative: z.number().int(),
    mandates: z.number().int(),
    doubts: z.array(doubtSchema),
  })
  .openapi('ResolutionImported');

export const calendarSchema = z
  .object({
    asOf: z.string(),
    groups: z.array(
      z.object({
        body: z.string().nullable(),
        session: z.number().int().nullable(),
        date: z.string().nullable(),
        endsBy: z.string().nullable(),
        overdue: z.number().int(),
        mandates: z.array(mandateSchema),
      }),
    ),
  })
  .openapi('MandateCalendar');

export const comparisonSchema = z
  .object({
    earlier: familyMember,
    later: familyMember,
    pairs: z.array(
      z.object({
        part: z.enum(['preamble', 'operative']),
        earlier: z.string().nullable().openapi({ description: 'The paragraph of the earlier text (its anchor), null for a new one.' }),
        later: z.string().nullable().openapi({ description: 'The paragraph of the later text, null for one dropped.' }),
        change: z.enum(['unchanged', 'typography', 'changed', 'new', 'dropped']),
        moved: z.boolean(),
        similarity: z.number(),
        parts: z
          .array(z.object({ kind: z.enum(['same', 'added', 'removed']), text: z.string() }))
          .openapi({ description: 'The word-level comparison: joined, the same and removed parts give the earlier text, the same and added ones the later.' }),
        note: z.string().nullable(),
      }),
    ),
  })
  .openapi('ResolutionComparison');
