// The change feed over HTTP: GET /api/v1/changes (JSON, a page at a time by cursor), one entry
// (/api/v1/changes/{id}: for an import, its differences), and the same pages as Atom and JSON
// Feed 1.1. Read through the asker's view: anonymous readers (and feed readers) see the changes
// of records public then and now; OHCHR and administrators see all; a scoped reader sees the
// restricted changes meant for their scopes. Not kept in the response cache: a poller's next
// page is new data, and the view decides per asker.
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Deps } from '../../server/deps.ts';
import { readerOf } from '../../server/http/auth.ts';
import { errorResponses, readRoute } from '../../server/http/route-kit.ts';
import { NotFoundError, ValidationError } from '../../shared/errors.ts';
import { atomFeed, jsonFeed } from './feeds.ts';
import type { ChangeQuery } from './repository.ts';
import { changePage, oneChange } from './service.ts';
import { FEED_KINDS } from './subjects/repository.ts';

const TAG = 'Changes';
const q = (name: string, description: string) => ({ param: { name, in: 'query' as const }, description });
const cursor = z
  .string()
  .regex(/^\d{1,15}$/, 'must be a cursor: the `next` of a previous page (a whole number)')
  .transform(Number)
  .optional();

export const changeFilterQuery = {
  kind: z
    .string()
    .max(400)
    .regex(new RegExp(`^(${FEED_KINDS.join('|')})(,(${FEED_KINDS.join('|')}))*$`), `must be one or more of ${FEED_KINDS.join(', ')}, separated by commas`)
    .optional()
    .openapi(q('kind', 'Only changes of these kinds of record (comma-separated).')),
  region: z
    .string()
    .regex(/^\d{3}$/, 'must be a UN M49 region code of three digits, e.g. 002')
    .optional()
    .openapi(q('region', 'Only changes concerning a State of this M49 region or sub-region (or a record of it).')),
  organization: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9-]{0,99}$/, 'must be an organization id, e.g. au')
    .optional()
    .openapi(q('organization', 'Only changes concerning this organization.')),
  state: z
    .string()
    .regex(/^[A-Z]{3}$/, 'must be an ISO alpha-3 code in capitals')
    .optional()
    .openapi(q('state', 'Only changes concerning this State.')),
  instrument: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/, 'must be an instrument code, e.g. ICCPR')
    .optional()
    .openapi(q('instrument', 'Only changes concerning this instrument.')),
};

const pageQuery = {
  since: cursor.openapi({ ...q('since', 'Oldest first: the changes after this cursor (default: from the first).'), type: 'integer' }),
  before: cursor.openapi({ ...q('before', 'Newest first (order=newest): the changes before this cursor.'), type: 'integer' }),
  order: z.enum(['oldest', 'newest'], { error: 'must be oldest or newest' }).optional(),
  limit: z
    .string()
    .regex(/^\d{1,4}$/, 'must be a whole number from 1 to 1000')
    .transform(Number)
    .pipe(z.number().int().min(1, 'must be at least 1').max(1000, 'must be at most 1000'))
    .optional()
    .openapi({ type: 'integer' }),
  ...changeFilterQuery,
};

const facetsSchema = z.object({
  region: z.array(z.string()).optional(),
  organization: z.array(z.string()).optional(),
  state: z.array(z.string()).optional(),
  instrument: z.array(z.string()).optional(),
});
export const changeSchema = z
  .object({
    id: z.string().openapi({ description: 'The cursor of this entry (the audit record it comes from).' }),
    at: z.string(),
    kind: z.string(),
    recordId: z.string().nullable(),
    action: z.enum(['created', 'updated', 'deleted', 'imported']),
    summary: z.string(),
    confidentiality: z.string(),
    facets: facetsSchema,
    links: z.object({ self: z.string(), record: z.string().nullable(), history: z.string().nullable(), differences: z.string().nullable() }),
    record: z.unknown().openapi({ description: 'The record as it stood after the change (null after a delete); for an import, the datasets added, changed, unchanged and removed.' }),
  })
  .openapi('Change');
