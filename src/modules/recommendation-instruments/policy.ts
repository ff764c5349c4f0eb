// Who may review the links between recommendations and instruments (docs/SECURITY.md):
// administrators and OHCHR editors, who may import the recommendations themselves.
import { editsEverything, type Editor } from '../access/edit-rights.ts';

export function mayReviewLinks(editor: Editor): boolean {
  return editsEverything(editor);
}
