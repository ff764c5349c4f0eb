// Small pure helpers of the account pages (tested in test/unit/web-accounts.test.ts).
import type { ApiToken } from '../../api/types.ts';

/** A two-factor secret in groups of four, easier to type into an app. */
export function groupSecret(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}

/** What a token is now: usable, revoked, or past its expiry. */
export function tokenStatus(token: Pick<ApiToken, 'revokedAt' | 'expiresAt'>, now = Date.now()): 'active' | 'revoked' | 'expired' {
  if (token.revokedAt) return 'revoked';
  return Date.parse(token.expiresAt) > now ? 'active' : 'expired';
}

/** `organization-editor:au` → the role and what it is limited to. */
export function splitRole(role: string): [string, string | null] {
  const at = role.indexOf(':');
  return at < 0 ? [role, null] : [role.slice(0, at), role.slice(at + 1)];
}
