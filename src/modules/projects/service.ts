// Projects as the API shows them, built from the rows the asker's view holds: the project rows,
// then their parts read joined to them (so a part of a hidden project is never read), the names
// of States and regions in the asked language, the agreements the reader may see, and sources.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { today } from '../../shared/dates.ts';
import { NotFoundError } from '../../shared/errors.ts';
import type { Lang } from '../../shared/text.ts';
import type { CooperationLinkTarget, RecordOrigin } from '../../shared/vocabularies.ts';
import { partsView } from '../cooperation/parts.ts';
import { accessView } from '../edits/access.ts';
import { agreementTitles } from '../funding-agreements/repository.ts';
import { add, decimal, moneyText, type Decimal } from '../money/decimal.ts';
import { namesOf } from '../names/repository.ts';
import { loadSourcesOf } from '../sources/repository.ts';
import { parseIds, resolveSources } from '../sources/service.ts';
import { type ProjectFilter, filterProjects } from './filters.ts';
import { findProject, listProjectRows, type PartsRows, type ProjectRow, projectParts, regionNamesInEnglish, regionsOfStates } from './repository.ts';
import type { ProjectSummaryView, ProjectView } from './view-schema.ts';

/** Sums per key (currency, or year and currency), exact, in the order first met. */
function sums<T>(items: T[], key: (item: T) => string, amount: (item: T) => string): Map<string, Decimal> {
  const out = new Map<string, Decimal>();
  for (const item of items) out.set(key(item), add(out.get(key(item)) ?? decimal('0'), decimal(amount(item))));
  return out;
}

const byCurrency = (m: Map<string, Decimal>) => [...m].sort(([a], [b]) => a.localeCompare(b)).map(([currency, d]) => ({ currency, amount: moneyText(d) }));

const SPENT = new Set(['disbursement', 'expenditure']);

function groupBy<T>(rows: T[], key: (row: T) => string | number): Map<string | number, T[]> {
  const out = new Map<string | number, T[]>();
  for (const row of rows) out.set(key(row), [...(out.get(key(row)) ?? []), row]);
  return out;
}

interface Context {
  parts: { [K in keyof PartsRows]: Map<string | number, PartsRows[K]> };
  states: Map<string, { name: string }>;
  regions: Map<string, { name: string }>;
  agreements: Map<string, string>;
  lang: Lang;
}

/** Region names in the asked language (imported M49 names), else the English name of the region table. */
async function regionNames(db: Kysely<Database>, lang: Lang): Promise<Map<string, { name: string }>> {
  const [named, english] = await Promise.all([namesOf(db, 'region', lang), regionNamesInEnglish(db)]);
  return new Map([...english].map(([code, name]) => [code, { name: named.get(code)?.name ?? name }]));
}

function grouped(rows: PartsRows): Context['parts'] {
  return {
    countries: groupBy(rows.countries, (r) => r.project_id),
    organizations: groupBy(rows.organizations, (r) => r.project_id),
    budget: groupBy(rows.budget, (r) => r.project_id),
    transactions: groupBy(rows.transactions, (r) => r.project_id),
    results: groupBy(rows.results, (r) => r.project_id),
    indicators: groupBy(rows.indicators, (r) => Number(r.result_id)),
  };
}

const withParts = (c: Context, rows: PartsRows): Context => ({ ...c, parts: grouped(rows) });

async function contextFor(db: Kysely<Database>, ids: string[] | undefined, lang: Lang): Promise<Context> {
  const [rows, states, regions] = await Promise.all([projectParts(db, ids), namesOf(db, 'state', lang), regionNames(db, lang)]);
  const agreementIds = [...rows.budget, ...rows.transactions].flatMap((r) => (r.agreement_id ? [r.agreement_id] : []));
  return {
    parts: grouped(rows),
    states,
    regions,
    agreements: await agreementTitles(db, agreementIds),
    lang,
  };
}

function summary(row: ProjectRow, c: Context): ProjectSummaryView {
  const budget = c.parts.budget.get(row.id) ?? [];
  const transactions = c.parts.transactions.get(row.id) ?? [];
  const now = today();
  return {
    id: row.id,
    iatiIdentifier: row.iati_identifier,
    title: row.title,
    status: row.status,
    region: row.region_code ? { code: row.region_code, name: c.regions.get(row.region_code)?.name ?? row.region_code } : null,
    countries: (c.parts.countries.get(row.id) ?? []).map((r) => ({ iso3: r.iso3, name: c.states.get(r.iso3)?.name ?? r.iso3, percentage: r.percentage })),
    plannedStart: row.planned_start,
    plannedEnd: row.planned_end,
    actualStart: row.actual_start,
    actualEnd: row.actual_end,
    fundingSources: [...new Set([...budget, ...transactions].map((r) => r.funding_source))].sort(),
    budgetByCurrency: byCurrency(
      sums(
        budget,
        (b) => b.currency,
        (b) => b.amount,
      ),
    ),
    disbursedToDate: byCurrency(
      sums(
        transactions.filter((t) => SPENT.has(t.type) && t.date <= now),
        (t) => t.currency,
        (t) => t.amount,
      ),
    ),
    version: row.row_version,
    ...accessView(row),
  };
}

