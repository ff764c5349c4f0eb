// Every name under which a recommendation may name an instrument of the registry, as one tree of
// words (a trie): the English title and short title the registry gives, the reviewed variants of
// data/reference/instrument-mentions.csv, and, for a protocol or amendment whose title contains
// its parent's title, the same title with each name of the parent in its place ("Optional Protocol
// to the CAT" from "Optional Protocol to the Convention against Torture…" and the parent's "CAT").
//
// A variant may write `{CODE}` for any name of that instrument, `[words]` for words that may be
// left out, `(a|b)` for words that may stand for each other and `[a|b]` for either or neither, so
// that one reviewed row covers the spellings texts use ("Convention (for|on) the Protection of All
// Persons [from|against] Enforced Disappearance[s]"); written on a word, they give its endings
// ("Famil(y|ies)"). Groups do not nest. In a title, brackets hold one option: its words are required.
import { nameKeys } from './mention-tokens.ts';

/** What the recogniser needs of one instrument of the registry. */
export interface InstrumentPatternSource {
  code: string;
  /** The registry's English title and short title. */
  title: string;
  shortTitle: string | null;
  /** The instrument it belongs to (a protocol's convention), or null. */
  parent: string | null;
  /** Reviewed names UPR texts use (data/reference/instrument-mentions.csv), in the syntax above. */
  variants: readonly string[];
}

export interface NameNode {
  next: Map<string, NameNode>;
  /** The instruments a name ending here stands for (several for "Optional Protocols to the CRC"). */
  codes: Set<string>;
}

export interface NameIndex {
  root: NameNode;
  /** The words of each instrument's title: what "its Optional Protocol" is read against. */
  titleKeys: ReadonlyMap<string, readonly string[]>;
  /** The protocols of each instrument (its children whose title says Protocol). */
  protocols: ReadonlyMap<string, readonly string[]>;
}

/** A pattern's parts: `{CODE}`, `[optional|words]`, `(one|or another)`, or plain words. */
const SEGMENT = /\{([A-Z0-9][A-Z0-9-]*)\}|\[([^\]]*)\]|\(([^)]*)\)|([^{[(]+)/g;

export function buildNameIndex(instruments: readonly InstrumentPatternSource[]): NameIndex {
  const byCode = new Map(instruments.map((i) => [i.code, i]));
  // A variant listed for several instruments ("the two Covenants") names them together, never one
  // of them inside a longer name: "Optional Protocols to the two Covenants" is not those of the ICCPR alone.
  const shared = new Set(instruments.flatMap((i) => i.variants).filter((v, k, all) => all.indexOf(v) !== k));
  const expanded = new Map<string, string[][]>();
  const expandedAlone = new Map<string, string[][]>();

  // The names of one instrument as lists of words, placeholders replaced by every name of theirs
  // (`alone`: without the names it shares, for use inside another name).
  const namesOf = (code: string, seen: readonly string[], alone = false): string[][] => {
    const cache = alone ? expandedAlone : expanded;
    const known = cache.get(code);
    if (known) return known;
    const instrument = byCode.get(code);
    if (!instrument) throw new Error(`instrument mentions: {${code}} names no instrument of the registry`);
    if (seen.includes(code)) throw new Error(`instrument mentions: {${code}} refers to itself through ${seen.join(' → ')}`);
    const patterns = patternsOf(instrument, byCode).filter((p) => !(alone && shared.has(p)));
    const names = patterns.flatMap((p) => expand(p, [...seen, code]));
    cache.set(code, names);
    return names;
  };
  const expand = (pattern: string, seen: readonly string[]): string[][] =>
    [...withWordEndings(pattern).matchAll(SEGMENT)].reduce<string[][]>(
      (heads, [, code, optional, choices, words]) => {
        if (/[[\]()]/.test(optional ?? choices ?? '')) throw new Error(`instrument mentions: "${pattern}" nests brackets, which names do not allow`);
        const tails = code
          ? namesOf(code, seen, true)
          : optional !== undefined
            ? [[], ...optional.split('|').map(nameKeys)]
            : choices !== undefined
              ? choices.split('|').map(nameKeys)
              : [nameKeys(words!)];
        return heads.flatMap((head) => tails.map((tail) => [...head, ...tail]));
      },
      [[]],
    );

  const root = newNode();
  for (const instrument of instruments) {
    for (const keys of namesOf(instrument.code, [])) {
      if (keys.length === 0) continue;
      let node = root;
      for (const key of keys) {
        const child = node.next.get(key) ?? newNode();
        node.next.set(key, child);
        node = child;
      }
      node.codes.add(instrument.code);
    }
  }
  const protocols = new Map<string, string[]>();
  for (const i of instruments) if (i.parent && /\bprotocol\b/i.test(i.title)) protocols.set(i.parent, [...(protocols.get(i.parent) ?? []), i.code]);
  return { root, titleKeys: new Map(instruments.map((i) => [i.code, nameKeys(i.title)])), protocols };
}

/** Endings written on a word: "Disappearance[s]" is (Disappearance|Disappearances), "Famil(y|ies)"
 *  is (Family|Families). */
function withWordEndings(pattern: string): string {
  return pattern
    .replace(/(\p{L}+)\[(\p{L}+)\]/gu, (_, stem: string, end: string) => `(${stem}|${stem}${end})`)
    .replace(
      /(\p{L}+)\((\p{L}+(?:\|\p{L}+)+)\)/gu,
      (_, stem: string, ends: string) =>
        `(${ends
          .split('|')
          .map((end) => stem + end)
          .join('|')})`,
    );
}

function newNode(): NameNode {
  return { next: new Map(), codes: new Set() };
}

/** The title, the short title and the variants; a title that contains the parent's title also
 *  with `{PARENT}` in its place, so that every name of the parent works inside it. */
function patternsOf(instrument: InstrumentPatternSource, byCode: ReadonlyMap<string, InstrumentPatternSource>): string[] {
  const patterns = [instrument.title, ...(instrument.shortTitle ? [instrument.shortTitle] : []), ...instrument.variants];
  const parent = instrument.parent ? byCode.get(instrument.parent) : undefined;
  const at = parent ? instrument.title.toLowerCase().indexOf(parent.title.toLowerCase()) : -1;
  if (parent && at >= 0) patterns.push(`${instrument.title.slice(0, at)}{${parent.code}}${instrument.title.slice(at + parent.title.length)}`);
  return patterns;
}
