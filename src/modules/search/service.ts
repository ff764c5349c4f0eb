// Search over the names of States, organizations, instruments and mechanisms in the six
// languages. Names are few (a few thousand), so a folded substring match is exact, works
// for Arabic and Chinese (which word tokenizers split badly) and runs the same on both databases.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { ValidationError } from '../../shared/errors.ts';
import { foldForSearch, type Lang } from '../../shared/text.ts';
import { namesOf } from '../names/repository.ts';
import { namesLike, visibleIds } from './repository.ts';

export const SEARCH_KINDS = ['state', 'organization', 'instrument', 'mechanism'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export interface SearchHit {
  kind: SearchKind;
  id: string;
  name: string;
  matched: string;
  matchedLang: string;
  /** 0 exact, 1 starts with, 2 contains: lower ranks first. */
  rank: number;
}

/** Codes people type (ECHR, AfCHPR, FRA, coe) match as well as names: exactly or as a prefix. */
function codeHits(folded: string, displayNames: Map<SearchKind, Awaited<ReturnType<typeof namesOf>>>): SearchHit[] {
  const hits: SearchHit[] = [];
  for (const [kind, names] of displayNames) {
    for (const [id, name] of names) {
      const code = foldForSearch(id);
      if (!code.startsWith(folded)) continue;
      hits.push({ kind, id, name: name.name, matched: id, matchedLang: 'code', rank: code === folded ? 0 : 1 });
    }
  }
  return hits;
}

/** A LIKE pattern that can only match more than asked, never less: wildcard and escape
 * characters of the input become wildcards, and the exact test is done afterwards in code.
 * This avoids ESCAPE clauses, which SQLite and PostgreSQL treat differently. */
function broadPattern(folded: string): string {
  return `%${folded.replace(/[\\%_]/g, '%')}%`;
}

export async function searchRegistry(db: Kysely<Database>, q: string, lang: Lang, kinds: readonly SearchKind[] = SEARCH_KINDS): Promise<SearchHit[]> {
  const folded = foldForSearch(q);
  if (folded.length === 0) throw new ValidationError('The search text is empty', [{ parameter: 'q', reason: 'give at least one letter' }]);
  const rows = await namesLike(db, kinds, broadPattern(folded));
  const best = new Map<string, SearchHit>();
  const displayNames = new Map<SearchKind, Awaited<ReturnType<typeof namesOf>>>();
  // Only entities the reader may see: a hidden record's names and code find nothing.
  const visible = new Map<SearchKind, Set<string> | null>();
  for (const kind of kinds) {
    const ids = kind === 'state' ? null : await visibleIds(db, kind);
    visible.set(kind, ids);
    const names = await namesOf(db, kind, lang);
    displayNames.set(kind, ids ? new Map([...names].filter(([id]) => ids.has(id))) : names);
  }
  for (const hit of codeHits(folded, displayNames)) best.set(`${hit.kind}/${hit.id}`, hit);
  for (const row of rows) {
    if (!row.search_text.includes(folded)) continue; // the exact test
    if (visible.get(row.entity_kind as SearchKind)?.has(row.entity_id) === false) continue;
    const rank = row.search_text === folded ? 0 : row.search_text.startsWith(folded) ? 1 : 2;
    const key = `${row.entity_kind}/${row.entity_id}`;
    const current = best.get(key);
    if (current && current.rank <= rank) continue;
    const kind = row.entity_kind as SearchKind;
    best.set(key, {
      kind,
      id: row.entity_id,
      name: displayNames.get(kind)?.get(row.entity_id)?.name ?? row.entity_id,
      matched: row.value,
      matchedLang: row.lang,
      rank,
    });
  }
  return [...best.values()];
}
