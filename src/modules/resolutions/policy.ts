// Who may import resolutions and move their mandates: administrators and OHCHR editors, and the
// system actors (CLI, seed). Resolutions are public documents: every reader reads them.
import { type Editor, editsEverything } from '../access/edit-rights.ts';

export function mayWriteResolutions(editor: Editor): boolean {
  return editsEverything(editor);
}
