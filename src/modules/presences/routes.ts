import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Deps } from '../../server/deps.ts';
import { readerOf } from '../../server/http/auth.ts';
import { paginate } from '../../server/http/list.ts';
import { resolveLang } from '../../server/http/negotiate.ts';
import { listEnvelope, listQuery } from '../../server/http/query.ts';
import type { ReadTopic } from '../../server/http/cache.ts';
import { cacheKey, readRoute } from '../../server/http/route-kit.ts';
import { presenceSchema, type PresenceView } from './schema.ts';
import { listPresenceViews } from './service.ts';

/** What these answers read: a write to any of these topics renews them. */
const READS: readonly ReadTopic[] = ['presences', 'states', 'names', 'sources'];

export function registerPresenceRoutes(app: OpenAPIHono, { cache }: Deps): void {
  app.openapi(
    readRoute({
      path: '/api/v1/presences',
      tag: 'Presences',
      summary: 'OHCHR regional field presences and the States they cover',
      query: listQuery,
      response: listEnvelope(presenceSchema, 'PresenceList'),
    }),
    async (c) => {
      const db = readerOf(c);
      const q = c.req.valid('query');
      const lang = resolveLang(c, q.lang);
      return cache.json(c, cacheKey(c, lang), READS, async () =>
        paginate(
          await listPresenceViews(db, lang),
          { ...q, lang },
          {
            id: (p: PresenceView) => p.id,
            name: (p) => p.name,
            opened: (p) => p.opened,
            kind: (p) => p.kind,
          },
          'name',
        ),
      );
    },
  );
}
