// GET /api/v1/recommendations/ratification-outcomes (and /csv): what States did after
// recommendations to become party to an instrument; GET /api/v1/recommendations/instrument-links:
// the links the recogniser made, for review. Registered before /api/v1/recommendations/{id}.
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Deps } from '../../server/deps.ts';
import { readerOf } from '../../server/http/auth.ts';
import type { ReadTopic } from '../../server/http/cache.ts';
import { resolveLang } from '../../server/http/negotiate.ts';
import { langParam } from '../../server/http/query.ts';
import { cacheKey, errorResponses, readRoute } from '../../server/http/route-kit.ts';
import { RECOMMENDATION_RESPONSES } from '../../shared/vocabularies.ts';
import { outcomesCsv } from './csv.ts';
import { listLinks } from './link-views.ts';
import { RATIFY_ACTIONS } from './links.ts';
import { OUTCOME_GROUPINGS, ratificationOutcomes } from './outcomes.ts';
import { oneOf } from '../recommendations/schema.ts';
import { linkListSchema, outcomesSchema } from './schema.ts';

const READS: readonly ReadTopic[] = ['recommendations', 'treaty-model', 'states', 'names', 'sources'];

const instrumentParam = oneOf("an instrument's code", /^[A-Z0-9][A-Za-z0-9-]{0,49}$/, 'CRPD');
const stateParam = oneOf('a State addressed, ISO alpha-3', /^[A-Z]{3}$/, 'FJI');

const outcomeQuery = {
  instrument: instrumentParam,
  region: oneOf('a UN regional group as the registry records it (AG, APG, EEG, GRULAC, WEOG)', /^(AG|APG|EEG|GRULAC|WEOG)$/, 'APG'),
  state: stateParam,
  response: oneOf('supported, noted, partially-supported or pending (default supported,noted)', new RegExp(`^(${RECOMMENDATION_RESPONSES.join('|')})$`), 'supported'),
  by: z.enum(OUTCOME_GROUPINGS).optional().openapi({ description: 'Rows per instrument (default), per instrument and regional group, or per instrument and State.' }),
  lang: langParam,
};

const csvRoute = createRoute({
  method: 'get',
  path: '/api/v1/recommendations/ratification-outcomes/csv',
  tags: ['Recommendations'],
  summary: 'The outcomes of recommendations to ratify, as CSV',
  request: { query: z.strictObject(outcomeQuery) },
  responses: { 200: { description: 'The table, as an attachment.', content: { 'text/csv': { schema: z.string() } } }, ...errorResponses },
});

export function registerInstrumentLinkRoutes(app: OpenAPIHono, { cache }: Deps): void {
  app.openapi(
    readRoute({
      path: '/api/v1/recommendations/ratification-outcomes',
      tag: 'Recommendations',
      summary: 'Of the recommendations to ratify, accede to or become party to an instrument, how many the State followed within one, two and five years',
      query: outcomeQuery,
      response: outcomesSchema,
    }),
    async (c) => {
      const db = readerOf(c);
      const q = c.req.valid('query');
      const lang = resolveLang(c, q.lang);
      return cache.json(c, cacheKey(c, lang), READS, () => ratificationOutcomes(db, { ...q, lang }));
    },
  );

  app.openapi(csvRoute, async (c) => {
    const q = c.req.valid('query');
    const lang = resolveLang(c, q.lang);
    const body = `\uFEFF${outcomesCsv(await ratificationOutcomes(readerOf(c), { ...q, lang }))}`;
    return c.body(body, 200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': 'attachment; filename="accord-ratification-outcomes.csv"', 'Cache-Control': 'no-store' });
  });

  app.openapi(
    readRoute({
      path: '/api/v1/recommendations/instrument-links',
      tag: 'Recommendations',
      summary: 'The instruments recommendations ask about, as the recogniser read them, with the words it matched: for review',
      query: {
        instrument: instrumentParam,
        action: oneOf(RATIFY_ACTIONS.join(', '), new RegExp(`^(${RATIFY_ACTIONS.join('|')})$`), 'ratify'),
        state: stateParam,
        review: z.enum(['any', 'unreviewed', 'confirmed', 'rejected']).optional().openapi({ description: 'Only links with this review (default any).' }),
        limit: z.coerce.number().int().min(1).max(200).optional().openapi({ description: 'Items per page (default 50, at most 200).' }),
        after: z.string().max(200).optional().openapi({ description: 'The `next` of the previous page.' }),
        lang: langParam,
      },
      response: linkListSchema,
    }),
    async (c) => {
      const db = readerOf(c);
      const q = c.req.valid('query');
      const lang = resolveLang(c, q.lang);
      return cache.json(c, cacheKey(c, lang), ['recommendations', 'names'], () => listLinks(db, { ...q, lang }));
    },
  );
}
