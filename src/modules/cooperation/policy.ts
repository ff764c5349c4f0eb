// Who may write the technical-cooperation programme (docs/SECURITY.md): administrators and OHCHR
// editors, and the system actors (CLI, seed, importers). OHCHR runs the programme: a State's or
// an organization's editor reads what is shared with them (the record's audience) but does not
// enter requests, projects or events, whose figures OHCHR answers for. The use cases ask this
// inside their transaction.
import { type Editor, editsEverything, type Permissions } from '../access/edit-rights.ts';

export function mayWriteCooperation(editor: Editor): boolean {
  return editsEverything(editor);
}

/** What the web app may offer on one record of the programme. */
export function cooperationPermissions(editor: Editor): Permissions {
  const allowed = mayWriteCooperation(editor);
  return { update: allowed, delete: allowed };
}
