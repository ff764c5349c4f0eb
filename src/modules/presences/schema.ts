import { z } from '@hono/zod-openapi';
import { PRESENCE_KINDS } from '../../shared/vocabularies.ts';
import { allNamesField, confidentialityFields, editableFields, iso3Code, localizedNames, namesCorrection, partialDate, text, writeFields } from '../edits/schema.ts';
import { sourceSchema } from '../sources/schema.ts';

/** A coverage period as the answer about one presence gives it: every period, whatever the date. */
export const coveragePeriodSchema = z
  .object({
    seq: z.number().int().openapi({ description: 'The number of the period in its presence: `{id}/{seq}` names it.' }),
    iso3: z.string(),
    from: z.string().nullable().openapi({ description: 'YYYY, YYYY-MM or YYYY-MM-DD; null: the start is not known.' }),
    until: z.string().nullable().openapi({ description: 'When the coverage ended, as precisely as known; null: it has not ended (or no end is known).' }),
    note: z.string().nullable(),
    sources: z.array(sourceSchema),
    verified: z.boolean(),
    ...editableFields,
  })
  .openapi('CoveragePeriod');

/** A period that holds at the asked date. */
export const coverageAtSchema = z
  .object({
    seq: z.number().int(),
    iso3: z.string(),
    from: z.string().nullable(),
    until: z.string().nullable(),
    uncertain: z.boolean().openapi({ description: 'True when the date falls inside the span of a start known only to the year or month, or the start is not known.' }),
  })
  .openapi('CoverageAt');

export const presenceSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    nameLang: z.string(),
    kind: z.enum(PRESENCE_KINDS),
    seat: z.object({ city: z.string().nullable(), iso3: z.string().nullable() }),
    opened: z.string().nullable(),
    closed: z.string().nullable(),
    asOf: z.string().openapi({ description: 'The date `open`, `covers` and `coverage` are given for.' }),
    open: z.boolean().openapi({ description: 'Whether the presence is open at `asOf` (an unknown opening counts as open).' }),
    covers: z.array(z.string()).openapi({ description: 'The States the presence covers at `asOf` (ISO alpha-3).' }),
    coverage: z.array(coverageAtSchema).openapi({ description: 'The coverage periods holding at `asOf`.' }),
    mandate: z.string().nullable(),
    unverified: z.array(z.string()),
    verified: z.boolean(),
    sources: z.array(sourceSchema),
    ...editableFields,
  })
  .openapi('Presence');

/** One presence: what the list gives, and every coverage period with its sources. */
export const presenceDetailSchema = presenceSchema.extend({ periods: z.array(coveragePeriodSchema), ...allNamesField }).openapi('PresenceDetail');

export type PresenceView = z.infer<typeof presenceSchema>;
export type PresenceDetail = z.infer<typeof presenceDetailSchema>;
export type CoveragePeriodView = z.infer<typeof coveragePeriodSchema>;

// Write bodies (the HTTP routes take these; the use cases validate with them too).

const presenceFields = {
  kind: z.enum(PRESENCE_KINDS),
  seatCity: text(200).nullable(),
  seatIso3: iso3Code.nullable(),
  opened: partialDate.nullable(),
  closed: partialDate.nullable(),
  mandate: text(2000).nullable(),
};

export const presenceCreateSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]{0,99}$/, 'must be lower-case letters, digits and hyphens, starting with a letter (at most 100)'),
    name: localizedNames,
    ...presenceFields,
    ...confidentialityFields,
    ...writeFields,
  })
  .partial({ seatCity: true, seatIso3: true, opened: true, closed: true, mandate: true })
  .strict()
  .openapi('PresenceCreate');

export const presenceUpdateSchema = z
  .object({
    name: namesCorrection.optional(),
    ...z.object(presenceFields).partial().shape,
    ...confidentialityFields,
    ...writeFields,
  })
  .strict()
  .openapi('PresenceUpdate', { description: 'The fields to correct (others are left as they are), and the source the correction rests on.' });

const coverageFields = {
  iso3: iso3Code,
  from: partialDate.nullable().openapi({ description: 'When the presence began to cover the State; null only when no source says.' }),
  until: partialDate.nullable().openapi({ description: 'When the coverage ended; null while it lasts.' }),
  note: text(2000).nullable(),
};

export const coveragePeriodCreateSchema = z
  .object({ ...coverageFields, ...confidentialityFields, ...writeFields })
  .partial({ until: true, note: true })
  .strict()
  .openapi('CoveragePeriodCreate');

export const coveragePeriodUpdateSchema = z
  .object({ ...z.object(coverageFields).partial().shape, ...confidentialityFields, ...writeFields })
  .strict()
  .openapi('CoveragePeriodUpdate', { description: 'The fields to correct (others are left as they are), and the source the correction rests on.' });

export type PresenceCreateBody = z.infer<typeof presenceCreateSchema>;
export type PresenceUpdateBody = z.infer<typeof presenceUpdateSchema>;
export type CoveragePeriodCreateBody = z.infer<typeof coveragePeriodCreateSchema>;
export type CoveragePeriodUpdateBody = z.infer<typeof coveragePeriodUpdateSchema>;
