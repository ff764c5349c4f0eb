// A method an address does not answer is refused with 405 and the methods it does answer
// (RFC 9110 15.5.6), rather than a 404 that says the address is not there; an address that
// does not exist stays a 404 whatever the method.
import type { Env, Hono } from 'hono';
import { MethodNotAllowedError } from '../../shared/errors.ts';

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'];

/** Call once every route is registered: the methods of each address are read from the app's
 *  own route list. */
export function refuseOtherMethods(app: Hono<Env>): void {
  const allowed = new Map<string, Set<string>>();
  // The web app's catch-all (`*`) and middleware (method ALL) are no addresses of their own.
  for (const route of app.routes) {
    if (route.path.includes('*') || !METHODS.includes(route.method)) continue;
    const methods = allowed.get(route.path) ?? new Set<string>();
    methods.add(route.method);
    if (route.method === 'GET') methods.add('HEAD');
    allowed.set(route.path, methods);
  }
  for (const [path, methods] of allowed) {
    const others = METHODS.filter((m) => !methods.has(m));
    const list = METHODS.filter((m) => methods.has(m));
    app.on(others, path, (c) => {
      throw new MethodNotAllowedError(c.req.method, list);
    });
  }
}
