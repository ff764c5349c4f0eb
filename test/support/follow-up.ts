// One recommendation to Kenya and one to France, imported for the tests of the follow-up's routes (a UPR Info
// export of one row written for them), and valid bodies for each of those routes.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importUprInfo } from '../../src/importers/upr-info/import.ts';
import { systemContext } from '../../src/modules/audit/context.ts';
import type { TestApp } from './app.ts';

/** Imports a recommendation to Kenya and one to France in the given UPR session and answers the id of Kenya's. */
export async function kenyaRecommendation(t: TestApp, session: number): Promise<string> {
  const path = join(mkdtempSync(join(tmpdir(), 'accord-follow-up-')), `follow-up-${session}.csv`);
  writeFileSync(
    path,
    `To,Text,From,Response,Session\nKenya,Adopt a national action plan on human rights (written for the tests),Brazil,Accepted,${session}\nFrance,Adopt a national action plan on human rights (written for the tests),Brazil,Accepted,${session}\n`,
  );
  await importUprInfo(t.db.db, path, { context: systemContext('test') });
  const row = await t.db.db.selectFrom('recommendation').select('id').where('state_iso3', '=', 'KEN').where('session', '=', session).executeTakeFirstOrThrow();
  return row.id;
}

export const FOLLOW_UP_BODIES = {
  statuses: { status: 'in-progress', holdsFrom: '2024-02', note: 'A bill is before Parliament' },
  entities: { name: 'Office of the Attorney General', state: 'KEN' },
  actions: { date: '2024-03', description: 'Draft plan published for comment', evidenceUrl: 'https://example.org/ken/plan', evidenceText: 'Gazette notice' },
  projects: { title: 'Support to the national action plan', url: 'https://example.org/projects/ken-nap', projectId: 'XM-EXAMPLE-1' },
} as const;

/** A bulk assignment: every recommendation to Kenya in the session. */
export const kenyaAssignment = (session: number) => ({ filter: { state: 'KEN', session: String(session) }, status: { status: 'not-started', holdsFrom: '2023' } });

/** A valid body of a withdrawal. */
export const WITHDRAWAL = { reason: 'Recorded by mistake (written for the tests)' } as const;

/** Records a new status of the recommendation as `headers` (an administrator's) and answers the address that withdraws it. */
export async function withdrawalPath(t: TestApp, headers: Record<string, string>, recommendation: string): Promise<string> {
  const added = await t.app.request(`/api/v1/recommendations/${recommendation}/follow-up/statuses`, { method: 'POST', headers, body: JSON.stringify(FOLLOW_UP_BODIES.statuses) });
  if (added.status !== 200) throw new Error(`the status to withdraw was not recorded: ${added.status} ${await added.text()}`);
  const { id } = (await added.json()) as { id: number };
  return `/api/v1/recommendations/${recommendation}/follow-up/statuses/${id}/withdrawal`;
}
