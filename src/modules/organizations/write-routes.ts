// Writing organizations and their membership events over HTTP: each route hands the body to
// its use case (which checks the policy against the record as stored, the source and the
// version) and answers with the new version as ETag. If-Match carries the version read.
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Deps } from '../../server/deps.ts';
import { readerOf } from '../../server/http/auth.ts';
import { requireSeen, VERSIONED, withVersion } from '../../server/http/record-writes.ts';
import { actionRoute, writeRoute } from '../../server/http/route-kit.ts';
import { ifMatchVersion } from '../../server/http/versions.ts';
import { writeContextOf } from '../../server/http/write-context.ts';
import { createdSchema, deletedSchema, updatedSchema } from '../edits/schema.ts';
import { createMembershipEvent, deleteMembershipEvent, updateMembershipEvent } from './membership-write.ts';
import { findMembershipEvent, findOrganization } from './repository.ts';
import { membershipEventCreateSchema, membershipEventUpdateSchema, organizationCreateSchema, organizationUpdateSchema } from './schema.ts';
import { createOrganization, updateOrganization } from './write.ts';

const TAG = 'Organizations';
const idParam = {
  id: z
    .string()
    .max(100)
    .openapi({ param: { name: 'id', in: 'path' }, example: 'au' }),
};
const eventParams = {
  ...idParam,
  iso3: z
    .string()
    .regex(/^[A-Z]{3}$/, 'must be an ISO alpha-3 code in capitals')
    .openapi({ param: { name: 'iso3', in: 'path' }, example: 'GNB' }),
  seq: z
    .string()
    .regex(/^\d{1,9}$/, 'must be the number of the event')
    .transform(Number)
    .openapi({ param: { name: 'seq', in: 'path' }, type: 'integer', example: '1' }),
};

export function registerOrganizationWriteRoutes(app: OpenAPIHono, { db }: Deps): void {
  app.openapi(
    writeRoute({
      method: 'post',
      path: '/api/v1/organizations',
      tag: TAG,
      summary: 'Enter an organization (administrators and OHCHR editors)',
      body: organizationCreateSchema,
      response: createdSchema,
    }),
    async (c) => {
      const created = await createOrganization(db, c.req.valid('json'), writeContextOf(c));
      return c.json(withVersion(c, created), 200);
    },
  );

  app.openapi(
    writeRoute({
      method: 'patch',
      path: '/api/v1/organizations/{id}',
      tag: TAG,
      summary: "Correct an organization's facts, with the source of the correction (If-Match)",
      params: idParam,
      body: organizationUpdateSchema,
      response: updatedSchema,
      extra: VERSIONED,
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      requireSeen(await findOrganization(readerOf(c), id), 'organization', id);
      const updated = await updateOrganization(db, { ...c.req.valid('json'), id, expectedVersion: ifMatchVersion(c) }, writeContextOf(c));
      return c.json(withVersion(c, updated), 200);
    },
  );

  app.openapi(
    writeRoute({
      method: 'post',
      path: '/api/v1/organizations/{id}/membership-events',
      tag: TAG,
      summary: 'Enter a membership event: a State joined, left, was suspended or readmitted',
      params: idParam,
      body: membershipEventCreateSchema,
      response: createdSchema,
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      requireSeen(await findOrganization(readerOf(c), id), 'organization', id);
      const created = await createMembershipEvent(db, { ...c.req.valid('json'), organizationId: id }, writeContextOf(c));
      return c.json(withVersion(c, { id: `${id}/${created.iso3}/${created.seq}`, version: created.version }), 200);
    },
  );

  app.openapi(
    writeRoute({
      method: 'patch',
      path: '/api/v1/organizations/{id}/membership-events/{iso3}/{seq}',
      tag: TAG,
      summary: 'Correct a membership event (its date, kind or note), with the source (If-Match)',
      params: eventParams,
      body: membershipEventUpdateSchema,
      response: updatedSchema,
      extra: VERSIONED,
    }),
    async (c) => {
      const { id, iso3, seq } = c.req.valid('param');
      const key = { organizationId: id, iso3, seq };
      requireSeen(await findMembershipEvent(readerOf(c), key), 'membership event', `${id}/${iso3}/${seq}`);
      const updated = await updateMembershipEvent(db, { ...c.req.valid('json'), ...key, expectedVersion: ifMatchVersion(c) }, writeContextOf(c));
      return c.json(withVersion(c, updated), 200);
    },
  );

  app.openapi(
    actionRoute({
      method: 'delete',
      path: '/api/v1/organizations/{id}/membership-events/{iso3}/{seq}',
      tag: TAG,
      summary: 'Delete a membership event entered in Accord (If-Match); shipped events are corrected instead',
      params: eventParams,
      response: deletedSchema,
      extra: VERSIONED,
    }),
    async (c) => {
      const { id, iso3, seq } = c.req.valid('param');
      const key = { organizationId: id, iso3, seq };
      requireSeen(await findMembershipEvent(readerOf(c), key), 'membership event', `${id}/${iso3}/${seq}`);
      return c.json(await deleteMembershipEvent(db, { ...key, expectedVersion: ifMatchVersion(c) }, writeContextOf(c)), 200);
    },
  );
}
