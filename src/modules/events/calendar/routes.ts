// Calendars over HTTP: GET /api/v1/events.ics (public events, whoever asks: read through the
// public view, so a signed-in asker gets the same file), the secret per-user address
// GET /api/v1/calendar/{token}.ics (the owner's view, never from the response cache, never kept by
// a shared cache), and POST/DELETE /api/v1/users/me/calendar-feed to make and revoke it.
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Deps } from '../../../server/deps.ts';
import { requireUser } from '../../../server/http/auth.ts';
import { streamedBody } from '../../../server/http/download.ts';
import { actionRoute, errorResponses } from '../../../server/http/route-kit.ts';
import { writeContextOf } from '../../../server/http/write-context.ts';
import { publicView } from '../../../db/visibility.ts';
import { NotFoundError } from '../../../shared/errors.ts';
import { feedCreatedSchema } from '../schema.ts';
import { calendarChunks, createFeed, feedReader, revokeFeed } from './feeds.ts';

/** Every UID ends in this: an event's UID is the same whichever server or address serves it. */
const UID_HOST = 'accord';
const ICS = 'text/calendar; charset=utf-8';

const icsResponses = { 200: { description: 'An iCalendar file (RFC 5545).', content: { 'text/calendar': { schema: z.string() } } }, ...errorResponses };

export function registerCalendarRoutes(app: OpenAPIHono, { db }: Deps, logError: (message: string) => void): void {
  const answer = async (c: Parameters<typeof writeContextOf>[0], chunks: AsyncGenerator<string>, cacheControl: string) => {
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
