// The words by which a recommendation asks a State to join an instrument or to withdraw its
// reservations to one, found in a text's words: "ratify", "accession", "become a party",
// "sign", "withdraw its reservations", each with whether the text only asks the State to
// consider it ("consider ratifying", "study the possibility of acceding").
import { startsJoinedRequest } from './clause-words.ts';
import type { Token } from './mention-tokens.ts';

/** What a trigger asks: to join by ratification, accession, becoming party (by whichever act)
 *  or signature, or to withdraw reservations. */
export type TriggerKind = 'ratify' | 'accede' | 'become-party' | 'sign' | 'withdraw-reservations';

export interface Trigger {
  kind: TriggerKind;
  /** Token indexes: first word and the one after the last. */
  from: number;
  to: number;
  /** The text asks only to consider it ("consider ratifying", "envisage the ratification of"). */
  considered: boolean;
  /** The bare imperative ("ratify", "accede"), not a gerund or noun ("ratifying", "accession"). */
  imperative: boolean;
  /** Its kind and those of the triggers joined before it: "sign and ratify" gives ['sign', 'ratify'] at "ratify". */
  chain: TriggerKind[];
}

/** One word each, with the kind it asks for and whether it is the bare imperative. */
const WORDS: Record<string, { kind: TriggerKind; imperative: boolean }> = {
  ratify: { kind: 'ratify', imperative: true },
  ratifiy: { kind: 'ratify', imperative: true },
  ratifies: { kind: 'ratify', imperative: false },
  ratifying: { kind: 'ratify', imperative: false },
  ratification: { kind: 'ratify', imperative: false },
  ratifications: { kind: 'ratify', imperative: false },
  accede: { kind: 'accede', imperative: true },
  acceding: { kind: 'accede', imperative: false },
  accession: { kind: 'accede', imperative: false },
  accessions: { kind: 'accede', imperative: false },
  // "Adhere to OP-CAT" is accession in UPR English (French "adhérer"); "adhere to the principles
  // of" is not, and the words between stop it (see governing.ts).
  adhere: { kind: 'accede', imperative: true },
  adhering: { kind: 'accede', imperative: false },
  adhesion: { kind: 'accede', imperative: false },
  join: { kind: 'become-party', imperative: true },
  joining: { kind: 'become-party', imperative: false },
  sign: { kind: 'sign', imperative: true },
  signing: { kind: 'sign', imperative: false },
  signature: { kind: 'sign', imperative: false },
};

/** become / becoming / being [a] [State] party|parties|part ("consider being party to") */
const BECOME = new Map([
  ['become', true],
  ['becomes', false],
  ['becoming', false],
  ['being', false],
]);
const PARTY = new Set(['party', 'parties', 'part']);

/** Verbs that, a few words before "reservation(s)", ask to withdraw it. */
const WITHDRAW = new Map([
  ['withdraw', true],
  ['withdrawing', false],
  ['withdrawal', false],
  ['lift', true],
  ['lifting', false],
  ['remove', true],
  ['removing', false],
  ['removal', false],
  ['revoke', true],
  ['revoking', false],
  ['retract', true],
  ['drop', true],
]);
/** Verbs that ask to review a reservation: a request to consider withdrawing it. */
const REVIEW = new Set(['review', 'reviewing', 'reconsider', 'reconsidering', 'reexamine', 're', 'examine', 'revisit', 'reassess']);
const RESERVATION = new Set(['reservation', 'reservations']);
/** How many words may stand between the verb and "reservations" ("lift its general and its specific reservations"). */
const RESERVATION_REACH = 6;

/** Words that make what follows only a matter for consideration. */
const CONSIDER = new Set([
  'consider',
  'considering',
  'reconsider',
  'reconsidering',
  'consideration',
  'envisage',
  'envisaging',
  'contemplate',
  'contemplating',
  'possibility',
  'possibilities',
  'feasibility',
  'explore',
  'exploring',
  'study',
  'studying',
  'reflect',
]);
/** How far before a trigger "consider" still governs it ("consider, as a matter of priority, the
 *  possibility of ratifying"; "consider and concur with the recommendation of the Committee on the
 *  Elimination of Racial Discrimination to ratify"). */
