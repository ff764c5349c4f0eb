// What a year-level list says of States' memberships (the Correlates of War IGO data): kept as
// a dataset's facts for the cross-check with the registry's own memberships, never merged.
import { registerFactTable } from '../datasets/facts.ts';
import { deleteDatasetMemberships, insertMembershipSnapshots } from './repository.ts';

/** What a year-level list says of a State's membership of an organization over a span of years. */
export interface MembershipSnapshotInput {
  organizationId: string;
  iso3: string;
  participantName: string;
  status: string;
  fromYear: string;
  toYear: string;
  file: string;
  row: number;
  column: string;
}

export const MEMBERSHIP_SNAPSHOTS = registerFactTable<MembershipSnapshotInput>({
  name: 'membership-rows',
  insert: insertMembershipSnapshots,
  remove: deleteDatasetMemberships,
});