function agreementRef(id: string | null, c: Context) {
  const title = id ? c.agreements.get(id) : undefined;
  return id && title !== undefined ? { id, title } : null;
}

async function detail(db: Kysely<Database>, row: ProjectRow, c: Context): Promise<ProjectView> {
  const budget = c.parts.budget.get(row.id) ?? [];
  const [sources, cooperation] = await Promise.all([loadSourcesOf(db, parseIds(row.sources)), partsView(db, 'project', row.id)]);
  return {
    ...summary(row, c),
    ...cooperation,
    links: cooperation.links.map((l) => ({ ...l, kind: l.kind as CooperationLinkTarget })),
    objectives: row.objectives,
    defaultCurrency: row.default_currency,
    organizations: (c.parts.organizations.get(row.id) ?? []).map((o) => ({ role: o.role, name: o.name, ref: o.ref, type: o.type, organizationId: o.organization_id })),
    budget: budget.map((b) => ({
      periodStart: b.period_start,
      periodEnd: b.period_end,
      amount: b.amount,
      currency: b.currency,
      valueDate: b.value_date,
      status: b.status,
      fundingSource: b.funding_source,
      agreement: agreementRef(b.agreement_id, c),
    })),
    budgetByYear: [
      ...sums(
        budget,
        (b) => `${b.period_start.slice(0, 4)} ${b.currency}`,
        (b) => b.amount,
      ),
    ]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, d]) => ({ year: key.slice(0, 4), currency: key.slice(5), amount: moneyText(d) })),
    transactions: (c.parts.transactions.get(row.id) ?? []).map((t) => ({
      type: t.type,
      date: t.date,
      amount: t.amount,
      currency: t.currency,
      valueDate: t.value_date,
      fundingSource: t.funding_source,
      agreement: agreementRef(t.agreement_id, c),
      provider: t.provider,
      receiver: t.receiver,
      description: t.description,
    })),
    results: (c.parts.results.get(row.id) ?? []).map((r) => ({
      type: r.type,
      title: r.title,
      description: r.description,
      indicators: (c.parts.indicators.get(Number(r.id)) ?? []).map((i) => ({
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
    ...resolveSources(parseIds(row.sources), sources),
    origin: row.origin as RecordOrigin,
  };
}

/** The projects the reader sees that the filter keeps, with their parts. */
export async function visibleProjects(db: Kysely<Database>, filter: ProjectFilter): Promise<{ rows: ProjectRow[]; parts: PartsRows }> {
  const [rows, parts, regionsOf] = await Promise.all([listProjectRows(db), projectParts(db), regionsOfStates(db)]);
  const kept = filterProjects(rows, parts, filter, regionsOf);
  const ids = new Set(kept.map((r) => r.id));
  const only = <T extends { project_id: string }>(list: T[]) => list.filter((r) => ids.has(r.project_id));
  const results = only(parts.results);
  const resultIds = new Set(results.map((r) => Number(r.id)));
  return {
    rows: kept,
    parts: {
      countries: only(parts.countries),
      organizations: only(parts.organizations),
      budget: only(parts.budget),
      transactions: only(parts.transactions),
      results,
      indicators: parts.indicators.filter((i) => resultIds.has(Number(i.result_id))),
    },
  };
}

export async function projectSummaries(db: Kysely<Database>, lang: Lang, filter: ProjectFilter): Promise<ProjectSummaryView[]> {
  const [{ rows, parts }, c] = await Promise.all([visibleProjects(db, filter), contextFor(db, [], lang)]);
  return rows.map((row) => summary(row, withParts(c, parts)));
}

export async function projectView(db: Kysely<Database>, id: string, lang: Lang): Promise<ProjectView> {
  const row = await findProject(db, id);
  if (!row) throw new NotFoundError('project', id);
  return detail(db, row, await contextFor(db, [row.id], lang));
}

/** The parts of one project as its view gives them: what an update's audit record shows before and after. */
export async function projectPartsView(db: Kysely<Database>, id: string): Promise<Pick<ProjectView, 'countries' | 'organizations' | 'budget' | 'transactions' | 'results'> | undefined> {
  const row = await findProject(db, id);
  if (!row) return undefined;
  const view = await detail(db, row, await contextFor(db, [row.id], 'en'));
  return { countries: view.countries, organizations: view.organizations, budget: view.budget, transactions: view.transactions, results: view.results };
}
