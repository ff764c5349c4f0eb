// Recommendations related to one: those to the same State, and those to any State, whose texts
// are the most similar. Similarity is read from the full-text index, never by comparing the text
// with every row:
// 1. the candidate words are the text's distinct words as the index holds them (folded), of three
//    letters or more and not only digits, the 40 longest (a long word is more often a rare one);
//    Chinese and Japanese characters, a word each in the index, are taken in pairs, as phrases;
// 2. how many rows hold each candidate is counted in the index, up to 2,001: a word held by more
//    than 2,000 rows ("rights", "women") says little about a text and is left out, and so is a word
//    no other row holds;
// 3. the 5 rarest words left are searched for together (any of them), and the rows are ranked by
//    the database's own relevance: SQLite FTS5's bm25, PostgreSQL's ts_rank. The two rank
//    differently, so only what does not depend on the ranking is the same on both (tested).
// Cost on a million rows: one query of 40 counts, each stopping at 2,001 index entries, then two
// searches over at most 5 × 2,000 rows, ranked and cut to 10: bounded, whatever the data's size.
import type { Kysely } from 'kysely';
import type { Database, RecommendationTable } from '../../db/schema.ts';
import { isCjkCharacter } from '../../shared/full-text.ts';
import { NotFoundError } from '../../shared/errors.ts';
import type { Lang } from '../../shared/text.ts';
import { namesOf } from '../names/repository.ts';
import { loadSources } from '../sources/repository.ts';
import { findRecommendation, rankedByWords, wordFrequencies } from './repository.ts';
import { viewOf } from './service.ts';
import type { RelatedRecommendationsView } from './summary-schema.ts';

const CANDIDATES = 40;
const MOST_ROWS = 2000;
const WORDS = 5;
const LIMIT = 10;

/** The words of a folded text worth counting, longest first (CJK characters in pairs). */
export function candidateWords(searchText: string): string[] {
  const words = searchText.split(/[^\p{L}\p{N}\p{M}]+/u).filter((w) => w !== '');
  const found: string[] = [];
  for (const [i, word] of words.entries()) {
    if (isCjkCharacter(word)) {
      const next = words[i + 1];
      if (next && isCjkCharacter(next)) found.push(`${word} ${next}`);
    } else if ([...word].length >= 3 && !/^\p{N}+$/u.test(word)) found.push(word);
  }
  return [...new Set(found)].sort((a, b) => b.length - a.length).slice(0, CANDIDATES);
}

type Row = RecommendationTable & { seq: number };

export async function relatedRecommendations(db: Kysely<Database>, id: string, lang: Lang): Promise<RelatedRecommendationsView> {
  const row = (await findRecommendation(db, id)) as Row | undefined;
  if (!row) throw new NotFoundError('recommendation', id);
  const candidates = candidateWords(row.search_text);
  const counts = await wordFrequencies(db, candidates, MOST_ROWS + 1);
  const words = candidates
    .filter((w) => (counts.get(w) ?? 0) >= 2 && (counts.get(w) ?? 0) <= MOST_ROWS)
    .sort((a, b) => counts.get(a)! - counts.get(b)! || b.length - a.length || a.localeCompare(b))
    .slice(0, WORDS);
  if (words.length === 0) return { words, sameState: [], similar: [] };
  const [sameState, similar, names, sources] = await Promise.all([
    rankedByWords(db, words, row.group_key, row.state_iso3, LIMIT),
    rankedByWords(db, words, row.group_key, null, LIMIT),
    namesOf(db, 'state', lang),
    loadSources(db),
  ]);
  return {
    words,
    sameState: (sameState as Row[]).map((r) => viewOf(r, names, sources)),
    similar: (similar as Row[]).map((r) => viewOf(r, names, sources)),
  };
}
