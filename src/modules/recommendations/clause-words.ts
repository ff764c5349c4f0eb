// Words that open a new request in UPR texts, which end what an earlier verb governs: "Ratify
// OP-CAT and align its laws with CAT" (CAT belongs to "align"); "Consider abolishing the death
// penalty, and accelerate the ratification of …" (the ratification is asked outright).
import type { Token } from './mention-tokens.ts';

/** Imperative verbs that start a new request in UPR texts (the most frequent first words of the
 *  texts, without those that ask to join or to consider): a name after one belongs to it. */
export const OTHER_VERBS = new Set([
  'ensure',
  'strengthen',
  'adopt',
  'establish',
  'implement',
  'intensify',
  'increase',
  'develop',
  'review',
  'provide',
  'pursue',
  'make',
  'extend',
  'improve',
  'amend',
  'abolish',
  'undertake',
  'put',
  'promote',
  'enhance',
  'enact',
  'guarantee',
  'repeal',
  'give',
  'introduce',
  'investigate',
  'issue',
  'address',
  'reinforce',
  'maintain',
  'share',
  'bring',
  'create',
  'revise',
  'end',
  'incorporate',
  'cooperate',
  'respect',
  'allow',
  'conduct',
  'eliminate',
  'decriminalize',
  'pay',
  'allocate',
  'follow',
  'prohibit',
  'protect',
  'facilitate',
  'reform',
  'encourage',
  'invite',
  'recognize',
  'recognise',
  'engage',
  'combat',
  'accept',
  'harmonize',
  'harmonise',
  'consolidate',
  'apply',
  'respond',
  'release',
  'comply',
  'support',
  'prevent',
  'grant',
  'enforce',
  'integrate',
  'criminalize',
  'define',
  'align',
  'publish',
  'submit',
  'fulfil',
  'fulfill',
  'uphold',
  'domesticate',
  'transpose',
  'train',
  'raise',
  'monitor',
  'adapt',
  'adjust',
  'translate',
  'disseminate',
  'abide',
  'observe',
]);

/** Words after which a verb starts a clause. */
const CLAUSE_OPENERS = new Set(['and', 'or', 'to', 'also', 'further', 'then', 'but', 'while', 'thereby']);

/** A verb of OTHER_VERBS used as one: first in its clause ("…, and implement", "to align"), not a
 *  noun ("until the next periodic review", "with respect to"). */
export function startsClause(tokens: readonly Token[], at: number): boolean {
  const previous = tokens[at - 1]?.key;
  return previous === undefined || tokens[at]!.afterComma || tokens[at]!.afterStop || CLAUSE_OPENERS.has(previous) || (previous.endsWith('ly') && previous.length > 4);
}

/** Verbs that ask for a step towards joining, not for something else: they start a request of
 *  their own too ("…, and accelerate the ratification of ICRMW"). */
const STEPS = new Set(['take', 'continue', 'accelerate', 'expedite', 'speed', 'complete', 'finalize', 'finalise', 'proceed', 'step', 'intensify', 'redouble', 'work', 'seek', 'conclude']);

/** A verb joined by "and", "or" or a comma to what came before: a new request. */
export function startsJoinedRequest(tokens: readonly Token[], at: number): boolean {
  const key = tokens[at]!.key;
  if (!OTHER_VERBS.has(key) && !STEPS.has(key)) return false;
  return tokens[at]!.afterComma || tokens[at]!.afterStop || /^(and|or)$/.test(tokens[at - 1]?.key ?? '');
}
