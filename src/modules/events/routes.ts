// Reading events and their series: lists and single records through the asker's view and the
// response cache (keyed by what the asker may see); participants for OHCHR only; CSV exports
// streamed a page at a time. The calendars: GET /api/v1/events.ics (public events, whoever asks:
// read through the public view, so a signed-in asker gets the same file), the secret per-user
// address GET /api/v1/calendar/{file} (the owner's view, never from the response cache, never kept
// by a shared cache), and POST/DELETE /api/v1/users/me/calendar-feed to make and revoke it.
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Deps } from '../../server/deps.ts';
import type { Context } from 'hono';
import { publicView } from '../../db/visibility.ts';
import { requireUser } from '../../server/http/auth.ts';
import { writeContextOf } from '../../server/http/write-context.ts';
import { actionRoute } from '../../server/http/route-kit.ts';
import { calendarChunks, createFeed, feedReader, revokeFeed } from './calendar/feeds.ts';
import { feedCreatedSchema } from './schema.ts';
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

const seriesParam = {
  id: z
    .string()
    .max(100)
    .openapi({ param: { name: 'id', in: 'path' }, example: 'asia-pacific-workshops' }),
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
    readRoute({ path: '/api/v1/event-series/{id}', tag: TAG, summary: 'One series with its events in order', query: { lang: langParam }, params: seriesParam, response: seriesDetailSchema }),
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

/** Every UID ends in this: an event's UID is the same whichever server or address serves it. */
const UID_HOST = 'accord';
const ICS = 'text/calendar; charset=utf-8';

const icsResponses = { 200: { description: 'An iCalendar file (RFC 5545).', content: { 'text/calendar': { schema: z.string() } } }, ...errorResponses };

export function registerCalendarRoutes(app: OpenAPIHono, { db }: Deps, logError: (message: string) => void): void {
  const answer = async (c: Context, chunks: AsyncGenerator<string>, cacheControl: string) => {
    const first = await chunks.next();
    const body = streamedBody(first.done ? '' : first.value, chunks, (error) => logError(`[${c.get('requestId')}] calendar stopped: ${(error as Error).stack ?? error}`));
    return c.body(body, 200, { 'Content-Type': ICS, 'Cache-Control': cacheControl, 'Referrer-Policy': 'no-referrer' });
  };

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/events.ics',
      tags: ['Events'],
      summary: 'The calendar of public events (events known to the day)',
      request: { query: z.strictObject({}) },
      responses: icsResponses,
    }),
    async (c) => answer(c, calendarChunks(publicView(db), 'Accord: public events', UID_HOST), 'no-cache'),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/calendar/{file}',
      tags: ['Events'],
      summary: "A user's secret calendar address: the events that user may see, restricted ones included",
      request: {
        query: z.strictObject({}),
        params: z.object({
          file: z
            .string()
            .max(100)
            .openapi({ param: { name: 'file', in: 'path' }, example: 'acf_….ics' }),
        }),
      },
      responses: icsResponses,
    }),
    async (c) => {
      const file = c.req.valid('param').file;
      if (!file.endsWith('.ics')) throw new NotFoundError('calendar', 'this address');
      const reader = await feedReader(db, file.slice(0, -4));
      return answer(c, calendarChunks(reader, 'Accord: my events', UID_HOST), 'private, no-store');
    },
  );

  app.openapi(
    actionRoute({
      method: 'post',
      path: '/api/v1/users/me/calendar-feed',
      tag: 'Events',
      summary: 'Make your secret calendar address (shown once; a previous one stops working)',
      response: feedCreatedSchema,
    }),
    async (c) => {
      const made = await createFeed(db, requireUser(c), writeContextOf(c));
      c.header('Cache-Control', 'no-store');
      return c.json({ url: `${new URL(c.req.url).origin}/api/v1/calendar/${made.token}.ics`, createdAt: made.createdAt }, 200);
    },
  );

  app.openapi(
    actionRoute({
      method: 'delete',
      path: '/api/v1/users/me/calendar-feed',
      tag: 'Events',
      summary: 'Revoke your secret calendar address (it then answers 404)',
      response: z.object({ revoked: z.number().int() }).openapi('CalendarFeedRevoked'),
    }),
    async (c) => c.json(await revokeFeed(db, requireUser(c), writeContextOf(c)), 200),
  );
}
