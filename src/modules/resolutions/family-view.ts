// A resolution's family as the store knows it: the resolutions it cites (each matched to a stored
// one when the store holds it) and the stored resolutions that cite it. Read from the citations
// of every stored resolution: a few thousand rows at most.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { allResolutionCitations, listResolutions, type ResolutionRow } from './repository.ts';

/** "A/RES/78/235" → "78/235"; "S/RES/1445 (2002)" → "1445 (2002)"; null for other keys. */
function numberOfSymbol(symbol: string | null): string | null {
  if (!symbol) return null;
  const m = /^[AS]\/RES\/(.+)$/.exec(symbol);
  return m ? (m[1] as string) : null;
}

/** Whether a citation "resolution <ref>" by `citedBody` (or by none, read as the citing body's own) names `symbol`. */
function names(ref: string, citedBody: string | null, citingBody: string | null, symbol: string | null): boolean {
  if (numberOfSymbol(symbol) !== ref) return false;
  const body = citedBody ?? citingBody;
  if (symbol?.startsWith('A/')) return body === null || body === 'General Assembly';
  if (symbol?.startsWith('S/')) return body === null || body === 'Security Council';
  return false;
}

export async function familyOf(db: Kysely<Database>, row: ResolutionRow) {
  const [stored, citations] = await Promise.all([listResolutions(db, {}), allResolutionCitations(db)]);
  const byId = new Map(stored.map((r) => [r.id, r]));
  const brief = (r: (typeof stored)[number]) => ({ id: r.id, key: r.key, title: r.title, adoptedOn: r.adopted_on });
  const recalls = citations
    .filter((c) => c.resolution_id === row.id)
    .map((c) => {
      const match = stored.find((r) => r.id !== row.id && names(c.ref, c.cited_body, row.body, r.symbol));
      return { ref: c.ref, body: c.cited_body, date: c.cited_date, stored: match ? brief(match) : null };
    });
  const citedBy = citations
    .filter((c) => c.resolution_id !== row.id && names(c.ref, c.cited_body, byId.get(c.resolution_id)?.body ?? null, row.symbol))
    .map((c) => byId.get(c.resolution_id))
    .filter((r): r is (typeof stored)[number] => r !== undefined);
  const later = [...new Map(citedBy.map((r) => [r.id, r])).values()].sort((a, b) => (a.adopted_on ?? '').localeCompare(b.adopted_on ?? ''));
  return { recalls, later: later.map(brief) };
}
