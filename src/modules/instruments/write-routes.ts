// Entering and correcting instruments over HTTP (policy, source and version checked by the use cases).
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Deps } from '../../server/deps.ts';
import { readerOf } from '../../server/http/auth.ts';
import { requireSeen, VERSIONED, withVersion } from '../../server/http/record-writes.ts';
import { writeRoute } from '../../server/http/route-kit.ts';
import { ifMatchVersion } from '../../server/http/versions.ts';
import { writeContextOf } from '../../server/http/write-context.ts';
import { createdSchema, updatedSchema } from '../edits/schema.ts';
import { findInstrument } from './repository.ts';
import { instrumentCreateSchema, instrumentUpdateSchema } from './schema.ts';
import { createInstrument, updateInstrument } from './write.ts';

const TAG = 'Instruments';
const codeParam = {
  code: z
    .string()
    .max(100)
    .openapi({ param: { name: 'code', in: 'path' }, example: 'ACHPR' }),
};

export function registerInstrumentWriteRoutes(app: OpenAPIHono, { db }: Deps): void {
  app.openapi(
    writeRoute({
      method: 'post',
      path: '/api/v1/instruments',
      tag: TAG,
      summary: "Enter an instrument (OHCHR, or an organization's editor for its own)",
      body: instrumentCreateSchema,
      response: createdSchema,
    }),
    async (c) => {
      const created = await createInstrument(db, c.req.valid('json'), writeContextOf(c));
      return c.json(withVersion(c, { id: created.code, version: created.version }), 200);
    },
  );

  app.openapi(
    writeRoute({
      method: 'patch',
      path: '/api/v1/instruments/{code}',
      tag: TAG,
      summary: "Correct an instrument's facts, with the source of the correction (If-Match)",
      params: codeParam,
      body: instrumentUpdateSchema,
      response: updatedSchema,
      extra: VERSIONED,
    }),
    async (c) => {
      const { code } = c.req.valid('param');
      requireSeen(await findInstrument(readerOf(c), code), 'instrument', code);
      const updated = await updateInstrument(db, { ...c.req.valid('json'), code, expectedVersion: ifMatchVersion(c) }, writeContextOf(c));
      return c.json(withVersion(c, updated), 200);
    },
  );
}
