// The fields of an organization and of a membership event that the write path may change, with
// the columns they are stored in: what updates write and what corrections are shown under.
import type { FieldSpec } from '../edits/corrections.ts';
import type { NameField } from '../edits/name-corrections.ts';

export const ORGANIZATION_FIELDS: readonly FieldSpec[] = [
  { field: 'kind', column: 'kind' },
  { field: 'region', column: 'region' },
  { field: 'founded', column: 'founded' },
  { field: 'hqCity', column: 'hq_city' },
  { field: 'hqIso3', column: 'hq_iso3' },
  { field: 'website', column: 'website' },
];

export const MEMBERSHIP_EVENT_FIELDS: readonly FieldSpec[] = [
  { field: 'event', column: 'event' },
  { field: 'date', column: 'date' },
  { field: 'note', column: 'note' },
];

/** The names an update may correct, language by language (modules/edits/name-corrections.ts). */
export const ORGANIZATION_NAME_FIELDS: readonly NameField[] = [
  { field: 'name', kind: 'name' },
  { field: 'acronym', kind: 'acronym' },
];
