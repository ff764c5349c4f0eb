// Funding agreements over HTTP: read through the asker's view; entered, changed and deleted by
// the programme's editors (the use cases decide). A hidden agreement is a 404, on writes too.
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Deps } from '../../server/deps.ts';
import { readerOf } from '../../server/http/auth.ts';
import type { ReadTopic } from '../../server/http/cache.ts';
import { paginate } from '../../server/http/list.ts';
import { resolveLang } from '../../server/http/negotiate.ts';
import { listEnvelope, listQuery } from '../../server/http/query.ts';
import { requireSeen, VERSIONED, withVersion } from '../../server/http/record-writes.ts';
import { actionRoute, cacheKey, readRoute, writeRoute } from '../../server/http/route-kit.ts';
import { ifMatchVersion } from '../../server/http/versions.ts';
import { writeContextOf } from '../../server/http/write-context.ts';
import { createdSchema, deletedSchema, updatedSchema } from '../edits/schema.ts';
import { findAgreement } from './repository.ts';
import { agreementCreateSchema, agreementSchema, agreementUpdateSchema, type AgreementView } from './schema.ts';
import { agreementView, agreementViews } from './service.ts';
import { createAgreement, deleteAgreement, updateAgreement } from './write.ts';

const TAG = 'Funding agreements';
const READS: readonly ReadTopic[] = ['projects', 'sources'];
const idParam = {
  id: z
    .string()
    .max(100)
    .openapi({ param: { name: 'id', in: 'path' }, example: 'example-agreement' }),
};

export function registerAgreementRoutes(app: OpenAPIHono, { db, cache }: Deps): void {
  app.openapi(
    readRoute({
      path: '/api/v1/funding-agreements',
      tag: TAG,
      summary: 'Funding agreements (e.g. with the European Commission, OP8(f))',
      query: listQuery,
      response: listEnvelope(agreementSchema, 'FundingAgreementList'),
    }),
    async (c) => {
      const reader = readerOf(c);
      const q = c.req.valid('query');
      const lang = resolveLang(c, q.lang);
      return cache.json(c, cacheKey(c, lang), READS, async () =>
        paginate(
          await agreementViews(reader),
          { ...q, lang },
          { id: (a: AgreementView) => a.id, title: (a) => a.title, donor: (a) => a.donor.name, signed: (a) => a.signed, startDate: (a) => a.startDate },
          'title',
        ),
      );
    },
  );

  app.openapi(readRoute({ path: '/api/v1/funding-agreements/{id}', tag: TAG, summary: 'One funding agreement', query: {}, params: idParam, response: agreementSchema }), async (c) => {
    const reader = readerOf(c);
    return cache.json(c, cacheKey(c, 'en'), READS, () => agreementView(reader, c.req.valid('param').id));
  });

  app.openapi(
    writeRoute({
      method: 'post',
      path: '/api/v1/funding-agreements',
      tag: TAG,
      summary: 'Enter a funding agreement (OHCHR editors and administrators)',
      body: agreementCreateSchema,
      response: createdSchema,
    }),
    async (c) => c.json(withVersion(c, await createAgreement(db, c.req.valid('json'), writeContextOf(c))), 200),
  );

  app.openapi(
    writeRoute({
      method: 'patch',
      path: '/api/v1/funding-agreements/{id}',
      tag: TAG,
      summary: 'Change a funding agreement, with the source of the change (If-Match)',
      params: idParam,
      body: agreementUpdateSchema,
      response: updatedSchema,
      extra: VERSIONED,
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      requireSeen(await findAgreement(readerOf(c), id), 'funding agreement', id);
      return c.json(withVersion(c, await updateAgreement(db, { ...c.req.valid('json'), id, expectedVersion: ifMatchVersion(c) }, writeContextOf(c))), 200);
    },
  );

  app.openapi(
    actionRoute({
      method: 'delete',
      path: '/api/v1/funding-agreements/{id}',
      tag: TAG,
      summary: 'Delete a funding agreement no budget line or transaction names (If-Match)',
      params: idParam,
      response: deletedSchema,
      extra: VERSIONED,
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      requireSeen(await findAgreement(readerOf(c), id), 'funding agreement', id);
      return c.json(await deleteAgreement(db, { id, expectedVersion: ifMatchVersion(c) }, writeContextOf(c)), 200);
    },
  );
}
