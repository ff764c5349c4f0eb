// The shapes of a State's summary of recommendations (summary.ts) and of a recommendation's
// related ones (related.ts), for validation and the OpenAPI document.
import { z } from '@hono/zod-openapi';
import { recommendationSchema } from './schema.ts';

const yearCount = z.object({
  year: z.string().nullable().openapi({ description: 'YYYY; null: the source gives no date.' }),
  value: z.string().nullable(),
  count: z.number().int(),
});

export const recommendationSummarySchema = z
  .object({
    state: z.string(),
    recommendations: z.number().int().openapi({ description: 'Source rows addressed to the State, voluntary pledges apart (a joint recommendation counts once per recommending State).' }),
    pledges: z.number().int().openapi({ description: "The State's own voluntary pledges, counted apart." }),
    byResponse: z.array(yearCount).openapi({ description: 'Per year and response; `value` null: the source gives no response (not known), never "no response".' }),
    byMechanism: z.array(yearCount).openapi({ description: 'Per year and mechanism.' }),
    themes: z
      .array(z.object({ value: z.string(), count: z.number().int() }))
      .openapi({ description: 'The most frequent themes (the source’s own tags), at most 8; a row with several themes counts in each.' }),
    byTheme: z.array(yearCount).openapi({ description: 'Per year, for the themes listed in `themes`.' }),
    pledgesByYear: z.array(z.object({ year: z.string().nullable(), count: z.number().int() })),
  })
  .openapi('RecommendationSummary');

export const relatedRecommendationsSchema = z
  .object({
    words: z.array(z.string()).openapi({ description: 'The distinctive words of the text (folded, rarest first) that the similar ones share: similarity is ranked on these alone.' }),
    sameState: z.array(recommendationSchema).openapi({ description: 'At most 10 rows to the same State with the most similar texts, other than the rows of this text in this session.' }),
    similar: z.array(recommendationSchema).openapi({ description: 'At most 10 rows with the most similar texts, to any State, other than the rows of this text to this State in this session.' }),
  })
  .openapi('RelatedRecommendations');

export type RecommendationSummaryView = z.infer<typeof recommendationSummarySchema>;
export type RelatedRecommendationsView = z.infer<typeof relatedRecommendationsSchema>;
