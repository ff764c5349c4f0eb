// Who may join an instrument, by its own final clauses (data/reference/eligibility.csv): the
// members of an organization (the European Convention is open to the members of the Council
// of Europe, art. 59(1)), or the States that signed or joined its parent treaty (the first
// Optional Protocol to the ICCPR, art. 8). An instrument without a rule is open to every
// State. Nobody can join an instrument before it is adopted. Acts always come first: a State
// that joined is party whatever these rules say.
import { firstDay } from '../../shared/dates.ts';

export type EligibilityRuleKind = 'members' | 'parent';

export interface EligibilityRule {
  instrument: string;
  rule: EligibilityRuleKind;
  /** For `members`: the organization (its predecessors included: the OAU for the AU). */
  organization: string | null;
  /** For `parent`: the instrument whose signatories or parties may join. */
  parent: string | null;
  article: string;
  sourceIds: string[];
}

export interface EligibilityContext {
  adopted: Map<string, string | null>;
  rules: Map<string, EligibilityRule>;
  /** Whether the State belongs to the organization at the date. */
  isMember(organization: string, iso3: string, asOf: string): boolean;
  /** The first day the State belonged to the organization, if it ever did. */
  memberSince(organization: string, iso3: string): string | null;
  /** Whether Accord holds any signature or consent under the instrument at all. */
  knows(instrument: string): boolean;
  /** Whether the State has signed or joined the instrument by the date (by its acts). */
  hasSignedOrJoined(instrument: string, iso3: string, asOf: string): boolean;
  /** The first day it can have signed or joined it. */
  signedOrJoinedSince(instrument: string, iso3: string): string | null;
}

export interface Ineligibility {
  /** The article that excludes the State, or `adoption` before the instrument existed. */
  article: string;
  sourceIds: string[];
}

/** Why the State could not join the instrument at that date, or null when it could. */
export function ineligibility(instrument: string, iso3: string, asOf: string, ctx: EligibilityContext): Ineligibility | null {
  const adopted = ctx.adopted.get(instrument);
  if (adopted && asOf < firstDay(adopted)) return { article: 'adoption', sourceIds: [] };
  const rule = ctx.rules.get(instrument);
  if (!rule) return null;
  // Without data on the parent treaty, whether the State could join is not known either.
  if (rule.rule === 'parent' && !ctx.knows(rule.parent!)) return null;
  const eligible = rule.rule === 'members' ? ctx.isMember(rule.organization!, iso3, asOf) : ctx.hasSignedOrJoined(rule.parent!, iso3, asOf);
  return eligible ? null : { article: rule.article, sourceIds: rule.sourceIds };
}

/** The first day the State could have joined: what an act known without its date cannot precede. */
export function eligibleSince(instrument: string, iso3: string, ctx: EligibilityContext): string | null {
  const rule = ctx.rules.get(instrument);
  if (!rule) return null;
  return rule.rule === 'members' ? ctx.memberSince(rule.organization!, iso3) : ctx.signedOrJoinedSince(rule.parent!, iso3);
}
