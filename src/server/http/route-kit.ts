// Small helpers so that every read route looks the same: validate → resolve lang/asOf →
// answer from the cache (ETag) or compute.
import { createRoute, z, type RouteConfig } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { visibilityKey } from '../../modules/access/principal.ts';
import { principalOf } from './auth.ts';
import { errorSchema } from './query.ts';

export const errorResponses = {
  400: { description: 'A parameter is invalid; `details` names it.', content: { 'application/json': { schema: errorSchema } } },
  404: { description: 'No such code or id.', content: { 'application/json': { schema: errorSchema } } },
} as const;

/** A GET route; its handler's answer is typed from `response`, the schema it is documented by. */
export function readRoute<Q extends z.ZodRawShape, S extends z.ZodType, P extends z.ZodRawShape = Record<never, never>>(options: {
  path: string;
  tag: string;
  summary: string;
  query: Q;
  params?: P;
  response: S;
  /** For routes only signed-in users may read: documents the 401 and 403 answers. */
  signedIn?: boolean;
}) {
  const config = {
    method: 'get',
    path: options.path,
    tags: [options.tag],
    summary: options.summary,
    request: {
      query: z.strictObject(options.query),
      params: z.object((options.params ?? {}) as P),
    },
    responses: {
      200: { description: 'OK', content: { 'application/json': { schema: options.response } } },
      304: { description: 'Not modified (ETag matched).' },
      ...errorResponses,
      ...(options.signedIn ? { 401: writeErrorResponses[401], 403: writeErrorResponses[403] } : {}),
    },
  } satisfies RouteConfig;
  return createRoute(config);
}

/** Cache key: the address as sent (path and query), the resolved language and date, and what
 *  the asker may see: an answer is shared only by those who may see exactly the same records. */
export function cacheKey(c: Context, lang: string, asOf = ''): string {
  return `${c.req.url}#${lang}#${asOf}#${visibilityKey(principalOf(c))}`;
}

export const writeErrorResponses = {
  400: { description: 'The body or a parameter is invalid; `details` names each field and why.', content: { 'application/json': { schema: errorSchema } } },
  401: { description: 'Not signed in, or the session or token is no longer valid.', content: { 'application/json': { schema: errorSchema } } },
  403: { description: 'Signed in, but not allowed to do this; or a cookie-authenticated write without the CSRF token.', content: { 'application/json': { schema: errorSchema } } },
  404: { description: 'No such record (or none this user may see).', content: { 'application/json': { schema: errorSchema } } },
  409: { description: 'Another write made the same record at the same moment; nothing was written: send it again.', content: { 'application/json': { schema: errorSchema } } },
  413: { description: 'The body is too large.', content: { 'application/json': { schema: errorSchema } } },
} as const;

interface WriteOptions<S extends z.ZodType, P extends z.ZodRawShape> {
  method: 'post' | 'patch' | 'put' | 'delete';
  path: string;
  tag: string;
  summary: string;
  description?: string;
  params?: P;
  response: S;
  /** Extra documented answers: 412/428 for versioned updates, 429 for sign-in. */
  extra?: Record<number, { description: string }>;
}

function writeResponses<S extends z.ZodType>(options: { response: S; extra?: Record<number, { description: string }> }) {
  const extra = Object.fromEntries(Object.entries(options.extra ?? {}).map(([status, r]) => [status, { description: r.description, content: { 'application/json': { schema: errorSchema } } }]));
  return {
    200: { description: 'OK', content: { 'application/json': { schema: options.response } } },
    ...writeErrorResponses,
    ...extra,
  };
}

/** A route that changes something, with a JSON body. */
export function writeRoute<B extends z.ZodType, S extends z.ZodType, P extends z.ZodRawShape = Record<never, never>>(options: WriteOptions<S, P> & { body: B }) {
  const config = {
    method: options.method,
    path: options.path,
    tags: [options.tag],
    summary: options.summary,
    description: options.description,
    request: {
      params: z.object((options.params ?? {}) as P),
      body: { content: { 'application/json': { schema: options.body } }, required: true },
    },
    responses: writeResponses(options),
  } satisfies RouteConfig;
  return createRoute(config);
}

/** A route that changes something and takes no body (what it acts on is in its path). */
export function actionRoute<S extends z.ZodType, P extends z.ZodRawShape = Record<never, never>>(options: WriteOptions<S, P>) {
  const config = {
    method: options.method,
    path: options.path,
    tags: [options.tag],
    summary: options.summary,
    description: options.description,
    request: { params: z.object((options.params ?? {}) as P) },
    responses: writeResponses(options),
  } satisfies RouteConfig;
  return createRoute(config);
}
