import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Deps } from '../../server/deps.ts';
import { readerOf } from '../../server/http/auth.ts';
import { paginate } from '../../server/http/list.ts';
import { resolveLang } from '../../server/http/negotiate.ts';
import { listEnvelope, listQuery } from '../../server/http/query.ts';
import type { ReadTopic } from '../../server/http/cache.ts';
import { cacheKey, readRoute } from '../../server/http/route-kit.ts';
import { listSourceEntries } from './repository.ts';
import { sourceEntrySchema, type SourceEntry } from './schema.ts';

/** What these answers read: a write to any of these topics renews them. */
const READS: readonly ReadTopic[] = ['sources'];

export function registerSourceRoutes(app: OpenAPIHono, { cache }: Deps): void {
  app.openapi(
    readRoute({
      path: '/api/v1/sources',
      tag: 'Sources',
      summary: 'Every source the registry cites, with the day it was consulted',
      query: listQuery,
      response: listEnvelope(sourceEntrySchema, 'SourceList'),
    }),
    async (c) => {
      const db = readerOf(c);
      const q = c.req.valid('query');
      const lang = resolveLang(c, q.lang);
      return cache.json(c, cacheKey(c, lang), READS, async () =>
        paginate(
          await listSourceEntries(db),
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
