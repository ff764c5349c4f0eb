import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Deps } from '../../server/deps.ts';
import { readerOf } from '../../server/http/auth.ts';
import type { ReadTopic } from '../../server/http/cache.ts';
import { cacheKey, readRoute } from '../../server/http/route-kit.ts';
import { sourceSchema } from '../sources/schema.ts';
import { loadSources } from '../sources/repository.ts';
import { listStates } from '../states/repository.ts';
import { nameFallbacks } from './repository.ts';
import { OFFICIAL_NAME_PRIORITY } from './service.ts';

/** What these answers read: a write to any of these topics renews them. */
const READS: readonly ReadTopic[] = ['names', 'sources', 'states', 'organizations', 'instruments', 'mechanisms', 'presences'];

const fallbacksSchema = z
  .object({
    items: z.array(
      z.object({
        entityKind: z.string(),
        id: z.string(),
        lang: z.string().openapi({ description: 'The language with no official name.' }),
        shown: z.string().nullable().openapi({ description: 'What Accord shows instead (never presented as official).' }),
        shownLang: z.string().nullable(),
        sourceId: z.string().nullable(),
      }),
    ),
    sources: z.record(z.string(), sourceSchema),
  })
  .openapi('NameFallbacks');

export function registerNameRoutes(app: OpenAPIHono, { cache }: Deps): void {
  app.openapi(
    readRoute({
      path: '/api/v1/data-quality/name-fallbacks',
      tag: 'Data quality',
      summary: 'States and languages with no official (UNTERM) name, and the name shown instead with its source',
      query: {},
      response: fallbacksSchema,
    }),
    async (c) => {
      const db = readerOf(c);
      return cache.json(c, cacheKey(c, 'en'), READS, async () => {
        const [states, all] = await Promise.all([listStates(db), loadSources(db)]);
        const items = await nameFallbacks(
          db,
          'state',
          states.map((s) => s.iso3),
          OFFICIAL_NAME_PRIORITY,
        );
        const sources = Object.fromEntries(items.flatMap((i) => (i.sourceId && all.get(i.sourceId) ? [[i.sourceId, all.get(i.sourceId)!]] : [])));
        return { items, sources };
      });
    },
  );
}
