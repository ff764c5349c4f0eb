// Two `accord serve` processes on one PostgreSQL behave as one: a session opened on one works on
// the other and ends on both, a write through one is seen through the other on the very next
// request (cached answers included), a lock-out on one holds on the other, and a revoked token
// or a deactivated account stops on both at once. Over real HTTP, on loopback. PostgreSQL only
// (SQLite is one file for one server); skipped, saying why, when its server cannot be reached.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { redactUrl } from '../../src/db/connection.ts';
import { systemContext } from '../../src/modules/audit/context.ts';
import { updateOrganization } from '../../src/modules/organizations/write.ts';
import { codeFor, makeAccount, PASSWORD, type TestAccount } from '../support/accounts.ts';
import { createTestDb, DEFAULT_TEST_DATABASE_URL, type TestDb, testDialects } from '../support/databases.ts';
import { startAccord, type RunningServer } from '../support/server.ts';

const ADMIN_URL = process.env.TEST_DATABASE_URL || DEFAULT_TEST_DATABASE_URL;

/** Why the test cannot run here, or null when it can. */
async function whyNot(): Promise<string | null> {
  if (!testDialects().includes('postgres')) return 'two servers need one PostgreSQL, and TEST_DIALECTS leaves it out';
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.end();
    return null;
  } catch (error) {
    return `two servers need one PostgreSQL, and ${redactUrl(ADMIN_URL)} (TEST_DATABASE_URL) cannot be reached: ${(error as Error).message}`;
  }
}

const cannotRun = await whyNot();

interface Answer {
  status: number;
  headers: Headers;
  /** JSON answers of several shapes, checked field by field. */
  body: any;
}

async function call(server: RunningServer, path: string, init: RequestInit = {}): Promise<Answer> {
  const response = await fetch(server.url + path, init);
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text };
}

interface Session {
  cookie: string;
  write: Record<string, string>;
}

const json = { 'Content-Type': 'application/json' };

