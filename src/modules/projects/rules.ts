// What a project must keep beyond its body's shape, each breach a problem naming its field
// (`budget.2.agreementId`): States and a region the registry holds, ends not before starts,
// budget periods of at most a year (IATI's rule), an agreement named exactly when the money
// comes under one, country shares that add up to 100, indicator values that are numbers when
// the measure is a unit or a percentage, transactions not dated in the future.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { today } from '../../shared/dates.ts';
import type { Problem } from '../../shared/errors.ts';
import { stateProblem } from '../edits/validate.ts';
import { findAgreement } from '../funding-agreements/repository.ts';
import { endBeforeStart } from '../funding-agreements/rules.ts';
import { compare, decimal, parseDecimal, sum } from '../money/decimal.ts';
import { findOrganization } from '../organizations/repository.ts';
import { regionExists } from './repository.ts';
import type { PartsInput } from './schema.ts';

export interface ProjectDates {
  plannedStart: string | null;
  plannedEnd: string | null;
  actualStart: string | null;
  actualEnd: string | null;
}

export function dateProblems(d: ProjectDates): Problem[] {
  return [...endBeforeStart('plannedEnd', d.plannedStart, d.plannedEnd), ...endBeforeStart('actualEnd', d.actualStart, d.actualEnd)];
}

export async function regionProblems(db: Kysely<Database>, code: string | null | undefined): Promise<Problem[]> {
  if (code == null || (await regionExists(db, code))) return [];
  return [{ field: 'regionCode', reason: `"${code}" is not a UN M49 region, sub-region or intermediate region of the registry` }];
}

/** The day a year after `day` (29 February → 28 February or 1 March as the calendar has it). */
function aYearAfter(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + 1);
  return d.toISOString().slice(0, 10);
}

interface Funded {
  fundingSource: string;
  agreementId?: string | null;
}

async function fundingProblems(db: Kysely<Database>, at: string, line: Funded): Promise<Problem[]> {
  const named = line.agreementId ?? null;
  if (line.fundingSource === 'donor-agreement') {
    if (named === null) return [{ field: `${at}.agreementId`, reason: 'money under a donor agreement names the agreement' }];
    return (await findAgreement(db, named)) ? [] : [{ field: `${at}.agreementId`, reason: `no funding agreement "${named}"` }];
  }
  return named === null ? [] : [{ field: `${at}.agreementId`, reason: `only money under a donor agreement names one (this is ${line.fundingSource})` }];
}

async function countryProblems(db: Kysely<Database>, countries: NonNullable<PartsInput['countries']>): Promise<Problem[]> {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  for (const [i, c] of countries.entries()) {
    if (seen.has(c.iso3)) problems.push({ field: `countries[${i}].iso3`, reason: `${c.iso3} is named twice` });
    seen.add(c.iso3);
    problems.push(...(await stateProblem(db, `countries[${i}].iso3`, c.iso3)));
  }
  const shares = countries.map((c) => c.percentage ?? null);
  if (shares.some((s) => s !== null)) {
    const missing = shares.indexOf(null);
    if (missing >= 0) problems.push({ field: `countries[${missing}].percentage`, reason: 'when one country has a share, every country has one' });
    else if (compare(sum(shares.map((s) => decimal(s!))), decimal('100')) !== 0) problems.push({ field: 'countries', reason: 'the shares of the countries must add up to 100' });
  }
  return problems;
}

export async function partsProblems(db: Kysely<Database>, parts: PartsInput): Promise<Problem[]> {
  const problems: Problem[] = [];
  if (parts.countries) problems.push(...(await countryProblems(db, parts.countries)));
  for (const [i, o] of (parts.organizations ?? []).entries()) {
    if (o.organizationId != null && !(await findOrganization(db, o.organizationId)))
      problems.push({ field: `organizations[${i}].organizationId`, reason: `no organization "${o.organizationId}" in the registry` });
  }
  for (const [i, b] of (parts.budget ?? []).entries()) {
    if (b.periodEnd <= b.periodStart) problems.push({ field: `budget[${i}].periodEnd`, reason: `must be after the start of the period (${b.periodStart})` });
    else if (b.periodEnd > aYearAfter(b.periodStart)) problems.push({ field: `budget[${i}].periodEnd`, reason: 'a budget period is at most one year (IATI): split it into yearly lines' });
    problems.push(...(await fundingProblems(db, `budget[${i}]`, b)));
  }
  const now = today();
  for (const [i, t] of (parts.transactions ?? []).entries()) {
    if (t.date > now) problems.push({ field: `transactions[${i}].date`, reason: 'a transaction is recorded once it has happened: not in the future' });
    problems.push(...(await fundingProblems(db, `transactions[${i}]`, t)));
  }
  for (const [i, r] of (parts.results ?? []).entries()) {
    for (const [j, indicator] of (r.indicators ?? []).entries()) {
      if (indicator.measure === 'qualitative') continue;
      for (const field of ['baselineValue', 'targetValue', 'actualValue'] as const) {
        const value = indicator[field];
        if (value != null && parseDecimal(value) === null)
          problems.push({ field: `results[${i}].indicators[${j}].${field}`, reason: `must be a number (e.g. "25" or "12.5") for a ${indicator.measure} measure` });
      }
    }
  }
  return problems;
}
