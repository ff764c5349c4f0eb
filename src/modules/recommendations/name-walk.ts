// Reading one name of the trie (instrument-names.ts) from a word of the text: the longest name
// that starts there, crossing a short bracket inside it ("the Convention on the Rights of the
// Child (CRC) on the involvement of children in armed conflict") but never a sentence end, nor a
// comma before a word in capitals, which starts another item of a list ("ICESR-OP, ICCPR-OP 2").
import type { NameNode } from './instrument-names.ts';
import type { Token } from './mention-tokens.ts';

export interface Named {
  codes: string[];
  /** Token indexes: the first word of the name and the one after its last. */
  from: number;
  to: number;
  /** The name starts with "Optional Protocol(s)", "Protocol(s)" or "OP(s)" ("Optional Protocols to the CRC"). */
  protocolHead: { plural: boolean } | null;
}

export const PROTOCOL_WORDS = new Set(['protocol', 'protocols', 'op', 'ops']);
export const PLURALS = new Set(['protocols', 'ops']);
/** The most words a bracket inside a name may hold ("(CRC)", "(ICCPR-OP 2)"). */
const BRACKET_REACH = 4;

export function longestName(root: NameNode, tokens: readonly Token[], from: number): Named | null {
  const names = walkAll(root, tokens, from, []);
  let best = names.at(-1);
  if (!best) return null;
  // "CAT, the Optional Protocol to the International Convention…": the protocol is of what follows
  // "to", so the shorter name ("CAT") is the one written here.
  const ofWhatFollows = PROTOCOL_WORDS.has(tokens[best.to - 1]!.key) && tokens[best.to]?.key === 'to';
  if (ofWhatFollows && names.length > 1) best = names.at(-2)!;
  const opening = tokens.slice(from, Math.min(best.to, from + 3)).map((t) => t.key);
  const protocolHead = opening.some((w) => PROTOCOL_WORDS.has(w)) ? { plural: opening.some((w) => PLURALS.has(w)) } : null;
  return { codes: best.codes, from, to: best.to, protocolHead };
}

/** The longest name made of `prefix` (words not in the text) and the text's words from `from`;
 *  null when none ends after the prefix. */
export function walk(root: NameNode, tokens: readonly Token[], from: number, prefix: readonly string[]): { codes: string[]; to: number } | null {
  return walkAll(root, tokens, from, prefix).at(-1) ?? null;
}

/** Every name so made, shortest first. */
function walkAll(root: NameNode, tokens: readonly Token[], from: number, prefix: readonly string[]): { codes: string[]; to: number }[] {
  let node = root;
  for (const key of prefix) {
    const next = node.next.get(key);
    if (!next) return [];
    node = next;
  }
  const names = prefix.length > 0 && node.codes.size > 0 ? [{ codes: [...node.codes], to: from }] : [];
  for (let j = from; j < tokens.length; j++) {
    const token = tokens[j]!;
    const first = j === from && prefix.length === 0;
    if (!first && token.afterStop) break;
    const next: NameNode | undefined = !first && token.afterComma && token.acronym ? undefined : node.next.get(token.key);
    if (!next) {
      const close = first ? -1 : bracketEnd(tokens, j);
      if (close < 0) break;
      j = close - 1;
      continue;
    }
    node = next;
    if (node.codes.size > 0) names.push({ codes: [...node.codes], to: j + 1 });
  }
  return names;
}

/** Brackets of a few words that open before token `at`: the index of the word after them, or -1. */
function bracketEnd(tokens: readonly Token[], at: number): number {
  if (!tokens[at]!.opensBracket) return -1;
  for (let j = at + 1; j < tokens.length && j <= at + BRACKET_REACH; j++) {
    if (tokens[j]!.afterStop) return -1;
    if (tokens[j]!.closesBracket) return j;
  }
  return -1;
}
