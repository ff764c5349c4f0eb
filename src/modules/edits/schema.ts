// The parts every write body shares (zod: validation, and the OpenAPI document of the write
// routes): a partial date, the source a change rests on, confidentiality and its audience, and
// the version of the record an update or delete read.
import { z } from '@hono/zod-openapi';
import { isValidDay, isValidPartialDate, today } from '../../shared/dates.ts';
import { isSourceAddress, isWebAddress, SOURCE_ADDRESS_RULE, WEB_ADDRESS_RULE } from '../../shared/source-address.ts';
import { SOURCE_KINDS } from '../../shared/source-kinds.ts';
import { CONFIDENTIALITY_LEVELS, RECORD_ORIGINS } from '../../shared/vocabularies.ts';
import { sourceSchema } from '../sources/schema.ts';

export const PARTIAL_DATE_RULE = 'must be YYYY, YYYY-MM or YYYY-MM-DD and a real date';

export const partialDate = z.string().refine(isValidPartialDate, PARTIAL_DATE_RULE).openapi({ example: '1976-03-23' });

/** Free text of one line or a short paragraph: never empty, never unbounded. */
export const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `at most ${max} characters`);

export const newSourceSchema = z
  .object({
    title: text(500),
    url: z.string().max(1000).refine(isSourceAddress, SOURCE_ADDRESS_RULE),
    kind: z.enum(SOURCE_KINDS),
    retrieved: z
      .string()
      .refine(isValidDay, 'must be a day, YYYY-MM-DD')
      .refine((day) => day <= today(), 'must not be in the future'),
    asOf: partialDate.nullable().optional().openapi({ description: 'The date the source speaks for, when it states one.' }),
  })
  .strict()
  .openapi('NewSource', { description: 'A source the registry does not hold yet: stored with the change, in the same transaction.' });

/** The source of the fact a change enters or corrects: a source id the registry holds, or a new one. */
export const sourceInputSchema = z.union([z.string().min(1).max(200).openapi({ description: 'The id of a source the registry holds (GET /api/v1/sources).' }), newSourceSchema]).openapi('SourceInput');

export type SourceInput = z.infer<typeof sourceInputSchema>;

/** `organization:<id>` or `state:<ISO alpha-3>`. */
export const scopeSchema = z.string().regex(/^(organization:[a-z0-9][a-z0-9-]{0,99}|state:[A-Z]{3})$/, 'must be organization:<id> or state:<ISO alpha-3>');

/** Who may see the record; both optional (a new record is public). */
export const confidentialityFields = {
  confidentiality: z.enum(CONFIDENTIALITY_LEVELS).optional(),
  audience: z.array(scopeSchema).max(50, 'at most 50 scopes').optional().openapi({ description: 'For a restricted record: the organizations and States that may see it (not empty).' }),
};

/** What every write body carries. */
export const writeFields = {
  source: sourceInputSchema,
};

/** The version of the record an update or delete read (the HTTP layer takes it from If-Match). */
export const expectedVersion = z.number().int().positive().optional();

const fieldValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/** A field a user corrected on a seeded record: the value followed, and the seeded one it overrides, each with its sources. */
export const correctionSchema = z
  .object({
    field: z.string().openapi({ description: 'The field, as write bodies name it (e.g. `entryIntoForce`).' }),
    value: fieldValue.openapi({ description: 'The corrected value: the one the record shows.' }),
    source: sourceSchema.nullable(),
    by: z.string().openapi({ description: 'The actor who corrected it (user:<id>, system:cli…).' }),
    at: z.string(),
    overridden: z.object({ value: fieldValue, sources: z.array(sourceSchema) }).openapi({ description: 'What the shipped reference data say, with their sources.' }),
  })
  .openapi('Correction');

/** Who may see the record, as its read view gives it (modules/edits/access.ts accessView): what
 *  an edit form starts from, so that a correction keeps the record's level unless it says otherwise. */
export const accessFields = {
  confidentiality: z.enum(CONFIDENTIALITY_LEVELS).openapi({ description: '`public`: anyone; `internal`: signed-in users; `restricted`: the audience and OHCHR.' }),
  audience: z.array(z.string()).openapi({
    description: 'For a restricted record: the organizations and States it is shown to (`organization:<id>`, `state:<ISO3>`); empty for public and internal records.',
  }),
};

/** What every editable record's read view adds: its version (the ETag of an update), origin, corrections and who may see it. */
export const editableFields = {
  version: z.number().int().openapi({ description: 'The version of the record: send it back in If-Match to update or delete it.' }),
  origin: z.enum(RECORD_ORIGINS).openapi({ description: '`reference`: shipped with Accord; `user`: entered by an editor.' }),
  corrections: z.array(correctionSchema),
  ...accessFields,
};

/** Names in the six languages, English required: what a new record is called. */
export const localizedNames = z
  .object({ en: text(300) })
  .extend({ ar: text(300).optional(), es: text(300).optional(), fr: text(300).optional(), ru: text(300).optional(), zh: text(300).optional() })
  .strict()
  .openapi('LocalizedNames');

export type LocalizedNames = z.infer<typeof localizedNames>;

const nameCorrection = text(300).nullable().optional();

/** A correction of a record's names: per language given, the new name, or null to remove one
 *  entered through Accord (a shipped name is corrected, never removed; English never removed). */
export const namesCorrection = z.object({ en: nameCorrection, ar: nameCorrection, es: nameCorrection, fr: nameCorrection, ru: nameCorrection, zh: nameCorrection }).strict().openapi('NamesCorrection');

export const webAddress = z.string().max(500).refine(isWebAddress, WEB_ADDRESS_RULE);

/** A State by its ISO alpha-3 code (whether the registry holds it is checked by the use case). */
export const iso3Code = z.string().regex(/^[A-Z]{3}$/, 'must be an ISO alpha-3 code in capitals, e.g. KEN');

/** Every name of a record in every language, as shown, per name field (`name`, `acronym`…):
 *  what an edit form starts from. Only in the answer about one record. */
export const allNamesField = {
  names: z
    .record(z.string(), z.record(z.string(), z.string()))
    .optional()
    .openapi({ description: 'In the answer about one record: each name field, per language, as shown (what an edit form starts from).' }),
};

/** What a create answers: the new record's id and version. */
export const createdSchema = z.object({ id: z.string(), version: z.number().int() }).openapi('Created');
/** What an update answers: the fields changed (empty when none) and the version now. */
export const updatedSchema = z.object({ changed: z.array(z.string()), version: z.number().int() }).openapi('Updated');
export const deletedSchema = z.object({ deleted: z.boolean() }).openapi('Deleted');
