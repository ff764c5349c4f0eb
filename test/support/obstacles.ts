// An obstacle to ratification (Kenya, the Migrant Workers Convention) and a strategy for it,
// entered by the administrator through the API: what the authorization, audit and hostile-request
// tests act on. Written for the tests: no source states this obstacle.
import type { TestApp } from './app.ts';
import { ask } from './askers.ts';

export const OBSTACLE_SOURCE = { title: 'Conclusions of a workshop (written for the tests)', url: 'https://example.org/workshops/1', kind: 'official' as const, retrieved: '2026-11-30' };

export const KENYA_OBSTACLE = {
  state: 'KEN',
  instruments: ['ICMW'],
  category: 'reporting-burden-and-capacity',
  description: 'The reporting the Convention asks is more than the ministry can carry (written for the tests)',
  identified: '2024-05',
  identifiedBy: 'A regional workshop',
  evidence: [{ kind: 'workshop-conclusions', title: 'Conclusions', url: 'https://example.org/workshops/1.pdf' }],
  source: OBSTACLE_SOURCE,
};

export const KENYA_STRATEGY = { kind: 'reporting-support', description: 'Support to the drafting of the initial report', status: 'planned', start: '2025', source: OBSTACLE_SOURCE };

async function made(answer: { status: number; text: string; body: any }, what: string): Promise<string> {
  if (answer.status !== 200) throw new Error(`${what} not entered: ${answer.status} ${answer.text}`);
  return answer.body.id as string;
}

/** Enters a fresh obstacle (version 1) and returns its id. */
export async function kenyaObstacle(t: TestApp, adminHeaders: Record<string, string>, extra: Record<string, unknown> = {}): Promise<string> {
  return made(await ask(t, 'POST', '/api/v1/obstacles', adminHeaders, { ...KENYA_OBSTACLE, ...extra }), 'obstacle');
}

/** Enters a fresh strategy (version 1) for the obstacle and returns its id. */
export async function kenyaStrategy(t: TestApp, adminHeaders: Record<string, string>, obstacle: string): Promise<string> {
  return made(await ask(t, 'POST', `/api/v1/obstacles/${obstacle}/strategies`, adminHeaders, KENYA_STRATEGY), 'strategy');
}

/** The If-Match of a strategy, from its obstacle's list. */
export async function strategyIfMatch(t: TestApp, adminHeaders: Record<string, string>, obstacle: string, strategy: string): Promise<string> {
  const list = await ask(t, 'GET', `/api/v1/obstacles/${obstacle}/strategies`, adminHeaders);
  return `"v${list.body.items.find((s: { id: string }) => s.id === strategy).version}"`;
}
