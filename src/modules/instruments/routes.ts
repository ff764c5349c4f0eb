import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Deps } from '../../server/deps.ts';
import { readerOf } from '../../server/http/auth.ts';
import { paginate } from '../../server/http/list.ts';
import { resolveLang } from '../../server/http/negotiate.ts';
import { langParam, listEnvelope, listQuery } from '../../server/http/query.ts';
import type { ReadTopic } from '../../server/http/cache.ts';
import { cacheKey, readRoute } from '../../server/http/route-kit.ts';
import { instrumentSchema, type InstrumentView } from './schema.ts';
import { instrumentView, listInstrumentViews } from './service.ts';
import { SYSTEMS } from '../../shared/vocabularies.ts';

/** What these answers read: a write to any of these topics renews them. */
const READS: readonly ReadTopic[] = ['instruments', 'organizations', 'names', 'sources'];

const filters = {
  system: z.enum(SYSTEMS).optional(),
  core: z.enum(['true', 'false']).optional().openapi({ description: 'Only the 18 core UN instruments (true) or the others (false).' }),
  organization: z.string().max(100).optional(),
};

export function registerInstrumentRoutes(app: OpenAPIHono, { cache }: Deps): void {
  app.openapi(
    readRoute({
      path: '/api/v1/instruments',
      tag: 'Instruments',
      summary: 'Human-rights instruments: UN Treaty Collection chapter IV and regional',
      query: { ...listQuery, ...filters },
      response: listEnvelope(instrumentSchema, 'InstrumentList'),
    }),
    async (c) => {
      const db = readerOf(c);
      const q = c.req.valid('query');
      const lang = resolveLang(c, q.lang);
      return cache.json(c, cacheKey(c, lang), READS, async () => {
        const all = (await listInstrumentViews(db, lang)).filter(
          (i) => (!q.system || i.system === q.system) && (!q.core || i.core === (q.core === 'true')) && (!q.organization || i.organization === q.organization),
        );
        return paginate(
          all,
          { ...q, lang },
          {
            code: (i: InstrumentView) => i.code,
            title: (i) => i.title,
            adopted: (i) => i.adopted,
            entryIntoForce: (i) => i.entryIntoForce,
            untcRef: (i) => i.untcRef,
          },
          'code',
        );
      });
    },
  );

  app.openapi(
    readRoute({
      path: '/api/v1/instruments/{code}',
      tag: 'Instruments',
      summary: 'One instrument',
      query: { lang: langParam },
      params: {
        code: z
          .string()
          .max(100)
          .openapi({ param: { name: 'code', in: 'path' }, example: 'ICCPR' }),
      },
      response: instrumentSchema,
    }),
    async (c) => {
      const db = readerOf(c);
      const lang = resolveLang(c, c.req.valid('query').lang);
      return cache.json(c, cacheKey(c, lang), READS, () => instrumentView(db, c.req.valid('param').code, lang));
    },
  );
}
