import { z } from '@hono/zod-openapi';
import { sourceSchema } from '../sources/schema.ts';
import { ACCEPTANCE_NEEDS, COVERAGE_RULES, SYSTEMS } from '../../shared/vocabularies.ts';

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
  })
  .openapi('Mechanism');

export type MechanismView = z.infer<typeof mechanismSchema>;
