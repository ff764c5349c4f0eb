// Full-text search in the databases: the text and the query are folded and split into terms by
// src/shared/full-text.ts (the web app marks the words found with the same code); each database
// then only splits on spaces and punctuation. Neither database's word tokenizer is used:
// SQLite's cannot split Chinese, and PostgreSQL's would differ from it.
import type { SearchTerm } from '../../shared/full-text.ts';

export { type SearchTerm, searchTermsOf, searchTextOf } from '../../shared/full-text.ts';

/** An FTS5 MATCH expression: every term, each quoted (a phrase for several tokens). */
export function fts5Query(terms: SearchTerm[]): string {
  return terms.map((t) => `"${t.tokens.join(' ')}"`).join(' AND ');
}

/** A PostgreSQL tsquery for to_tsquery('simple', …): every term, a phrase joined by <->. */
export function tsQuery(terms: SearchTerm[]): string {
  return terms.map((t) => (t.tokens.length === 1 ? t.tokens[0] : `(${t.tokens.join(' <-> ')})`)).join(' & ');
}