async function signIn(server: RunningServer, account: TestAccount): Promise<Session> {
  const code = account.totpSecret ? codeFor(account) : undefined;
  const answer = await call(server, '/api/v1/auth/login', { method: 'POST', headers: json, body: JSON.stringify({ email: account.email, password: account.password, code }) });
  assert.equal(answer.status, 200, `sign-in of ${account.email}: ${JSON.stringify(answer.body)}`);
  const cookie = (answer.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return { cookie, write: { ...json, Cookie: cookie, 'X-CSRF-Token': answer.body.csrfToken } };
}

/** Who the server takes the sender of these headers for (null: the anonymous public). */
async function whoIs(server: RunningServer, headers: Record<string, string>): Promise<string | null> {
  const answer = await call(server, '/api/v1/auth/me', { headers });
  return answer.status === 200 ? (answer.body.user?.id ?? null) : null;
}

describe('two servers on one PostgreSQL', { skip: cannotRun ?? false }, () => {
  let database: TestDb;
  let a: RunningServer | undefined;
  let b: RunningServer | undefined;
  let admin: TestAccount;
  let person: TestAccount;

  before(async () => {
    database = await createTestDb('postgres');
    a = await startAccord(database.url);
    admin = await makeAccount(database.db, 'admin@example.org', ['admin']);
    person = await makeAccount(database.db, 'person@example.org', ['state-editor:KEN']);
  });
  after(async () => {
    await Promise.allSettled([a?.stop(), b?.stop()]);
    await database?.drop();
  });

  test('the second server starts on the seeded database without seeding it again', async () => {
    const first = await call(a!, '/api/v1/organizations/au');
    assert.equal(first.status, 200);
    const etag = first.headers.get('etag')!;
    b = await startAccord(database.url);
    assert.match(b.output(), /reference data already up to date/);
    assert.doesNotMatch(b.output(), /migrations applied|loaded from the shipped snapshot/);
    // Nothing was rewritten: the versions are unchanged, so a validator from A holds on both.
    assert.equal((await call(a!, '/api/v1/organizations/au', { headers: { 'If-None-Match': etag } })).status, 304);
    assert.equal((await call(b, '/api/v1/organizations/au', { headers: { 'If-None-Match': etag } })).status, 304);
  });

  test('a session opened on A works on B; signing out on B ends it on A', async () => {
    const session = await signIn(a!, person);
    assert.equal(await whoIs(b!, { Cookie: session.cookie }), person.id);
    const out = await call(b!, '/api/v1/auth/logout', { method: 'POST', headers: session.write, body: '{}' });
    assert.equal(out.status, 200);
    assert.equal(out.body.ended, 1);
    assert.equal(await whoIs(a!, { Cookie: session.cookie }), null);
  });

  test('a write through A is seen through B on the next request, cached answers included', async () => {
    const session = await signIn(a!, person);
    const seen = await call(b!, `/api/v1/users/${person.id}`, { headers: { Cookie: session.cookie } });
    assert.equal(seen.body.lang, 'en');
    const changed = await call(a!, `/api/v1/users/${person.id}`, {
      method: 'PATCH',
      headers: { ...session.write, 'If-Match': seen.headers.get('etag')! },
      body: JSON.stringify({ lang: 'fr' }),
    });
    assert.equal(changed.status, 200, JSON.stringify(changed.body));
    assert.equal((await call(b!, `/api/v1/users/${person.id}`, { headers: { Cookie: session.cookie } })).body.lang, 'fr');

    // A cached registry answer: B and A hold it (a 304 says so), then another process writes
    // (as `accord organization update` does), and both answer the new value at once.
    const before = await call(b!, '/api/v1/organizations/au');
    const etag = before.headers.get('etag')!;
    for (const server of [a!, b!]) assert.equal((await call(server, '/api/v1/organizations/au', { headers: { 'If-None-Match': etag } })).status, 304);
    await updateOrganization(database.db, { id: 'au', website: 'https://au.example.org/', source: 'pkg-i18n-iso-countries', expectedVersion: before.body.version }, systemContext('test'));
    for (const server of [b!, a!]) {
      const after = await call(server, '/api/v1/organizations/au', { headers: { 'If-None-Match': etag } });
      assert.equal(after.status, 200, 'the old validator no longer matches');
      assert.equal(after.body.website, 'https://au.example.org/');
    }
  });

  test('five failed sign-ins through A lock the account on B too', async () => {
    const locked = await makeAccount(database.db, 'locked@example.org');
    for (let i = 0; i < 5; i++) {
      const wrong = await call(a!, '/api/v1/auth/login', { method: 'POST', headers: json, body: JSON.stringify({ email: locked.email, password: `wrong password ${i}!` }) });
      assert.equal(wrong.status, 401);
    }
    const right = await call(b!, '/api/v1/auth/login', { method: 'POST', headers: json, body: JSON.stringify({ email: locked.email, password: PASSWORD }) });
    assert.equal(right.status, 429);
    assert.ok(Number(right.headers.get('retry-after')) > 0, 'Retry-After says when to try again');
  });

  test('a token revoked through A is refused by B at once', async () => {
    const session = await signIn(a!, person);
    const made = await call(a!, '/api/v1/auth/tokens', { method: 'POST', headers: session.write, body: JSON.stringify({ name: 'two servers' }) });
    assert.equal(made.status, 200);
    const bearer = { Authorization: `Bearer ${made.body.token}` };
    assert.equal(await whoIs(b!, bearer), person.id);
    assert.equal((await call(a!, `/api/v1/auth/tokens/${made.body.id}`, { method: 'DELETE', headers: session.write })).status, 200);
    assert.equal((await call(b!, '/api/v1/auth/me', { headers: bearer })).status, 401);
  });

  test('a user deactivated through B has their session on A end at once', async () => {
    const session = await signIn(a!, person);
    assert.equal(await whoIs(a!, { Cookie: session.cookie }), person.id);
    const adminSession = await signIn(b!, admin);
    const version = (await call(b!, `/api/v1/users/${person.id}`, { headers: { Cookie: adminSession.cookie } })).headers.get('etag')!;
    const deactivated = await call(b!, `/api/v1/users/${person.id}`, {
      method: 'PATCH',
      headers: { ...adminSession.write, 'If-Match': version },
      body: JSON.stringify({ status: 'deactivated' }),
    });
    assert.equal(deactivated.status, 200, JSON.stringify(deactivated.body));
    assert.equal(await whoIs(a!, { Cookie: session.cookie }), null);
  });
});
