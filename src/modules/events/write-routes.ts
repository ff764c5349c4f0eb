// Writing events, their series and their parts over HTTP: each route hands the body to its use
// case (the policy decides inside it, against the record as stored) after finding the record
// through the asker's view (a hidden event is a 404, never a 403 or a 412 that would reveal it).
// If-Match carries the version read; the answer's ETag is the new one.
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Deps } from '../../server/deps.ts';
import { readerOf } from '../../server/http/auth.ts';
import { requireSeen, VERSIONED, withVersion } from '../../server/http/record-writes.ts';
import { actionRoute, writeRoute } from '../../server/http/route-kit.ts';
import { ifMatchVersion } from '../../server/http/versions.ts';
import { writeContextOf } from '../../server/http/write-context.ts';
import { createdSchema, deletedSchema, updatedSchema } from '../edits/schema.ts';
import { addAction, addParticipant, changeAction, erasePerson, replaceOrganizersOf, replaceParticipationOf } from './parts-write.ts';
import { findEvent, findSeries } from './repository.ts';
import { actionCreateBody, actionUpdateBody, eventCreateSchema, eventUpdateSchema, organizersBody, participantBody, participationBody, seriesCreateSchema, seriesUpdateSchema } from './schema.ts';
import { createEvent, createSeries, deleteEvent, updateEvent, updateSeries } from './write.ts';

const TAG = 'Events';
const idParam = {
  id: z
    .string()
    .max(100)
    .openapi({ param: { name: 'id', in: 'path' }, example: 'asia-pacific-workshop-11' }),
};
const number = (name: string) =>
  z
    .string()
    .regex(/^\d{1,12}$/, 'must be a whole number')
    .transform(Number)
    .openapi({ param: { name, in: 'path' }, type: 'integer', example: '1' });
const participantParams = { ...idParam, participantId: number('participantId') };
const actionParams = { ...idParam, actionId: number('actionId') };
const addedSchema = z.object({ id: z.number().int() }).openapi('PartAdded');
const erasedSchema = z.object({ erased: z.boolean() }).openapi('Erased');
const changedSchema = z.object({ changed: z.array(z.string()) }).openapi('PartChanged');

