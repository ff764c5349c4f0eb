// Who may draft the report, and who may open a draft. Drafting is for those who edit everything
// (administrators and OHCHR editors, as for resolutions), and the system actors (the CLI).
//
// A draft is read and written only by its owner and by administrators. The reason is what a draft
// holds: a version is a frozen copy of the document as its author's view of the data gave it
// (restricted projects and requests counted and listed), and a rewritten section may quote such
// records. Today every drafter sees every record, but a rule "any drafter reads any draft" would
// show those figures to whoever may draft tomorrow with a narrower view; the owner saw them
// already, and administrators see everything. Someone who may no longer draft (their role
// removed) no longer opens even their own drafts.
import { type Editor, editsEverything } from '../../access/edit-rights.ts';
import { actorOf, isAdmin } from '../../access/principal.ts';

export function mayDraftReports(editor: Editor): boolean {
  return editsEverything(editor);
}

/** Whether the editor may read and change the draft `owner` made. */
export function mayOpenDraft(editor: Editor, owner: string): boolean {
  if (editor.kind === 'system') return true;
  if (editor.kind !== 'user' || !mayDraftReports(editor)) return false;
  return isAdmin(editor) || actorOf(editor) === owner;
}

/** Whose drafts the editor's list shows: every draft (null) or the editor's own. */
export function draftsListedFor(editor: Editor): string | null {
  if (editor.kind === 'system' || (editor.kind === 'user' && isAdmin(editor))) return null;
  return editor.kind === 'user' ? actorOf(editor) : '';
}
