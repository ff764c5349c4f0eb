// The fields of a request the write path may change, with their columns.
import type { FieldSpec } from '../edits/corrections.ts';

export const REQUEST_FIELDS: readonly FieldSpec[] = [
  { field: 'authority', column: 'authority' },
  { field: 'received', column: 'received' },
  { field: 'subject', column: 'subject' },
  { field: 'due', column: 'due' },
];

/** What the audit trail calls a request. */
export const REQUEST_ENTITY_KIND = 'assistance-request';
