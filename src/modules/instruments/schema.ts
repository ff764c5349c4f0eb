import { z } from '@hono/zod-openapi';
import { allNamesField, confidentialityFields, editableFields, localizedNames, namesCorrection, partialDate, text, writeFields } from '../edits/schema.ts';
import { sourceSchema } from '../sources/schema.ts';
import { INSTRUMENT_KINDS, SYSTEMS } from '../../shared/vocabularies.ts';

export const instrumentSchema = z
  .object({
    code: z.string(),
    title: z.string(),
    titleLang: z.string(),
    titleSource: sourceSchema.nullable().openapi({ description: 'Where the title in `titleLang` is read.' }),
    shortTitle: z.string().nullable(),
    shortTitleLang: z.string().nullable().openapi({ description: 'Language the short title is in (English when none is held in the asked language).' }),
    kind: z.string(),
    binding: z.boolean(),
    system: z.enum(SYSTEMS),
    organization: z.string().nullable(),
    core: z.boolean(),
    untcRef: z.string().nullable(),
    parent: z.string().nullable(),
    adopted: z.string().nullable(),
    adoptedPlace: z.string().nullable(),
    entryIntoForce: z.string().nullable(),
    depositary: z.string().nullable(),
    note: z.string().nullable(),
    unverified: z.array(z.string()).openapi({ description: 'Fields kept without a source.' }),
    verified: z.boolean(),
    sources: z.array(sourceSchema),
    ...editableFields,
    ...allNamesField,
  })
  .openapi('Instrument');

export type InstrumentView = z.infer<typeof instrumentSchema>;

// Write bodies (the HTTP routes take these; the use cases validate with them too).

const code = z.string().regex(/^[A-Z0-9][A-Z0-9-]{0,49}$/, 'must be upper-case letters, digits and hyphens (at most 50)');

/** The fields of an instrument a user may set, each optional on an update. */
const instrumentFields = {
  kind: z.enum(INSTRUMENT_KINDS),
  binding: z.boolean(),
  system: z.enum(SYSTEMS),
  organizationId: z.string().max(100).nullable().openapi({ description: 'The organization whose instrument it is (null for the UN).' }),
  untcRef: text(50).nullable(),
  parentCode: code.nullable().openapi({ description: 'For a protocol or amendment: the instrument it belongs to.' }),
  adopted: partialDate.nullable(),
  adoptedPlace: text(200).nullable(),
  entryIntoForce: partialDate.nullable(),
  depositary: text(300).nullable(),
  note: text(2000).nullable(),
};

export const instrumentCreateSchema = z
  .object({ code, title: localizedNames, shortTitle: localizedNames.optional(), ...instrumentFields, ...confidentialityFields, ...writeFields })
  .partial({ untcRef: true, parentCode: true, adopted: true, adoptedPlace: true, entryIntoForce: true, depositary: true, note: true })
  .strict()
  .openapi('InstrumentCreate');

export const instrumentUpdateSchema = z
  .object({
    title: namesCorrection.optional(),
    shortTitle: namesCorrection.optional(),
    ...z.object(instrumentFields).partial().shape,
    ...confidentialityFields,
    ...writeFields,
  })
  .strict()
  .openapi('InstrumentUpdate', { description: 'The fields to correct (others are left as they are), and the source the correction rests on.' });

export type InstrumentCreateBody = z.infer<typeof instrumentCreateSchema>;
export type InstrumentUpdateBody = z.infer<typeof instrumentUpdateSchema>;
