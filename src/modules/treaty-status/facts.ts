// The facts treaty status reads from datasets: the acts (signature, ratification,
// declaration…) and the status a list states without its acts. Importers hand their rows over
// with these tables; the datasets module stores them.
import { registerFactTable } from '../datasets/facts.ts';
import type { Participant } from './participants.ts';
import { deleteDatasetActions, deleteDatasetSnapshots, insertActions, insertSnapshots } from './repository.ts';

export interface TreatyActionInput {
  instrumentCode: string;
  participant: Participant;
  participantName: string;
  kind: string;
  date: string | null;
  effective: string | null;
  /** The text of a declaration or reservation. */
  text: string | null;
  /** What the source says of the act, quoted, when it says more than a date. */
  note?: string | null;
  /** The act's own sources; the dataset's source when it has none of its own. */
  sourceIds?: string[];
  /** For a declaration: the procedure it accepts or withdraws, when the source says. */
  procedure?: string | null;
  file: string;
  row: number;
  column: string | null;
}

export interface SnapshotInput {
  instrumentCode: string;
  participant: Participant;
  participantName: string;
  /** `contradictory`: the row's own fields disagree; kept with a note, never used for status. */
  status: 'party' | 'signatory' | 'withdrawn' | 'none' | 'contradictory';
  asOf: string | null;
  file: string;
  row: number;
  note?: string;
}

export const TREATY_ACTIONS = registerFactTable<TreatyActionInput>({
  name: 'treaty-actions',
  insert: insertActions,
  remove: deleteDatasetActions,
});

export const TREATY_SNAPSHOTS = registerFactTable<SnapshotInput>({
  name: 'status-rows',
  insert: insertSnapshots,
  remove: deleteDatasetSnapshots,
});
