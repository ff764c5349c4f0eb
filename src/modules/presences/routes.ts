import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Deps } from '../../server/deps.ts';
import { readerOf } from '../../server/http/auth.ts';
import { paginate } from '../../server/http/list.ts';
import { resolveAsOf, resolveLang } from '../../server/http/negotiate.ts';
import { asOfParam, langParam, listEnvelope, listQuery } from '../../server/http/query.ts';
import type { ReadTopic } from '../../server/http/cache.ts';
import { cacheKey, readRoute } from '../../server/http/route-kit.ts';
import { presenceDetailSchema, presenceSchema, type PresenceView } from './schema.ts';
import { listPresenceViews, presenceView } from './service.ts';

/** What these answers read: a write to any of these topics renews them. */
const READS: readonly ReadTopic[] = ['presences', 'states', 'names', 'sources'];

export const presenceIdParam = {
  id: z
    .string()
    .max(100)
    .openapi({ param: { name: 'id', in: 'path' }, example: 'ro-southern-africa' }),
};

export function registerPresenceRoutes(app: OpenAPIHono, { cache }: Deps): void {
  app.openapi(
    readRoute({
      path: '/api/v1/presences',
      tag: 'Presences',
      summary: 'OHCHR field presences and the States each covers at a date (asOf, default today)',
      query: { ...listQuery, asOf: asOfParam },
      response: listEnvelope(presenceSchema, 'PresenceList'),
    }),
    async (c) => {
      const db = readerOf(c);
      const q = c.req.valid('query');
      const lang = resolveLang(c, q.lang);
      const asOf = resolveAsOf(q.asOf);
      return cache.json(c, cacheKey(c, lang, asOf), READS, async () =>
        paginate(
          await listPresenceViews(db, lang, asOf),
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

  app.openapi(
    readRoute({
      path: '/api/v1/presences/{id}',
      tag: 'Presences',
      summary: 'One presence, with every coverage period (and the States covered at asOf)',
      query: { lang: langParam, asOf: asOfParam },
      params: presenceIdParam,
      response: presenceDetailSchema,
    }),
    async (c) => {
      const db = readerOf(c);
      const q = c.req.valid('query');
      const lang = resolveLang(c, q.lang);
      const asOf = resolveAsOf(q.asOf);
      return cache.json(c, cacheKey(c, lang, asOf), READS, () => presenceView(db, c.req.valid('param').id, lang, asOf));
    },
  );
}
