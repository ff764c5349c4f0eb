// Who may enter and correct OHCHR field presences and their coverage periods (docs/SECURITY.md):
// administrators and OHCHR editors only. A presence is OHCHR's own arrangement, so no
// organization's or State's editor speaks for it, not even for the State a period names.
import { editsEverything, NO_PERMISSIONS, type Editor, type Permissions } from '../access/edit-rights.ts';

export function mayEditPresences(editor: Editor): boolean {
  return editsEverything(editor);
}

/** Presences are corrected, never deleted (their periods and history name them). */
export function presencePermissions(editor: Editor): Permissions {
  return { ...NO_PERMISSIONS, update: mayEditPresences(editor) };
}

/** Only a period a user entered may be deleted; a shipped one is corrected, so its source stays on record. */
export function coveragePeriodPermissions(editor: Editor, period: { origin: string }): Permissions {
  const may = mayEditPresences(editor);
  return { update: may, delete: may && period.origin === 'user' };
}
