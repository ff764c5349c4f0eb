import { z } from '@hono/zod-openapi';
import { sourceSchema } from '../sources/schema.ts';
import { SYSTEMS } from '../../shared/vocabularies.ts';

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
  })
  .openapi('Instrument');

export type InstrumentView = z.infer<typeof instrumentSchema>;
