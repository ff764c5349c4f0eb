// Drafts of the report for the cross-cutting tests: one made over HTTP by the given asker, with a
// version saved when asked.
import type { TestApp } from './app.ts';
import { ask } from './askers.ts';

export const DRAFT_BODY = { name: 'Sixty-first session (test)', session: 61, asOf: '2006-06-30', regions: ['002'] };
/** A fingerprint of the form the API takes (a rewritten section names the generated one it was written over). */
export const BASED_ON = '0123456789abcdef';
export const REPORT_PATH = '/api/v1/reports/regional-arrangements?session=61&asOf=2006-06-30&regions=002';

export async function newDraft(t: TestApp, headers: Record<string, string>, withVersion = false): Promise<string> {
  const made = await ask(t, 'POST', '/api/v1/report-drafts', headers, DRAFT_BODY);
  if (made.status !== 200) throw new Error(`making a report draft: ${made.status} ${made.text}`);
  const id = made.body.id as string;
  if (withVersion) {
    const saved = await ask(t, 'POST', `/api/v1/report-drafts/${id}/versions`, headers, { note: 'test' }, { 'If-Match': '"v1"' });
    if (saved.status !== 200) throw new Error(`saving a version: ${saved.status} ${saved.text}`);
  }
  return id;
}