const CONSIDER_REACH = 14;

/** Words that make a noun or gerund tell what was done, not ask for it: "following the recent
 *  ratification of OP-CAT, set a timetable for the national preventive mechanism". */
const DONE = new Set(['recent', 'recently', 'following', 'after', 'since', 'upon']);

const JOINS = new Set(['and', 'or']);
const isAdverb = (key: string) => key.endsWith('ly') && key.length > 4;

export function findTriggers(tokens: readonly Token[]): Trigger[] {
  const triggers: Trigger[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const found = triggerAt(tokens, i);
    if (!found) continue;
    if (!found.imperative && [1, 2].some((k) => DONE.has(tokens[i - k]?.key ?? '') && !tokens[i - k + 1]!.afterStop)) {
      i = found.to - 1;
      continue;
    }
    const previous = triggers.at(-1);
    const chained = previous !== undefined && sameFamily(previous, found) && chainsTo(tokens, previous.to, found.from);
    found.considered = chained ? previous.considered : considered(tokens, found);
    if (chained) found.chain = [...previous.chain, found.kind];
    triggers.push(found);
    i = found.to - 1;
  }
  return triggers;
}

function triggerAt(tokens: readonly Token[], i: number): Trigger | null {
  const key = tokens[i]!.key;
  const word = WORDS[key];
  if (word) {
    if (key === 'sign' && tokens[i + 1]?.key === 'language') return null;
    return trigger(word.kind, i, i + 1, false, word.imperative);
  }
  const become = BECOME.get(key);
  if (become !== undefined) {
    let j = i + 1;
    if (tokens[j]?.key === 'a') j++;
    if (tokens[j]?.key === 'state') j++;
    if (PARTY.has(tokens[j]?.key ?? '')) return trigger('become-party', i, j + 1, false, become);
    return null;
  }
  const withdraw = WITHDRAW.get(key);
  const review = REVIEW.has(key) && !(key === 're' && tokens[i + 1]?.key !== 'examine' && tokens[i + 1]?.key !== 'examining');
  if (withdraw === undefined && !review) return null;
  for (let j = i + 1; j <= i + RESERVATION_REACH && j < tokens.length && !tokens[j]!.afterStop; j++) {
    if (RESERVATION.has(tokens[j]!.key)) return trigger('withdraw-reservations', i, j + 1, review, withdraw ?? false);
  }
  return null;
}

function trigger(kind: TriggerKind, from: number, to: number, considered: boolean, imperative: boolean): Trigger {
  return { kind, from, to, considered, imperative, chain: [kind] };
}

/** Joining acts chain with each other; withdrawing reservations with nothing. */
const sameFamily = (a: Trigger, b: Trigger) => (a.kind === 'withdraw-reservations') === (b.kind === 'withdraw-reservations');

/** "sign and ratify", "ratify or accede to", "signing and ratifying": one request, whose words
 *  share what governs the first. */
function chainsTo(tokens: readonly Token[], end: number, start: number): boolean {
  let j = end;
  if (tokens[j]?.key === 'to') j++;
  while (j < start && (JOINS.has(tokens[j]!.key) || isAdverb(tokens[j]!.key) || tokens[j]!.key === 'to')) j++;
  return j === start && start > end && !tokens[start]!.afterStop;
}

/** A "consider" word shortly before, in the same sentence, with the trigger in a form it
 *  governs: a gerund or noun ("consider ratifying", "the possibility of accession") or an
 *  infinitive ("consider to ratify"). A bare imperative after it starts a request of its own:
 *  "Consider abolishing the death penalty and ratify the Second Optional Protocol", "…, and
 *  accelerate the ratification of ICRMW". */
function considered(tokens: readonly Token[], trigger: Trigger): boolean {
  if (trigger.considered) return true;
  if (trigger.imperative && tokens[trigger.from - 1]?.key !== 'to') return false;
  for (let j = trigger.from - 1; j >= 0 && j >= trigger.from - CONSIDER_REACH; j--) {
    if (tokens[j + 1]!.afterStop || startsJoinedRequest(tokens, j + 1)) return false;
    if (CONSIDER.has(tokens[j]!.key)) return true;
  }
  return false;
}
