// Protocols the text names through another instrument's name, read as "Optional Protocol(s) to
// <that instrument's title> …" against the names of the registry, so that what the reviewed list
// says of "Optional Protocols to the CRC" holds for "the CRC and its Optional Protocols" too:
// - before a name: "Optional Protocols to CEDAW", "OP-CERD", "Protocol No. 12 to", "Amendment to article 8 of";
// - after it: "its Optional Protocol(s)", "the Optional Protocol thereto", "their respective
//   Optional Protocols" (those of every instrument just listed).
import type { NameIndex } from './instrument-names.ts';
import type { Token } from './mention-tokens.ts';
import { PLURALS, PROTOCOL_WORDS, walk } from './name-walk.ts';

/** A protocol reference that names its instrument(s): the codes it stands for and where it ends. */
export interface Resolved {
  codes: string[];
  to: number;
}

/** The earlier names a reference after them may point to (find-instruments.ts gives them). */
export interface Antecedent {
  codes: readonly string[];
  /** What the text wrote, when the name was read as the protocols of it ("Optional Protocols to CRC and CEDAW"). */
  written?: readonly string[];
  from: number;
  to: number;
}

const OF_SOMETHING = new Set([...PROTOCOL_WORDS, 'amendment', 'amendments']);
/** Words that may precede "Optional Protocol" in a reference to the instrument just named. */
const ORDINALS = new Set(['first', 'second', 'third']);
const COUNTS = new Set(['two', 'three', 'both', 'all', 'respective']);
/** What may stand between a named instrument and "the Optional Protocol" that refers to it. */
const GLUE = new Set(['and', 'its', 'their', 'as', 'well', 'together', 'with', 'also', 'to', 'or', 'all']);
const POSSESSIVE = new Set(['its', 'their', 'respective']);
const THERETO = new Set(['thereto', 'thereof']);
/** "… Optional Protocols to those Covenants", "… to them". */
const TO_THOSE = new Set(['those', 'these', 'them', 'it', 'both']);
const THOSE_NOUNS = new Set(['covenants', 'conventions', 'instruments', 'treaties', 'covenant', 'convention', 'instrument', 'treaty']);
const GLUE_REACH = 4;
const POSSESSIVE_REACH = 8;

/** Just before `at`: "[Optional] Protocol(s) to", "OP to", "OP-" (no "to"), "Protocol No. 12 to",
 *  "Amendment to article 8 of": where that reference starts and whether it is plural. */
export function protocolBefore(tokens: readonly Token[], at: number): { from: number; plural: boolean; ordinal: string | null } | null {
  const key = (j: number) => tokens[j]?.key ?? '';
  const numbering = (j: number) => /^(\d+|no|number|articles?|paragraphs?)$/.test(key(j)) || (key(j) === 'and' && /^\d+$/.test(key(j - 1)));
  let j = at - 1;
  if ((key(j) === 'op' || key(j) === 'ops') && !tokens[at]!.afterComma && !tokens[at]!.opensBracket) return { from: j, plural: key(j) === 'ops', ordinal: null };
  if (key(j) !== 'to') return null;
  j--;
  while (numbering(j)) j--;
  if (key(j) === 'to' && j < at - 2) {
    j--;
    while (numbering(j)) j--;
  }
  const word = key(j);
  if (!OF_SOMETHING.has(word)) return null;
  let from = key(j - 1) === 'optional' || key(j - 1) === 'additional' ? j - 1 : j;
  // "the second Optional Protocol to CAT" names no protocol the CAT has
  const ordinal = ORDINALS.has(key(from - 1)) ? key(--from) : null;
  return { from, plural: word.endsWith('s'), ordinal };
}

/** The protocols "Optional Protocol(s) to <each instrument>" names, with the words after it
 *  ("its Optional Protocol on the sale of children"). "Protocols" of an instrument that has one
 *  protocol is that one ("the Optional Protocols to CEDAW and CRPD"). */
