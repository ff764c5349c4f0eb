// Who sends each request, decided once, before any route: a Bearer token (programs), else the
// session cookie (browsers), else the anonymous public. Routes read it with principalOf(c) and
// hand it to their feature's policy; nothing here decides what anyone may do.
// Cookie-authenticated writes must carry the session's CSRF token (X-CSRF-Token) and, when the
// browser sends one, an Origin of this server: a page of another site cannot write as the user.
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { viewFor } from '../../db/visibility.ts';
import { ANONYMOUS, type Principal, readerRights, type SignedInUser } from '../../modules/access/principal.ts';
import { csrfTokenFor, sameSecret } from '../../modules/accounts/secrets.ts';
import { principalFromSession, principalFromToken, SESSION_MAX_MS } from '../../modules/accounts/sessions.ts';
import { AppError, UnauthenticatedError } from '../../shared/errors.ts';

declare module 'hono' {
  interface ContextVariableMap {
    principal: Principal;
    /** The session cookie's secret, when the request came with a valid one. */
    sessionSecret: string | null;
    /** The database as this asker may see it (db/visibility.ts). */
    reader: Kysely<Database>;
  }
}

export const SESSION_COOKIE = 'accord_session';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

class CsrfError extends AppError {
  constructor(reason: string) {
    super('csrf_failed', 403, `This write did not come from a page of this server (${reason}): reload the page and try again`);
  }
}

function sameOrigin(c: Context): boolean {
  const origin = c.req.header('origin');
  if (!origin) return true; // not a browser, or a same-origin GET-like request: the token decides
  try {
    return new URL(origin).host === new URL(c.req.url).host;
  } catch {
    return false;
  }
}

export function authenticate(db: Kysely<Database>): MiddlewareHandler {
  return async (c, next) => {
    c.set('principal', ANONYMOUS);
    c.set('sessionSecret', null);
    c.set('reader', viewFor(db, { see: 'public' }));
    if (!c.req.path.startsWith('/api/')) return next();
    await identify(db, c);
    c.set('reader', viewFor(db, readerRights(c.get('principal'))));
    return next();
  };
}

/** Sets the principal from a Bearer token or the session cookie; checks CSRF on cookie writes. */
async function identify(db: Kysely<Database>, c: Context): Promise<void> {
  const authorization = c.req.header('authorization');
  if (authorization !== undefined) {
    const match = /^Bearer ([A-Za-z0-9_-]{1,200})$/.exec(authorization);
    if (!match?.[1]) throw new UnauthenticatedError('The Authorization header must be "Bearer <token>"');
    c.set('principal', await principalFromToken(db, match[1]));
    return;
  }
  const secret = getCookie(c, SESSION_COOKIE);
  if (secret !== undefined && /^acs_[A-Za-z0-9_-]{43}$/.test(secret)) {
    const principal = await principalFromSession(db, secret);
    if (principal.kind === 'user') {
      c.set('principal', principal);
      c.set('sessionSecret', secret);
    }
  }
  if (UNSAFE.has(c.req.method) && !sameOrigin(c)) throw new CsrfError('another origin');
  const session = c.get('sessionSecret');
  if (UNSAFE.has(c.req.method) && session !== null) {
    const sent = c.req.header('x-csrf-token') ?? '';
    if (!sameSecret(sent, csrfTokenFor(session))) throw new CsrfError('no valid X-CSRF-Token header');
  }
}

/** The database as the asker may see it: every read route reads through this. */
export function readerOf(c: Context): Kysely<Database> {
  return c.get('reader');
}

export function principalOf(c: Context): Principal {
  return c.get('principal') ?? ANONYMOUS;
}

/** The signed-in user, or 401. */
export function requireUser(c: Context): SignedInUser {
  const principal = principalOf(c);
  if (principal.kind !== 'user') throw new UnauthenticatedError();
  return principal;
}

export function setSessionCookie(c: Context, secret: string): void {
  setCookie(c, SESSION_COOKIE, secret, {
    httpOnly: true,
    sameSite: 'Strict',
    secure: new URL(c.req.url).protocol === 'https:',
    path: '/',
    maxAge: Math.floor(SESSION_MAX_MS / 1000),
  });
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'Strict', secure: new URL(c.req.url).protocol === 'https:' });
}

/** The client's address, for the sign-in throttle: the socket's, never a header a client writes. */
export function clientAddress(c: Context): string {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? 'unknown';
}
