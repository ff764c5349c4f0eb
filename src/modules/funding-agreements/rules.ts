// What a funding agreement must keep beyond its body's shape: an end not before its start, an
// amount with its currency (and a currency only with an amount).
import { firstDay, lastDay } from '../../shared/dates.ts';
import type { Problem } from '../../shared/errors.ts';

export interface AgreementFacts {
  startDate: string | null;
  endDate: string | null;
  amount: string | null;
  currency: string | null;
}

/** An end that is certainly before its start (a partial date spans its month or year). */
export function endBeforeStart(field: string, start: string | null, end: string | null): Problem[] {
  if (start === null || end === null || lastDay(end) >= firstDay(start)) return [];
  return [{ field, reason: `must not be before the start (${start})` }];
}

export function agreementProblems(a: AgreementFacts): Problem[] {
  const problems = endBeforeStart('endDate', a.startDate, a.endDate);
  if (a.amount !== null && a.currency === null) problems.push({ field: 'currency', reason: 'an amount needs its currency (ISO 4217, e.g. EUR)' });
  if (a.amount === null && a.currency !== null) problems.push({ field: 'amount', reason: 'a currency is given without an amount' });
  return problems;
}
