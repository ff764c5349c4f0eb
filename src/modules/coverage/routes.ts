import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Deps } from '../../server/deps.ts';
import { readerOf } from '../../server/http/auth.ts';
import { resolveAsOf } from '../../server/http/negotiate.ts';
import { asOfParam } from '../../server/http/query.ts';
import type { ReadTopic } from '../../server/http/cache.ts';
import { sourceSchema } from '../sources/schema.ts';
import { cacheKey, readRoute } from '../../server/http/route-kit.ts';
import { computeCoverage } from './service.ts';
import { COVERAGE_BASES } from '../../shared/vocabularies.ts';

/** What these answers read: a write to any of these topics renews them. */
const READS: readonly ReadTopic[] = ['treaty-model', 'states', 'organizations', 'memberships', 'instruments', 'mechanisms', 'names', 'sources'];

const coverageSchema = z
  .object({
    asOf: z.string(),
    states: z.array(
      z.object({
        iso3: z.string(),
        mechanisms: z.array(
          z.object({
            code: z.string(),
            basis: z.enum(COVERAGE_BASES),
            individualComplaints: z.boolean(),
            verified: z.boolean(),
            sourceIds: z.array(z.string()).openapi({ description: 'Ids of the sources (see `sources`) of the membership events or treaty actions in effect at asOf.' }),
          }),
        ),
        unIndividualProcedures: z.array(z.string()).openapi({
          description: "The UN treaty bodies' individual communication procedures the State accepts at asOf (ids of /api/v1/procedures, e.g. `cat-22`), read from its declarations and protocols.",
        }),
      }),
    ),
    uncovered: z.array(z.string()).openapi({ description: 'States no regional human-rights mechanism covers at asOf.' }),
    incomplete: z.array(z.string()).openapi({ description: 'Mechanisms covering States party to an instrument whose treaty data are not loaded yet.' }),
    sources: z.record(z.string(), sourceSchema).openapi({ description: 'Every source the entries cite, by id.' }),
  })
  .openapi('Coverage');

export function registerCoverageRoutes(app: OpenAPIHono, { cache }: Deps): void {
  app.openapi(
    readRoute({
      path: '/api/v1/coverage',
      tag: 'Coverage',
      summary: 'Regional mechanisms covering each State at a date, and the States covered by none (OP9)',
      query: { asOf: asOfParam },
      response: coverageSchema,
    }),
    async (c) => {
      const db = readerOf(c);
      const asOf = resolveAsOf(c.req.valid('query').asOf);
      return cache.json(c, cacheKey(c, 'en', asOf), READS, () => computeCoverage(db, asOf));
    },
  );
}
