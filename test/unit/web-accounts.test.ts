// The pure parts of the web app's accounts pages: the API's refusals said in the page's language,
// writes (headers, typed errors), where sign-in returns to, the password rule shared with the
// server, and the small words of the account and audit pages.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { MAX_PASSWORD as SERVER_MAX, MIN_PASSWORD as SERVER_MIN } from '../../src/modules/accounts/passwords.ts';
import { ApiError, StaleVersionError, TooManyRequestsError } from '../../web/src/api/client.ts';
import { errorText, minutesOf, problemsByField, problemText, reasonText } from '../../web/src/api/problems.ts';
import { sendWrite, writeHeaders } from '../../web/src/api/write.ts';
import { groupSecret, splitRole, tokenStatus } from '../../web/src/features/account/account-words.ts';
import { isPrivatePath, safeNext, signInHref } from '../../web/src/features/account/next-path.ts';
import { MAX_PASSWORD, MIN_PASSWORD, passwordProblem } from '../../web/src/features/account/passwords.ts';
import { actorLabel, filtersFrom } from '../../web/src/features/audit/audit-words.ts';

const english: Record<string, string> = JSON.parse(readFileSync(new URL('../../web/src/i18n/en.json', import.meta.url), 'utf8'));
/** The English dictionary's t(), enough for these helpers (no plural forms but _one/_other). */
const t = (key: string, vars: Record<string, string | number> = {}) => {
  const template = english[key] ?? (typeof vars.count === 'number' ? english[`${key}_${vars.count === 1 ? 'one' : 'other'}`] : undefined);
  assert.ok(template !== undefined, `no English string ${key}`);
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name]));
};

describe('the API’s refusals in the page’s language', () => {
  test('common reasons are translated, with their numbers; others stay the API’s English', () => {
    assert.deepEqual(reasonText('is required', t), { text: 'is required', english: false });
    assert.deepEqual(reasonText('must be at least 12 characters', t), { text: 'must be at least 12 characters', english: false });
    assert.deepEqual(reasonText('must be an e-mail address', t), { text: english['form.reason.email'], english: false });
    assert.deepEqual(reasonText('an account with this e-mail exists', t), { text: english['form.reason.emailTaken'], english: false });
    assert.deepEqual(reasonText('no organization "xyz" in the registry', t), { text: english['form.reason.unknownScope'], english: false });
    assert.deepEqual(reasonText('make another account an administrator first', t), { text: english['form.reason.lastAdmin'], english: false });
    assert.deepEqual(reasonText('is not a field of this request', t), { text: 'is not a field of this request', english: true });
  });

  test('each problem belongs to its field, roles[2] to roles', () => {
    const error = new ApiError('x', 400, 'validation_failed', [
      { field: 'email', reason: 'is required' },
      { field: 'roles[2]', reason: 'no state "XYZ" in the registry' },
      { parameter: 'If-Match', reason: 'missing' },
    ]);
    const byField = problemsByField(error);
    assert.deepEqual(Object.keys(byField), ['email', 'roles']);
    assert.deepEqual(problemsByField(new Error('not from the API')), {});
    assert.deepEqual(problemText(error.details[1]!, { roles: 'Rôles' }, t).label, 'Rôles');
    assert.equal(problemText({ field: 'other', reason: 'x' }, {}, t).label, 'other');
  });

  test('each error code has a sentence; a 401 means wrong details at sign-in and an ended session elsewhere', () => {
    assert.equal(errorText(new ApiError('x', 401, 'unauthenticated'), t, 'sign-in').text, english['errors.wrongCredentials']);
    assert.equal(errorText(new ApiError('x', 401, 'unauthenticated'), t, 'write').text, english['errors.signedOut']);
    assert.equal(errorText(new ApiError('x', 401, 'unauthenticated', [{ field: 'code', reason: 'required for this account' }]), t, 'sign-in').text, english['auth.codeNeeded']);
    assert.equal(errorText(new TooManyRequestsError('x', 61), t).text, 'Too many failed sign-ins. Try again in 2 minutes.');
    assert.equal(errorText(new TooManyRequestsError('x', 30), t).text, 'Too many failed sign-ins. Try again in 1 minute.');
    assert.equal(errorText(new ApiError('x', 0, 'network'), t).text, english['errors.network']);
    assert.equal(errorText(new StaleVersionError('x', [], null, '"v2"'), t).text, english['errors.stale']);
    for (const code of ['forbidden', 'csrf_failed', 'version_required', 'validation_failed', 'not_found', 'database_unavailable']) {
      assert.equal(errorText(new ApiError('x', 400, code), t).english, false, code);
    }
    assert.deepEqual(errorText(new ApiError('The body is not valid JSON', 400, 'bad_request'), t), { text: 'The body is not valid JSON', english: true });
    assert.equal(errorText(new TypeError('boom'), t).text, english['errors.unknown']);
    assert.equal(minutesOf(0), 1);
  });
});

