import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Deps } from '../../server/deps.ts';
import { readerOf } from '../../server/http/auth.ts';
import { paginate } from '../../server/http/list.ts';
import { resolveLang } from '../../server/http/negotiate.ts';
import { listEnvelope, listQuery } from '../../server/http/query.ts';
import type { ReadTopic } from '../../server/http/cache.ts';
import { cacheKey, readRoute } from '../../server/http/route-kit.ts';
import { SEARCH_KINDS, searchRegistry, type SearchHit } from './service.ts';

/** What these answers read: a write to any of these topics renews them. */
const READS: readonly ReadTopic[] = ['names', 'states', 'organizations', 'instruments', 'mechanisms', 'presences'];

const hitSchema = z
  .object({
    kind: z.enum(SEARCH_KINDS),
    id: z.string(),
    name: z.string(),
    matched: z.string(),
    matchedLang: z.string().openapi({ description: 'Language of the matched name, or "code" when the code matched (ECHR, FRA, coe).' }),
    rank: z.number().int(),
  })
  .openapi('SearchHit');

export function registerSearchRoutes(app: OpenAPIHono, { cache }: Deps): void {
  app.openapi(
    readRoute({
      path: '/api/v1/search',
      tag: 'Search',
      summary: 'Search States, organizations, instruments and mechanisms by name in the six UN languages',
      query: {
        ...listQuery,
        q: z.string().min(1, 'is required').max(200, 'is longer than 200 characters').openapi({ example: 'Afrique' }),
        kind: z.enum(SEARCH_KINDS).optional(),
      },
      response: listEnvelope(hitSchema, 'SearchResults'),
    }),
    async (c) => {
      const db = readerOf(c);
      const q = c.req.valid('query');
      const lang = resolveLang(c, q.lang);
      return cache.json(c, cacheKey(c, lang), READS, async () =>
        paginate(
          await searchRegistry(db, q.q, lang, q.kind ? [q.kind] : SEARCH_KINDS),
          { ...q, lang },
          {
            relevance: (h: SearchHit) => h.rank,
            name: (h) => h.name,
            kind: (h) => h.kind,
          },
          'relevance,name',
        ),
      );
    },
  );
}
