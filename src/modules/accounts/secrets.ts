// The secrets Accord gives out (session cookies, API tokens) and how they are kept: 32 random
// bytes each, stored only as their SHA-256, so a copy of the database signs no one in. A hash
// of a 256-bit random value needs no salt or slow hash: there is nothing to guess.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A new secret: `<prefix>_` and 43 base64url characters (256 bits). */
export function newSecret(prefix: 'acs' | 'act'): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/** The CSRF token of a session: derived from its secret, which the page's scripts cannot read
 *  (the cookie is HttpOnly), so a form on another site cannot know it. Nothing is stored. */
export function csrfTokenFor(sessionSecret: string): string {
  return createHash('sha256').update(`csrf:${sessionSecret}`).digest('base64url');
}

export function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
