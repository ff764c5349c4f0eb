import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Deps } from '../../server/deps.ts';
import { readerOf } from '../../server/http/auth.ts';
import { paginate } from '../../server/http/list.ts';
import { resolveLang } from '../../server/http/negotiate.ts';
import { listEnvelope, listQuery } from '../../server/http/query.ts';
import type { ReadTopic } from '../../server/http/cache.ts';
import { cacheKey, readRoute } from '../../server/http/route-kit.ts';
import { SOURCE_KINDS } from '../../shared/source-kinds.ts';
import { listSourceEntries } from './repository.ts';
import { sourceEntrySchema, type SourceEntry } from './schema.ts';
import { sourcesMatching } from './search.ts';

/** What these answers read: a write to any of these topics renews them. */
const READS: readonly ReadTopic[] = ['sources'];

const filters = {
  q: z.string().max(200, 'is longer than 200 characters').optional().openapi({
    example: 'convention torture',
    description: 'Only sources whose id, title or address contains every word given, whatever the case and accents ("cote" finds "Côte"). Blank: every source. Combines with kind, sort and the pages.',
  }),
  kind: z.enum(SOURCE_KINDS).optional().openapi({ description: 'Only sources of this kind: official, secondary or tertiary (sources of no stated kind are left out).' }),
};

export function registerSourceRoutes(app: OpenAPIHono, { cache }: Deps): void {
  app.openapi(
    readRoute({
      path: '/api/v1/sources',
      tag: 'Sources',
      summary: 'Every source the registry cites, with the day it was consulted; or those matching a search',
      query: { ...listQuery, ...filters },
      response: listEnvelope(sourceEntrySchema, 'SourceList'),
    }),
    async (c) => {
      const db = readerOf(c);
      const q = c.req.valid('query');
      const lang = resolveLang(c, q.lang);
      // The key is the address with its query (q and kind included) and what the asker may see.
      return cache.json(c, cacheKey(c, lang), READS, async () =>
        paginate(
          sourcesMatching(await listSourceEntries(db, q.kind), q.q),
          { ...q, lang },
          {
            id: (s: SourceEntry) => s.id,
            title: (s) => s.title,
            url: (s) => s.url,
            retrieved: (s) => s.retrieved,
          },
          'title',
        ),
      );
    },
  );
}
