// Who may import files of recommendations (docs/SECURITY.md): administrators and OHCHR editors,
// who edit every record. A dataset replaces what it held for everyone, whatever its State.
import { editsEverything, type Editor } from '../access/edit-rights.ts';

export function mayImportRecommendations(editor: Editor): boolean {
  return editsEverything(editor);
}
