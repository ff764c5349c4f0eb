// Reading events and their series: lists and single records through the asker's view and the
// response cache (keyed by what the asker may see); participants for OHCHR only; CSV exports
// streamed a page at a time.
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Deps } from '../../server/deps.ts';
import { principalOf, readerOf } from '../../server/http/auth.ts';
import type { ReadTopic } from '../../server/http/cache.ts';
import { streamedBody } from '../../server/http/download.ts';
import { cursorParam, langParam, limitParam, listEnvelope } from '../../server/http/query.ts';
import { cacheKey, errorResponses, readRoute } from '../../server/http/route-kit.ts';
import { resolveLang } from '../../server/http/negotiate.ts';
import { ForbiddenError, NotFoundError, UnauthenticatedError } from '../../shared/errors.ts';
import { EVENT_KINDS } from '../../shared/vocabularies.ts';
import { partialDate } from '../edits/schema.ts';
import { EXPORT_FILES, eventExportChunks, type EventExportFile } from './export.ts';
import { mayReadParticipants } from './policy.ts';
import { findEvent, participantsOf } from './repository.ts';
import { eventDetailSchema, eventItemSchema, participantSchema, seriesDetailSchema, seriesSchema } from './schema.ts';
import { eventDetail, eventPage, seriesDetail, seriesList } from './service.ts';

const READS: readonly ReadTopic[] = ['events', 'sources'];
const TAG = 'Events';
const q = (name: string, description: string) => ({ param: { name, in: 'query' as const }, description });

export const eventFilterQuery = {
  from: partialDate.optional().openapi(q('from', 'Only events that end on or after this date (YYYY[-MM[-DD]]).')),
  to: partialDate.optional().openapi(q('to', 'Only events that start on or before this date.')),
  kind: z.enum(EVENT_KINDS).optional().openapi(q('kind', 'Only events of this kind.')),
  series: z.string().max(100).optional().openapi(q('series', 'Only the events of this series.')),
  country: z
    .string()
    .regex(/^[A-Z]{3}$/, 'must be an ISO alpha-3 code in capitals')
    .optional()
    .openapi(q('country', 'Only events held in this State.')),
  region: z
    .string()
    .regex(/^\d{3}$/, 'must be a UN M49 code of three digits')
    .optional()
    .openapi(q('region', 'Only events of this M49 region: held in one of its States, or serving it.')),
};
const idParam = {
  id: z
    .string()
    .max(100)
    .openapi({ param: { name: 'id', in: 'path' }, example: 'asia-pacific-workshop-11' }),
};

export function registerEventRoutes(app: OpenAPIHono, { cache }: Deps, logError: (message: string) => void): void {
  app.openapi(
    readRoute({
      path: '/api/v1/events',
      tag: TAG,
      summary: 'Events of the technical-cooperation programme, by start date',
      query: { ...eventFilterQuery, limit: limitParam, cursor: cursorParam, lang: langParam },
      response: listEnvelope(eventItemSchema, 'EventList'),
    }),
    async (c) => {
      const { limit, cursor, lang, ...filter } = c.req.valid('query');
      return cache.json(c, cacheKey(c, resolveLang(c, lang)), READS, () => eventPage(readerOf(c), filter, limit ?? 50, cursor));
    },
  );

  app.openapi(
    readRoute({
      path: '/api/v1/events/{id}',
      tag: TAG,
      summary: 'One event: organizers, participation counts, follow-up actions, documents, sources',
      query: { lang: langParam },
      params: idParam,
      response: eventDetailSchema,
    }),
    async (c) => cache.json(c, cacheKey(c, resolveLang(c, c.req.valid('query').lang)), READS, () => eventDetail(readerOf(c), c.req.valid('param').id)),
  );

  app.openapi(
    readRoute({
      path: '/api/v1/event-series',
      tag: TAG,
      summary: 'Series of recurring events',
      query: { lang: langParam },
      response: z.object({ items: z.array(seriesSchema) }).openapi('EventSeriesList'),
    }),
    async (c) => cache.json(c, cacheKey(c, resolveLang(c, c.req.valid('query').lang)), READS, async () => ({ items: await seriesList(readerOf(c)) })),
  );

  app.openapi(
    readRoute({ path: '/api/v1/event-series/{id}', tag: TAG, summary: 'One series with its events in order', query: { lang: langParam }, params: idParam, response: seriesDetailSchema }),
    async (c) => cache.json(c, cacheKey(c, resolveLang(c, c.req.valid('query').lang)), READS, () => seriesDetail(readerOf(c), c.req.valid('param').id)),
  );

  app.openapi(
    readRoute({
      path: '/api/v1/events/{id}/participants',
      tag: TAG,
      summary: "An event's participants: personal data, for OHCHR and administrators only (never cached, never exported)",
      query: {},
      params: idParam,
      response: z.object({ items: z.array(participantSchema) }).openapi('EventParticipantList'),
      signedIn: true,
    }),
    async (c) => {
      const principal = principalOf(c);
      if (principal.kind !== 'user') throw new UnauthenticatedError();
      const { id } = c.req.valid('param');
      if (!(await findEvent(readerOf(c), id))) throw new NotFoundError('event', id);
      if (!mayReadParticipants(principal)) throw new ForbiddenError("Only OHCHR and administrators read an event's participants");
      const rows = await participantsOf(readerOf(c), id);
      c.header('Cache-Control', 'no-store');
      const items = rows.map((r) => ({
        id: Number(r.id),
        name: r.name,
        position: r.position,
        country: r.country_iso3,
        institution: r.institution,
        gender: r.gender,
        erasedAt: r.erased_at,
        audience: JSON.parse(r.audience) as string[],
      }));
      return c.json({ items }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/events/export/{file}',
      tags: [TAG],
      summary: 'Download events (events.csv) or their participation counts (participation.csv), streamed',
      request: {
        query: z.strictObject(eventFilterQuery),
        params: z.object({
          file: z
            .string()
            .max(100)
            .openapi({ param: { name: 'file', in: 'path' }, example: 'events.csv' }),
        }),
      },
      responses: { 200: { description: 'The CSV file, as an attachment.', content: { 'text/csv': { schema: z.string() } } }, ...errorResponses },
    }),
    async (c) => {
      const file = c.req.valid('param').file;
      if (!EXPORT_FILES.includes(file as EventExportFile)) throw new NotFoundError('export', file);
      const chunks = eventExportChunks(readerOf(c), file as EventExportFile, c.req.valid('query'));
      const first = await chunks.next();
      const body = streamedBody(`\uFEFF${first.done ? '' : first.value}`, chunks, (error) => logError(`[${c.get('requestId')}] export ${file} stopped: ${(error as Error).stack ?? error}`));
      return c.body(body, 200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="accord-${file}"`, 'Cache-Control': 'no-store' });
    },
  );
}
