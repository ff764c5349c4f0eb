// The fields of a presence and of a coverage period that the write path may change, with the
// columns they are stored in: what updates write and what corrections are shown under.
import type { FieldSpec } from '../edits/corrections.ts';
import type { NameField } from '../edits/name-corrections.ts';

export const PRESENCE_FIELDS: readonly FieldSpec[] = [
  { field: 'kind', column: 'kind' },
  { field: 'seatCity', column: 'seat_city' },
  { field: 'seatIso3', column: 'seat_iso3' },
  { field: 'opened', column: 'opened' },
  { field: 'closed', column: 'closed' },
  { field: 'mandate', column: 'mandate' },
];

export const COVERAGE_FIELDS: readonly FieldSpec[] = [
  { field: 'iso3', column: 'iso3' },
  { field: 'from', column: 'from_date' },
  { field: 'until', column: 'until_date' },
  { field: 'note', column: 'note' },
];

/** A presence has one name per language, corrected language by language. */
export const PRESENCE_NAME_FIELDS: readonly NameField[] = [{ field: 'name', kind: 'name' }];
