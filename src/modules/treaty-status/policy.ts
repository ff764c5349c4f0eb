// Who may enter and correct treaty actions (docs/SECURITY.md): administrators and OHCHR editors
// every act; an organization's editor the acts under its organization's instruments; a State's
// editor the acts its State took. Only acts entered in Accord (datasets `edit:<instrument>`)
// are changed or deleted: an imported or shipped act is answered by entering the act as the
// editor's source gives it, and both stay, the disagreement listed.
import { editsFor, NO_PERMISSIONS, type Editor, type Permissions } from '../access/edit-rights.ts';
import type { Scope } from '../access/principal.ts';

export interface ActionScope {
  /** The organization whose instrument it is (null for a UN instrument). */
  instrumentOrganizationId: string | null;
  participantKind: string;
  participantId: string;
}

function scopesOf(act: ActionScope): Scope[] {
  const scopes: Scope[] = [];
  if (act.instrumentOrganizationId) scopes.push(`organization:${act.instrumentOrganizationId}`);
  if (act.participantKind === 'state') scopes.push(`state:${act.participantId}`);
  return scopes;
}

export function mayEnterTreatyAction(editor: Editor, act: ActionScope): boolean {
  return editsFor(editor, scopesOf(act));
}

export function treatyActionPermissions(editor: Editor, act: ActionScope & { datasetId: string }): Permissions {
  if (!act.datasetId.startsWith('edit:')) return NO_PERMISSIONS;
  const may = mayEnterTreatyAction(editor, act);
  return { update: may, delete: may };
}
