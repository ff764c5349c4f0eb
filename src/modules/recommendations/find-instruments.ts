// Where a text names instruments of the registry. At each word the longest name that starts there
// wins (name-walk.ts), so "Optional Protocol to the Convention against Torture" is OP-CAT, never
// CAT inside it. Then what protocol references point to (protocol-references.ts), and lists:
// - "Optional Protocols to CEDAW, CRPD and ICCPR" are the protocols of each, up to the name joined
//   by "and" that closes the list; a name with "the" before it may be named for itself ("… to
//   the CRC, the CRPD") and stays unsure, unless "to" repeats later ("… the CAT and to the CRPD");
// - a name after "Protocol to" or "Amendment to" that the registry has no whole name for ("the
//   Optional Protocol to the CRC": which of three?) is not the instrument itself.
// What is unsure is kept (an "its Optional Protocol" after it may still be clear) but not returned.
import type { NameIndex } from './instrument-names.ts';
import type { Token } from './mention-tokens.ts';
import { longestName, type Named, PROTOCOL_WORDS } from './name-walk.ts';
import { protocolBefore, protocolOfPrevious, protocolsOf } from './protocol-references.ts';

export interface FoundName {
  codes: readonly string[];
  /** Token indexes: the first word of the name and the one after its last. */
  from: number;
  to: number;
  /** Not returned: `self-or-protocol` when the instrument or its protocols may be meant (it is
   *  the instrument if "and its Optional Protocol" follows), `which-protocol` for a protocol the
   *  registry cannot tell. */
  unsure: 'self-or-protocol' | 'which-protocol' | null;
  /** Read as the protocols of the instrument the text wrote: that instrument ("CEDAW" in
   *  "Optional Protocols to CRC and CEDAW"). */
  written?: readonly string[];
  /** A protocol named through the instrument just before, joined to it ("the CRPD with its
   *  Optional Protocol"): what asks for that instrument asks for it too. */
  joinedTo?: FoundName;
}

/** How many words after a repeated name its brackets may still hold ("[ICCPR and ICESCR]"). */
const BRACKET_WORDS = 4;

/** What may stand between the names of one list. */
const LIST_GLUE = new Set(['and', 'or', 'as', 'well', 'to']);

/** The names after "Optional Protocol(s) to". */
interface ProtocolList {
  plural: boolean;
  /** Where its last name ends. */
  end: number;
  /** Names with "the" that may be named for themselves, as read and as found. */
  unsure: { named: Named; found: FoundName }[];
}

export function findInstruments(tokens: readonly Token[], index: NameIndex): FoundName[] {
  const found: FoundName[] = [];
  let list: ProtocolList | null = null;
  let i = 0;
  while (i < tokens.length) {
    const named = longestName(index.root, tokens, i);
    if (named) {
      i = named.to;
      if (tokens[named.to]?.key === 'committee') continue; // "the CRC Committee" is the body, not the treaty
      const repeated = repeats(tokens, index, named, found.at(-1));
      if (repeated) {
        i = repeated; // "the two Covenants [ICCPR and ICESCR] and CEDAW": the list goes on after the brackets
        if (list) list.end = repeated;
        continue;
      }
      const head = protocolBefore(tokens, named.from);
      if (list && continuesList(tokens, list.end, named.from)) {
        found.push(listItem(tokens, index, named, list));
        if (closes(tokens, list.end, named.from)) list = null;
        else list.end = named.to;
      } else if (head && !named.protocolHead) {
        const resolved = protocolsOf(tokens, index, named.codes, { plural: head.plural, ordinal: head.ordinal, restFrom: named.to });
        found.push(resolved ? { ...resolved, from: head.from, unsure: null } : { ...span(named), unsure: 'which-protocol' });
        list = { plural: head.plural, end: named.to, unsure: [] };
      } else if (named.protocolHead && PROTOCOL_WORDS.has(tokens[named.to - 1]!.key) && tokens[named.to]?.key === 'to') {
        // "the second Optional Protocol to the CRC": a protocol of what follows, not the one named alone
        found.push({ ...span(named), unsure: 'which-protocol' });
        list = null;
      } else {
        found.push({ ...span(named), unsure: null });
        list = named.protocolHead ? { plural: named.protocolHead.plural, end: named.to, unsure: [] } : null;
      }
      continue;
    }
    const protocol = protocolOfPrevious(
      tokens,
      i,
      found.filter((f) => f.unsure !== 'which-protocol'),
      index,
    );
    if (protocol) {
      // "…, the CRPD and the Optional Protocol thereto", "… to CRC and CEDAW and its Optional
      // Protocol": the instrument itself is named too.
      for (const a of protocol.antecedents) {
        if (a.unsure === 'self-or-protocol') a.unsure = null;
        if (a.written) Object.assign(a, { codes: a.written, written: undefined });
      }
      const joinedTo = protocol.joined ? protocol.antecedents.at(-1) : undefined;
      found.push({ codes: protocol.codes, from: i, to: protocol.to, unsure: null, joinedTo });
      i = protocol.to;
      continue;
    }
    i++;
  }
  markCompounds(tokens, found, index);
  markDeathPenaltyProtocol(tokens, found);
  return found;
}

