// The fields of an exchange and of a series that an update may change, with their columns: what
// updates write and what corrections of a shipped exchange are shown under.
import type { FieldSpec } from '../edits/corrections.ts';

export const EXCHANGE_FIELDS: readonly FieldSpec[] = [
  { field: 'kind', column: 'kind' },
  { field: 'title', column: 'title' },
  { field: 'seriesId', column: 'series_id' },
  { field: 'seriesNumber', column: 'series_number' },
  { field: 'start', column: 'start_date' },
  { field: 'end', column: 'end_date' },
  { field: 'city', column: 'city' },
  { field: 'country', column: 'country_iso3' },
  { field: 'topic', column: 'topic' },
  { field: 'description', column: 'description' },
  { field: 'outcomes', column: 'outcomes' },
  { field: 'note', column: 'note' },
];

export const SERIES_FIELDS: readonly FieldSpec[] = [
  { field: 'title', column: 'title' },
  { field: 'description', column: 'description' },
  { field: 'note', column: 'note' },
];
