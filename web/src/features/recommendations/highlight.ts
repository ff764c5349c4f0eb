// The words of a recommendation that a search found, to be marked: the text is split into the
// words the index holds (src/shared/full-text.ts: folded for case, accents and Arabic letter
// forms; each Chinese character a word of its own), and a word is marked where a term of the
// query matches it as the server matched it: a whole word, or a phrase of consecutive
// characters. The result is a list of plain strings, marked or not, that React writes as text:
// nothing of the text is ever read as markup.
import { foldForFullText, isCjkCharacter, type SearchTerm, searchTermsOf } from '../../../../src/shared/full-text.ts';

export interface TextPart {
  text: string;
  marked: boolean;
}

/** A word of the text as written: where it is, and the index's words it folds to (nearly always one). */
interface Word {
  start: number;
  end: number;
  folded: string[];
}

const WORD = /[\p{L}\p{N}\p{M}]+/gu;
const NOT_WORD = /[^\p{L}\p{N}\p{M}]+/u;

/** The text's words, in order: runs of letters, digits and marks, each Chinese character apart. */
export function wordsOf(text: string): Word[] {
  const words: Word[] = [];
  const add = (start: number, end: number) => {
    const folded = foldForFullText(text.slice(start, end))
      .split(NOT_WORD)
      .filter((w) => w !== '');
    if (folded.length) words.push({ start, end, folded });
  };
  for (const match of text.matchAll(WORD)) {
    let at = match.index;
    let from = at;
    for (const character of match[0]) {
      if (isCjkCharacter(character)) {
        if (at > from) add(from, at);
        add(at, at + character.length);
        from = at + character.length;
      }
      at += character.length;
    }
    if (at > from) add(from, at);
  }
  return words;
}

/** The text in parts, those the terms found marked; adjacent marked words (a Chinese phrase) are one part. */
export function highlightParts(text: string, terms: readonly SearchTerm[]): TextPart[] {
  if (terms.length === 0 || text === '') return text === '' ? [] : [{ text, marked: false }];
  const words = wordsOf(text);
  // The index's words in order, each with the written word it comes from.
  const stream = words.flatMap((word, index) => word.folded.map((folded) => ({ folded, index })));
  const marked = new Set<number>();
  for (const { tokens } of terms) {
    for (let i = 0; i + tokens.length <= stream.length; i++) {
      if (tokens.every((token, k) => stream[i + k]!.folded === token)) for (let k = 0; k < tokens.length; k++) marked.add(stream[i + k]!.index);
    }
  }
  const parts: TextPart[] = [];
  const push = (part: string, isMarked: boolean) => {
    if (part === '') return;
    const last = parts.at(-1);
    if (last && last.marked === isMarked) last.text += part;
    else parts.push({ text: part, marked: isMarked });
  };
  let at = 0;
  for (const index of [...marked].sort((a, b) => a - b)) {
    const word = words[index]!;
    push(text.slice(at, word.start), false);
    push(text.slice(word.start, word.end), true);
    at = word.end;
  }
  push(text.slice(at), false);
  return parts;
}

/** The parts of a text for a query as typed. */
export function highlightQuery(text: string, query: string): TextPart[] {
  return highlightParts(text, searchTermsOf(query));
}

export { searchTermsOf };

/** The words the recogniser matched (a span of the text as written), marked, with up to `around`
 *  characters either side, cut at a space, and "…" where the text goes on: a long text is read
 *  where it names the instrument. The whole text, unmarked, when the words are not in it. */
export function matchedExcerpt(text: string, matched: string, around = 140): TextPart[] {
  const at = matched === '' ? -1 : text.indexOf(matched);
  if (at < 0) return text === '' ? [] : [{ text, marked: false }];
  const end = at + matched.length;
  let from = Math.max(0, at - around);
  let to = Math.min(text.length, end + around);
  // Cut at a space so that no word is shown in part (unless the text has none there).
  if (from > 0) {
    const space = text.indexOf(' ', from);
    if (space >= 0 && space < at) from = space + 1;
  }
  if (to < text.length) {
    const space = text.lastIndexOf(' ', to);
    if (space > end) to = space;
  }
  const parts: TextPart[] = [];
  const before = `${from > 0 ? '…' : ''}${text.slice(from, at)}`;
  const after = `${text.slice(end, to)}${to < text.length ? '…' : ''}`;
  if (before) parts.push({ text: before, marked: false });
  parts.push({ text: matched, marked: true });
  if (after) parts.push({ text: after, marked: false });
  return parts;
}
