// Text as full-text search reads it, the same on both databases: the application folds it
// (case, diacritics, Arabic letter forms) and puts spaces between Chinese and Japanese
// characters, which are written without spaces; each database then only splits on spaces and
// punctuation. A query is folded the same way, and a run of such characters becomes a phrase
// of consecutive characters, so "人权" finds 人权 and not 人 … 权 apart. Neither database's
// word tokenizer is used: SQLite's cannot split Chinese, and PostgreSQL's would differ from it.
import { foldForSearch } from '../../shared/text.ts';

/** Han ideographs (with extensions and compatibility forms), kana and Hangul syllables. */
const CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]|[\u{20000}-\u{2ffff}]/u;
const CJK_GLOBAL = new RegExp(CJK.source, 'gu');
const CJK_RUN = new RegExp(`((?:${CJK.source})+)`, 'u');

function fold(text: string): string {
  return (
    foldForSearch(text)
      // Arabic: the tatweel only stretches a word; the alef maqsura and ta marbuta are often typed as ya and ha.
      .replace(/\u0640/g, '')
      .replace(/\u0649/g, '\u064a')
      .replace(/\u0629/g, '\u0647')
  );
}

/** What the index holds for a text. */
export function searchTextOf(text: string): string {
  return fold(text)
    .replace(CJK_GLOBAL, (c) => ` ${c} `)
    .replace(/\s+/g, ' ')
    .trim();
}

/** A query term: a word, or a phrase of consecutive characters. */
export interface SearchTerm {
  tokens: string[];
}

/** The terms of a query, as the index holds words: letters and digits only, so no term can carry the query syntax of either database. */
export function searchTermsOf(query: string): SearchTerm[] {
  const terms: SearchTerm[] = [];
  for (const word of fold(query).split(/[^\p{L}\p{N}\p{M}]+/u)) {
    if (word === '') continue;
    // A run of Chinese characters inside a word is a phrase; the letters around it are words of their own.
    const parts = word.split(CJK_RUN).filter((p) => p !== '');
    for (const part of parts) terms.push({ tokens: CJK.test(part) ? [...part] : [part] });
  }
  return terms.slice(0, 20);
}

/** An FTS5 MATCH expression: every term, each quoted (a phrase for several tokens). */
export function fts5Query(terms: SearchTerm[]): string {
  return terms.map((t) => `"${t.tokens.join(' ')}"`).join(' AND ');
}

/** A PostgreSQL tsquery for to_tsquery('simple', …): every term, a phrase joined by <->. */
export function tsQuery(terms: SearchTerm[]): string {
  return terms.map((t) => (t.tokens.length === 1 ? t.tokens[0] : `(${t.tokens.join(' <-> ')})`)).join(' & ');
}
