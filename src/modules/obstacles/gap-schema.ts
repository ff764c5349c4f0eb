// The answers of the ratification gap analysis (gaps.ts).
import { z } from '@hono/zod-openapi';
import { OBSTACLE_CATEGORIES, OBSTACLE_STATUSES, STRATEGY_KINDS, STRATEGY_STATUSES } from '../../shared/vocabularies.ts';

const named = z.object({ code: z.string(), name: z.string() });
const notPartyStatus = z.enum(['signatory', 'noAction', 'withdrawn']);

export const regionCountsSchema = z
  .object({
    states: z.number().int().openapi({ description: 'States of the region in the registry.' }),
    party: z.number().int(),
    uncertain: z.number().int().openapi({ description: 'Party by an act whose day or source is uncertain.' }),
    notParty: z.number().int().openapi({ description: 'Signatory, no act listed, or withdrawn.' }),
    noData: z.number().int().openapi({ description: 'No source Accord holds speaks for them: unknown, not "not party".' }),
    notOpen: z.number().int().openapi({ description: 'Not eligible, or not yet a State, at the date.' }),
    partyShare: z.number().nullable().openapi({ description: 'party ÷ states, in percent to one decimal.' }),
  })
  .openapi('RatificationCounts');

export const stateGapsSchema = z
  .object({
    state: z.object({ iso3: z.string(), name: z.string() }),
    asOf: z.string(),
    region: named.nullable().openapi({ description: 'The M49 region the comparison is with.' }),
    principal: z.array(z.string()).openapi({ description: 'The principal instruments: those the registry flags as core (the nine core treaties and their optional protocols).' }),
    gaps: z.array(
      z.object({
        instrument: named,
        status: notPartyStatus,
        since: z.string().nullable().openapi({ description: 'The date of the act that gives the status (a signature, a denunciation), when known.' }),
        obstacles: z
          .array(z.object({ id: z.string(), category: z.enum(OBSTACLE_CATEGORIES), description: z.string(), status: z.enum(OBSTACLE_STATUSES), identified: z.string() }))
          .openapi({ description: 'Obstacles recorded (those the reader may see). Empty: none recorded, which is not none.' }),
        recommendations: z.array(
          z.object({
            id: z.string(),
            action: z.string(),
            mechanism: z.string(),
            cycle: z.number().nullable(),
            session: z.number().nullable(),
            date: z.string().nullable(),
            recommender: z.string().nullable(),
            text: z.string(),
            response: z.string().nullable().openapi({ description: "The State's response; null where none is recorded." }),
            document: z.string().nullable(),
          }),
        ),
        strategies: z.array(
          z.object({
            id: z.string(),
            obstacle: z.string(),
            kind: z.enum(STRATEGY_KINDS),
            status: z.enum(STRATEGY_STATUSES),
            description: z.string(),
            start: z.string().nullable(),
            end: z.string().nullable(),
          }),
        ),
        region: regionCountsSchema.nullable(),
      }),
    ),
    unknown: z.array(named).openapi({ description: 'Principal instruments no source Accord holds speaks for this State under: unknown, not gaps.' }),
    notOpen: z.array(named.extend({ status: z.enum(['notEligible', 'notYetState']) })),
    parties: z.array(named),
  })
  .openapi('StateRatificationGaps');

const gapState = z.object({ iso3: z.string(), name: z.string(), status: notPartyStatus, obstacles: z.array(z.string()) });

export const instrumentGapsSchema = z
  .object({
    instrument: named,
    asOf: z.string(),
    region: z.string().nullable(),
    counts: regionCountsSchema,
    groups: z
      .array(z.object({ category: z.enum(OBSTACLE_CATEGORIES), states: z.array(gapState) }))
      .openapi({ description: 'The States not party, by the category of the obstacles that stand (a State with two categories is in both).' }),
    noObstacleRecorded: z.array(gapState).openapi({ description: 'States not party with no standing obstacle recorded: not a category, and not "no obstacle".' }),
    unknown: z.array(z.object({ iso3: z.string(), name: z.string() })).openapi({ description: 'States no source speaks for under the instrument.' }),
  })
  .openapi('InstrumentRatificationGaps');

export type StateGapsView = z.infer<typeof stateGapsSchema>;
export type InstrumentGapsView = z.infer<typeof instrumentGapsSchema>;