export function protocolsOf(tokens: readonly Token[], index: NameIndex, codes: readonly string[], how: { plural: boolean; ordinal?: string | null; restFrom: number }): Resolved | null {
  const found = new Set<string>();
  let to = how.restFrom;
  for (const code of codes) {
    const title = index.titleKeys.get(code) ?? [];
    const prefix = (plural: boolean) => [...(how.ordinal ? [how.ordinal] : []), 'optional', plural ? 'protocols' : 'protocol', 'to', ...title];
    const named = walk(index.root, tokens, how.restFrom, prefix(how.plural)) ?? (how.plural ? walk(index.root, tokens, how.restFrom, prefix(false)) : null);
    if (!named) continue;
    for (const c of named.codes) found.add(c);
    to = Math.max(to, named.to);
  }
  return found.size > 0 ? { codes: [...found], to } : null;
}

/** "[its|the|their respective] [second|two] Optional Protocol(s) [thereto|to those Covenants]"
 *  right after named instruments: their protocols, if the registry names them so. `earlier` are
 *  the names found so far; "their" and "those" point to every one of the last list. */
export function protocolOfPrevious<A extends Antecedent>(tokens: readonly Token[], at: number, earlier: readonly A[], index: NameIndex): (Resolved & { antecedents: A[]; joined: boolean }) | null {
  const previous = earlier.at(-1);
  if (!previous) return null;
  let j = at;
  const ordinal = ORDINALS.has(tokens[j]?.key ?? '') ? tokens[j++]!.key : null;
  if (!ordinal && COUNTS.has(tokens[j]?.key ?? '')) j++;
  const word = tokens[j]?.key ?? '';
  const optional = word === 'optional' && PROTOCOL_WORDS.has(tokens[j + 1]?.key ?? '');
  if (!optional && !PROTOCOL_WORDS.has(word)) return null;
  const noun = optional ? tokens[j + 1]!.key : word;
  j += optional ? 2 : 1;
  const before = tokens[at - 1]?.key ?? '';
  const possessive = POSSESSIVE.has(before) || POSSESSIVE.has(tokens[at]!.key); // "its", "their two", "the respective"
  const toThose = tokens[j]?.key === 'to' && TO_THOSE.has(tokens[j + 1]?.key ?? '');
  const thereto = THERETO.has(tokens[j]?.key ?? '') || toThose;
  // A bare "Protocol" refers back only as "its Protocol" or "the Protocol thereto".
  if (!optional && noun.startsWith('protocol') && !possessive && !thereto) return null;
  if (tokens[j]?.key === 'to' && !toThose) return null; // a protocol to something named after it
  if (!closeAfter(tokens, previous.to, at, possessive)) return null;
  const end = toThose ? j + 2 + (THOSE_NOUNS.has(tokens[j + 2]?.key ?? '') ? 1 : 0) : thereto ? j + 1 : j;
  const plural = PLURALS.has(noun);
  const all = plural && (before === 'their' || tokens[at]!.key === 'respective' || toThose);
  const antecedents = all ? lastList(tokens, earlier) : [previous];
  const resolved = protocolsOf(
    tokens,
    index,
    antecedents.flatMap((a) => a.written ?? a.codes),
    { plural, ordinal, restFrom: end },
  );
  const joined = tokens.slice(previous.to, at).every((t) => GLUE.has(t.key) || POSSESSIVE.has(t.key));
  return resolved ? { ...resolved, to: Math.max(resolved.to, end), antecedents, joined } : null;
}

/** The last names found, as far back as only list words join them ("ICESCR, ICCPR and"). */
function lastList<A extends Antecedent>(tokens: readonly Token[], earlier: readonly A[]): A[] {
  const list = [earlier.at(-1)!];
  for (let k = earlier.length - 2; k >= 0; k--) {
    const gap = tokens.slice(earlier[k]!.to, list[0]!.from);
    if (tokens[list[0]!.from]!.afterStop || gap.some((t) => t.afterStop || !/^(and|or|as|well)$/.test(t.key))) break;
    list.unshift(earlier[k]!);
  }
  return list;
}

/** In the same sentence, and only joining words between ("the CRPD and the Optional Protocol"),
 *  or a few words of any kind before "its" ("the ICCPR, and accede to its Second Optional
 *  Protocol"): "its" points back to the instrument named last. */
function closeAfter(tokens: readonly Token[], end: number, at: number, possessive: boolean): boolean {
  if (at - end > (possessive ? POSSESSIVE_REACH : GLUE_REACH)) return false;
  for (let j = end; j <= at; j++) if (tokens[j]!.afterStop) return false;
  return possessive || tokens.slice(end, at).every((t) => GLUE.has(t.key));
}
