// The fields of a mechanism the write path may change, with their columns: what updates write
// and what corrections are shown under. The coverage rule is written flat, one field a column.
import type { FieldSpec } from '../edits/corrections.ts';
import type { NameField } from '../edits/name-corrections.ts';

export const MECHANISM_FIELDS: readonly FieldSpec[] = [
  { field: 'kind', column: 'kind' },
  { field: 'system', column: 'system' },
  { field: 'organizationId', column: 'organization_id' },
  { field: 'seatCity', column: 'seat_city' },
  { field: 'seatIso3', column: 'seat_iso3' },
  { field: 'establishingInstrument', column: 'establishing_instrument' },
  { field: 'established', column: 'established' },
  { field: 'individualComplaints', column: 'individual_complaints', flag: true },
  { field: 'individualComplaintsNote', column: 'individual_complaints_note' },
  { field: 'coverageBasis', column: 'coverage_basis' },
  { field: 'coverageOrganization', column: 'coverage_organization' },
  { field: 'coverageInstruments', column: 'coverage_instrument' },
  { field: 'coverageAcceptanceNeededFor', column: 'coverage_acceptance' },
  { field: 'coverageAcceptance', column: 'coverage_acceptance_text' },
  { field: 'note', column: 'note' },
];

/** The names an update may correct, language by language (modules/edits/name-corrections.ts). */
export const MECHANISM_NAME_FIELDS: readonly NameField[] = [
  { field: 'name', kind: 'name' },
  { field: 'acronym', kind: 'acronym' },
];