describe('writes', () => {
  test('JSON, the CSRF token and If-Match go with a write', () => {
    assert.deepEqual(writeHeaders({ body: {}, ifMatch: '"v3"' }, 'token'), { Accept: 'application/json', 'Content-Type': 'application/json', 'X-CSRF-Token': 'token', 'If-Match': '"v3"' });
    assert.deepEqual(writeHeaders({ method: 'DELETE' }, null), { Accept: 'application/json' });
  });

  const answer = (status: number, body: unknown, headers: Record<string, string> = {}) =>
    (async () => new Response(body === null ? null : JSON.stringify(body), { status, headers })) as unknown as typeof fetch;

  test('a success returns the answer; an empty one null', async () => {
    let seen: { url: string; init: RequestInit } | undefined;
    const send = (async (url: string, init: RequestInit) => {
      seen = { url, init };
      return new Response(JSON.stringify({ changed: ['lang'] }), { status: 200 });
    }) as unknown as typeof fetch;
    assert.deepEqual(await sendWrite('/users/u1', { method: 'PATCH', body: { lang: 'fr' }, ifMatch: '"v1"' }, 'csrf', send), { changed: ['lang'] });
    assert.equal(seen?.url, '/api/v1/users/u1');
    assert.equal(seen?.init.method, 'PATCH');
    assert.equal(seen?.init.body, '{"lang":"fr"}');
    assert.equal(await sendWrite('/x', {}, null, answer(204, null)), null);
  });

  test('refusals become typed errors with their details', async () => {
    const invalid = await sendWrite(
      '/users',
      { body: {} },
      'c',
      answer(400, { error: { code: 'validation_failed', message: 'Invalid field: email', details: [{ field: 'email', reason: 'is required' }] } }),
    ).catch((e: unknown) => e as ApiError);
    assert.ok(invalid instanceof ApiError);
    assert.equal(invalid.code, 'validation_failed');
    assert.deepEqual(invalid.details, [{ field: 'email', reason: 'is required' }]);
    const stale = await sendWrite(
      '/users/u1',
      { method: 'PATCH', body: {} },
      'c',
      answer(412, { error: { code: 'stale_version', message: 'changed', details: [] }, current: { id: 'u1' } }, { ETag: '"v4"' }),
    ).catch((e: unknown) => e as ApiError);
    assert.ok(stale instanceof StaleVersionError);
    assert.equal(stale.etag, '"v4"');
    assert.deepEqual(stale.current, { id: 'u1' });
    const locked = await sendWrite('/auth/login', { body: {} }, null, answer(429, { error: { code: 'too_many_requests', message: 'wait', details: [] } }, { 'Retry-After': '840' })).catch(
      (e: unknown) => e as ApiError,
    );
    assert.ok(locked instanceof TooManyRequestsError);
    assert.equal(locked.retryAfterSeconds, 840);
    const html = await sendWrite<ApiError>('/x', {}, null, (async () => new Response('<html>', { status: 502 })) as unknown as typeof fetch).catch((e: unknown) => e as ApiError);
    assert.equal(html.status, 502);
    const down = await sendWrite<ApiError>('/x', {}, null, (async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof fetch).catch((e: unknown) => e as ApiError);
    assert.equal(down.code, 'network');
  });
});

describe('signing in returns only to a page of this app', () => {
  test('safeNext', () => {
    assert.equal(safeNext('/fr/states/FRA?asOf=2000-01-01', 'en'), '/fr/states/FRA?asOf=2000-01-01');
    for (const bad of [null, '', 'https://evil.example/', '//evil.example/x', '/\\evil.example', '/xx/states', '/en/sign-in?next=/en/', 'states', `/en/${'a'.repeat(2001)}`, '/en/\u0000']) {
      assert.equal(safeNext(bad, 'ar'), '/ar/', String(bad));
    }
  });

  test('signInHref and private pages', () => {
    assert.equal(signInHref('en', '/en/admin/users'), '/en/sign-in?next=%2Fen%2Fadmin%2Fusers');
    assert.equal(signInHref('en', '/en/'), '/en/sign-in');
    assert.ok(isPrivatePath('/en/account') && isPrivatePath('/zh/admin/users/1') && isPrivatePath('/ar/audit'));
    assert.ok(!isPrivatePath('/en/states') && !isPrivatePath('/en/accounting'));
  });
});

test('the password rule is the server’s', () => {
  assert.equal(MIN_PASSWORD, SERVER_MIN);
  assert.equal(MAX_PASSWORD, SERVER_MAX);
  assert.deepEqual(passwordProblem('x'.repeat(11), 'newPassword'), { field: 'newPassword', reason: 'must be at least 12 characters' });
  assert.equal(passwordProblem('x'.repeat(12), 'newPassword'), null);
  assert.equal(reasonText(passwordProblem('', 'p')!.reason, t).english, false);
});

test('the small words of the account and audit pages', () => {
  assert.equal(groupSecret('ABCDEFGHIJ'), 'ABCD EFGH IJ');
  assert.deepEqual(splitRole('organization-editor:au'), ['organization-editor', 'au']);
  assert.deepEqual(splitRole('admin'), ['admin', null]);
  const now = Date.parse('2026-01-01T00:00:00Z');
  assert.equal(tokenStatus({ revokedAt: null, expiresAt: '2026-02-01T00:00:00Z' }, now), 'active');
  assert.equal(tokenStatus({ revokedAt: null, expiresAt: '2025-12-01T00:00:00Z' }, now), 'expired');
  assert.equal(tokenStatus({ revokedAt: '2025-12-02T00:00:00Z', expiresAt: '2026-02-01T00:00:00Z' }, now), 'revoked');
  assert.deepEqual(filtersFrom(new URLSearchParams('entity=user&since=2026-01-01&until=yesterday&actor=%20user:1%20')), {
    entity: 'user',
    id: '',
    actor: 'user:1',
    useCase: '',
    since: '2026-01-01',
    until: '',
  });
  const users = new Map([['u1', { displayName: 'Amina', email: 'a@example.org' }]]);
  assert.deepEqual(actorLabel('user:u1', users), { kind: 'user', id: 'u1', name: 'Amina' });
  assert.deepEqual(actorLabel('user:gone', users), { kind: 'user', id: 'gone', name: null });
  assert.deepEqual(actorLabel('system:import', users), { kind: 'system', name: 'import' });
  assert.deepEqual(actorLabel('someone', users), { kind: 'other' });
});
