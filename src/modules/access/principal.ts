// Who is asking: the anonymous public, or a signed-in user with their roles. Every policy
// (src/modules/<feature>/policy.ts) decides from a Principal and the record concerned; handlers
// never test roles themselves. docs/SECURITY.md lists what each role may do.
import type { ReaderRights } from '../../db/visibility.ts';
import type { ConfidentialityLevel, Role } from '../../shared/vocabularies.ts';

/** What a scoped role is limited to: `organization:<id>` or `state:<ISO alpha-3>`. */
export type Scope = `organization:${string}` | `state:${string}`;

export interface Grant {
  role: Role;
  /** null for the roles that are not scoped (admin, ohchr-editor, viewer). */
  scope: Scope | null;
}

export interface Anonymous {
  kind: 'anonymous';
}

export interface SignedInUser {
  kind: 'user';
  userId: string;
  email: string;
  displayName: string;
  lang: string;
  grants: readonly Grant[];
  /** How the request proved it: a browser session (cookie) or a personal API token. */
  via: 'session' | 'token';
}

export type Principal = Anonymous | SignedInUser;

export const ANONYMOUS: Anonymous = { kind: 'anonymous' };

/** What a record says of who may see it. */
export interface Confidentiality {
  confidentiality: ConfidentialityLevel;
  /** For a restricted record: the organizations and States that may see it. */
  audience: readonly Scope[];
}

export function hasRole(principal: Principal, role: Role, scope: Scope | null = null): boolean {
  return principal.kind === 'user' && principal.grants.some((g) => g.role === role && (scope === null || g.scope === scope));
}

export function isAdmin(principal: Principal): boolean {
  return hasRole(principal, 'admin');
}

/** Administrators and OHCHR editors: they may see and edit every record. */
export function isOhchr(principal: Principal): boolean {
  return isAdmin(principal) || hasRole(principal, 'ohchr-editor');
}

/** The organizations and States the principal's scoped roles name. */
export function scopesOf(principal: Principal): Scope[] {
  if (principal.kind !== 'user') return [];
  return [...new Set(principal.grants.flatMap((g) => (g.scope ? [g.scope] : [])))].sort();
}

/** True when the principal holds `role` for one of `scopes`. */
export function hasScopedRole(principal: Principal, role: Role, scopes: readonly Scope[]): boolean {
  return scopes.some((scope) => hasRole(principal, role, scope));
}

/** Whether a record of this confidentiality may be shown to the principal (in any form: a row,
 *  a count, a search hit, an export line, an error message). */
export function maySee(principal: Principal, record: Confidentiality): boolean {
  if (record.confidentiality === 'public') return true;
  if (principal.kind !== 'user') return false;
  if (record.confidentiality === 'internal') return true;
  if (isOhchr(principal)) return true;
  const scopes = scopesOf(principal);
  return record.audience.some((scope) => scopes.includes(scope));
}

/**
 * A key shared by every principal who may see exactly the same records: the response cache
 * keeps one answer per key, so an answer is never served to someone who may see less.
 */
export function visibilityKey(principal: Principal): string {
  if (principal.kind !== 'user') return 'public';
  if (isOhchr(principal)) return 'all';
  const scopes = scopesOf(principal);
  return scopes.length ? `internal+${scopes.join(',')}` : 'internal';
}

/** The actor an audit record names for this principal. */
export function actorOf(principal: SignedInUser): string {
  return `user:${principal.userId}`;
}

/** What the principal may read, in the terms the database's views filter by (db/visibility.ts):
 *  the same rule as maySee, applied to every row a query reads. */
export function readerRights(principal: Principal): ReaderRights {
  if (principal.kind !== 'user') return { see: 'public' };
  if (isOhchr(principal)) return { see: 'all' };
  return { see: 'internal', scopes: scopesOf(principal) };
}
