// Corrections to seeded records (docs/ARCHITECTURE.md, "Edits"). A user's correction is written
// into the record itself, so every reader (coverage, the treaty model, exports) follows it; the
// record's `corrections` keep, per corrected column, the seeded value it overrides with the
// seeded sources, and the correction's source, actor and time. The read API shows both, like
// any disagreement between sources; the seed refreshes the seeded side and never the user's.
import type { SourceView } from '../sources/repository.ts';

export type Value = string | number | null;

export interface Correction {
  /** What data/reference gives (as the column stores it): the value the correction overrides. */
  seeded: Value;
  /** The sources of the seeded record. */
  seededSources: string[];
  /** The source the correction rests on. */
  source: string;
  /** The actor who corrected it, and when (ISO time). */
  by: string;
  at: string;
}

/** Column → correction. */
export type Corrections = Record<string, Correction>;

export function readCorrections(json: string): Corrections {
  return JSON.parse(json) as Corrections;
}

/** The columns of a record the write path may change, each with the name the API gives it. */
export interface FieldSpec {
  field: string;
  column: string;
  /** Stored as 0/1, shown as a boolean. */
  flag?: boolean;
}

/** What a stored record of an editable table has, beyond its own columns. */
export interface EditableRow {
  origin: string;
  corrections: string;
  sources: string;
}

export interface PlannedUpdate {
  /** The API names of the fields that change. */
  changed: string[];
  /** The columns to write: the changed ones, and the record's corrections and sources when they change. */
  set: Record<string, Value>;
  before: Record<string, Value>;
  after: Record<string, Value>;
}

const parseIds = (json: string) => JSON.parse(json) as string[];

/**
 * What an update writes. On a seeded record each changed column becomes (or stays) a correction
 * of the seeded value; setting it back to the seeded value ends the correction. The source
 * joins the record's sources either way.
 */
export function planUpdate(
  row: EditableRow & Record<string, unknown>,
  fields: readonly FieldSpec[],
  wanted: Readonly<Record<string, unknown>>,
  correction: { source: string; by: string; at: string },
): PlannedUpdate {
  const specs = fields.filter((f) => wanted[f.field] !== undefined && wanted[f.field] !== row[f.column]);
  const plan: PlannedUpdate = { changed: specs.map((f) => f.field), set: {}, before: {}, after: {} };
  if (specs.length === 0) return plan;
  const corrections = readCorrections(row.corrections);
  const correctionSources = new Set(Object.values(corrections).map((c) => c.source));
  const seededSources = parseIds(row.sources).filter((id) => !correctionSources.has(id));
  for (const f of specs) {
    const value = wanted[f.field] as Value;
    plan.set[f.column] = value;
    plan.before[f.field] = row[f.column] as Value;
    plan.after[f.field] = value;
    if (row.origin !== 'reference') continue;
    const known = Object.hasOwn(corrections, f.column) ? corrections[f.column] : undefined;
    if (known && known.seeded === value) delete corrections[f.column];
    else corrections[f.column] = { seeded: known ? known.seeded : (row[f.column] as Value), seededSources: known ? known.seededSources : seededSources, ...correction };
  }
  if (row.origin === 'reference') plan.set.corrections = JSON.stringify(corrections);
  const sources = parseIds(row.sources);
  if (!sources.includes(correction.source)) plan.set.sources = JSON.stringify([...sources, correction.source]);
  return plan;
}

/**
 * A seeded row as the seed writes it over a stored one a user corrected: each corrected column
 * keeps the user's value, and its correction now overrides the new seeded value. The record's
 * sources are the seeded ones and those of its corrections.
 */
export function mergeSeeded<R extends { sources: string }>(seeded: R, stored: EditableRow & Record<string, unknown>): R & { corrections: string } {
  const corrections = readCorrections(stored.corrections);
  const merged: Record<string, unknown> = { ...seeded };
  const seededSources = parseIds(seeded.sources);
  for (const [column, c] of Object.entries(corrections)) {
    c.seeded = ((seeded as Record<string, unknown>)[column] ?? null) as Value;
    c.seededSources = seededSources;
    merged[column] = stored[column];
  }
  merged.sources = JSON.stringify([...new Set([...seededSources, ...Object.values(corrections).map((c) => c.source)])]);
  merged.corrections = JSON.stringify(corrections);
  return merged as R & { corrections: string };
}

export interface CorrectionView {
  field: string;
  value: string | number | boolean | null;
  source: SourceView | null;
  by: string;
  at: string;
  overridden: { value: string | number | boolean | null; sources: SourceView[] };
}

/** The corrections of a record as the read API shows them: the value followed and the one it overrides, each with its sources. */
export function correctionViews(row: EditableRow & Record<string, unknown>, fields: readonly FieldSpec[], sources: Map<string, SourceView>): CorrectionView[] {
  const corrections = readCorrections(row.corrections);
  return fields.flatMap((f) => {
    if (!Object.hasOwn(corrections, f.column)) return [];
    const c = corrections[f.column]!;
    const shown = (v: unknown) => (f.flag && v !== null ? v === 1 : (v as Value));
    return [
      {
        field: f.field,
        value: shown(row[f.column]),
        source: sources.get(c.source) ?? null,
        by: c.by,
        at: c.at,
        overridden: { value: shown(c.seeded), sources: c.seededSources.flatMap((id) => sources.get(id) ?? []) },
      },
    ];
  });
}
