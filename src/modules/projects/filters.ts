// The filters of the list of projects, of their totals and of their exports, applied to the
// projects the asker sees: a State (among its countries), a region (the project's own, or one
// its countries lie in), a status, a funding source (of a budget line or transaction), a year
// (the project runs in it, or a budget line or transaction falls in it).
import { z } from '@hono/zod-openapi';
import { firstDay, lastDay } from '../../shared/dates.ts';
import { FUNDING_SOURCES, PROJECT_STATUSES } from '../../shared/vocabularies.ts';
import type { BudgetRow, PartsRows, ProjectRow, TransactionRow } from './repository.ts';

export const projectFilterQuery = {
  state: z
    .string()
    .regex(/^[A-Z]{3}$/, 'must be an ISO alpha-3 code in capitals')
    .optional()
    .openapi({ param: { name: 'state', in: 'query' }, example: 'KEN', description: 'Projects in this State.' }),
  region: z
    .string()
    .regex(/^\d{3}$/, 'must be a UN M49 code of three digits')
    .optional()
    .openapi({ param: { name: 'region', in: 'query' }, example: '142', description: 'Projects of this M49 region, or in a State of it.' }),
  status: z
    .enum(PROJECT_STATUSES)
    .optional()
    .openapi({ param: { name: 'status', in: 'query' } }),
  fundingSource: z
    .enum(FUNDING_SOURCES)
    .optional()
    .openapi({ param: { name: 'fundingSource', in: 'query' }, description: 'Projects (and, for totals, amounts) funded from this source.' }),
  year: z
    .string()
    .regex(/^\d{4}$/, 'must be a year, YYYY')
    .optional()
    .openapi({ param: { name: 'year', in: 'query' }, example: '2025', description: 'Projects running in this year (and, for totals, amounts of it).' }),
};

export interface ProjectFilter {
  state?: string;
  region?: string;
  status?: string;
  fundingSource?: string;
  year?: string;
}

/** Whether an amount counts under the filter's funding source and year. */
export function amountMatches(filter: ProjectFilter, line: BudgetRow | TransactionRow): boolean {
  if (filter.fundingSource && line.funding_source !== filter.fundingSource) return false;
  if (!filter.year) return true;
  const day = 'period_start' in line ? line.period_start : line.date;
  return day.startsWith(filter.year);
}

function runsIn(row: ProjectRow, year: string): boolean {
  const start = row.actual_start ?? row.planned_start;
  const end = row.actual_end ?? row.planned_end;
  if (start === null && end === null) return false;
  return (start === null || firstDay(start) <= `${year}-12-31`) && (end === null || lastDay(end) >= `${year}-01-01`);
}

/** The projects among `rows` the filter keeps; `parts` are theirs, `regionsOf` each State's M49 codes. */
export function filterProjects(rows: ProjectRow[], parts: PartsRows, filter: ProjectFilter, regionsOf: Map<string, string[]>): ProjectRow[] {
  const countries = new Map<string, string[]>();
  for (const c of parts.countries) countries.set(c.project_id, [...(countries.get(c.project_id) ?? []), c.iso3]);
  const money = [...parts.budget, ...parts.transactions];
  const withAmount = (f: ProjectFilter) => new Set(money.filter((m) => amountMatches(f, m)).map((m) => m.project_id));
  const funded = filter.fundingSource ? withAmount({ fundingSource: filter.fundingSource }) : null;
  const inYear = filter.year ? withAmount({ year: filter.year }) : null;
  return rows.filter((row) => {
    const states = countries.get(row.id) ?? [];
    if (filter.state && !states.includes(filter.state)) return false;
    if (filter.region && row.region_code !== filter.region && !states.some((iso3) => regionsOf.get(iso3)?.includes(filter.region!))) return false;
    if (filter.status && row.status !== filter.status) return false;
    if (funded && !funded.has(row.id)) return false;
    if (filter.year && inYear && !inYear.has(row.id) && !runsIn(row, filter.year)) return false;
    return true;
  });
}
