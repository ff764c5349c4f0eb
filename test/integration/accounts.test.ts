// Accounts over HTTP on each database: signing in and out, sessions and tokens that end when
// they should, two-factor sign-in for administrators, the lock-out after failed sign-ins, CSRF,
// versions on updates, erasure, and one audit record per change that names no personal data.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { auditTrail } from '../../src/modules/audit/service.ts';
import { codeFor, makeAccount, PASSWORD, type Session, signIn, type TestAccount } from '../support/accounts.ts';
import { seededApp, type TestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';

const json = { 'Content-Type': 'application/json' };

for (const dialect of testDialects()) {
  describe(`accounts on ${dialect}`, () => {
    let t: TestApp;
    let admin: TestAccount;
    let editor: TestAccount;
    // One code per 30-second step: the administrator signs in once (a second sign-in in the same
    // step would be a replay).
    let adminSession: Session;
    const errors: string[] = [];

    async function call(path: string, init: RequestInit = {}) {
      const response = await t.app.request(path, init);
      const text = await response.text();
      return { status: response.status, headers: response.headers, body: text && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text };
    }
    const login = (body: unknown) => call('/api/v1/auth/login', { method: 'POST', headers: json, body: JSON.stringify(body) });
    const lastAudit = async () => (await auditTrail(t.db.db, { limit: 1 }))[0];
    const auditCount = async () => (await auditTrail(t.db.db, { limit: 10000 })).length;

    before(async () => {
      t = await seededApp(dialect, errors);
      admin = await makeAccount(t.db.db, 'admin@example.org', ['admin']);
      editor = await makeAccount(t.db.db, 'Secretariat@Example.org', ['organization-editor:au']);
      adminSession = await signIn(t.app, admin);
    });
    after(async () => {
      assert.deepEqual(errors, [], 'no server errors');
      await t.db.drop();
    });

    test('signing in sets an HttpOnly, SameSite cookie; me says who and what they may do', async () => {
      const response = await t.app.request('/api/v1/auth/login', { method: 'POST', headers: json, body: JSON.stringify({ email: 'secretariat@example.org', password: PASSWORD }) });
      assert.equal(response.status, 200);
      const cookie = response.headers.get('set-cookie') ?? '';
      assert.match(cookie, /^accord_session=acs_[\w-]{43};/);
      assert.match(cookie, /HttpOnly/);
      assert.match(cookie, /SameSite=Strict/);
      assert.doesNotMatch(cookie, /Secure/, 'not over plain http');
      assert.equal(response.headers.get('cache-control'), 'no-store');
      const body = (await response.json()) as { user: { email: string; roles: string[] }; can: { editScopes: string[]; manageUsers: boolean } };
      assert.equal(body.user.email, 'secretariat@example.org', 'e-mails are matched without case');
      assert.deepEqual(body.user.roles, ['organization-editor:au']);
      assert.deepEqual(body.can.editScopes, ['organization:au']);
      assert.equal(body.can.manageUsers, false);
      const text = JSON.stringify(body);
      assert.doesNotMatch(text, /argon2|password_hash|acs_/, 'no hash and no secret in the answer');

      const me = await call('/api/v1/auth/me', { headers: { Cookie: cookie.split(';')[0] ?? '' } });
      assert.equal(me.body.user.id, editor.id);
      assert.equal(me.body.via, 'session');
      const anonymous = await call('/api/v1/auth/me');
      assert.equal(anonymous.body.user, null);
    });

    test('over HTTPS the cookie is Secure', async () => {
      const response = await t.app.request('https://accord.example/api/v1/auth/login', { method: 'POST', headers: json, body: JSON.stringify({ email: editor.email, password: PASSWORD }) });
      assert.equal(response.status, 200);
      assert.match(response.headers.get('set-cookie') ?? '', /Secure/);
    });

    test('a wrong password and an unknown e-mail get the same answer', async () => {
      const wrong = await login({ email: editor.email, password: 'not the password at all' });
      const unknown = await login({ email: 'nobody@example.org', password: 'not the password at all' });
      assert.equal(wrong.status, 401);
      assert.equal(unknown.status, 401);
      assert.equal(wrong.body.error.message, unknown.body.error.message);
      await t.db.db.deleteFrom('throttle').execute();
    });

    test('administrators need their second factor, and a code works once', async () => {
      const without = await login({ email: admin.email, password: PASSWORD });
      assert.equal(without.status, 401);
      assert.equal(without.body.error.details[0].field, 'code');
      const code = codeFor(admin, 1); // the current step was used in before()
      assert.equal((await login({ email: admin.email, password: PASSWORD, code })).status, 200);
      assert.equal((await login({ email: admin.email, password: PASSWORD, code })).status, 401, 'the same code again');
      await t.db.db.deleteFrom('throttle').execute();
    });

    test('five failed sign-ins lock the account, even for the right password, with Retry-After', async () => {
      const victim = await makeAccount(t.db.db, 'locked@example.org', ['viewer']);
      for (let i = 0; i < 5; i++) assert.equal((await login({ email: victim.email, password: `wrong password ${i}!` })).status, 401);
      const locked = await login({ email: victim.email, password: PASSWORD });
      assert.equal(locked.status, 429);
      assert.ok(Number(locked.headers.get('retry-after')) > 0);
      const other = await login({ email: editor.email, password: PASSWORD });
      assert.equal(other.status, 200, 'another account from the same address is not locked after 5');
      await t.db.db.deleteFrom('throttle').execute();
    });

    test('a cookie write needs the CSRF token and this origin; a Bearer token needs neither', async () => {
      const session = await signIn(t.app, editor);
      const body = JSON.stringify({ name: 'csrf test' });
      assert.equal((await call('/api/v1/auth/tokens', { method: 'POST', headers: { ...json, Cookie: session.cookie }, body })).status, 403);
      assert.equal((await call('/api/v1/auth/tokens', { method: 'POST', headers: { ...json, Cookie: session.cookie, 'X-CSRF-Token': 'forged' }, body })).status, 403);
      assert.equal((await call('/api/v1/auth/tokens', { method: 'POST', headers: { ...session.write, Origin: 'https://evil.example' }, body })).status, 403);
      const made = await call('/api/v1/auth/tokens', { method: 'POST', headers: session.write, body });
      assert.equal(made.status, 200);
      assert.match(made.body.token, /^act_[\w-]{43}$/);
      const viaToken = await call('/api/v1/auth/tokens', { method: 'POST', headers: { ...json, Authorization: `Bearer ${made.body.token}` }, body: JSON.stringify({ name: 'second', days: 1 }) });
      assert.equal(viaToken.status, 200);
      const list = await call('/api/v1/auth/tokens', { headers: { Authorization: `Bearer ${made.body.token}` } });
      assert.ok(list.body.items.length >= 2);
      assert.doesNotMatch(JSON.stringify(list.body), /act_/, 'a token is shown once, never listed');
      const seenByAdmin = await call(`/api/v1/users/${editor.id}/tokens`, { headers: { Cookie: adminSession.cookie } });
      assert.deepEqual(
        seenByAdmin.body.items.map((token: { id: string }) => token.id).sort(),
        list.body.items.map((token: { id: string }) => token.id).sort(),
        "an administrator sees an account's tokens",
      );
      assert.doesNotMatch(JSON.stringify(seenByAdmin.body), /act_/);
      assert.equal((await call(`/api/v1/users/${admin.id}/tokens`, { headers: { Authorization: `Bearer ${made.body.token}` } })).status, 403, "not another account's");
    });

    test('tokens: revoked or expired ones are refused with 401; a malformed header too', async () => {
      const session = await signIn(t.app, editor);
      const made = (await call('/api/v1/auth/tokens', { method: 'POST', headers: session.write, body: JSON.stringify({ name: 'to revoke' }) })).body;
      const bearer = { Authorization: `Bearer ${made.token}` };
      assert.equal((await call('/api/v1/auth/me', { headers: bearer })).body.via, 'token');
      const before = await auditCount();
      assert.equal((await call(`/api/v1/auth/tokens/${made.id}`, { method: 'DELETE', headers: session.write })).status, 200);
      assert.equal(await auditCount(), before + 1);
      assert.equal((await call('/api/v1/auth/me', { headers: bearer })).status, 401);
      const old = (await call('/api/v1/auth/tokens', { method: 'POST', headers: session.write, body: JSON.stringify({ name: 'expired' }) })).body;
      await t.db.db.updateTable('api_token').set({ expires_at: '2020-01-01T00:00:00.000Z' }).where('id', '=', old.id).execute();
      assert.equal((await call('/api/v1/states', { headers: { Authorization: `Bearer ${old.token}` } })).status, 401);
      assert.equal((await call('/api/v1/states', { headers: { Authorization: 'Basic abc' } })).status, 401);
      assert.equal((await call('/api/v1/auth/tokens', { method: 'POST', headers: session.write, body: JSON.stringify({ name: 'x', days: 400 }) })).status, 400);
    });

    test('sessions end after an hour idle, at their maximum, on sign-out, and everywhere', async () => {
      const first = await signIn(t.app, editor);
      const second = await signIn(t.app, editor);
      const me = (s: { cookie: string }) => call('/api/v1/auth/me', { headers: { Cookie: s.cookie } }).then((r) => r.body.user?.id ?? null);
      assert.equal(await me(first), editor.id);
      const out = await call('/api/v1/auth/logout', { method: 'POST', headers: first.write, body: '{}' });
      assert.equal(out.status, 200);
      assert.match(out.headers.get('set-cookie') ?? '', /accord_session=;/);
      assert.equal(await me(first), null);
      assert.equal(await me(second), editor.id, 'the other session goes on');

      const third = await signIn(t.app, editor);
      const everywhere = await call('/api/v1/auth/logout', { method: 'POST', headers: third.write, body: JSON.stringify({ everywhere: true }) });
      assert.ok(everywhere.body.ended >= 2);
      assert.equal(await me(second), null);

      const idle = await signIn(t.app, editor);
      await t.db.db
        .updateTable('user_session')
        .set({ last_seen_at: new Date(Date.now() - 61 * 60 * 1000).toISOString() })
        .where('user_id', '=', editor.id)
        .execute();
      assert.equal(await me(idle), null, 'idle for an hour');
      const old = await signIn(t.app, editor);
      await t.db.db
        .updateTable('user_session')
        .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
        .where('user_id', '=', editor.id)
        .execute();
      assert.equal(await me(old), null, 'past its maximum');
    });

    test('deactivation ends sessions and tokens at once; only administrators may do it', async () => {
      const person = await makeAccount(t.db.db, 'leaving@example.org', ['state-editor:KEN']);
      const session = await signIn(t.app, person);
      const token = (await call('/api/v1/auth/tokens', { method: 'POST', headers: session.write, body: JSON.stringify({ name: 'x' }) })).body.token;
      const version = (await call(`/api/v1/users/${person.id}`, { headers: { Cookie: session.cookie } })).headers.get('etag') ?? '';
      assert.match(version, /^"v\d+"$/);
      const selfDeactivate = await call(`/api/v1/users/${person.id}`, { method: 'PATCH', headers: { ...session.write, 'If-Match': version }, body: JSON.stringify({ status: 'deactivated' }) });
      assert.equal(selfDeactivate.status, 403);

      const patch = (headers: Record<string, string>, body: unknown) =>
        call(`/api/v1/users/${person.id}`, { method: 'PATCH', headers: { ...adminSession.write, ...headers }, body: JSON.stringify(body) });
      assert.equal((await patch({}, { status: 'deactivated' })).status, 428);
      const stale = await patch({ 'If-Match': '"v999"' }, { status: 'deactivated' });
      assert.equal(stale.status, 412);
      assert.equal(stale.headers.get('etag'), version);
      assert.equal(stale.body.current.id, person.id);
      const before = await auditCount();
      assert.equal((await patch({ 'If-Match': version }, { status: 'deactivated' })).status, 200);
      assert.equal(await auditCount(), before + 1);
      const record = await lastAudit();
      assert.deepEqual([record?.useCase, record?.actor, record?.before, record?.after], ['accounts.update-user', `user:${admin.id}`, { status: 'active' }, { status: 'deactivated' }]);
      assert.equal((await call('/api/v1/auth/me', { headers: { Cookie: session.cookie } })).body.user, null);
      assert.equal((await call('/api/v1/auth/me', { headers: { Authorization: `Bearer ${token}` } })).status, 401);
      assert.equal((await login({ email: person.email, password: PASSWORD })).status, 401);
      await t.db.db.deleteFrom('throttle').execute();
    });

    test('roles: validated, and an administrator needs a second factor first', async () => {
      const person = await makeAccount(t.db.db, 'promoted@example.org');
      const etag = (await call(`/api/v1/users/${person.id}`, { headers: adminSession.write })).headers.get('etag') ?? '';
      const patch = (body: unknown) => call(`/api/v1/users/${person.id}`, { method: 'PATCH', headers: { ...adminSession.write, 'If-Match': etag }, body: JSON.stringify(body) });
      const bad = await patch({ roles: ['organization-editor:nowhere', 'state-editor', 'emperor'] });
      assert.equal(bad.status, 400);
      assert.equal(bad.body.error.details[0].field, 'roles[1]');
      const noScope = await patch({ roles: ['organization-editor:nowhere'] });
      assert.deepEqual(noScope.body.error.details, [{ field: 'roles[0]', reason: 'no organization "nowhere" in the registry' }]);
      const toAdmin = await patch({ roles: ['admin'] });
      assert.equal(toAdmin.status, 400);
      assert.match(toAdmin.body.error.details[0].reason, /two-factor/);
      const ok = await patch({ roles: ['viewer', 'state-editor:fra'] });
      assert.equal(ok.status, 200);
      const user = await call(`/api/v1/users/${person.id}`, { headers: adminSession.write });
      assert.deepEqual(user.body.roles, ['state-editor:FRA', 'viewer']);
    });

    test('the last administrator cannot be demoted, deactivated or erased', async () => {
      const etag = (await call(`/api/v1/users/${admin.id}`, { headers: adminSession.write })).headers.get('etag') ?? '';
      const demote = await call(`/api/v1/users/${admin.id}`, { method: 'PATCH', headers: { ...adminSession.write, 'If-Match': etag }, body: JSON.stringify({ roles: ['viewer'] }) });
      assert.equal(demote.status, 400);
      assert.equal((await call(`/api/v1/users/${admin.id}/erase`, { method: 'POST', headers: adminSession.write })).status, 400);
    });

    test('a password change ends the other sessions; a reset by an administrator ends them all', async () => {
      const person = await makeAccount(t.db.db, 'changer@example.org', ['viewer']);
      const a = await signIn(t.app, person);
      const b = await signIn(t.app, person);
      const wrong = await call('/api/v1/auth/password', { method: 'POST', headers: a.write, body: JSON.stringify({ currentPassword: 'not it at all', newPassword: 'a brand new passphrase' }) });
      assert.equal(wrong.status, 400);
      const short = await call('/api/v1/auth/password', { method: 'POST', headers: a.write, body: JSON.stringify({ currentPassword: PASSWORD, newPassword: 'short' }) });
      assert.deepEqual(short.body.error.details, [{ field: 'newPassword', reason: 'must be at least 12 characters' }]);
      const changed = await call('/api/v1/auth/password', { method: 'POST', headers: a.write, body: JSON.stringify({ currentPassword: PASSWORD, newPassword: 'a brand new passphrase' }) });
      assert.deepEqual(changed.body, { sessionsEnded: 1 });
      assert.equal((await call('/api/v1/auth/me', { headers: { Cookie: a.cookie } })).body.user.id, person.id);
      assert.equal((await call('/api/v1/auth/me', { headers: { Cookie: b.cookie } })).body.user, null);
      assert.equal((await login({ email: person.email, password: 'a brand new passphrase' })).status, 200);

      const notAdmin = await call(`/api/v1/users/${person.id}/password`, { method: 'POST', headers: a.write, body: JSON.stringify({ newPassword: 'reset by someone else' }) });
      assert.equal(notAdmin.status, 403);
      const reset = await call(`/api/v1/users/${person.id}/password`, { method: 'POST', headers: adminSession.write, body: JSON.stringify({ newPassword: 'reset by the administrator' }) });
      assert.equal(reset.status, 200);
      assert.equal((await call('/api/v1/auth/me', { headers: { Cookie: a.cookie } })).body.user, null);
      const audit = await auditTrail(t.db.db, { entityKind: 'user', entityId: person.id, limit: 10 });
      assert.doesNotMatch(JSON.stringify(audit), /passphrase|administrator'|argon2/, 'no password in the trail');
    });

    test('two-factor sign-in can be set up by its holder with a code', async () => {
      const person = await makeAccount(t.db.db, 'careful@example.org', ['viewer']);
      const session = await signIn(t.app, person);
      const drawn = await call('/api/v1/auth/two-factor/secret', { method: 'POST', headers: session.write });
      assert.match(drawn.body.secret, /^[A-Z2-7]{32}$/);
      const wrong = await call('/api/v1/auth/two-factor', { method: 'POST', headers: session.write, body: JSON.stringify({ secret: drawn.body.secret, code: '000000' }) });
      assert.equal(wrong.status, 400);
      const withSecret = { ...person, totpSecret: drawn.body.secret as string };
      const ok = await call('/api/v1/auth/two-factor', { method: 'POST', headers: session.write, body: JSON.stringify({ secret: drawn.body.secret, code: codeFor(withSecret) }) });
      assert.deepEqual(ok.body, { twoFactor: true });
      assert.equal((await login({ email: person.email, password: PASSWORD })).status, 401, 'now a code is needed');
      assert.equal((await login({ email: person.email, password: PASSWORD, code: codeFor(withSecret, 1) })).status, 200);
    });

    test('erasure removes personal data and the trail keeps only that it happened', async () => {
      const person = await makeAccount(t.db.db, 'maria.example@example.org', ['organization-editor:coe']);
      const session = await signIn(t.app, person);
      await call('/api/v1/auth/tokens', { method: 'POST', headers: session.write, body: JSON.stringify({ name: 'Maria laptop' }) });
      const before = await auditCount();
      const erased = await call(`/api/v1/users/${person.id}/erase`, { method: 'POST', headers: adminSession.write });
      assert.deepEqual(erased.body, { erased: person.id });
      assert.equal(await auditCount(), before + 1);
      const user = await call(`/api/v1/users/${person.id}`, { headers: adminSession.write });
      assert.equal(user.body.email, null);
      assert.equal(user.body.status, 'erased');
      assert.deepEqual(user.body.roles, []);
      assert.equal((await call('/api/v1/auth/me', { headers: { Cookie: session.cookie } })).body.user, null);
      const rows = await sql<{ text: string }>`select summary || coalesce(before, '') || coalesce(after, '') || actor as text from audit_record`.execute(t.db.db);
      assert.ok(!rows.rows.some((r) => /maria/i.test(r.text)), 'the e-mail and the name are nowhere in the trail');
      const record = await lastAudit();
      assert.equal(record?.useCase, 'accounts.erase');
      assert.equal((await call(`/api/v1/users/${person.id}/erase`, { method: 'POST', headers: adminSession.write })).status, 404);
    });

    test('administrators make accounts; others may not list or make them', async () => {
      const session = await signIn(t.app, editor);
      assert.equal((await call('/api/v1/users', { headers: { Cookie: session.cookie } })).status, 403);
      assert.equal((await call('/api/v1/users')).status, 401);
      const made = await call('/api/v1/users', {
        method: 'POST',
        headers: adminSession.write,
        body: JSON.stringify({ email: 'new.admin@example.org', displayName: 'New', lang: 'ar', password: 'a long enough password', roles: ['admin'] }),
      });
      assert.equal(made.status, 200);
      assert.match(made.body.twoFactorSecret, /^[A-Z2-7]{32}$/);
      const again = await call('/api/v1/users', {
        method: 'POST',
        headers: adminSession.write,
        body: JSON.stringify({ email: 'NEW.admin@example.org', displayName: 'New', lang: 'ar', password: 'a long enough password', roles: [] }),
      });
      assert.deepEqual(again.body.error.details, [{ field: 'email', reason: 'an account with this e-mail exists' }]);
      const list = await call('/api/v1/users', { headers: adminSession.write });
      assert.ok(list.body.items.some((u: { email: string }) => u.email === 'new.admin@example.org'));
      assert.doesNotMatch(JSON.stringify(list.body), /argon2|totp_secret|[A-Z2-7]{32}/);
    });

    test('the audit trail: administrators only, filtered by entity, actor and period, and as CSV', async () => {
      const editorSession = await signIn(t.app, editor);
      assert.equal((await call('/api/v1/audit')).status, 401);
      assert.equal((await call('/api/v1/audit', { headers: { Cookie: editorSession.cookie } })).status, 403);
      const get = (q: string) => call(`/api/v1/audit${q}`, { headers: { Cookie: adminSession.cookie } });
      const byEntity = await get(`?entity=user&id=${editor.id}`);
      assert.ok(byEntity.body.items.length >= 1);
      assert.ok(byEntity.body.items.every((r: { entityKind: string; entityId: string }) => r.entityKind === 'user' && r.entityId === editor.id));
      const byActor = await get(`?actor=user:${admin.id}&limit=2`);
      assert.equal(byActor.body.items.length, 2);
      assert.ok(byActor.body.next);
      const nextPage = await get(`?actor=user:${admin.id}&limit=2&before=${byActor.body.next}`);
      assert.ok(nextPage.body.items.every((r: { id: number }) => r.id < Number(byActor.body.next)));
      const today = new Date().toISOString().slice(0, 10);
      assert.ok((await get(`?since=${today}&until=${today}`)).body.items.length > 0);
      assert.equal((await get('?until=2000-01-01')).body.items.length, 0);
      assert.equal((await get('?since=yesterday')).status, 400);
      const csv = await call(`/api/v1/audit?format=csv&entity=user`, { headers: { Cookie: adminSession.cookie } });
      assert.equal(csv.status, 200);
      assert.match(csv.headers.get('content-type') ?? '', /^text\/csv/);
      const lines = String(csv.body).trim().split('\r\n');
      assert.equal(lines[0], 'id,at,actor,osUser,requestId,reason,useCase,action,entityKind,entityId,summary,before,after');
      assert.ok(lines.length > 3);
    });

    test('bodies: too large, not JSON, malformed, unknown fields: 4xx naming the problem', async () => {
      const session = await signIn(t.app, editor);
      const post = (body: string, headers: Record<string, string> = {}) => call('/api/v1/auth/tokens', { method: 'POST', headers: { ...session.write, ...headers }, body });
      assert.equal((await post('x'.repeat(70 * 1024))).status, 413);
      assert.equal((await post('{"name":"x"}', { 'Content-Type': 'text/plain' })).status, 400);
      assert.equal((await post('{"name":')).status, 400);
      const unknown = await post(JSON.stringify({ name: 'x', admin: true }));
      assert.deepEqual(unknown.body.error.details, [{ field: 'admin', reason: 'is not a field of this request' }]);
      const missing = await post('{}');
      assert.deepEqual(missing.body.error.details, [{ field: 'name', reason: 'is required' }]);
    });

    test('answers for signed-in users are private to them in shared caches', async () => {
      const session = await signIn(t.app, editor);
      const response = await t.app.request('/api/v1/states', { headers: { Cookie: session.cookie } });
      assert.equal(response.headers.get('cache-control'), 'private, no-cache');
      assert.match(response.headers.get('vary') ?? '', /Cookie, Authorization/);
      const anonymous = await t.app.request('/api/v1/states');
      assert.equal(anonymous.headers.get('cache-control'), 'no-cache');
    });
  });
}
