// Who may edit, for the policies of the features (src/modules/<feature>/policy.ts): an editor is
// a principal, or a system actor (the CLI, the seed, the importers), which acts with full
// rights because whoever runs it already holds the database. Administrators and OHCHR editors
// edit every record; an organization editor the records of its organization, a State editor
// those of its State; viewers and the anonymous public nothing.
import { ForbiddenError, UnauthenticatedError } from '../../shared/errors.ts';
import { hasRole, isOhchr, type Principal, type Scope } from './principal.ts';

export interface SystemEditor {
  kind: 'system';
}

export const SYSTEM_EDITOR: SystemEditor = { kind: 'system' };

export type Editor = Principal | SystemEditor;

/** What the principal may do to one record: what the API tells the web app. */
export interface Permissions {
  update: boolean;
  delete: boolean;
}

export const NO_PERMISSIONS: Permissions = { update: false, delete: false };

/** System actors, administrators and OHCHR editors. */
export function editsEverything(editor: Editor): boolean {
  return editor.kind === 'system' || isOhchr(editor);
}

/** Whether the editor holds the editor role of one of these scopes (or edits everything). */
export function editsFor(editor: Editor, scopes: readonly Scope[]): boolean {
  if (editsEverything(editor)) return true;
  if (editor.kind === 'system') return false;
  return scopes.some((scope) => hasRole(editor, scope.startsWith('organization:') ? 'organization-editor' : 'state-editor', scope));
}

/** Throws when the policy said no: 401 for the anonymous public (signing in may help), else 403. */
export function requireRight(editor: Editor, allowed: boolean, what: string): void {
  if (allowed) return;
  if (editor.kind === 'anonymous') throw new UnauthenticatedError(`Sign in to ${what}`);
  throw new ForbiddenError(`You may not ${what}`);
}
