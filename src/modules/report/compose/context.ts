// What every section writer reads: the facts, the words of the report's language, the formats and
// the sources annex being numbered.
import { loadMapGeometry, MapGeometryMissingError } from '../document/map-file.ts';
import type { MapGeometry } from '../document/maps.ts';
import type { Block, ReportLanguage, Run } from '../document/model.ts';
import type { ReportFacts, SourceRef } from '../model/index.ts';
import { type Format, SourceIndex, formatFor } from './format.ts';
import { PHRASES } from './phrases/index.ts';
import type { Phrases } from './phrases/types.ts';

export interface ComposeContext {
  facts: ReportFacts;
  p: Phrases;
  f: Format;
  sources: SourceIndex;
  /** The map geometry, or null: no map. */
  map: MapGeometry | null;
}

export function composeContext(facts: ReportFacts, lang: ReportLanguage, map: MapGeometry | null): ComposeContext {
  const p = PHRASES[lang];
  return { facts, p, f: formatFor(lang, p), sources: new SourceIndex(), map };
}

let builtMap: MapGeometry | null | undefined;
/** The built web app's map file, read once; null when the web app is not built (the report then has no map). */
export function defaultMapGeometry(): MapGeometry | null {
  if (builtMap === undefined) {
    try {
      builtMap = loadMapGeometry();
    } catch (error) {
      if (!(error instanceof MapGeometryMissingError)) throw error;
      builtMap = null;
    }
  }
  return builtMap;
}

/** A numbered paragraph of one run, its footnote pointing to the sources given (if any) and to the API address that gives its figures (if given). */
export function paragraph(c: ComposeContext, text: string, refs: readonly SourceRef[] = [], api: string | null = null): Block {
  const notes = [...(c.sources.footnote(refs, c.p, c.f) ?? []), ...(api ? [{ text: c.p.apiNote({ api }) }] : [])];
  const footnote = notes.length ? notes.map((n, i) => (i > 0 ? { text: ` ${n.text}` } : n)) : undefined;
  const run: Run = footnote ? { text, footnote } : { text };
  return { kind: 'paragraph', numbered: true, runs: [run] };
}

/** A State's name in the report's language (its iso3 code when the records hold none). */
export function stateName(c: ComposeContext, iso3: string): string {
  return c.f.name(c.facts.names.states[iso3] ?? iso3);
}

/** An instrument's short title (else its title, else its code). */
export function instrumentName(c: ComposeContext, code: string): string {
  const n = c.facts.names.instruments[code];
  return c.f.name(n?.short ?? n?.title ?? code);
}

/** "op13" → "13", "op5a" → "5 (a)": a paragraph as a UN text cites it. */
export function paragraphCited(anchor: string): string {
  const m = /^(?:[A-Z]-)?op(\d+)([a-z])?/.exec(anchor);
  if (!m) return anchor;
  return m[2] ? `${m[1]} (${m[2]})` : (m[1] as string);
}

/** The API address without its field suffix (#…), for a table's note. */
export function apiAddress(api: string | null): string | null {
  return api ? (api.split('#')[0] ?? api) : null;
}
