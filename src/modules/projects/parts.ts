// A project's parts in one canonical form, every key present: what a write body gives (with its
// defaults applied), what the stored rows hold, what an update compares to tell whether a list
// changed, and what the audit record keeps before and after.
import type { PartsRows, PartsWrite } from './repository.ts';
import type { PartsInput } from './schema.ts';

export const PART_LISTS = ['countries', 'organizations', 'budget', 'transactions', 'results'] as const;
export type PartList = (typeof PART_LISTS)[number];

interface Indicator {
  title: string;
  measure: string;
  ascending: boolean;
  baselineYear: number | null;
  baselineValue: string | null;
  targetValue: string | null;
  actualValue: string | null;
  actualDate: string | null;
}

export interface CanonicalParts {
  countries: { iso3: string; percentage: string | null }[];
  organizations: { role: string; name: string; ref: string | null; type: string | null; organizationId: string | null }[];
  budget: { periodStart: string; periodEnd: string; amount: string; currency: string; valueDate: string; status: string; fundingSource: string; agreementId: string | null }[];
  transactions: {
    type: string;
    date: string;
    amount: string;
    currency: string;
    valueDate: string;
    fundingSource: string;
    agreementId: string | null;
    provider: string | null;
    receiver: string | null;
    description: string | null;
  }[];
  results: { type: string; title: string; description: string | null; indicators: Indicator[] }[];
}

/** The lists a body gives, with defaults: a value date is the period's start (budget) or the transaction's day; a budget line is indicative unless said. */
export function partsFromInput(input: PartsInput): Partial<CanonicalParts> {
  const out: Partial<CanonicalParts> = {};
  if (input.countries) out.countries = input.countries.map((c) => ({ iso3: c.iso3, percentage: c.percentage ?? null }));
  if (input.organizations) out.organizations = input.organizations.map((o) => ({ role: o.role, name: o.name, ref: o.ref ?? null, type: o.type ?? null, organizationId: o.organizationId ?? null }));
  if (input.budget)
    out.budget = input.budget.map((b) => ({
      periodStart: b.periodStart,
      periodEnd: b.periodEnd,
      amount: b.amount,
      currency: b.currency,
      valueDate: b.valueDate ?? b.periodStart,
      status: b.status ?? 'indicative',
      fundingSource: b.fundingSource,
      agreementId: b.agreementId ?? null,
    }));
  if (input.transactions)
    out.transactions = input.transactions.map((t) => ({
      type: t.type,
      date: t.date,
      amount: t.amount,
      currency: t.currency,
      valueDate: t.valueDate ?? t.date,
      fundingSource: t.fundingSource,
      agreementId: t.agreementId ?? null,
      provider: t.provider ?? null,
      receiver: t.receiver ?? null,
      description: t.description ?? null,
    }));
  if (input.results)
    out.results = input.results.map((r) => ({
      type: r.type,
      title: r.title,
      description: r.description ?? null,
      indicators: (r.indicators ?? []).map((i) => ({
        title: i.title,
        measure: i.measure,
        ascending: i.ascending ?? true,
        baselineYear: i.baselineYear ?? null,
        baselineValue: i.baselineValue ?? null,
        targetValue: i.targetValue ?? null,
        actualValue: i.actualValue ?? null,
        actualDate: i.actualDate ?? null,
      })),
    }));
  return out;
}

/** The stored parts of one project (rows read unfiltered, inside the writer's transaction). */
export function partsFromRows(rows: PartsRows): CanonicalParts {
  return {
    countries: rows.countries.map((c) => ({ iso3: c.iso3, percentage: c.percentage })),
    organizations: rows.organizations.map((o) => ({ role: o.role, name: o.name, ref: o.ref, type: o.type, organizationId: o.organization_id })),
    budget: rows.budget.map((b) => ({
      periodStart: b.period_start,
      periodEnd: b.period_end,
      amount: b.amount,
      currency: b.currency,
      valueDate: b.value_date,
      status: b.status,
      fundingSource: b.funding_source,
      agreementId: b.agreement_id,
    })),
    transactions: rows.transactions.map((t) => ({
      type: t.type,
      date: t.date,
      amount: t.amount,
      currency: t.currency,
      valueDate: t.value_date,
      fundingSource: t.funding_source,
      agreementId: t.agreement_id,
      provider: t.provider,
      receiver: t.receiver,
      description: t.description,
    })),
    results: rows.results.map((r) => ({
      type: r.type,
      title: r.title,
      description: r.description,
      indicators: rows.indicators
        .filter((i) => Number(i.result_id) === Number(r.id))
        .map((i) => ({
          title: i.title,
          measure: i.measure,
          ascending: i.ascending === 1,
          baselineYear: i.baseline_year,
          baselineValue: i.baseline_value,
          targetValue: i.target_value,
          actualValue: i.actual_value,
          actualDate: i.actual_date,
        })),
    })),
  };
}

/** The rows that store these lists. */
export function partsWrite(parts: Partial<CanonicalParts>): PartsWrite {
  return {
    countries: parts.countries?.map((c) => ({ iso3: c.iso3, percentage: c.percentage })),
    organizations: parts.organizations?.map((o) => ({ role: o.role, name: o.name, ref: o.ref, type: o.type, organization_id: o.organizationId })),
    budget: parts.budget?.map((b) => ({
      period_start: b.periodStart,
      period_end: b.periodEnd,
      amount: b.amount,
      currency: b.currency,
      value_date: b.valueDate,
      status: b.status,
      funding_source: b.fundingSource,
      agreement_id: b.agreementId,
    })),
    transactions: parts.transactions?.map((t) => ({
      type: t.type,
      date: t.date,
      amount: t.amount,
      currency: t.currency,
      value_date: t.valueDate,
      funding_source: t.fundingSource,
      agreement_id: t.agreementId,
      provider: t.provider,
      receiver: t.receiver,
      description: t.description,
    })),
    results: parts.results?.map((r) => ({
      result: { type: r.type, title: r.title, description: r.description },
      indicators: r.indicators.map((i) => ({
        title: i.title,
        measure: i.measure,
        ascending: i.ascending ? 1 : 0,
        baseline_year: i.baselineYear,
        baseline_value: i.baselineValue,
        target_value: i.targetValue,
        actual_value: i.actualValue,
        actual_date: i.actualDate,
      })),
    })),
  };
}
