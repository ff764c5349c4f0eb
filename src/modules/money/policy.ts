// Who may enter or delete exchange rates (docs/SECURITY.md): administrators and the system
// actors (CLI). A rate turns every total across currencies, so it is the administrators' to
// answer for, not every editor's of the programme.
import type { Editor } from '../access/edit-rights.ts';
import { isAdmin } from '../access/principal.ts';

export function mayWriteExchangeRates(editor: Editor): boolean {
  return editor.kind === 'system' || isAdmin(editor);
}
