// The shapes of the instrument links and of the outcomes of recommendations to ratify (zod:
// validation and the OpenAPI document).
import { z } from '@hono/zod-openapi';
import { sourceEntrySchema } from '../sources/schema.ts';
import { LINK_METHODS, RATIFY_ACTIONS } from './links.ts';
import { OUTCOME_WINDOWS, STANDINGS, WINDOW_VERDICTS } from './outcome.ts';

export const REVIEW_VERDICTS = ['confirmed', 'rejected'] as const;
export type ReviewVerdict = (typeof REVIEW_VERDICTS)[number];

export const instrumentLinkSchema = z
  .object({
    instrument: z.string().openapi({ description: "The registry's instrument code." }),
    action: z.enum(RATIFY_ACTIONS).openapi({ description: 'What the recommendation asks of the State for it.' }),
    matched: z.string().openapi({ description: 'The words of the text that name the instrument, as written.' }),
    method: z.enum(LINK_METHODS),
    methodVersion: z.string().openapi({ description: 'The recogniser and list of names that made the link.' }),
    review: z
      .object({ verdict: z.enum(REVIEW_VERDICTS), note: z.string().nullable(), at: z.string() })
      .nullable()
      .openapi({ description: 'A person’s verdict on the link; a rejected link counts in no outcome.' }),
    version: z.number().int().openapi({ description: 'The review’s version, for If-Match ("v0" when none yet).' }),
  })
  .openapi('InstrumentLink');

const countSchema = z
  .object({ rows: z.number().int().openapi({ description: 'Source rows.' }), distinct: z.number().int().openapi({ description: 'Distinct State–instrument–session.' }) })
  .openapi('OutcomeCount');

const windowSchema = z.object(Object.fromEntries(WINDOW_VERDICTS.map((v) => [v, countSchema])) as Record<(typeof WINDOW_VERDICTS)[number], typeof countSchema>);

const actSchema = z
  .object({
    kind: z.string(),
    date: z.string().nullable().openapi({ description: 'YYYY[-MM[-DD]] as the source gives it.' }),
    sources: z.array(z.string()).openapi({ description: 'Ids of `sources`.' }),
    dataset: z.string(),
  })
  .openapi('OutcomeAct');

export const outcomeRowSchema = z.object({
  instrument: z.object({ code: z.string(), name: z.string() }),
  region: z.object({ code: z.string(), name: z.string() }).nullable().openapi({ description: 'The UN regional group as the registry records it (by=region).' }),
  state: z.object({ iso3: z.string(), name: z.string() }).nullable().openapi({ description: 'by=state.' }),
  response: z.string(),
  total: countSchema,
  standing: z.object(Object.fromEntries(STANDINGS.map((s) => [s, countSchema])) as Record<(typeof STANDINGS)[number], typeof countSchema>),
  windows: z.object(Object.fromEntries(OUTCOME_WINDOWS.map((n) => [String(n), windowSchema])) as Record<'1' | '2' | '5', typeof windowSchema>),
});

export const outcomeItemSchema = z.object({
  session: z.number().int().nullable(),
  date: z.string(),
  response: z.string(),
  instrument: z.object({ code: z.string(), name: z.string() }),
  rows: z.number().int(),
  standing: z.enum(STANDINGS),
  windows: z.record(z.string(), z.enum(WINDOW_VERDICTS)).nullable(),
  act: actSchema.nullable(),
});

export const outcomesSchema = z
  .object({
    rule: z.object({
      actions: z.array(z.string()).openapi({ description: 'The requests counted.' }),
      acts: z.array(z.string()).openapi({ description: 'The kinds of treaty action that count as becoming party.' }),
      windows: z.array(z.number().int()),
      dates: z.string(),
      counted: z.string(),
    }),
    by: z.enum(['instrument', 'region', 'state']),
    rows: z.array(outcomeRowSchema),
    items: z.array(outcomeItemSchema).nullable().openapi({ description: 'With exactly one `state`: each recommendation group with what the State did.' }),
    treatyData: z.array(z.object({ instrument: z.string(), hasData: z.boolean(), asOf: z.string().nullable(), sources: z.array(z.string()) })),
    sources: z.array(sourceEntrySchema),
  })
  .openapi('RatificationOutcomes');

export type OutcomesView = z.infer<typeof outcomesSchema>;
export type OutcomeRowView = z.infer<typeof outcomeRowSchema>;
export type InstrumentLinkView = z.infer<typeof instrumentLinkSchema>;

export const linkListSchema = z
  .object({
    total: z.number().int(),
    items: z.array(
      z.object({
        recommendation: z.object({
          id: z.string(),
          state: z.object({ iso3: z.string(), name: z.string() }),
          session: z.number().int().nullable(),
          date: z.string().nullable(),
          response: z.string().nullable(),
          text: z.string(),
        }),
        link: instrumentLinkSchema,
      }),
    ),
    next: z.string().nullable().openapi({ description: 'Pass as `after` for the next page; null on the last.' }),
  })
  .openapi('InstrumentLinkList');

export type InstrumentLinkListView = z.infer<typeof linkListSchema>;

export const linkReviewSchema = z
  .strictObject({
    verdict: z.enum(REVIEW_VERDICTS).openapi({ description: 'confirmed: the text asks this of the State for this instrument; rejected: it does not (the link then counts in no outcome).' }),
    note: z.string().trim().max(2000).nullable().optional().openapi({ description: 'Why, for the next reviewer.' }),
  })
  .openapi('InstrumentLinkReview');

export const linkReviewedSchema = z.object({ version: z.number().int(), changed: z.boolean() }).openapi('InstrumentLinkReviewed');
