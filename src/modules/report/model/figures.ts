// What every figure of the report carries: its value (or null and why the data cannot give it),
// the API address that answers the same number at the report's date, and the sources it rests
// on, so that the document layer can footnote it. Pure: no database.
import type { SourceView } from '../../sources/repository.ts';

/** A source a figure rests on, as a footnote names it; `id` when the registry stores it. */
export interface SourceRef {
  id?: string;
  title: string;
  url: string;
  kind: string;
}

/** A count (or sum) with its provenance. `value` null means the data cannot give it: `why` says why. */
export interface Figure {
  value: number | null;
  why: string | null;
  /** The API path and query whose answer gives the same number (read as the same asker). */
  api: string | null;
  sources: SourceRef[];
}

export function figure(value: number, api: string | null, sources: SourceRef[] = []): Figure {
  return { value, why: null, api, sources: uniqueRefs(sources) };
}

/** Each source once (by id, else by address and title), in the order first named. */
export function uniqueRefs(refs: readonly SourceRef[]): SourceRef[] {
  const seen = new Set<string>();
  return refs.filter((r) => {
    const key = r.id ?? `${r.url}\u0000${r.title}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function missing(why: string, api: string | null = null): Figure {
  return { value: null, why, api, sources: [] };
}

/** The registry's sources of these ids, each once, in the order first named; unknown ids are skipped. */
export function sourceRefs(ids: Iterable<string>, all: Map<string, SourceView>): SourceRef[] {
  const seen = new Set<string>();
  const refs: SourceRef[] = [];
  for (const id of ids) {
    const s = all.get(id);
    if (!s || seen.has(id)) continue;
    seen.add(id);
    refs.push({ id, title: s.title, url: s.url, kind: s.kind ?? 'unknown' });
  }
  return refs;
}

/** Source views as a read view lists them (no id), as references. */
export function viewRefs(views: readonly SourceView[]): SourceRef[] {
  return views.map((s) => ({ title: s.title, url: s.url, kind: s.kind ?? 'unknown' }));
}

/** An API address with its query, the parameters in the order given, undefined ones left out. */
export function apiPath(path: string, query: Record<string, string | number | boolean | undefined>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined) params.set(k, String(v));
  const q = params.toString();
  return q ? `${path}?${q}` : path;
}
