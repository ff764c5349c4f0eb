// The answers of the projects API, taken from the server's own schemas so the pages and the API
// cannot drift apart.
export type { ProjectSummaryView as ProjectSummary, ProjectView as Project } from '../../../../src/modules/projects/view-schema.ts';
export type { Totals as ProjectTotals } from '../../../../src/modules/projects/totals.ts';
