// Text as full-text search reads it, the same on both databases and in the browser: the text is
// folded (case, diacritics, Arabic letter forms) and Chinese and Japanese characters, which are
// written without spaces, are words of one character each. A query is folded the same way, and
// a run of such characters becomes a phrase of consecutive characters, so "人权" finds 人权 and
// not 人 … 权 apart. The server indexes searchTextOf(text) (modules/recommendations/search-text.ts);
// the web app marks the words a query found with the same terms and the same folding.
import { foldForSearch } from './text.ts';

/** Han ideographs (with extensions and compatibility forms), kana and Hangul syllables. */
const CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]|[\u{20000}-\u{2ffff}]/u;
const CJK_GLOBAL = new RegExp(CJK.source, 'gu');
const CJK_RUN = new RegExp(`((?:${CJK.source})+)`, 'u');

/** True for a character that is a word of its own (Chinese, Japanese, Korean). */
export function isCjkCharacter(character: string): boolean {
  return CJK.test(character);
}

/** Folds text as the index holds it: foldForSearch, then Arabic letter forms typed interchangeably. */
export function foldForFullText(text: string): string {
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
  return foldForFullText(text)
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
  for (const word of foldForFullText(query).split(/[^\p{L}\p{N}\p{M}]+/u)) {
    if (word === '') continue;
    // A run of Chinese characters inside a word is a phrase; the letters around it are words of their own.
    const parts = word.split(CJK_RUN).filter((p) => p !== '');
    for (const part of parts) terms.push({ tokens: CJK.test(part) ? [...part] : [part] });
  }
  return terms.slice(0, 20);
}
