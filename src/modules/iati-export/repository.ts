// What an IATI export reads: projects a page at a time in the order of their ids (keyset, so a
// page costs the same however deep), and the parts of one page's projects in one query each.
// Every read goes through the asker's view: a project they may not see is not exported.
import type { Kysely, Selectable } from 'kysely';
import type { Database, ProjectTable } from '../../db/schema.ts';

export type ProjectRow = Selectable<ProjectTable>;

export async function projectPage(db: Kysely<Database>, after: string | null, limit: number): Promise<ProjectRow[]> {
  let query = db.selectFrom('project').selectAll();
  if (after !== null) query = query.where('id', '>', after);
  return query.orderBy('id').limit(limit).execute();
}

/** The parts of these projects, each list in the order it was entered. */
export async function partsOfProjects(db: Kysely<Database>, ids: readonly string[]) {
  const [countries, organizations, budgets, transactions, results, documents] = await Promise.all([
    db
      .selectFrom('project_country')
      .innerJoin('state', 'state.iso3', 'project_country.iso3')
      .select(['project_country.project_id', 'state.iso2', 'project_country.percentage'])
      .where('project_country.project_id', 'in', ids)
      .orderBy('project_country.project_id')
      .orderBy('project_country.iso3')
      .execute(),
    db.selectFrom('project_organization').selectAll().where('project_id', 'in', ids).orderBy('id').execute(),
    db.selectFrom('project_budget').selectAll().where('project_id', 'in', ids).orderBy('period_start').orderBy('id').execute(),
    db.selectFrom('project_transaction').selectAll().where('project_id', 'in', ids).orderBy('date').orderBy('id').execute(),
    db.selectFrom('project_result').selectAll().where('project_id', 'in', ids).orderBy('id').execute(),
    db.selectFrom('cooperation_document').selectAll().where('owner_kind', '=', 'project').where('owner_id', 'in', ids).orderBy('id').execute(),
  ]);
  const resultIds = results.map((r) => r.id);
  const indicators = resultIds.length ? await db.selectFrom('project_indicator').selectAll().where('result_id', 'in', resultIds).orderBy('id').execute() : [];
  return { countries, organizations, budgets, transactions, results, indicators, documents };
}

export type ProjectParts = Awaited<ReturnType<typeof partsOfProjects>>;

/** The parts of a page split by project, each list in the order read: an activity is written from
 *  its own rows, not by searching the page's (which grew with the square of the page). */
export function partsByProject(parts: ProjectParts): Map<string, ProjectParts> {
  const byProject = new Map<string, ProjectParts>();
  const of = (id: string): ProjectParts => {
    let own = byProject.get(id);
    if (!own) {
      own = { countries: [], organizations: [], budgets: [], transactions: [], results: [], indicators: [], documents: [] };
      byProject.set(id, own);
    }
    return own;
  };
  for (const row of parts.countries) of(row.project_id).countries.push(row);
  for (const row of parts.organizations) of(row.project_id).organizations.push(row);
  for (const row of parts.budgets) of(row.project_id).budgets.push(row);
  for (const row of parts.transactions) of(row.project_id).transactions.push(row);
  for (const row of parts.results) of(row.project_id).results.push(row);
  for (const row of parts.documents) of(row.owner_id).documents.push(row);
  const projectOfResult = new Map(parts.results.map((r) => [r.id, r.project_id]));
  for (const row of parts.indicators) {
    const project = projectOfResult.get(row.result_id);
    if (project !== undefined) of(project).indicators.push(row);
  }
  return byProject;
}

export const NO_PARTS: ProjectParts = { countries: [], organizations: [], budgets: [], transactions: [], results: [], indicators: [], documents: [] };
