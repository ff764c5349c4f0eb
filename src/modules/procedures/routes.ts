import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Deps } from '../../server/deps.ts';
import { readerOf } from '../../server/http/auth.ts';
import { resolveAsOf } from '../../server/http/negotiate.ts';
import { asOfParam } from '../../server/http/query.ts';
import type { ReadTopic } from '../../server/http/cache.ts';
import { cacheKey, readRoute } from '../../server/http/route-kit.ts';
import { procedureListSchema, procedureStatesSchema, stateProceduresSchema } from './schema.ts';
import { listProcedures, procedureStates, stateProcedures } from './service.ts';

/** What these answers read: a write to any of these topics renews them. */
const READS: readonly ReadTopic[] = ['treaty-model', 'treaty-data', 'instruments', 'mechanisms', 'states', 'names', 'sources'];

const pathCode = (name: string, example: string) =>
  z
    .string()
    .max(100)
    .openapi({ param: { name, in: 'path' }, example });
const codeFilter = (name: string, example: string, description: string) =>
  z
    .string()
    .max(100)
    .regex(/^[A-Za-z0-9-]+$/, 'must be a code')
    .transform((v) => v.toUpperCase())
    .optional()
    .openapi({ param: { name, in: 'query' }, type: 'string', example, description });

export function registerProcedureRoutes(app: OpenAPIHono, { cache }: Deps): void {
  app.openapi(
    readRoute({
      path: '/api/v1/procedures',
      tag: 'Procedures',
      summary: 'Complaint, inquiry and jurisdiction procedures a State accepts apart from becoming party, with counts by status at a date',
      query: {
        asOf: asOfParam,
        mechanism: codeFilter('mechanism', 'CAT', 'Only the procedures of this mechanism.'),
        instrument: codeFilter('instrument', 'CAT', 'Only the procedures of this instrument.'),
      },
      response: procedureListSchema,
    }),
    async (c) => {
      const db = readerOf(c);
      const q = c.req.valid('query');
      const asOf = resolveAsOf(q.asOf);
      return cache.json(c, cacheKey(c, 'en', asOf), READS, () => listProcedures(db, asOf, { mechanism: q.mechanism, instrument: q.instrument }));
    },
  );

  app.openapi(
    readRoute({
      path: '/api/v1/procedures/{id}',
      tag: 'Procedures',
      summary: "Every State's status under one procedure at a date, with the declaration each rests on",
      query: { asOf: asOfParam },
      params: { id: pathCode('id', 'cat-22') },
      response: procedureStatesSchema,
    }),
    async (c) => {
      const db = readerOf(c);
      const asOf = resolveAsOf(c.req.valid('query').asOf);
      return cache.json(c, cacheKey(c, 'en', asOf), READS, () => procedureStates(db, c.req.valid('param').id.toLowerCase(), asOf));
    },
  );

  app.openapi(
    readRoute({
      path: '/api/v1/states/{iso3}/procedures',
      tag: 'Procedures',
      summary: "A State's acceptance of each procedure at a date, with the declaration each rests on",
      query: { asOf: asOfParam },
      params: { iso3: pathCode('iso3', 'FRA') },
      response: stateProceduresSchema,
    }),
    async (c) => {
      const db = readerOf(c);
      const asOf = resolveAsOf(c.req.valid('query').asOf);
      return cache.json(c, cacheKey(c, 'en', asOf), READS, () => stateProcedures(db, c.req.valid('param').iso3, asOf));
    },
  );
}
