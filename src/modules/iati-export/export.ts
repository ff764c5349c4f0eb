// Projects as an IATI 2.03 activity file, written a page of projects at a time: what is held in
// memory is one page and its parts, however many projects there are (20,000 in the benchmark).
// The reader's view decides which projects are in it: the public gets the public ones.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { activityXml, type ReportingOrg } from './activity-xml.ts';
import { NO_PARTS, partsByProject, partsOfProjects, projectPage } from './repository.ts';

export const IATI_PAGE = 200;

export async function* iatiActivities(db: Kysely<Database>, reporting: ReportingOrg, now = new Date()): AsyncGenerator<string> {
  const generated = now.toISOString().replace(/\.\d{3}Z$/, 'Z');
  yield `<?xml version="1.0" encoding="UTF-8"?>\n<iati-activities version="2.03" generated-datetime="${generated}">\n`;
  let after: string | null = null;
  for (;;) {
    const page = await projectPage(db, after, IATI_PAGE);
    if (page.length === 0) break;
    const parts = await partsOfProjects(
      db,
      page.map((p) => p.id),
    );
    const own = partsByProject(parts);
    yield page.map((project) => activityXml(project, own.get(project.id) ?? NO_PARTS, reporting, `${project.updated_at.slice(0, 19)}Z`)).join('');
    after = page.at(-1)!.id;
    if (page.length < IATI_PAGE) break;
  }
  yield '</iati-activities>\n';
}
