// Reading requests for assistance: the list (filters, sort, pages) and one request. Each asker
// sees the requests their view lets through (restricted ones: OHCHR and the audience, by
// default the requesting State's editors); answers are cached per visibility.
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { isOhchr } from '../access/principal.ts';
import type { Deps } from '../../server/deps.ts';
import { principalOf, readerOf } from '../../server/http/auth.ts';
import type { ReadTopic } from '../../server/http/cache.ts';
import { paginate } from '../../server/http/list.ts';
import { resolveLang } from '../../server/http/negotiate.ts';
import { langParam, listEnvelope, listQuery } from '../../server/http/query.ts';
import { requireSeen } from '../../server/http/record-writes.ts';
import { cacheKey, readRoute } from '../../server/http/route-kit.ts';
import { requestListQuery, requestSchema, type RequestSummary, requestSummarySchema } from './schema.ts';
import { listRequestSummaries, requestView } from './service.ts';

/** What these answers read: the links name projects and events, whose visibility they check. */
const READS: readonly ReadTopic[] = ['requests', 'projects', 'events', 'states', 'names', 'sources'];

export const requestIdParam = {
  id: z
    .string()
    .max(100)
    .openapi({ param: { name: 'id', in: 'path' }, example: 'req-k3v9q2m8xa' }),
};

export function registerRequestRoutes(app: OpenAPIHono, { cache }: Deps): void {
  app.openapi(
    readRoute({
      path: '/api/v1/requests',
      tag: 'Cooperation',
      summary: "States' requests for assistance the asker may see, with their status and whether they are overdue",
      query: { ...listQuery, ...requestListQuery },
      response: listEnvelope(requestSummarySchema, 'AssistanceRequestList'),
    }),
    async (c) => {
      const q = c.req.valid('query');
      const lang = resolveLang(c, q.lang);
      const overdue = q.overdue === undefined ? undefined : q.overdue === 'true';
      return cache.json(c, cacheKey(c, lang), READS, async () =>
        paginate(
          await listRequestSummaries(readerOf(c), { state: q.state, status: q.status, receivedFrom: q.receivedFrom, receivedTo: q.receivedTo, overdue }, lang),
          { ...q, lang },
          {
            received: (r: RequestSummary) => r.received,
            due: (r) => r.due,
            state: (r) => r.stateName,
            status: (r) => r.status,
            id: (r) => r.id,
          },
          '-received,id',
        ),
      );
    },
  );

  app.openapi(
    readRoute({
      path: '/api/v1/requests/{id}',
      tag: 'Cooperation',
      summary: 'One request for assistance: its workflow steps, what answers it, documents and sources',
      query: { lang: langParam },
      params: requestIdParam,
      response: requestSchema,
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const lang = resolveLang(c, c.req.valid('query').lang);
      const showActors = isOhchr(principalOf(c));
      return cache.json(c, cacheKey(c, lang), READS, async () => requireSeen(await requestView(readerOf(c), id, lang, { showActors }), 'request', id));
    },
  );
}
