// The fields of obstacles and strategies the write path may change, with their columns, and
// what the audit trail calls each kind of record.
import type { FieldSpec } from '../edits/corrections.ts';

export const OBSTACLE_FIELDS: readonly FieldSpec[] = [
  { field: 'category', column: 'category' },
  { field: 'description', column: 'description' },
  { field: 'identified', column: 'identified' },
  { field: 'identifiedBy', column: 'identified_by' },
  { field: 'status', column: 'status' },
  { field: 'statusDate', column: 'status_date' },
];

export const STRATEGY_FIELDS: readonly FieldSpec[] = [
  { field: 'kind', column: 'kind' },
  { field: 'description', column: 'description' },
  { field: 'status', column: 'status' },
  { field: 'outcome', column: 'outcome' },
  { field: 'start', column: 'start_date' },
  { field: 'end', column: 'end_date' },
];

export const OBSTACLE_ENTITY_KIND = 'obstacle';
export const STRATEGY_ENTITY_KIND = 'strategy';

/** What a strategy's rows in cooperation_link are from. */
export const STRATEGY_LINK_KIND = 'strategy';

/** What a strategy may link to: the records of the programme that carry it. */
export const STRATEGY_LINK_TARGETS = ['request', 'project', 'event'] as const;