const pageSchema = z.object({ items: z.array(changeSchema), next: z.string().nullable(), more: z.boolean() }).openapi('ChangePage');

type PageParams = { since?: number; before?: number; order?: 'oldest' | 'newest'; limit?: number; kind?: string; region?: string; organization?: string; state?: string; instrument?: string };

/** The query the parameters ask for; `since` and `before` each go with one order only. */
export function changeQueryOf(p: PageParams, defaultOrder: 'oldest' | 'newest'): ChangeQuery {
  const order = p.order ?? (p.before !== undefined ? 'newest' : p.since !== undefined ? 'oldest' : defaultOrder);
  if (order === 'oldest' && p.before !== undefined) throw new ValidationError('before goes with order=newest', [{ parameter: 'before', reason: 'use since to read oldest first' }]);
  if (order === 'newest' && p.since !== undefined) throw new ValidationError('since goes with order=oldest', [{ parameter: 'since', reason: 'use before to read newest first' }]);
  return {
    order,
    cursor: (order === 'oldest' ? p.since : p.before) ?? null,
    limit: p.limit ?? 100,
    kinds: p.kind?.split(','),
    facets: { region: p.region, organization: p.organization, state: p.state, instrument: p.instrument },
  };
}

function feedRoute(path: string, summary: string, type: string) {
  return createRoute({
    method: 'get',
    path,
    tags: [TAG],
    summary,
    request: { query: z.strictObject(pageQuery) },
    responses: { 200: { description: summary, content: { [type]: { schema: z.string() } } }, ...errorResponses },
  });
}

function origin(c: Context): string {
  return new URL(c.req.url).origin;
}

export function registerChangeRoutes(app: OpenAPIHono, _deps: Deps): void {
  app.openapi(
    readRoute({ path: '/api/v1/changes', tag: TAG, summary: 'Changes of public records (and of those the asker may see), oldest first after a cursor', query: pageQuery, response: pageSchema }),
    async (c) => {
      const page = await changePage(readerOf(c), changeQueryOf(c.req.valid('query'), 'oldest'));
      c.header('Cache-Control', 'no-store');
      return c.json(page, 200);
    },
  );

  app.openapi(feedRoute('/api/v1/changes.atom', 'The change feed as Atom (newest first unless order=oldest)', 'application/atom+xml'), async (c) => {
    const page = await changePage(readerOf(c), changeQueryOf(c.req.valid('query'), 'newest'));
    return c.body(atomFeed(page, origin(c), c.req.url), 200, { 'Content-Type': 'application/atom+xml; charset=utf-8', 'Cache-Control': 'no-store' });
  });

  app.openapi(feedRoute('/api/v1/changes.json', 'The change feed as JSON Feed 1.1 (newest first unless order=oldest)', 'application/feed+json'), async (c) => {
    const page = await changePage(readerOf(c), changeQueryOf(c.req.valid('query'), 'newest'));
    return c.body(JSON.stringify(jsonFeed(page, origin(c), c.req.url)), 200, { 'Content-Type': 'application/feed+json; charset=utf-8', 'Cache-Control': 'no-store' });
  });

  app.openapi(
    readRoute({
      path: '/api/v1/changes/{id}',
      tag: TAG,
      summary: 'One change; for an import, the datasets it added, changed and removed',
      query: {},
      params: {
        id: z
          .string()
          .regex(/^\d{1,15}$/, 'must be a change id')
          .openapi({ param: { name: 'id', in: 'path' }, type: 'integer', example: '1234' }),
      },
      response: changeSchema,
    }),
    async (c) => {
      const id = c.req.valid('param').id;
      const change = await oneChange(readerOf(c), Number(id));
      if (!change) throw new NotFoundError('change', id);
      c.header('Cache-Control', 'no-store');
      return c.json(change, 200);
    },
  );
}