const span = (named: Named) => ({ codes: named.codes, from: named.from, to: named.to });

/** A name that continues a list begun by "Optional Protocol(s) to …": with "Protocols", a name
 *  that has protocols stands for them ("Optional Protocols to ICCPR and ICESCR"), unless "the"
 *  shows it may be named for itself; with "Protocol", it is itself ("the Optional Protocol to
 *  CAT and CRPD"), unless "to" repeats ("… to CEDAW and to CAT"), which also settles the names
 *  with "the" before it. */
function listItem(tokens: readonly Token[], index: NameIndex, named: Named, list: ProtocolList): FoundName {
  const self: FoundName = { ...span(named), unsure: null };
  if (named.protocolHead || !named.codes.some((c) => index.protocols.has(c))) return self;
  const repeated = tokens[named.from - 1]?.key === 'to';
  if (!list.plural && !repeated) return self;
  if (!repeated && tokens[named.from]!.afterThe) {
    const unsure: FoundName = { ...self, unsure: 'self-or-protocol' };
    list.unsure.push({ named, found: unsure });
    return unsure;
  }
  if (repeated) {
    for (const earlier of list.unsure) {
      const resolved = protocolsOf(tokens, index, earlier.named.codes, { plural: list.plural, restFrom: earlier.named.to });
      if (resolved && earlier.found.unsure === 'self-or-protocol') Object.assign(earlier.found, { codes: resolved.codes, unsure: null });
    }
  }
  const resolved = protocolsOf(tokens, index, named.codes, { plural: list.plural, restFrom: named.to });
  return resolved ? { ...resolved, from: named.from, unsure: null, written: named.codes } : { ...self, unsure: 'which-protocol' };
}

/** Only list words between the end of one name and the next, in the same sentence. */
function continuesList(tokens: readonly Token[], end: number, at: number): boolean {
  for (let j = end; j <= at; j++) if (tokens[j]!.afterStop) return false;
  return tokens.slice(end, at).every((t) => LIST_GLUE.has(t.key));
}

/** "A, B and C": the name joined by "and" or "or" ends the list. */
function closes(tokens: readonly Token[], end: number, at: number): boolean {
  return tokens.slice(end, at).some((t) => t.key === 'and' || t.key === 'or');
}

/** A name in brackets right after a name of the same instrument, or of a protocol of it, repeats
 *  it: "the Optional Protocol to the Convention against Torture (OPCAT)", "… against Women
 *  (CEDAW)". Where the brackets close (the whole of them is skipped), or 0. */
function repeats(tokens: readonly Token[], index: NameIndex, named: Named, previous: FoundName | undefined): number {
  if (!previous || previous.to !== named.from || !tokens[named.from]!.opensBracket) return 0;
  const same = named.codes.every((c) => previous.codes.includes(c) || previous.codes.some((p) => index.protocols.get(c)?.includes(p)));
  if (!same) return 0;
  let close = named.to;
  while (close < tokens.length && close < named.to + BRACKET_WORDS && !tokens[close]!.closesBracket && !tokens[close]!.afterStop) close++;
  return tokens[close]?.closesBracket ? close : named.to;
}

/** "CRC-OPAC", "ICESR-OP", "the CRPD Optional Protocol": an instrument's name written right
 *  before that of its protocol is part of the protocol's name, not a name of its own. */
function markCompounds(tokens: readonly Token[], found: FoundName[], index: NameIndex): void {
  for (let k = 1; k < found.length; k++) {
    const [before, after] = [found[k - 1]!, found[k]!];
    const adjacent = before.to === after.from && !tokens[after.from]!.afterComma && !tokens[after.from]!.afterStop;
    const ofIt = after.codes.every((c) => before.codes.some((p) => index.protocols.get(p)?.includes(c)));
    if (!adjacent || !ofIt || before.unsure !== null) continue;
    before.unsure = 'which-protocol';
    after.from = before.from;
  }
}

/** By its title "the Optional Protocol to the ICCPR" is the first, on individual complaints; but
 *  "abolish the death penalty and ratify the Optional Protocol to the ICCPR" means the second.
 *  Without "first", such a name in a text on the death penalty is unsure. */
function markDeathPenaltyProtocol(tokens: readonly Token[], found: FoundName[]): void {
  const keys = tokens.map((t) => t.key).join(' ');
  if (!/\bdeath penalty\b|\bcapital punishment\b|\bdeath sentences?\b/.test(keys)) return;
  for (const name of found) {
    const words = tokens.slice(name.from, name.to).map((t) => t.key);
    const first = words.some((w) => w === 'first' || w === '1' || w === '1st');
    if (!first && name.unsure === null && name.codes.length === 1 && name.codes[0] === 'ICCPR-OP1') name.unsure = 'which-protocol';
  }
}
