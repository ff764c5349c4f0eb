import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Deps } from '../../server/deps.ts';
import { readerOf } from '../../server/http/auth.ts';
import { paginate } from '../../server/http/list.ts';
import { resolveLang } from '../../server/http/negotiate.ts';
import { langParam, listEnvelope, listQuery } from '../../server/http/query.ts';
import type { ReadTopic } from '../../server/http/cache.ts';
import { cacheKey, readRoute } from '../../server/http/route-kit.ts';
import { mechanismSchema, type MechanismView } from './schema.ts';
import { listMechanismViews, mechanismView } from './service.ts';
import { SYSTEMS } from '../../shared/vocabularies.ts';

/** What these answers read: a write to any of these topics renews them. */
const READS: readonly ReadTopic[] = ['mechanisms', 'organizations', 'instruments', 'names', 'sources'];

const filters = {
  system: z.enum(SYSTEMS).optional(),
  organization: z.string().max(100).optional(),
};

export function registerMechanismRoutes(app: OpenAPIHono, { cache }: Deps): void {
  app.openapi(
    readRoute({
      path: '/api/v1/mechanisms',
      tag: 'Mechanisms',
      summary: 'Monitoring and judicial mechanisms, UN and regional',
      query: { ...listQuery, ...filters },
      response: listEnvelope(mechanismSchema, 'MechanismList'),
    }),
    async (c) => {
      const db = readerOf(c);
      const q = c.req.valid('query');
      const lang = resolveLang(c, q.lang);
      return cache.json(c, cacheKey(c, lang), READS, async () => {
        const all = (await listMechanismViews(db, lang)).filter((m) => (!q.system || m.system === q.system) && (!q.organization || m.organization === q.organization));
        return paginate(
          all,
          { ...q, lang },
          {
            code: (m: MechanismView) => m.code,
            name: (m) => m.name,
            established: (m) => m.established,
            system: (m) => m.system,
            kind: (m) => m.kind,
          },
          'code',
        );
      });
    },
  );

  app.openapi(
    readRoute({
      path: '/api/v1/mechanisms/{code}',
      tag: 'Mechanisms',
      summary: 'One mechanism',
      query: { lang: langParam },
      params: {
        code: z
          .string()
          .max(100)
          .openapi({ param: { name: 'code', in: 'path' }, example: 'ECTHR' }),
      },
      response: mechanismSchema,
    }),
    async (c) => {
      const db = readerOf(c);
      const lang = resolveLang(c, c.req.valid('query').lang);
      return cache.json(c, cacheKey(c, lang), READS, () => mechanismView(db, c.req.valid('param').code, lang));
    },
  );
}
