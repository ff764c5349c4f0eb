// Entering and correcting mechanisms over HTTP (policy, source and version checked by the use cases).
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Deps } from '../../server/deps.ts';
import { readerOf } from '../../server/http/auth.ts';
import { requireSeen, VERSIONED, withVersion } from '../../server/http/record-writes.ts';
import { writeRoute } from '../../server/http/route-kit.ts';
import { ifMatchVersion } from '../../server/http/versions.ts';
import { writeContextOf } from '../../server/http/write-context.ts';
import { createdSchema, updatedSchema } from '../edits/schema.ts';
import { findMechanism } from './repository.ts';
import { mechanismCreateSchema, mechanismUpdateSchema } from './schema.ts';
import { createMechanism, updateMechanism } from './write.ts';

const TAG = 'Mechanisms';
const codeParam = {
  code: z
    .string()
    .max(100)
    .openapi({ param: { name: 'code', in: 'path' }, example: 'IACHR' }),
};

export function registerMechanismWriteRoutes(app: OpenAPIHono, { db }: Deps): void {
  app.openapi(
    writeRoute({
      method: 'post',
      path: '/api/v1/mechanisms',
      tag: TAG,
      summary: "Enter a mechanism (OHCHR, or an organization's editor for its own)",
      body: mechanismCreateSchema,
      response: createdSchema,
    }),
    async (c) => {
      const created = await createMechanism(db, c.req.valid('json'), writeContextOf(c));
      return c.json(withVersion(c, { id: created.code, version: created.version }), 200);
    },
  );

  app.openapi(
    writeRoute({
      method: 'patch',
      path: '/api/v1/mechanisms/{code}',
      tag: TAG,
      summary: "Correct a mechanism's facts, with the source of the correction (If-Match)",
      params: codeParam,
      body: mechanismUpdateSchema,
      response: updatedSchema,
      extra: VERSIONED,
    }),
    async (c) => {
      const { code } = c.req.valid('param');
      requireSeen(await findMechanism(readerOf(c), code), 'mechanism', code);
      const updated = await updateMechanism(db, { ...c.req.valid('json'), code, expectedVersion: ifMatchVersion(c) }, writeContextOf(c));
      return c.json(withVersion(c, updated), 200);
    },
  );
}
