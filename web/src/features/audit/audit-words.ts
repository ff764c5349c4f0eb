// The audit page's filters (as the API names them, and as the address keeps them) and how a
// record's actor is shown: `user:<id>` by the account's name when the reader may list accounts,
// `system:<name>` (the command line, an import, the seed) as the system.
import type { User } from '../../api/types.ts';

export const AUDIT_FILTERS = ['entity', 'id', 'actor', 'useCase', 'since', 'until'] as const;
export type AuditFilters = Record<(typeof AUDIT_FILTERS)[number], string>;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The filters in the address; a date that is not YYYY-MM-DD is dropped rather than sent. */
export function filtersFrom(params: URLSearchParams): AuditFilters {
  const value = (name: string) => (params.get(name) ?? '').trim().slice(0, 300);
  const day = (name: string) => (DAY.test(value(name)) ? value(name) : '');
  return { entity: value('entity'), id: value('id'), actor: value('actor'), useCase: value('useCase'), since: day('since'), until: day('until') };
}

export type Actor = { kind: 'user'; id: string; name: string | null } | { kind: 'system'; name: string } | { kind: 'other' };

export function actorLabel(actor: string, users: Map<string, Pick<User, 'displayName' | 'email'>>): Actor {
  if (actor.startsWith('user:')) {
    const id = actor.slice(5);
    const user = users.get(id);
    return { kind: 'user', id, name: user ? user.displayName || user.email || null : null };
  }
  if (actor.startsWith('system:')) return { kind: 'system', name: actor.slice(7) };
  if (actor === 'system') return { kind: 'system', name: 'system' };
  return { kind: 'other' };
}

/** Before and after, indented for reading. */
export function jsonText(value: unknown): string {
  return JSON.stringify(value, null, 2);
}
