import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Deps } from '../../server/deps.ts';
import { readerOf } from '../../server/http/auth.ts';
import { paginate, type Sortable } from '../../server/http/list.ts';
import { resolveAsOf, resolveLang } from '../../server/http/negotiate.ts';
import { asOfParam, langParam, listEnvelope, listQuery } from '../../server/http/query.ts';
import type { ReadTopic } from '../../server/http/cache.ts';
import { cacheKey, readRoute } from '../../server/http/route-kit.ts';
import { stateProfileSchema, stateSummarySchema, type StateSummary } from './schema.ts';
import { listStateSummaries, stateProfile } from './service.ts';
import { REGIONAL_GROUPS, UN_STATUSES } from '../../shared/vocabularies.ts';

/** What these answers read: a write to any of these topics renews them. */
const READS: readonly ReadTopic[] = ['states', 'organizations', 'memberships', 'instruments', 'mechanisms', 'presences', 'names', 'sources', 'treaty-model'];

export const stateSortable: Sortable<StateSummary> = {
  name: (s) => s.name,
  iso2: (s) => s.iso2,
  iso3: (s) => s.iso3,
  m49: (s) => s.m49,
  region: (s) => s.region?.name ?? null,
  subregion: (s) => s.subregion?.name ?? null,
  regionalGroup: (s) => s.regionalGroup,
  unStatus: (s) => s.unStatus,
  unAdmission: (s) => s.unAdmission,
};

const filters = {
  regionalGroup: z.enum(REGIONAL_GROUPS).optional().openapi({ description: 'Only States of this UN regional group.' }),
  unStatus: z.enum(UN_STATUSES).optional(),
  region: z
    .string()
    .regex(/^\d{3}$/, 'must be a 3-digit M49 code')
    .optional()
    .openapi({ description: 'M49 code of a region, sub-region or intermediate region.' }),
};

export function registerStateRoutes(app: OpenAPIHono, { cache }: Deps): void {
  app.openapi(
    readRoute({
      path: '/api/v1/states',
      tag: 'States',
      summary: 'States: UN Members, observer States, Cook Islands and Niue',
      query: { ...listQuery, ...filters },
      response: listEnvelope(stateSummarySchema, 'StateList'),
    }),
    async (c) => {
      const db = readerOf(c);
      const q = c.req.valid('query');
      const lang = resolveLang(c, q.lang);
      return cache.json(c, cacheKey(c, lang), READS, async () => {
        const all = (await listStateSummaries(db, lang)).filter(
          (s) =>
            (!q.regionalGroup || s.regionalGroup === q.regionalGroup) &&
            (!q.unStatus || s.unStatus === q.unStatus) &&
            (!q.region || [s.region?.code, s.subregion?.code, s.intermediateRegion?.code].includes(q.region)),
        );
        return paginate(all, { ...q, lang }, stateSortable, 'name');
      });
    },
  );

  app.openapi(
    readRoute({
      path: '/api/v1/states/{iso3}',
      tag: 'States',
      summary: 'State profile: regions, group, memberships, mechanisms covering it, OHCHR presences',
      query: { lang: langParam, asOf: asOfParam },
      params: {
        iso3: z
          .string()
          .max(100)
          .openapi({ param: { name: 'iso3', in: 'path' }, example: 'FRA', description: 'ISO alpha-3 (alpha-2 accepted).' }),
      },
      response: stateProfileSchema,
    }),
    async (c) => {
      const db = readerOf(c);
      const q = c.req.valid('query');
      const { iso3 } = c.req.valid('param');
      const lang = resolveLang(c, q.lang);
      const asOf = resolveAsOf(q.asOf);
      return cache.json(c, cacheKey(c, lang, asOf), READS, () => stateProfile(db, iso3, lang, asOf));
    },
  );
}
