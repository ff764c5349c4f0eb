// Which instruments of the registry a UPR recommendation asks the State to ratify, accede to,
// sign, become party to, or withdraw its reservations to. Pure: the text and the registry's
// names in, the requests out; nothing is looked up elsewhere.
//
// A name alone is not a request: "in line with CEDAW", "implement the CRC", "submit its report to
// CAT" name an instrument without asking to join it. An instrument is returned only when a
// request governs its name (governing.ts), and only when the name identifies one instrument, or
// a set the reviewed list of names gives ("the Optional Protocols to the CRC"): "the Optional
// Protocol" with no instrument named just before it is left out, never guessed.
import { findInstruments, type FoundName } from './find-instruments.ts';
import { governingTrigger, pointedBack } from './governing.ts';
import { buildNameIndex, type InstrumentPatternSource, type NameIndex } from './instrument-names.ts';
import { type Token, tokenize } from './mention-tokens.ts';
import { findTriggers, type Trigger, type TriggerKind } from './ratify-triggers.ts';

export type { InstrumentPatternSource } from './instrument-names.ts';

/**
 * What the recommendation asks of the State for the instrument:
 * - `ratify`: ratify it ("ratify", "ratification of"; also "sign and ratify", "ratify or accede to");
 * - `accede`: accede to it ("accede to", "accession to", "adhere to");
 * - `become-party`: become party to it without naming the act ("become a party to", "join");
 * - `sign`: sign it, and no more ("sign", "signature of");
 * - `withdraw-reservations`: withdraw or lift its reservations to it (to some articles or all);
 * - `consider-ratifying`: only consider joining it, by any of the acts above ("consider ratifying",
 *   "study the possibility of acceding to", "envisage signing");
 * - `consider-withdrawing-reservations`: only consider withdrawing its reservations, or review
 *   them ("consider lifting its reservations", "review its reservations to CEDAW").
 */
export type RatifyAction = 'ratify' | 'accede' | 'become-party' | 'sign' | 'withdraw-reservations' | 'consider-ratifying' | 'consider-withdrawing-reservations';

export interface InstrumentMention {
  /** The registry's instrument code. */
  instrument: string;
  action: RatifyAction;
  /** The text exactly as written from the first to the last word of the name ("OP-CAT", "its Optional Protocol"). */
  matched: string;
}

/** When a request joins acts, the one the State is finally asked for: "sign and ratify" is ratify. */
const STRONGER: readonly TriggerKind[] = ['ratify', 'accede', 'become-party', 'sign'];

// Building the names is the costly part: done once per list of instruments given.
const indexes = new WeakMap<readonly InstrumentPatternSource[], NameIndex>();

export function recogniseRatification(text: string, instruments: readonly InstrumentPatternSource[]): InstrumentMention[] {
  const index = indexes.get(instruments) ?? buildNameIndex(instruments);
  indexes.set(instruments, index);
  const tokens = tokenize(text);
  const names = findInstruments(tokens, index);
  if (names.length === 0) return [];
  const triggers = findTriggers(tokens);
  if (triggers.length === 0) return [];
  const requests = new Map<FoundName, Trigger[]>();
  const add = (name: FoundName, trigger: Trigger) => requests.set(name, [...(requests.get(name) ?? []), trigger]);
  for (const name of names) {
    const trigger = governingTrigger(tokens, name, names, triggers);
    if (trigger) add(name, trigger);
  }
  const used = new Set([...requests.values()].flat());
  for (const trigger of triggers) if (!used.has(trigger)) for (const name of pointedBack(tokens, trigger, names)) add(name, trigger);

  const mentions: InstrumentMention[] = [];
  const seen = new Set<string>();
  for (const name of names) {
    const asked = requests.get(name);
    if (!asked || name.unsure) continue;
    for (const action of actionsOf(asked)) {
      for (const instrument of name.codes) {
        // The same request for the same instrument twice ("CRPD and its Optional Protocol … the OP-CRPD") is one.
        if (seen.has(`${instrument}|${action}`)) continue;
        seen.add(`${instrument}|${action}`);
        mentions.push({ instrument, action, matched: spanOf(text, tokens, name) });
      }
    }
  }
  return mentions;
}

/** What the triggers that govern one name ask: to join (the strongest act asked outright, else
 *  to consider joining), and to withdraw reservations. "Complement its signature of ICESCR by
 *  ratifying it" asks to ratify. */
function actionsOf(triggers: readonly Trigger[]): RatifyAction[] {
  const actions: RatifyAction[] = [];
  const joining = triggers.filter((t) => t.kind !== 'withdraw-reservations');
  const asked = joining.filter((t) => !t.considered).flatMap((t) => t.chain);
  if (asked.length > 0) actions.push(STRONGER.find((kind) => asked.includes(kind))!);
  else if (joining.length > 0) actions.push('consider-ratifying');
  const withdrawing = triggers.filter((t) => t.kind === 'withdraw-reservations');
  if (withdrawing.some((t) => !t.considered)) actions.push('withdraw-reservations');
  else if (withdrawing.length > 0) actions.push('consider-withdrawing-reservations');
  return actions;
}

function spanOf(text: string, tokens: readonly Token[], name: FoundName): string {
  return text.slice(tokens[name.from]!.start, tokens[name.to - 1]!.end);
}
