// Which request, if any, governs an instrument the text names: the nearest trigger before it in
// the same sentence, unless words between show that the name belongs to another verb or
// phrase ("ratify OP-CAT and align its laws with CAT": CAT is what the laws are aligned with).
// Other names and the words that list them ("and", "as well as", "in particular", "the
// following instruments:") may stand between: "ratify the CRPD, the CPED and OP-CAT".
import type { FoundName } from './find-instruments.ts';
import type { Token } from './mention-tokens.ts';
import { OTHER_VERBS, startsClause } from './clause-words.ts';
import type { Trigger } from './ratify-triggers.ts';

/** Words after which a name is the object of something other than the request: a relation
 *  ("in line with", "under", "the provisions of") or a body ("report to the Committee"). */
const RELATIONS = new Set([
  'with',
  'under',
  'accordance',
  'line',
  'conformity',
  'compliance',
  'consistent',
  'pursuant',
  'according',
  'into',
  'provisions',
  'provision',
  'obligations',
  'obligation',
  'principles',
  'principle',
  'spirit',
  'standards',
  'requirements',
  'committee',
  'committees',
  'recommendation',
  'recommendations',
  'report',
  'reports',
  'reporting',
  'enshrined',
  'contained',
  'stipulated',
  'set',
  'framework',
  'implementation',
  'commitments',
  'articles',
  'article',
]);

/** A request that points back: "consider its ratification", "ratifying it", "their ratification". */
const BACK_ONE = new Set(['it', 'its']);
const BACK_ALL = new Set(['them', 'their', 'these', 'those']);

/** How far back the parts of an instrument may reach ("articles 9 para. 2, and 16 para. 1(c), (d) and (g) of"). */
const PARTS_REACH = 16;

/** Past the request by this many words (names not counted), a name is too far to be its object. */
const REACH = 30;

/** The trigger that governs `name`, with the triggers chained before it ("sign and ratify"); for
 *  "the CRPD with its Optional Protocol", the one that governs the CRPD. */
export function governingTrigger(tokens: readonly Token[], name: FoundName, names: readonly FoundName[], triggers: readonly Trigger[]): Trigger | null {
  const own = nearestTrigger(tokens, name, names, triggers);
  return own ?? (name.joinedTo ? governingTrigger(tokens, name.joinedTo, names, triggers) : null);
}

function nearestTrigger(tokens: readonly Token[], name: FoundName, names: readonly FoundName[], triggers: readonly Trigger[]): Trigger | null {
  const endingAt = new Map(triggers.map((t) => [t.to, t]));
  let j = name.from;
  let words = 0;
  while (j > 0) {
    if (tokens[j]!.afterStop) return null;
    const trigger = endingAt.get(j);
    if (trigger) return trigger;
    const before = names.find((n) => n.to === j && n.from < j);
    if (before) {
      j = before.from;
      continue;
    }
    const key = tokens[j - 1]!.key;
    if (RELATIONS.has(key) && !listing(tokens, j - 1)) return reservationArticles(tokens, j - 1, endingAt) ?? coordinated(tokens, j - 1, endingAt);
    if (OTHER_VERBS.has(key) && startsClause(tokens, j - 1)) return coordinated(tokens, j - 1, endingAt);
    if (++words > REACH) return null;
    j--;
  }
  return null;
}

/** "with" that lists or points rather than relates: "together with", "starting with", "with respect to". */
function listing(tokens: readonly Token[], at: number): boolean {
  if (tokens[at]!.key !== 'with') return false;
  return /^(together|along|starting|beginning)$/.test(tokens[at - 1]?.key ?? '') || /^(respect|regard)$/.test(tokens[at + 1]?.key ?? '');
}

/** Words that say which parts of an instrument reservations are to: "made to articles 2 and 16 (1)
 *  (c) of", "on several provisions of", "in respect of article 18 of", "on a number of articles of". */
const PARTS = /^(\d+|[a-z]|articles?|paragraphs?|para|provisions?|and|to|on|in|from|made|entered|concerning|regarding|several|certain|some|various|number|a|its|respect|regard|with)$/;

/** "Withdraw its reservations to articles 2 and 16 of CEDAW": the parts of the instrument whose
 *  reservations are to go; elsewhere "article" or "provisions" relate ("under article 22 of CAT"). */
function reservationArticles(tokens: readonly Token[], at: number, endingAt: ReadonlyMap<number, Trigger>): Trigger | null {
  if (!/^(articles?|provisions?|with)$/.test(tokens[at]!.key)) return null;
  for (let j = at; j > 0 && j > at - PARTS_REACH; j--) {
    const trigger = endingAt.get(j);
    if (trigger) return trigger.kind === 'withdraw-reservations' ? trigger : null;
    if (tokens[j]!.afterStop || !PARTS.test(tokens[j - 1]!.key)) return null;
  }
  return null;
}

/** "Ratify and fully implement CEDAW", "the ratification and full implementation of": another verb
 *  or noun joined to the request leaves the name its object. */
function coordinated(tokens: readonly Token[], at: number, endingAt: ReadonlyMap<number, Trigger>): Trigger | null {
  for (let j = at; j > 0 && j >= at - 2; j--) {
    if (!/^(and|or)$/.test(tokens[j - 1]!.key) || tokens[j]!.afterStop) continue;
    let k = j - 1;
    if (tokens[k - 1]?.key === 'to') k--; // "become a party to and implement"
    while (k > 0 && tokens[k - 1]!.key.endsWith('ly')) k--;
    return endingAt.get(k) ?? null;
  }
  return null;
}

/** The names a request after them points back to ("Adhere to the principles of ICRMW and consider
 *  its ratification"; "… the main treaties, and consider ratifying them"): "its" or "it" the
 *  name just before, "their" or "them" that name and those listed with it, in the same sentence. */
export function pointedBack(tokens: readonly Token[], trigger: Trigger, names: readonly FoundName[]): FoundName[] {
  // "its ratification", "its eventual ratification"
  const before = [1, 2].map((k) => tokens[trigger.from - k]?.key ?? '').find((key) => BACK_ONE.has(key) || BACK_ALL.has(key)) ?? '';
  const after = tokens[trigger.to]?.key === 'to' ? tokens[trigger.to + 1]?.key : tokens[trigger.to]?.key;
  const possessive = !trigger.imperative && (BACK_ONE.has(before) || BACK_ALL.has(before));
  const object = BACK_ONE.has(after ?? '') || BACK_ALL.has(after ?? '');
  if (!possessive && !object) return [];
  const all = possessive ? BACK_ALL.has(before) : BACK_ALL.has(after ?? '');
  const earlier = names.filter((n) => n.to <= trigger.from);
  const last = earlier.at(-1);
  if (!last || tokens.slice(last.from + 1, trigger.from + 1).some((t) => t.afterStop)) return [];
  const pointed = [last];
  for (let k = earlier.length - 2; all && k >= 0; k--) {
    const gap = tokens.slice(earlier[k]!.to, pointed[0]!.from);
    if (gap.some((t) => t.afterStop || !/^(and|or|as|well)$/.test(t.key)) || tokens[pointed[0]!.from]!.afterStop) break;
    pointed.unshift(earlier[k]!);
  }
  return pointed;
}
