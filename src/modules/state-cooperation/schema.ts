// A State's cooperation history as the API shows it (GET /api/v1/states/{iso3}/cooperation).
import { z } from '@hono/zod-openapi';
import { CONFIDENTIALITY_LEVELS, EVENT_KINDS, PRESENCE_KINDS, PROJECT_STATUSES } from '../../shared/vocabularies.ts';
import { requestSummarySchema } from '../assistance-requests/schema.ts';

const recordRef = z.object({ kind: z.enum(['request', 'project', 'event']), id: z.string() });

export const stateCooperationSchema = z
  .object({
    iso3: z.string(),
    name: z.string(),
    requests: z.array(requestSummarySchema).openapi({ description: 'The requests for assistance the State made, newest first.' }),
    projects: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        status: z.enum(PROJECT_STATUSES),
        start: z.string().nullable().openapi({ description: 'Actual start, else planned.' }),
        end: z.string().nullable().openapi({ description: 'Actual end, else planned.' }),
        percentage: z.string().nullable().openapi({ description: "The State's share of the project, when the project gives shares." }),
        confidentiality: z.enum(CONFIDENTIALITY_LEVELS),
      }),
    ),
    events: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        kind: z.enum(EVENT_KINDS),
        start: z.string(),
        end: z.string().nullable(),
        city: z.string().nullable(),
        country: z.string().nullable(),
        hosted: z.boolean().openapi({ description: 'Held in the State.' }),
        participantsFromState: z.number().int().nullable().openapi({ description: 'Participants counted from the State; null: none counted (not zero).' }),
        confidentiality: z.enum(CONFIDENTIALITY_LEVELS),
      }),
    ),
    presences: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        kind: z.enum(PRESENCE_KINDS),
        seq: z.number().int(),
        from: z.string().nullable().openapi({ description: 'null: the start is not known.' }),
        until: z.string().nullable().openapi({ description: 'null: not ended, or no end known.' }),
      }),
    ),
    recommendations: z
      .array(
        z.object({
          id: z.string(),
          state: z.string(),
          date: z.string().nullable(),
          mechanism: z.string(),
          text: z.string(),
          textLang: z.string(),
          answeredBy: z.array(recordRef).openapi({ description: "This State's records (above) that link to it." }),
        }),
      )
      .openapi({ description: 'The recommendations those records answer (cooperation links).' }),
  })
  .openapi('StateCooperation');

export type StateCooperation = z.infer<typeof stateCooperationSchema>;
