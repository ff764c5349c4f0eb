// Response shapes of the procedure endpoints (validation and OpenAPI in one place).
import { z } from '@hono/zod-openapi';
import { sourceSchema } from '../sources/schema.ts';
import { treatyStatusEnum } from '../treaty-status/schema.ts';
import { PROCEDURE_EFFECTS, PROCEDURE_STATUSES, SYSTEMS, type ProcedureStatus } from '../../shared/vocabularies.ts';
import { PROCEDURE_KINDS } from './catalogue.ts';

export const procedureStatusEnum = z.enum(PROCEDURE_STATUSES).openapi({
  description:
    'accepted: the State is under the procedure at the date (its declaration, its being party to the protocol, or being party without having opted out); ' +
    "notAccepted: party, and the depositary's full list shows no declaration by that date; optedOut: party, with a declaration that it does not recognize the competence, not withdrawn by that date; " +
    'withdrawn: its acceptance was withdrawn; notParty: not party to the instrument at the date; notInForce: the procedure does not operate yet (its instrument is not in force, or fewer States accept it than its article requires); noData: no source Accord holds speaks for the State at that date, or its act has no known day; ' +
    'superseded: the optional clause no longer exists (the European Court after Protocol No. 11, 1 November 1998).',
});

export const procedureSchema = z
  .object({
    id: z.string().openapi({ example: 'cat-22' }),
    system: z.enum(SYSTEMS),
    instrument: z.string(),
    article: z.string().openapi({ example: 'art. 22' }),
    kind: z.enum(PROCEDURE_KINDS).openapi({ description: "individual or inter-State communications, inquiry, or a court's jurisdiction." }),
    acceptance: z
      .enum(['declaration', 'party', 'party-unless-opted-out'])
      .openapi({ description: 'How a State comes under it: a declaration (opt-in), becoming party to the protocol, or being party unless it opted out.' }),
    optOutArticle: z.string().nullable(),
    mechanism: z.string(),
    until: z.string().nullable(),
    sourceIds: z.array(z.string()).openapi({ description: 'Where the rule is read (the treaty text or the depositary page).' }),
  })
  .openapi('Procedure');

export const procedureActSchema = z
  .object({
    effect: z.enum(PROCEDURE_EFFECTS),
    date: z.string().nullable(),
    dateFromConsent: z.boolean().openapi({ description: "True when the text is undated and, as the depositary page says, was made with the consent to be bound: the date is that consent's." }),
    quote: z.string().openapi({ description: 'The words of the declaration (or end note) the act is read from.' }),
    sourceIds: z.array(z.string()),
    collection: z.string(),
    file: z.string(),
    row: z.number().int(),
  })
  .openapi('ProcedureAct');

export const procedureAtSchema = z.object({
  status: procedureStatusEnum,
  treatyStatus: treatyStatusEnum,
  since: z.string().nullable(),
  act: procedureActSchema.nullable(),
});

const sources = z.record(z.string(), sourceSchema);
const counts = z.object(Object.fromEntries(PROCEDURE_STATUSES.map((s) => [s, z.number().int()])) as Record<ProcedureStatus, z.ZodNumber>).openapi('ProcedureCounts');

export const stateProceduresSchema = z
  .object({
    iso3: z.string(),
    asOf: z.string(),
    procedures: z.array(procedureSchema.extend(procedureAtSchema.shape)),
    sources,
  })
  .openapi('StateProcedures');

export const procedureListSchema = z
  .object({
    asOf: z.string(),
    procedures: z.array(procedureSchema.extend({ counts })),
    sources,
  })
  .openapi('ProcedureList');

export const procedureStatesSchema = z
  .object({
    asOf: z.string(),
    procedure: procedureSchema.extend({ counts }),
    states: z.array(procedureAtSchema.extend({ iso3: z.string() })),
    sources,
  })
  .openapi('ProcedureStates');
