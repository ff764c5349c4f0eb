// The fields of an instrument the write path may change, with their columns: what updates
// write and what corrections are shown under.
import type { FieldSpec } from '../edits/corrections.ts';
import type { NameField } from '../edits/name-corrections.ts';

export const INSTRUMENT_FIELDS: readonly FieldSpec[] = [
  { field: 'kind', column: 'kind' },
  { field: 'binding', column: 'binding', flag: true },
  { field: 'system', column: 'system' },
  { field: 'organizationId', column: 'organization_id' },
  { field: 'untcRef', column: 'untc_ref' },
  { field: 'parentCode', column: 'parent_code' },
  { field: 'adopted', column: 'adopted' },
  { field: 'adoptedPlace', column: 'adopted_place' },
  { field: 'entryIntoForce', column: 'entry_into_force' },
  { field: 'depositary', column: 'depositary' },
  { field: 'note', column: 'note' },
];

/** The names an update may correct, language by language (modules/edits/name-corrections.ts). */
export const INSTRUMENT_NAME_FIELDS: readonly NameField[] = [
  { field: 'title', kind: 'name' },
  { field: 'shortTitle', kind: 'acronym' },
];
