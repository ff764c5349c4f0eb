// PUT /api/v1/recommendations/{id}/instrument-links/{instrument}/{action}/review: an
// administrator or OHCHR editor confirms or rejects a link (If-Match: "v0" for the first review).
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Deps } from '../../server/deps.ts';
import { VERSIONED, withVersion } from '../../server/http/record-writes.ts';
import { writeRoute } from '../../server/http/route-kit.ts';
import { ifMatchVersion } from '../../server/http/versions.ts';
import { writeContextOf } from '../../server/http/write-context.ts';
import { recommendationIdParam } from '../recommendations/schema.ts';
import { RATIFY_ACTIONS } from './links.ts';
import { reviewLink } from './review.ts';
import { linkReviewedSchema, linkReviewSchema } from './schema.ts';

export function registerInstrumentLinkWriteRoutes(app: OpenAPIHono, { db }: Deps): void {
  app.openapi(
    writeRoute({
      method: 'put',
      path: '/api/v1/recommendations/{id}/instrument-links/{instrument}/{action}/review',
      tag: 'Recommendations',
      summary: 'Confirm or reject a link between a recommendation and an instrument (administrators and OHCHR editors; If-Match "v0" for the first review)',
      params: {
        ...recommendationIdParam,
        instrument: z
          .string()
          .regex(/^[A-Z0-9][A-Za-z0-9-]{0,49}$/, "must be an instrument's code")
          .openapi({ param: { name: 'instrument', in: 'path' }, example: 'CRPD' }),
        action: z.enum(RATIFY_ACTIONS).openapi({ param: { name: 'action', in: 'path' }, example: 'ratify' }),
      },
      body: linkReviewSchema,
      response: linkReviewedSchema,
      extra: VERSIONED,
    }),
    async (c) => {
      const { id, instrument, action } = c.req.valid('param');
      const body = c.req.valid('json');
      const done = await reviewLink(db, { recommendationId: id, instrument, action, verdict: body.verdict, note: body.note ?? null, expectedVersion: ifMatchVersion(c) }, writeContextOf(c));
      return c.json(withVersion(c, done), 200);
    },
  );
}
