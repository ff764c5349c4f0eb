import { z } from '@hono/zod-openapi';
import { allNamesField, confidentialityFields, editableFields, iso3Code, localizedNames, namesCorrection, partialDate, text, writeFields } from '../edits/schema.ts';
import { sourceSchema } from '../sources/schema.ts';
import { ACCEPTANCE_NEEDS, COVERAGE_RULES, MECHANISM_KINDS, SYSTEMS } from '../../shared/vocabularies.ts';

export const mechanismSchema = z
  .object({
    code: z.string(),
    name: z.string(),
    nameLang: z.string(),
    nameSource: sourceSchema.nullable().openapi({ description: 'Where the name in `nameLang` is read.' }),
    acronym: z.string().nullable(),
    kind: z.string(),
    system: z.enum(SYSTEMS),
    organization: z.string().nullable(),
    seat: z.object({ city: z.string().nullable(), iso3: z.string().nullable() }),
    establishingInstrument: z.string().nullable(),
    established: z.string().nullable(),
    individualComplaints: z.boolean(),
    individualComplaintsNote: z.string().nullable(),
    coverage: z.object({
      basis: z.enum(COVERAGE_RULES),
      organization: z.string().nullable(),
      instruments: z.array(z.string()).openapi({ description: 'Party to any of these instruments brings a State under the mechanism.' }),
      acceptanceNeededFor: z.enum(ACCEPTANCE_NEEDS).nullable(),
      acceptance: z.string().nullable().openapi({ description: 'The declaration needed, as the reference data name it, in English (e.g. "ACHR art. 62 declaration").' }),
    }),
    note: z.string().nullable(),
    unverified: z.array(z.string()),
    verified: z.boolean(),
    sources: z.array(sourceSchema),
    ...editableFields,
    ...allNamesField,
  })
  .openapi('Mechanism');

export type MechanismView = z.infer<typeof mechanismSchema>;

// Write bodies (the HTTP routes take these; the use cases validate with them too).

const instrumentCode = z.string().regex(/^[A-Z0-9][A-Z0-9-]{0,49}$/, 'must be an instrument code, e.g. ACHR');

/** The fields of a mechanism a user may set, each optional on an update; the coverage rule flat. */
const mechanismFields = {
  kind: z.enum(MECHANISM_KINDS),
  system: z.enum(SYSTEMS),
  organizationId: z.string().max(100).nullable(),
  seatCity: text(200).nullable(),
  seatIso3: iso3Code.nullable(),
  establishingInstrument: instrumentCode.nullable(),
  established: partialDate.nullable(),
  individualComplaints: z.boolean(),
  individualComplaintsNote: text(2000).nullable(),
  coverageBasis: z.enum(COVERAGE_RULES),
  coverageOrganization: z.string().max(100).nullable().openapi({ description: 'For the rule `membership`: the organization.' }),
  coverageInstruments: z.array(instrumentCode).max(10).nullable().openapi({ description: 'For the rule `party`: party to any of these instruments.' }),
  coverageAcceptanceNeededFor: z.enum(ACCEPTANCE_NEEDS).nullable(),
  coverageAcceptance: text(300).nullable().openapi({ description: 'The declaration needed, in English (e.g. "ACHR art. 62 declaration").' }),
  note: text(2000).nullable(),
};

export const mechanismCreateSchema = z
  .object({
    code: z.string().regex(/^[A-Z][A-Z0-9-]{0,49}$/, 'must be upper-case letters, digits and hyphens (at most 50)'),
    name: localizedNames,
    acronym: localizedNames.optional(),
    ...mechanismFields,
    ...confidentialityFields,
    ...writeFields,
  })
  .partial({
    seatCity: true,
    seatIso3: true,
    establishingInstrument: true,
    established: true,
    individualComplaintsNote: true,
    coverageOrganization: true,
    coverageInstruments: true,
    coverageAcceptanceNeededFor: true,
    coverageAcceptance: true,
    note: true,
  })
  .strict()
  .openapi('MechanismCreate');

export const mechanismUpdateSchema = z
  .object({
    name: namesCorrection.optional(),
    acronym: namesCorrection.optional(),
    ...z.object(mechanismFields).partial().shape,
    ...confidentialityFields,
    ...writeFields,
  })
  .strict()
  .openapi('MechanismUpdate', { description: 'The fields to correct (others are left as they are), and the source the correction rests on.' });

export type MechanismCreateBody = z.infer<typeof mechanismCreateSchema>;
export type MechanismUpdateBody = z.infer<typeof mechanismUpdateSchema>;
