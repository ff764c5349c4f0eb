// Who may create and correct instruments (docs/SECURITY.md): administrators and OHCHR editors
// every instrument; an organization's editor the instruments of its organization (and only
// within it: an instrument is not moved to another organization by its editor alone).
import { editsEverything, editsFor, NO_PERMISSIONS, type Editor, type Permissions } from '../access/edit-rights.ts';

const scopesOf = (organizationId: string | null) => (organizationId ? [`organization:${organizationId}` as const] : []);

export function mayCreateInstrument(editor: Editor, instrument: { organizationId: string | null }): boolean {
  return editsEverything(editor) || editsFor(editor, scopesOf(instrument.organizationId));
}

export function mayUpdateInstrument(editor: Editor, instrument: { organizationId: string | null }): boolean {
  return editsFor(editor, scopesOf(instrument.organizationId));
}

/** Instruments are corrected, never deleted (treaty actions and mechanisms name them). */
export function instrumentPermissions(editor: Editor, instrument: { organizationId: string | null }): Permissions {
  return { ...NO_PERMISSIONS, update: mayUpdateInstrument(editor, instrument) };
}
