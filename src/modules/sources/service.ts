// Turns the source ids stored with a fact into the `sources` every API fact carries.
import type { SourceView } from './repository.ts';

export const UNVERIFIED = 'unverified';

export interface Sourced {
  sources: SourceView[];
  /** False when a fact, or part of it, has no source yet: shown as such, excluded from counts. */
  verified: boolean;
}

export function resolveSources(ids: (string | null)[], all: Map<string, SourceView>): Sourced {
  const sources: SourceView[] = [];
  let verified = ids.length > 0;
  for (const id of ids) {
    const source = id === null ? undefined : all.get(id);
    if (source) sources.push(source);
    else verified = false;
  }
  return { sources, verified };
}

export function parseIds(json: string): string[] {
  return JSON.parse(json) as string[];
}

/**
 * The provenance fields of a row that keeps its source ids and its unverified field names as
 * JSON: the fact is verified only when every source resolves and no field is unverified.
 */
export function provenance(row: { sources: string; unverified: string }, all: Map<string, SourceView>): Sourced & { unverified: string[] } {
  const unverified = parseIds(row.unverified);
  const sourced = resolveSources(parseIds(row.sources), all);
  return { unverified, sources: sourced.sources, verified: sourced.verified && unverified.length === 0 };
}
