// Writing the follow-up of recommendations over HTTP: each route hands the body to its use case
// (write.ts, bulk.ts), which asks the policy inside its transaction. Entries are added, never
// overwritten, so no If-Match is needed (write.ts says why); a mistaken one is withdrawn, which
// only a live entry can be (409 otherwise). A recommendation is looked up as the asker's view
// finds it first, as every write does.
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Deps } from '../../server/deps.ts';
import { principalOf, readerOf } from '../../server/http/auth.ts';
import { requireSeen } from '../../server/http/record-writes.ts';
import { writeRoute } from '../../server/http/route-kit.ts';
import { writeContextOf } from '../../server/http/write-context.ts';
import { runUseCase } from '../audit/pipeline.ts';
import { recommendationQuery } from '../recommendations/routes.ts';
import { bulkFollowUpUseCase } from './bulk.ts';
import { stateOfRecommendation } from './repository.ts';
import { recommendationIdParam } from '../recommendations/schema.ts';
import { actionBody, addedSchema, bulkFields, bulkResultSchema, entityBody, FOLLOW_UP_PART_NAMES, projectBody, statusBody, withdrawalBody, withdrawnEntrySchema } from './schema.ts';
import { followUpEntryOf } from './service.ts';
import { type FollowUpPart, recordFollowUp, withdrawFollowUpUseCase } from './write.ts';

const TAG = 'Recommendations';

const PARTS: { part: FollowUpPart; body: z.ZodType; summary: string }[] = [
  { part: 'statuses', body: statusBody, summary: 'Record where the follow-up of a recommendation stands, from a date on (State editors for their State, OHCHR)' },
  { part: 'entities', body: entityBody, summary: 'Record the national entity responsible for a recommendation' },
  { part: 'actions', body: actionBody, summary: 'Record an action taken on a recommendation, with its evidence (a web address or UN document symbol, and/or a text)' },
  { part: 'projects', body: projectBody, summary: 'Link a cooperation project to a recommendation' },
];

/** The search's filters (GET /api/v1/recommendations), without its paging and language. */
const { sort: _sort, limit: _limit, after: _after, facets: _facets, lang: _lang, ...filterFields } = recommendationQuery;

const entryParams = {
  ...recommendationIdParam,
  part: z.enum(FOLLOW_UP_PART_NAMES).openapi({ param: { name: 'part', in: 'path' }, example: 'statuses' }),
  entryId: z
    .string()
    .regex(/^\d{1,15}$/, "must be the entry's id, a number")
    .transform(Number)
    .openapi({ param: { name: 'entryId', in: 'path' }, type: 'integer', example: '1' }),
};

const bulkBody = bulkFields
  .extend({ filter: z.strictObject(filterFields).openapi({ description: 'The filters of GET /api/v1/recommendations: every recommendation they match is given the status or entity.' }) })
  .openapi('FollowUpAssignment');

export function registerFollowUpWriteRoutes(app: OpenAPIHono, { db }: Deps): void {
  for (const { part, body, summary } of PARTS) {
    app.openapi(writeRoute({ method: 'post', path: `/api/v1/recommendations/{id}/follow-up/${part}`, tag: TAG, summary, params: recommendationIdParam, body, response: addedSchema }), async (c) => {
      const { id } = c.req.valid('param');
      requireSeen(await stateOfRecommendation(readerOf(c), id), 'recommendation', id);
      c.header('Cache-Control', 'no-store');
      return c.json(await recordFollowUp(db, part, { recommendation: id, body: c.req.valid('json') }, writeContextOf(c)), 200);
    });
  }

  app.openapi(
    writeRoute({
      method: 'post',
      path: '/api/v1/recommendations/{id}/follow-up/{part}/{entryId}/withdrawal',
      tag: TAG,
      summary: 'Withdraw a follow-up entry recorded by mistake, saying why: it stays in the history, marked, and counts in no current fact',
      description:
        'Those who may add to the follow-up may withdraw its entries. The entry is never deleted nor changed otherwise; the latest status, the `followUp` facet and filter, exports and bulk assignments leave it out. An entry already withdrawn: 409.',
      params: entryParams,
      body: withdrawalBody,
      response: withdrawnEntrySchema,
    }),
    async (c) => {
      const { id, part, entryId } = c.req.valid('param');
      requireSeen(await stateOfRecommendation(readerOf(c), id), 'recommendation', id);
      c.header('Cache-Control', 'no-store');
      await runUseCase(db, withdrawFollowUpUseCase, { recommendation: id, part, entry: entryId, body: c.req.valid('json') }, writeContextOf(c));
      return c.json({ recommendation: id, part, entry: await followUpEntryOf(readerOf(c), principalOf(c), id, part, entryId) }, 200);
    },
  );

  app.openapi(
    writeRoute({
      method: 'post',
      path: '/api/v1/follow-up/assignments',
      tag: TAG,
      summary: 'Give a status (with its date) or a responsible entity to every recommendation a search matches, in one write',
      description:
        'The filters are those of GET /api/v1/recommendations. Refused (403, nothing written) when the asker may not write for some of the recommendations: the message says how many and names one. `dryRun: true` counts them and writes nothing. One audit record lists every recommendation given the status or entity.',
      body: bulkBody,
      response: bulkResultSchema,
    }),
    async (c) => {
      const { filter, ...body } = c.req.valid('json');
      c.header('Cache-Control', 'no-store');
      return c.json(await runUseCase(db, bulkFollowUpUseCase, { filter, body }, writeContextOf(c)), 200);
    },
  );
}
