// Who may create and correct mechanisms (docs/SECURITY.md): administrators and OHCHR editors
// every mechanism; an organization's editor the mechanisms of its organization (and only
// within it).
import { editsEverything, editsFor, NO_PERMISSIONS, type Editor, type Permissions } from '../access/edit-rights.ts';

const scopesOf = (organizationId: string | null) => (organizationId ? [`organization:${organizationId}` as const] : []);

export function mayCreateMechanism(editor: Editor, mechanism: { organizationId: string | null }): boolean {
  return editsEverything(editor) || editsFor(editor, scopesOf(mechanism.organizationId));
}

export function mayUpdateMechanism(editor: Editor, mechanism: { organizationId: string | null }): boolean {
  return editsFor(editor, scopesOf(mechanism.organizationId));
}

/** Mechanisms are corrected, never deleted (coverage and the map name them). */
export function mechanismPermissions(editor: Editor, mechanism: { organizationId: string | null }): Permissions {
  return { ...NO_PERMISSIONS, update: mayUpdateMechanism(editor, mechanism) };
}
