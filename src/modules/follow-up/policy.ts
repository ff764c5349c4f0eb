// Who may record the follow-up of a recommendation (docs/SECURITY.md): administrators and OHCHR
// editors for every recommendation; a State's editor for the recommendations addressed to their
// State. An organization's editor records none: the registry's policies give an organization's
// editor the organization's own records, never its member States' (a membership event is the
// organization's record as much as the State's; a recommendation to a State is not), so none is
// given here. The use cases ask this inside their transaction, against the recommendation as stored.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { viewFor } from '../../db/visibility.ts';
import { editsFor, type Editor } from '../access/edit-rights.ts';
import { readerRights } from '../access/principal.ts';

export function mayWriteFollowUp(editor: Editor, recommendation: { state: string }): boolean {
  return editsFor(editor, [`state:${recommendation.state}`]);
}

/** Of the States a set of recommendations is addressed to, those the editor may not write for. */
export function statesRefused(editor: Editor, states: readonly string[]): string[] {
  return states.filter((state) => !mayWriteFollowUp(editor, { state }));
}

/** The database as the writer sees it: a write acts only on entries its writer may see (the operator sees all). */
export function writerView(trx: Transaction<Database>, editor: Editor): Kysely<Database> {
  return editor.kind === 'system' ? trx : viewFor(trx, readerRights(editor));
}
