// When an act takes effect, by each instrument's own rule (data/reference/effect-rules.csv):
// e.g. the ICCPR enters into force for a State three months after it deposits its instrument
// (art. 49(2)); a withdrawal of the Article 34(6) declaration takes effect twelve months after
// deposit, as the African Court held. A rule is applied only to a date known to the day.
import { precisionOf } from '../../shared/dates.ts';

export type EffectRuleKind = 'consent' | 'denunciation' | 'declaration-withdraw';
export type EffectRuleName = 'on-deposit' | 'days-after' | 'months-after' | 'first-of-month-after-months' | 'years-after';

export interface EffectRule {
  instrument: string;
  kind: EffectRuleKind;
  rule: EffectRuleName;
  amount: number;
  article: string;
  sourceIds: string[];
}

function utc(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

function iso(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Adds months to a calendar date; a day the target month lacks becomes its last day. */
function addMonths(day: string, months: number): string {
  const d = utc(day);
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  const lastOfMonth = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), lastOfMonth));
  return iso(target);
}

function addDays(day: string, days: number): string {
  const d = utc(day);
  d.setUTCDate(d.getUTCDate() + days);
  return iso(d);
}

/** The day a deposit dated `day` takes effect under `rule`. */
export function applyRule(rule: Pick<EffectRule, 'rule' | 'amount'>, day: string): string {
  switch (rule.rule) {
    case 'on-deposit':
      return day;
    case 'days-after':
      return addDays(day, rule.amount);
    case 'months-after':
      return addMonths(day, rule.amount);
    case 'years-after':
      return addMonths(day, 12 * rule.amount);
    case 'first-of-month-after-months': {
      const end = addMonths(day, rule.amount);
      return addMonths(`${end.slice(0, 7)}-01`, 1);
    }
  }
}

/** Consent before the instrument itself is in force takes effect when it enters into force. */
export function effectiveDate(rule: EffectRule | undefined, date: string | null, entryIntoForce: string | null): string | null {
  if (!rule || date === null || precisionOf(date) !== 'day') return null;
  const effective = applyRule(rule, date);
  if (rule.kind !== 'consent' || entryIntoForce === null || precisionOf(entryIntoForce) !== 'day') return effective;
  return effective < entryIntoForce ? entryIntoForce : effective;
}

/** Rules by instrument and kind, for lookups. */
export function indexRules(rules: EffectRule[]): (instrument: string, kind: EffectRuleKind) => EffectRule | undefined {
  const byKey = new Map(rules.map((r) => [`${r.instrument}|${r.kind}`, r]));
  return (instrument, kind) => byKey.get(`${instrument}|${kind}`);
}
