// Importing a resolution's text and moving a mandate over HTTP: each route hands the body to its
// use case, where the policy decides. A mandate's change carries If-Match (the version read);
// the answer's ETag is the new one.
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Deps } from '../../server/deps.ts';
import { VERSIONED, withVersion } from '../../server/http/record-writes.ts';
import { writeRoute } from '../../server/http/route-kit.ts';
import { ifMatchVersion } from '../../server/http/versions.ts';
import { writeContextOf } from '../../server/http/write-context.ts';
import { updatedSchema } from '../edits/schema.ts';
import { importedSchema, mandateUpdateSchema, resolutionImportSchema } from './schema.ts';
import { importResolution, updateMandate } from './write.ts';

const TAG = 'Resolutions';

export function registerResolutionWriteRoutes(app: OpenAPIHono, { db }: Deps): void {
  app.openapi(
    writeRoute({
      method: 'post',
      path: '/api/v1/resolutions',
      tag: TAG,
      summary: 'Import a resolution from its plain text (administrators and OHCHR editors); the same key again replaces its reading, mandates keep their status',
      body: resolutionImportSchema,
      response: importedSchema,
    }),
    async (c) => c.json(withVersion(c, await importResolution(db, c.req.valid('json'), writeContextOf(c))), 200),
  );

  app.openapi(
    writeRoute({
      method: 'patch',
      path: '/api/v1/mandates/{id}',
      tag: TAG,
      summary: 'Move a mandate (status, due session, what answers it), with If-Match',
      params: {
        id: z
          .string()
          .max(200)
          .openapi({ param: { name: 'id', in: 'path' }, example: 'local-ga-59-regional-arrangements-2004-12-20.op13' }),
      },
      body: mandateUpdateSchema,
      response: updatedSchema,
      extra: VERSIONED,
    }),
    async (c) => c.json(withVersion(c, await updateMandate(db, { id: c.req.valid('param').id, expectedVersion: ifMatchVersion(c), body: c.req.valid('json') }, writeContextOf(c))), 200),
  );
}
