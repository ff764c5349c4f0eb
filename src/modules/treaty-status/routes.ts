import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Deps } from '../../server/deps.ts';
import { readerOf } from '../../server/http/auth.ts';
import { paginate } from '../../server/http/list.ts';
import { resolveAsOf } from '../../server/http/negotiate.ts';
import { asOfParam, cursorParam, limitParam, listEnvelope, sortParam } from '../../server/http/query.ts';
import type { ReadTopic } from '../../server/http/cache.ts';
import { cacheKey, readRoute } from '../../server/http/route-kit.ts';
import { today } from '../../shared/dates.ts';
import { COUNT_GROUPINGS, REGIONAL_GROUPS } from '../../shared/vocabularies.ts';
import { conflictSchema, countsSchema, datasetSchema, historySchema, instrumentStatusSchema, matrixSchema, stateTreatiesSchema } from './schema.ts';
import { listConflicts, listDatasets } from './data-quality.ts';
import { statusCounts, statusHistory, treatyMatrix } from './matrix.ts';
import { instrumentStatus, stateTreaties } from './service.ts';

/** What these answers read: a write to any of these topics renews them. */
const READS: readonly ReadTopic[] = ['treaty-model', 'treaty-data', 'instruments', 'states', 'names', 'sources'];

const codeList = (name: string, example: string, description: string) =>
  z
    .string()
    .max(4000, 'is too long')
    .regex(/^[A-Za-z0-9-]+(,[A-Za-z0-9-]+)*$/, 'must be codes separated by commas')
    .transform((v) => v.split(',').map((c) => c.toUpperCase()))
    .optional()
    .openapi({ param: { name, in: 'query' }, type: 'string', example, description });
const code = (name: string, example: string) =>
  z
    .string()
    .max(100)
    .openapi({ param: { name, in: 'path' }, example });
const shortText = (name: string, description: string) =>
  z
    .string()
    .max(100, 'is too long')
    .optional()
    .openapi({ param: { name, in: 'query' }, description });

