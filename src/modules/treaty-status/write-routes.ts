// Treaty acts entered in Accord, over HTTP: an editor enters an act as their source gives it
// (dataset edit:<instrument>); the imported and shipped acts stay, and a disagreement between
// them is listed like any other conflict between sources.
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Deps } from '../../server/deps.ts';
import { readerOf } from '../../server/http/auth.ts';
import { requireSeen, VERSIONED, withVersion } from '../../server/http/record-writes.ts';
import { actionRoute, readRoute, writeRoute } from '../../server/http/route-kit.ts';
import { ifMatchVersion, versionEtag } from '../../server/http/versions.ts';
import { writeContextOf } from '../../server/http/write-context.ts';
import { createdSchema, deletedSchema, updatedSchema } from '../edits/schema.ts';
import { findInstrument } from '../instruments/repository.ts';
import { createTreatyAction, deleteTreatyAction, enteredActionId, enteredActionView, listEnteredActionViews, updateTreatyAction } from './entered-actions.ts';
import { editDatasetId, findTreatyAction } from './repository.ts';
import { enteredActionSchema, treatyActionCreateSchema, treatyActionUpdateSchema } from './schema.ts';

const TAG = 'Treaty status';
const keyParams = {
  instrument: z
    .string()
    .max(100)
    .openapi({ param: { name: 'instrument', in: 'path' }, example: 'ISTANBUL' }),
  seq: z
    .string()
    .regex(/^\d{1,9}$/, 'must be the number of the act')
    .transform(Number)
    .openapi({ param: { name: 'seq', in: 'path' }, type: 'integer', example: '1' }),
};

export function registerTreatyActionWriteRoutes(app: OpenAPIHono, { db }: Deps): void {
  /** The act as the asker's view finds it, else 404. */
  const seen = async (reader: Parameters<typeof findTreatyAction>[0], instrument: string, seq: number) =>
    requireSeen(await findTreatyAction(reader, editDatasetId(instrument), seq), 'treaty action', enteredActionId(editDatasetId(instrument), seq));

  app.openapi(
    writeRoute({
      method: 'post',
      path: '/api/v1/treaty-actions',
      tag: TAG,
      summary: "Enter a treaty act (signature, ratification, declaration…) as the editor's source gives it",
      body: treatyActionCreateSchema,
      response: createdSchema,
    }),
    async (c) => {
      const body = c.req.valid('json');
      requireSeen(await findInstrument(readerOf(c), body.instrument), 'instrument', body.instrument);
      const created = await createTreatyAction(db, body, writeContextOf(c));
      return c.json(withVersion(c, { id: created.id, version: created.version }), 200);
    },
  );

  app.openapi(
    readRoute({
      path: '/api/v1/treaty-actions',
      tag: TAG,
      summary: "The treaty acts entered in Accord the asker may see, of an instrument and/or a participant (each act's id names its number)",
      query: {
        instrument: z
          .string()
          .regex(/^[A-Z0-9][A-Z0-9-]{0,49}$/, 'must be an instrument code, e.g. ICCPR')
          .optional()
          .openapi({ param: { name: 'instrument', in: 'query' }, example: 'ISTANBUL' }),
        participant: z
          .string()
          .regex(/^([A-Z]{3}|[a-z][a-z0-9-]{0,49})$/, 'must be a State (ISO alpha-3) or an organization id')
          .optional()
          .openapi({ param: { name: 'participant', in: 'query' }, example: 'FRA' }),
      },
      response: z.object({ items: z.array(enteredActionSchema) }).openapi('EnteredTreatyActions'),
    }),
    async (c) => {
      const q = c.req.valid('query');
      c.header('Cache-Control', 'no-store');
      return c.json({ items: await listEnteredActionViews(readerOf(c), q) }, 200);
    },
  );

  app.openapi(
    readRoute({
      path: '/api/v1/treaty-actions/{instrument}/{seq}',
      tag: TAG,
      summary: 'A treaty act entered in Accord; ETag is its version',
      query: {},
      params: keyParams,
      response: enteredActionSchema,
    }),
    async (c) => {
      const { instrument, seq } = c.req.valid('param');
      await seen(readerOf(c), instrument, seq);
      const view = await enteredActionView(readerOf(c), { instrument, seq });
      c.header('ETag', versionEtag(view.version));
      c.header('Cache-Control', 'no-store');
      return c.json(view, 200);
    },
  );

  app.openapi(
    writeRoute({
      method: 'patch',
      path: '/api/v1/treaty-actions/{instrument}/{seq}',
      tag: TAG,
      summary: 'Correct a treaty act entered in Accord, with the source (If-Match)',
      params: keyParams,
      body: treatyActionUpdateSchema,
      response: updatedSchema,
      extra: VERSIONED,
    }),
    async (c) => {
      const { instrument, seq } = c.req.valid('param');
      await seen(readerOf(c), instrument, seq);
      const updated = await updateTreatyAction(db, { ...c.req.valid('json'), instrument, seq, expectedVersion: ifMatchVersion(c) }, writeContextOf(c));
      return c.json(withVersion(c, updated), 200);
    },
  );

  app.openapi(
    actionRoute({
      method: 'delete',
      path: '/api/v1/treaty-actions/{instrument}/{seq}',
      tag: TAG,
      summary: 'Delete a treaty act entered in Accord (If-Match)',
      params: keyParams,
      response: deletedSchema,
      extra: VERSIONED,
    }),
    async (c) => {
      const { instrument, seq } = c.req.valid('param');
      await seen(readerOf(c), instrument, seq);
      return c.json(await deleteTreatyAction(db, { instrument, seq, expectedVersion: ifMatchVersion(c) }, writeContextOf(c)), 200);
    },
  );
}
