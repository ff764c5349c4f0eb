import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Deps } from '../../server/deps.ts';
import { readerOf } from '../../server/http/auth.ts';
import { paginate } from '../../server/http/list.ts';
import { resolveAsOf, resolveLang } from '../../server/http/negotiate.ts';
import { asOfParam, langParam, listEnvelope, listQuery } from '../../server/http/query.ts';
import type { ReadTopic } from '../../server/http/cache.ts';
import { cacheKey, readRoute } from '../../server/http/route-kit.ts';
import { memberHistorySchema, memberSchema, membershipConflictSchema, organizationSchema, type MemberHistoryView, type MemberView, type OrganizationView } from './schema.ts';
import { membershipConflicts, type MembershipConflict } from './crosscheck.ts';
import { listOrganizationViews, organizationHistory, organizationMembers, organizationView } from './service.ts';

/** What these answers read: a write to any of these topics renews them. */
const READS: readonly ReadTopic[] = ['organizations', 'memberships', 'states', 'names', 'sources', 'treaty-data'];

const idParam = {
  id: z
    .string()
    .max(100)
    .openapi({ param: { name: 'id', in: 'path' }, example: 'coe' }),
};

export function registerOrganizationRoutes(app: OpenAPIHono, { cache }: Deps): void {
  app.openapi(
    readRoute({
      path: '/api/v1/organizations',
      tag: 'Organizations',
      summary: 'Regional and subregional organizations',
      query: { ...listQuery, asOf: asOfParam },
      response: listEnvelope(organizationSchema, 'OrganizationList'),
    }),
    async (c) => {
      const db = readerOf(c);
      const q = c.req.valid('query');
      const lang = resolveLang(c, q.lang);
      const asOf = resolveAsOf(q.asOf);
      return cache.json(c, cacheKey(c, lang, asOf), READS, async () =>
        paginate(
          await listOrganizationViews(db, lang, asOf),
          { ...q, lang },
          {
            id: (o: OrganizationView) => o.id,
            name: (o) => o.name,
            founded: (o) => o.founded,
            memberCount: (o) => o.memberCount,
            kind: (o) => o.kind,
          },
          'name',
        ),
      );
    },
  );

  app.openapi(
    readRoute({ path: '/api/v1/organizations/{id}', tag: 'Organizations', summary: 'One organization', query: { lang: langParam, asOf: asOfParam }, params: idParam, response: organizationSchema }),
    async (c) => {
      const db = readerOf(c);
      const q = c.req.valid('query');
      const lang = resolveLang(c, q.lang);
      const asOf = resolveAsOf(q.asOf);
      return cache.json(c, cacheKey(c, lang, asOf), READS, () => organizationView(db, c.req.valid('param').id, lang, asOf));
    },
  );

  app.openapi(
    readRoute({
      path: '/api/v1/organizations/{id}/members',
      tag: 'Organizations',
      summary: 'Members of an organization at a date (suspended members included, marked)',
      query: { ...listQuery, asOf: asOfParam },
      params: idParam,
      response: listEnvelope(memberSchema, 'MemberList'),
    }),
    async (c) => {
      const db = readerOf(c);
      const q = c.req.valid('query');
      const lang = resolveLang(c, q.lang);
      const asOf = resolveAsOf(q.asOf);
      return cache.json(c, cacheKey(c, lang, asOf), READS, async () =>
        paginate(
          await organizationMembers(db, c.req.valid('param').id, lang, asOf),
          { ...q, lang },
          {
            name: (m: MemberView) => m.name,
            iso3: (m) => m.iso3,
            iso2: (m) => m.iso2,
            since: (m) => m.since,
            status: (m) => m.status,
          },
          'name',
        ),
      );
    },
  );

  app.openapi(
    readRoute({
      path: '/api/v1/organizations/{id}/history',
      tag: 'Organizations',
      summary: 'Every State that was ever a member, with all its membership events (the member timeline)',
      query: listQuery,
      params: idParam,
      response: listEnvelope(memberHistorySchema, 'MemberHistoryList'),
    }),
    async (c) => {
      const db = readerOf(c);
      const q = c.req.valid('query');
      const lang = resolveLang(c, q.lang);
      return cache.json(c, cacheKey(c, lang), READS, async () =>
        paginate(
          await organizationHistory(db, c.req.valid('param').id, lang),
          { ...q, lang },
          {
            name: (m: MemberHistoryView) => m.name,
            iso3: (m) => m.iso3,
            first: (m) => m.events[0]?.date ?? '',
          },
          'name',
        ),
      );
    },
  );

  app.openapi(
    readRoute({
      path: '/api/v1/data-quality/membership-conflicts',
      tag: 'Data quality',
      summary: "Where a year-level membership list (Correlates of War IGO data) disagrees with the registry's dated memberships, by runs of years",
      query: {
        ...listQuery,
        organization: z
          .string()
          .max(100)
          .optional()
          .openapi({ param: { name: 'organization', in: 'query' }, description: 'Only this organization.' }),
        iso3: z
          .string()
          .max(3)
          .optional()
          .openapi({ param: { name: 'iso3', in: 'query' }, description: 'Only this State.' }),
      },
      response: listEnvelope(membershipConflictSchema, 'MembershipConflictList'),
    }),
    async (c) => {
      const db = readerOf(c);
      const q = c.req.valid('query');
      return cache.json(c, cacheKey(c, 'en'), READS, async () =>
        paginate(
          await membershipConflicts(db, { organization: q.organization, iso3: q.iso3?.toUpperCase() }),
          { ...q, lang: 'en' },
          {
            organization: (m: MembershipConflict) => m.organization,
            iso3: (m) => m.iso3,
            fromYear: (m) => m.fromYear,
            kind: (m) => m.kind,
          },
          'organization',
        ),
      );
    },
  );
}
