// Every address of the API only reads. A write method on one of them is refused with 405 and
// the methods it does answer (RFC 9110 15.5.6), rather than a 404 that says the address is not
// there; an address that does not exist stays a 404 whatever the method.
import type { Env, Hono } from 'hono';
import { MethodNotAllowedError } from '../../shared/errors.ts';

const WRITE_METHODS = ['POST', 'PUT', 'PATCH', 'DELETE'];
const READ_METHODS = ['GET', 'HEAD'];

/** Call once every read route is registered: they are read from the app's own route list. */
export function refuseWrites(app: Hono<Env>): void {
  // The web app's catch-all (`*`) is no address of its own: other paths stay 404.
  const paths = new Set(app.routes.filter((r) => r.method === 'GET' && !r.path.includes('*')).map((r) => r.path));
  app.on(WRITE_METHODS, [...paths], (c) => {
    throw new MethodNotAllowedError(c.req.method, READ_METHODS);
  });
}
