// Writing projects over HTTP: each route hands the body to its use case (policy, source,
// version, one audit record) and answers with the new version as ETag. A project the asker may
// not see is a 404, never a 403 or 412 that would reveal it.
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Deps } from '../../server/deps.ts';
import { readerOf } from '../../server/http/auth.ts';
import { requireSeen, VERSIONED, withVersion } from '../../server/http/record-writes.ts';
import { actionRoute, writeRoute } from '../../server/http/route-kit.ts';
import { ifMatchVersion } from '../../server/http/versions.ts';
import { writeContextOf } from '../../server/http/write-context.ts';
import { createdSchema, deletedSchema, updatedSchema } from '../edits/schema.ts';
import { findProject } from './repository.ts';
import { projectCreateSchema, projectUpdateSchema } from './schema.ts';
import { createProject, deleteProject, updateProject } from './write.ts';

const TAG = 'Projects';
const idParam = {
  id: z
    .string()
    .max(100)
    .openapi({ param: { name: 'id', in: 'path' }, example: 'example-project' }),
};

export function registerProjectWriteRoutes(app: OpenAPIHono, { db }: Deps): void {
  app.openapi(
    writeRoute({
      method: 'post',
      path: '/api/v1/projects',
      tag: TAG,
      summary: 'Enter a project with its parts (OHCHR editors and administrators)',
      body: projectCreateSchema,
      response: createdSchema,
    }),
    async (c) => c.json(withVersion(c, await createProject(db, c.req.valid('json'), writeContextOf(c))), 200),
  );

  app.openapi(
    writeRoute({
      method: 'patch',
      path: '/api/v1/projects/{id}',
      tag: TAG,
      summary: 'Change a project: its fields, and each list of parts named (replaced whole), with the source (If-Match)',
      params: idParam,
      body: projectUpdateSchema,
      response: updatedSchema,
      extra: VERSIONED,
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      requireSeen(await findProject(readerOf(c), id), 'project', id);
      return c.json(withVersion(c, await updateProject(db, { ...c.req.valid('json'), id, expectedVersion: ifMatchVersion(c) }, writeContextOf(c))), 200);
    },
  );

  app.openapi(
    actionRoute({ method: 'delete', path: '/api/v1/projects/{id}', tag: TAG, summary: 'Delete a project and its parts (If-Match)', params: idParam, response: deletedSchema, extra: VERSIONED }),
    async (c) => {
      const { id } = c.req.valid('param');
      requireSeen(await findProject(readerOf(c), id), 'project', id);
      return c.json(await deleteProject(db, { id, expectedVersion: ifMatchVersion(c) }, writeContextOf(c)), 200);
    },
  );
}
