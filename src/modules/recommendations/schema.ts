// The recommendations API's shapes (zod: validation and the OpenAPI document).
import { z } from '@hono/zod-openapi';
import { FOLLOW_UP_STATUSES, NO_FOLLOW_UP, RECOMMENDATION_KINDS, RECOMMENDATION_RESPONSES } from '../../shared/vocabularies.ts';
import { instrumentLinkSchema } from '../recommendation-instruments/schema.ts';
import { sourceSchema } from '../sources/schema.ts';

/** A comma-separated list of values of one field: any of them matches. */
export const oneOf = (what: string, pattern: RegExp, example: string) =>
  z
    .string()
    .max(500)
    .refine((v) => v.split(',').every((item) => pattern.test(item.trim())), `must be ${what}, or several separated by commas`)
    .optional()
    .openapi({ example, description: `${what}; several, separated by commas, match any of them` });

/** What a search or an export is asked for: the words, each facet's values, the order. The API
 *  reads it from the query string, `accord recommendations export` from its options. */
export const recommendationFilterQuery = {
  q: z.string().max(300).optional().openapi({ description: 'Words of the text, in any of the six languages: every word must match (a Chinese word matches as written).', example: 'torture' }),
  state: oneOf('a State addressed, ISO alpha-3', /^[A-Z]{3}$/, 'KEN'),
  mechanism: oneOf('a mechanism code', /^[A-Z][A-Z0-9-]{0,49}$/, 'UPR'),
  recommender: oneOf('a recommending State, ISO alpha-3', /^[A-Z]{3}$/, 'FRA'),
  group: oneOf("the addressed State's regional group as the source codes it", /^[\p{L} ()-]{1,40}$/u, 'Africa'),
  organization: oneOf('an organization the addressed State belongs to, as the source lists it', /^[\p{L}\p{N} .()&'-]{1,60}$/u, 'AU'),
  theme: oneOf("a theme (the source's own tag)", /^[\p{L}\p{N} ,.()&'/-]{1,80}$/u, 'Torture and other CID treatment'),
  response: oneOf(RECOMMENDATION_RESPONSES.join(', '), new RegExp(`^(${RECOMMENDATION_RESPONSES.join('|')})$`), 'supported'),
  kind: oneOf(RECOMMENDATION_KINDS.join(', '), new RegExp(`^(${RECOMMENDATION_KINDS.join('|')})$`), 'recommendation'),
  cycle: oneOf('a UPR cycle', /^[1-9][0-9]?$/, '2'),
  session: oneOf('a UPR session', /^[1-9][0-9]{0,2}$/, '19'),
  year: oneOf('a year', /^[12][0-9]{3}$/, '2014'),
  followUp: oneOf(
    `the latest follow-up status the asker may see (${FOLLOW_UP_STATUSES.join(', ')}), or ${NO_FOLLOW_UP} for no follow-up recorded`,
    new RegExp(`^(${[...FOLLOW_UP_STATUSES, NO_FOLLOW_UP].join('|')})$`),
    'in-progress',
  ),
  instrument: oneOf('an instrument the text asks the State to ratify, accede to, sign or withdraw reservations to (its code)', /^[A-Z0-9][A-Za-z0-9-]{0,49}$/, 'CRPD'),
  sort: z.enum(['newest', 'oldest']).optional().openapi({ description: 'By date (then as stored): newest first (default) or oldest first.' }),
};

/** The path parameter naming one recommendation (its text id) in /api/v1/recommendations/{id}/…. */
export const recommendationIdParam = {
  id: z
    .string()
    .max(100)
    .openapi({ param: { name: 'id', in: 'path' }, example: 'upr-7b539938deda5ea0a617ff76' }),
};

export const recommendationSchema = z
  .object({
    id: z.string(),
    kind: z.enum(RECOMMENDATION_KINDS),
    mechanism: z.string(),
    state: z.object({ iso3: z.string(), name: z.string(), group: z.string().nullable().openapi({ description: 'As the source codes it.' }), organizations: z.array(z.string()) }),
    recommender: z.object({ iso3: z.string().nullable(), name: z.string().openapi({ description: 'The registry name, else the name the source gives.' }), group: z.string().nullable() }).nullable(),
    cycle: z.number().int().nullable(),
    session: z.number().int().nullable(),
    date: z.string().nullable().openapi({ description: 'YYYY[-MM[-DD]], as precise as known: for the UPR, the month (or year) of the session.' }),
    documentSymbol: z.string().nullable(),
    text: z.string(),
    textLang: z.string(),
    response: z.enum(RECOMMENDATION_RESPONSES).nullable().openapi({ description: 'null: the source gives none (a pledge, or not known), never "no response".' }),
    responseAsWritten: z.string().nullable(),
    actionCategory: z.number().int().nullable().openapi({ description: "UPR Info's action category, 1 (minimal) to 5 (specific action)." }),
    themes: z.array(z.string()).openapi({ description: "The source's own tags, as tagged." }),
    groupKey: z.string().openapi({ description: 'The same for the same text made by several States to one State in one session.' }),
    dataset: z.string(),
    sourceRow: z.number().int(),
    source: sourceSchema.nullable(),
  })
  .openapi('Recommendation');

const facetSchema = z.array(z.object({ value: z.string(), label: z.string(), count: z.number().int() }));

export const recommendationSearchSchema = z
  .object({
    total: z.number().int().openapi({ description: 'Source rows matching (a joint recommendation counts once per recommending State).' }),
    facets: z.record(z.string(), facetSchema).nullable().openapi({ description: 'Per facet, the values among the matches with their counts (each facet ignores its own filter).' }),
    items: z.array(recommendationSchema),
    next: z.string().nullable().openapi({ description: 'Pass as `after` for the next page; null on the last.' }),
  })
  .openapi('RecommendationSearch');

export const recommendationDetailSchema = recommendationSchema
  .extend({
    sameText: z.array(recommendationSchema).openapi({ description: 'Every source row of the same text to the same State in the same session (this one included).' }),
    instrumentLinks: z
      .array(instrumentLinkSchema)
      .openapi({ description: 'The instruments the text asks the State to ratify, accede to, sign or withdraw reservations to, as the recogniser read them, each with its review.' }),
  })
  .openapi('RecommendationDetail');

export type RecommendationView = z.infer<typeof recommendationSchema>;
export type RecommendationSearchView = z.infer<typeof recommendationSearchSchema>;
