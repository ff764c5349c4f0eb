// A request for assistance from Kenya, restricted to OHCHR and Kenya (the default), entered by
// the administrator through the API: what the authorization, audit and hostile-request tests act on.
import type { TestApp } from './app.ts';
import { ask } from './askers.ts';

export const REQUEST_SOURCE = { title: 'Note verbale of the Permanent Mission of Kenya to OHCHR', url: 'https://example.org/notes/ken-1', kind: 'official' as const, retrieved: '2026-11-30' };

export const KENYA_REQUEST = {
  state: 'KEN',
  authority: 'Office of the Attorney General',
  received: '2026-03-02',
  subject: 'Assistance in drafting a national action plan on business and human rights',
  source: REQUEST_SOURCE,
};

/** Enters a fresh request (version 1, status received) and returns its id. */
export async function kenyaRequest(t: TestApp, adminHeaders: Record<string, string>): Promise<string> {
  const answer = await ask(t, 'POST', '/api/v1/requests', adminHeaders, KENYA_REQUEST);
  if (answer.status !== 200) throw new Error(`request not entered: ${answer.status} ${answer.text}`);
  return answer.body.id as string;
}

/** The first move of a request's workflow, dated on the day it was received. */
export const FIRST_STEP = { status: 'under-assessment', date: '2026-03-02' };
