// Small helpers so that every read route looks the same: validate → resolve lang/asOf →
// answer from the cache (ETag) or compute.
import { createRoute, z, type RouteConfig } from '@hono/zod-openapi';
import type { Context } from 'hono';
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
    },
  } satisfies RouteConfig;
  return createRoute(config);
}

/** Cache key: the address as sent (path and query), plus the resolved language and date. */
export function cacheKey(c: Context, lang: string, asOf = ''): string {
  return `${c.req.url}#${lang}#${asOf}`;
}