export function registerEventWriteRoutes(app: OpenAPIHono, { db }: Deps): void {
  const seenEvent = async (c: Parameters<typeof readerOf>[0], id: string) => requireSeen(await findEvent(readerOf(c), id), 'event', id);

  app.openapi(
    writeRoute({
      method: 'post',
      path: '/api/v1/event-series',
      tag: TAG,
      summary: 'Enter a series of recurring events (administrators and OHCHR editors)',
      body: seriesCreateSchema,
      response: createdSchema,
    }),
    async (c) => c.json(withVersion(c, await createSeries(db, c.req.valid('json'), writeContextOf(c))), 200),
  );

  app.openapi(
    writeRoute({
      method: 'patch',
      path: '/api/v1/event-series/{id}',
      tag: TAG,
      summary: 'Correct a series, with the source (If-Match)',
      params: idParam,
      body: seriesUpdateSchema,
      response: updatedSchema,
      extra: VERSIONED,
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      requireSeen(await findSeries(readerOf(c), id), 'event series', id);
      return c.json(withVersion(c, await updateSeries(db, { id, expectedVersion: ifMatchVersion(c), body: c.req.valid('json') }, writeContextOf(c))), 200);
    },
  );

  app.openapi(
    writeRoute({ method: 'post', path: '/api/v1/events', tag: TAG, summary: 'Enter an event (administrators and OHCHR editors), with its source', body: eventCreateSchema, response: createdSchema }),
    async (c) => c.json(withVersion(c, await createEvent(db, c.req.valid('json'), writeContextOf(c))), 200),
  );

  app.openapi(
    writeRoute({
      method: 'patch',
      path: '/api/v1/events/{id}',
      tag: TAG,
      summary: 'Correct an event, with the source (If-Match); a shipped event keeps its shipped value beside',
      params: idParam,
      body: eventUpdateSchema,
      response: updatedSchema,
      extra: VERSIONED,
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      await seenEvent(c, id);
      return c.json(withVersion(c, await updateEvent(db, { id, expectedVersion: ifMatchVersion(c), body: c.req.valid('json') }, writeContextOf(c))), 200);
    },
  );

  app.openapi(
    actionRoute({
      method: 'delete',
      path: '/api/v1/events/{id}',
      tag: TAG,
      summary: 'Delete an event entered in Accord (If-Match); shipped events are corrected instead',
      params: idParam,
      response: deletedSchema,
      extra: VERSIONED,
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      await seenEvent(c, id);
      return c.json(await deleteEvent(db, { id, expectedVersion: ifMatchVersion(c) }, writeContextOf(c)), 200);
    },
  );

  app.openapi(
    writeRoute({
      method: 'put',
      path: '/api/v1/events/{id}/organizers',
      tag: TAG,
      summary: "Replace an event's organizers, with the source (If-Match: the event's version)",
      params: idParam,
      body: organizersBody,
      response: updatedSchema,
      extra: VERSIONED,
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      await seenEvent(c, id);
      return c.json(withVersion(c, await replaceOrganizersOf(db, { id, expectedVersion: ifMatchVersion(c), body: c.req.valid('json') }, writeContextOf(c))), 200);
    },
  );

  app.openapi(
    writeRoute({
      method: 'put',
      path: '/api/v1/events/{id}/participation',
      tag: TAG,
      summary: 'Replace the whole breakdown of participation counts (by country, institution and gender), with the source (If-Match)',
      params: idParam,
      body: participationBody,
      response: updatedSchema,
      extra: VERSIONED,
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      await seenEvent(c, id);
      return c.json(withVersion(c, await replaceParticipationOf(db, { id, expectedVersion: ifMatchVersion(c), body: c.req.valid('json') }, writeContextOf(c))), 200);
    },
  );

  app.openapi(
    writeRoute({
      method: 'post',
      path: '/api/v1/events/{id}/participants',
      tag: TAG,
      summary: 'Enter a participant (personal data, restricted to OHCHR and the audience given)',
      params: idParam,
      body: participantBody,
      response: addedSchema,
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      await seenEvent(c, id);
      c.header('Cache-Control', 'no-store');
      return c.json(await addParticipant(db, { eventId: id, body: c.req.valid('json') }, writeContextOf(c)), 200);
    },
  );

  app.openapi(
    actionRoute({
      method: 'post',
      path: '/api/v1/events/{id}/participants/{participantId}/erasure',
      tag: TAG,
      summary: "Erase a participant's name and position; the country, institution and gender stay for the counts",
      params: participantParams,
      response: erasedSchema,
    }),
    async (c) => {
      const { id, participantId } = c.req.valid('param');
      await seenEvent(c, id);
      return c.json(await erasePerson(db, { eventId: id, participantId }, writeContextOf(c)), 200);
    },
  );

  app.openapi(
    writeRoute({
      method: 'post',
      path: '/api/v1/events/{id}/actions',
      tag: TAG,
      summary: 'Enter a follow-up action, with its owner and due date',
      params: idParam,
      body: actionCreateBody,
      response: addedSchema,
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      await seenEvent(c, id);
      return c.json(await addAction(db, { eventId: id, body: c.req.valid('json') }, writeContextOf(c)), 200);
    },
  );

  app.openapi(
    writeRoute({
      method: 'patch',
      path: '/api/v1/events/{id}/actions/{actionId}',
      tag: TAG,
      summary: 'Change a follow-up action (its status, the day it was done…)',
      params: actionParams,
      body: actionUpdateBody,
      response: changedSchema,
    }),
    async (c) => {
      const { id, actionId } = c.req.valid('param');
      await seenEvent(c, id);
      return c.json(await changeAction(db, { eventId: id, actionId, body: c.req.valid('json') }, writeContextOf(c)), 200);
    },
  );
}
