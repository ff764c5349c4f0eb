// The six kinds of asker the authorization and confidentiality tests ask as, each a real account
// signed in over HTTP: the anonymous public, a viewer, an editor of another organization (the
// Council of Europe), an editor of the African Union (through a personal API token, so that
// Bearer requests are covered too), a State editor (Kenya: a member of the AU and party to its
// charters) and an administrator (signed in once with the second factor, as a code works once).
import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/schema.ts';
import { createTokenUseCase } from '../../src/modules/accounts/tokens.ts';
import { systemContext } from '../../src/modules/audit/context.ts';
import { runUseCase } from '../../src/modules/audit/pipeline.ts';
import { makeAccount, type Session, signIn, type TestAccount } from './accounts.ts';
import type { TestApp } from './app.ts';

export const ASKERS = ['anonymous', 'viewer', 'otherEditor', 'ownEditor', 'stateEditor', 'admin'] as const;
export type Asker = (typeof ASKERS)[number];

export const ROLES: Record<Exclude<Asker, 'anonymous'>, string[]> = {
  viewer: ['viewer'],
  otherEditor: ['organization-editor:coe'],
  ownEditor: ['organization-editor:au'],
  stateEditor: ['state-editor:KEN'],
  admin: ['admin'],
};

export interface Askers {
  accounts: Record<Exclude<Asker, 'anonymous'>, TestAccount>;
  /** Headers that authenticate a request as the asker (with the CSRF token and JSON for a cookie session). */
  headers: Record<Asker, Record<string, string>>;
  /** Sessions of the cookie askers (the administrator's was opened with the step's one code). */
  sessions: Partial<Record<Asker, Session>>;
}

export async function setUpAskers(t: TestApp, prefix: string): Promise<Askers> {
  const db: Kysely<Database> = t.db.db;
  const accounts = {} as Askers['accounts'];
  for (const [who, roles] of Object.entries(ROLES) as [Exclude<Asker, 'anonymous'>, string[]][]) {
    accounts[who] = await makeAccount(db, `${prefix}-${who.toLowerCase()}@example.org`, roles);
  }
  const headers: Partial<Askers['headers']> = { anonymous: { 'Content-Type': 'application/json' } };
  const sessions: Askers['sessions'] = {};
  for (const who of ['viewer', 'otherEditor', 'stateEditor', 'admin'] as const) {
    const session = await signIn(t.app, accounts[who]);
    sessions[who] = session;
    headers[who] = session.write;
  }
  const { token } = await runUseCase(db, createTokenUseCase, { actor: 'system', userId: accounts.ownEditor.id, name: 'matrix', days: 1 }, systemContext('test'));
  headers.ownEditor = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
  return { accounts, headers: headers as Askers['headers'], sessions };
}

export interface Answer {
  status: number;
  headers: Headers;
  /** The body as sent. */
  text: string;
  /** The body parsed as JSON (null when it is not JSON). */
  body: any;
}

/** One request through the app, as `headers` authenticate it. */
export async function ask(t: TestApp, method: string, path: string, headers: Record<string, string>, body?: unknown, extra: Record<string, string> = {}): Promise<Answer> {
  const response = await t.app.request(path, { method, headers: { ...headers, ...extra }, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) });
  const text = await response.text();
  let parsed: unknown = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = null;
  }
  return { status: response.status, headers: response.headers, text, body: parsed };
}

/** Every operation of the OpenAPI document the server serves, as `METHOD /path`. */
export async function documentedOperations(t: TestApp): Promise<string[]> {
  const doc = (await t.get('/api/v1/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
  return Object.entries(doc.paths).flatMap(([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`));
}
