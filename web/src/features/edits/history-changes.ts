// What one change of a record's history changed: each field with its value before and after
// (the audit record's `before` and `after`, as write bodies name the fields), the source left
// out (the history shows it apart, with its kind).
const HIDDEN = new Set(['source']);

/** The fields an entry changed: each with its value before and after. */
export function changesOf(entry: { before: unknown; after: unknown }): { field: string; before: unknown; after: unknown }[] {
  const before = (entry.before && typeof entry.before === 'object' ? entry.before : {}) as Record<string, unknown>;
  const after = (entry.after && typeof entry.after === 'object' ? entry.after : {}) as Record<string, unknown>;
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((f) => !HIDDEN.has(f));
  return fields.map((field) => ({ field, before: before[field], after: after[field] }));
}
