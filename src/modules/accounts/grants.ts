// Roles as stored (user_role rows) and as policies read them (Grant), and their rules: the
// editor of an organization or of a State names which one; the other roles name none.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Problem } from '../../shared/errors.ts';
import { ROLES, type Role } from '../../shared/vocabularies.ts';
import type { Grant, Scope } from '../access/principal.ts';
import { findOrganization } from '../organizations/repository.ts';
import { findState } from '../states/repository.ts';
import type { RoleRow } from './repository.ts';

const SCOPE_KIND: Partial<Record<Role, 'organization' | 'state'>> = {
  'organization-editor': 'organization',
  'state-editor': 'state',
};

export function grantOf(row: RoleRow): Grant {
  return { role: row.role as Role, scope: row.scope_kind ? (`${row.scope_kind}:${row.scope_id}` as Scope) : null };
}

export function rowOf(grant: Grant): RoleRow {
  if (!grant.scope) return { role: grant.role, scope_kind: '', scope_id: '' };
  const [kind, ...rest] = grant.scope.split(':');
  return { role: grant.role, scope_kind: kind ?? '', scope_id: rest.join(':') };
}

/** `admin`, `organization-editor:au`, `state-editor:KEN`: how the CLI and the audit trail write a grant. */
export function grantText(grant: Grant): string {
  return grant.scope ? `${grant.role}:${grant.scope.slice(grant.scope.indexOf(':') + 1)}` : grant.role;
}

/** Reads `role` or `role:scope` (the CLI's --role); the scope kind follows from the role. */
export function parseGrant(text: string): Grant | null {
  const [role, ...rest] = text.split(':');
  if (!(ROLES as readonly string[]).includes(role ?? '')) return null;
  const kind = SCOPE_KIND[role as Role];
  const id = rest.join(':');
  if (!kind) return id ? null : { role: role as Role, scope: null };
  return id ? { role: role as Role, scope: `${kind}:${kind === 'state' ? id.toUpperCase() : id}` as Scope } : null;
}

export async function grantProblems(db: Kysely<Database>, grants: readonly Grant[]): Promise<Problem[]> {
  const problems: Problem[] = [];
  for (const [i, grant] of grants.entries()) {
    const field = `roles[${i}]`;
    if (!(ROLES as readonly string[]).includes(grant.role)) {
      problems.push({ field, reason: `"${grant.role}" is not a role (${ROLES.join(', ')})` });
      continue;
    }
    const kind = SCOPE_KIND[grant.role];
    if (!kind) {
      if (grant.scope) problems.push({ field, reason: `${grant.role} is not limited to an organization or a State` });
      continue;
    }
    const prefix = `${kind}:`;
    if (!grant.scope?.startsWith(prefix)) {
      problems.push({ field, reason: `${grant.role} needs the ${kind} it is for (${prefix}<${kind === 'state' ? 'ISO alpha-3' : 'id'}>)` });
      continue;
    }
    const id = grant.scope.slice(prefix.length);
    const exists = kind === 'state' ? await findState(db, id) : await findOrganization(db, id);
    if (!exists) problems.push({ field, reason: `no ${kind} "${id}" in the registry` });
  }
  return problems;
}