export function registerTreatyStatusRoutes(app: OpenAPIHono, { cache }: Deps): void {
  app.openapi(
    readRoute({
      path: '/api/v1/instruments/{code}/status',
      tag: 'Treaty status',
      summary: "Every State's status under an instrument at a date, with counts, acts and declarations",
      query: { asOf: asOfParam },
      params: { code: code('code', 'ICCPR') },
      response: instrumentStatusSchema,
    }),
    async (c) => {
      const db = readerOf(c);
      const asOf = resolveAsOf(c.req.valid('query').asOf);
      return cache.json(c, cacheKey(c, 'en', asOf), READS, () => instrumentStatus(db, c.req.valid('param').code, asOf));
    },
  );

  app.openapi(
    readRoute({
      path: '/api/v1/instruments/{code}/status-history',
      tag: 'Treaty status',
      summary: 'Counts by status at the end of every year (and today)',
      query: {},
      params: { code: code('code', 'CRC') },
      response: historySchema,
    }),
    // Its last point is today: the key holds the date, so the answer moves on at midnight.
    async (c) => {
      const db = readerOf(c);
      return cache.json(c, cacheKey(c, 'en', today()), READS, () => statusHistory(db, c.req.valid('param').code));
    },
  );

  app.openapi(
    readRoute({
      path: '/api/v1/states/{iso3}/treaties',
      tag: 'Treaty status',
      summary: "A State's status under every instrument at a date, with acts, declarations and reservation texts",
      query: { asOf: asOfParam },
      params: { iso3: code('iso3', 'FRA') },
      response: stateTreatiesSchema,
    }),
    async (c) => {
      const db = readerOf(c);
      const asOf = resolveAsOf(c.req.valid('query').asOf);
      return cache.json(c, cacheKey(c, 'en', asOf), READS, () => stateTreaties(db, c.req.valid('param').iso3, asOf));
    },
  );

  const filters = {
    asOf: asOfParam,
    states: codeList('states', 'FRA,DEU', 'ISO alpha-3 codes, separated by commas (default every State).'),
    instruments: codeList('instruments', 'ICCPR,CAT', 'Instrument codes, separated by commas (default every instrument).'),
    region: shortText('region', 'M49 region, subregion or intermediate region code, e.g. 002 (Africa).'),
    group: z
      .enum(REGIONAL_GROUPS)
      .optional()
      .openapi({ param: { name: 'group', in: 'query' }, description: 'UN regional group.' }),
    organization: shortText('organization', 'Organization id: its members at asOf.'),
  };
  app.openapi(
    readRoute({ path: '/api/v1/treaty-status/matrix', tag: 'Treaty status', summary: 'Ratification matrix: States × instruments at a date', query: filters, response: matrixSchema }),
    async (c) => {
      const db = readerOf(c);
      const q = c.req.valid('query');
      const asOf = resolveAsOf(q.asOf);
      return cache.json(c, cacheKey(c, 'en', asOf), READS, () => treatyMatrix(db, asOf, q));
    },
  );

  app.openapi(
    readRoute({
      path: '/api/v1/treaty-status/counts',
      tag: 'Treaty status',
      summary: 'Counts by status per region, UN regional group or organization, per instrument, at a date',
      query: {
        asOf: asOfParam,
        by: z
          .enum(COUNT_GROUPINGS)
          .optional()
          .openapi({ param: { name: 'by', in: 'query' }, description: 'Default region (M49).' }),
        instruments: filters.instruments,
      },
      response: countsSchema,
    }),
    async (c) => {
      const db = readerOf(c);
      const q = c.req.valid('query');
      const asOf = resolveAsOf(q.asOf);
      return cache.json(c, cacheKey(c, 'en', asOf), READS, () => statusCounts(db, asOf, q.by ?? 'region', q.instruments));
    },
  );

  app.openapi(
    readRoute({
      path: '/api/v1/data-quality/conflicts',
      tag: 'Data quality',
      summary: "Every disagreement between treaty sources (a date, a year, party or not), with each side's provenance",
      query: {
        limit: limitParam,
        cursor: cursorParam,
        sort: sortParam,
        instrument: shortText('instrument', 'Only this instrument.'),
        iso3: shortText('iso3', 'Only this participant.'),
        kind: conflictSchema.shape.kind.optional().openapi({ param: { name: 'kind', in: 'query' } }),
      },
      response: listEnvelope(conflictSchema, 'TreatyConflictList'),
    }),
    async (c) => {
      const db = readerOf(c);
      const q = c.req.valid('query');
      return cache.json(c, cacheKey(c, 'en'), READS, async () => {
        const { items } = await listConflicts(db, { instrument: q.instrument, iso3: q.iso3?.toUpperCase(), kind: q.kind });
        return paginate(
          items,
          { ...q, lang: 'en' },
          {
            instrument: (i) => i.instrument,
            participant: (i) => i.participant,
            kind: (i) => i.kind,
          },
          'instrument',
        );
      });
    },
  );

  app.openapi(
    readRoute({
      path: '/api/v1/data-quality/datasets',
      tag: 'Data quality',
      summary: "Every imported treaty dataset: file, source, import time, rows accepted and rejected, and its collection's last date",
      query: { limit: limitParam, cursor: cursorParam, sort: sortParam },
      response: listEnvelope(datasetSchema, 'ImportDatasetList'),
    }),
    async (c) => {
      const db = readerOf(c);
      const q = c.req.valid('query');
      return cache.json(c, cacheKey(c, 'en'), READS, async () =>
        paginate(
          await listDatasets(db),
          { ...q, lang: 'en' },
          {
            id: (d) => d.id,
            kind: (d) => d.kind,
            importedAt: (d) => d.importedAt,
            accepted: (d) => d.accepted,
            rejected: (d) => d.rejected,
          },
          'id',
        ),
      );
    },
  );
}
