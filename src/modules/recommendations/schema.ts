// The recommendations API's shapes (zod: validation and the OpenAPI document).
import { z } from '@hono/zod-openapi';
import { RECOMMENDATION_KINDS, RECOMMENDATION_RESPONSES } from '../../shared/vocabularies.ts';
import { instrumentLinkSchema } from '../recommendation-instruments/schema.ts';
import { sourceSchema } from '../sources/schema.ts';

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
