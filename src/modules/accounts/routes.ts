// The accounts API: signing in and out, one's own account (password, two-factor sign-in,
// tokens), and the administration of users. Answers are never cached: each is one person's.
import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Deps } from '../../server/deps.ts';
import { clearSessionCookie, clientAddress, principalOf, requireUser, setSessionCookie } from '../../server/http/auth.ts';
import { writeContextOf } from '../../server/http/write-context.ts';
import { actionRoute, readRoute, writeRoute } from '../../server/http/route-kit.ts';
import { ifMatchVersion, versionEtag } from '../../server/http/versions.ts';
import { ValidationError } from '../../shared/errors.ts';
import { isOhchr, scopesOf, type Principal } from '../access/principal.ts';
import { runUseCase } from '../audit/pipeline.ts';
import { parseGrant } from './grants.ts';
import { hashPassword, passwordProblems, verifyPassword } from './passwords.ts';
import { accountsPolicy, requireManageUsers } from './policy.ts';
import { findUserById } from './repository.ts';
import * as s from './schema.ts';
import { csrfTokenFor } from './secrets.ts';
import { getUser, listTokens, listUsers } from './service.ts';
import { signIn, signOut } from './sessions.ts';
import { createTokenUseCase, DEFAULT_TOKEN_DAYS, revokeTokenUseCase } from './tokens.ts';
import { matchingStep, newTotpSecret, otpauthUri } from './totp.ts';
import { createUserUseCase, eraseUserUseCase, setPasswordUseCase, setTotpUseCase, updateUserUseCase } from './write.ts';

const TAG = 'Accounts';
const idParam = {
  id: z
    .string()
    .max(100)
    .openapi({ param: { name: 'id', in: 'path' } }),
};

function canOf(principal: Principal) {
  return {
    manageUsers: accountsPolicy.manageUsers(principal),
    readAudit: accountsPolicy.readAudit(principal),
    editAll: isOhchr(principal),
    editScopes: scopesOf(principal).filter((scope) => principal.kind === 'user' && principal.grants.some((g) => g.scope === scope && g.role !== 'viewer')),
  };
}

function noStore(c: Context): void {
  c.header('Cache-Control', 'no-store');
}

function grantsOf(roles: string[]) {
  const problems = roles.flatMap((text, i) =>
    parseGrant(text) ? [] : [{ field: `roles[${i}]`, reason: `"${text.slice(0, 60)}" is not a role (admin, ohchr-editor, viewer, organization-editor:<id>, state-editor:<ISO3>)` }],
  );
  if (problems.length) throw new ValidationError('A role is not valid', problems);
  return roles.map((text) => parseGrant(text)).filter((g) => g !== null);
}

async function newPasswordHash(password: string, field: string): Promise<string> {
  const problems = passwordProblems(password, field);
  if (problems.length) throw new ValidationError('The password was not accepted', problems);
  return hashPassword(password);
}

export function registerAccountRoutes(app: OpenAPIHono, { db }: Deps): void {
  app.openapi(
    writeRoute({
      method: 'post',
      path: '/api/v1/auth/login',
      tag: TAG,
      summary: 'Sign in: sets the session cookie',
      body: s.signInBody,
      response: s.signedInSchema,
      extra: { 429: { description: 'Too many failed sign-ins for this account or address; Retry-After says when to try again.' } },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const signedIn = await signIn(db, { email: body.email, password: body.password, code: body.code, address: clientAddress(c) }, writeContextOf(c));
      setSessionCookie(c, signedIn.sessionSecret);
      noStore(c);
      const user = await getUser(db, signedIn.principal.userId);
      return c.json({ user, csrfToken: signedIn.csrfToken, via: 'session' as const, can: canOf(signedIn.principal), expiresAt: signedIn.expiresAt }, 200);
    },
  );

  app.openapi(writeRoute({ method: 'post', path: '/api/v1/auth/logout', tag: TAG, summary: 'Sign out (this session, or everywhere)', body: s.signOutBody, response: s.signOutSchema }), async (c) => {
    const user = requireUser(c);
    const result = await signOut(db, user, c.get('sessionSecret'), c.req.valid('json').everywhere ?? false, writeContextOf(c));
    if (c.get('sessionSecret')) clearSessionCookie(c);
    noStore(c);
    return c.json(result, 200);
  });

  app.openapi(readRoute({ path: '/api/v1/auth/me', tag: TAG, summary: 'Who is signed in, and what they may do', query: {}, response: s.meSchema }), async (c) => {
    noStore(c);
    const principal = principalOf(c);
    const secret = c.get('sessionSecret');
    if (principal.kind !== 'user') return c.json({ user: null, csrfToken: null, via: null, can: canOf(principal) }, 200);
    return c.json({ user: await getUser(db, principal.userId), csrfToken: secret ? csrfTokenFor(secret) : null, via: principal.via, can: canOf(principal) }, 200);
  });

  app.openapi(
    writeRoute({
      method: 'post',
      path: '/api/v1/auth/password',
      tag: TAG,
      summary: 'Change your own password (ends your other sessions)',
      body: s.passwordChangeBody,
      response: s.passwordChangedSchema,
    }),
    async (c) => {
      const user = requireUser(c);
      const body = c.req.valid('json');
      const row = await findUserById(db, user.userId);
      if (!row?.password_hash || !(await verifyPassword(row.password_hash, body.currentPassword)))
        throw new ValidationError('The current password is not right', [{ field: 'currentPassword', reason: 'does not match' }]);
      const passwordHash = await newPasswordHash(body.newPassword, 'newPassword');
      const keep = c.get('sessionSecret');
      const { sha256 } = await import('./secrets.ts');
      noStore(c);
      return c.json(await runUseCase(db, setPasswordUseCase, { actor: user, id: user.userId, passwordHash, keepSession: keep ? sha256(keep) : null, reset: false }, writeContextOf(c)), 200);
    },
  );

  app.openapi(
    actionRoute({
      method: 'post',
      path: '/api/v1/auth/two-factor/secret',
      tag: TAG,
      summary: 'Draw a new two-factor secret (not kept until confirmed with a code)',
      response: s.twoFactorSecretSchema,
    }),
    async (c) => {
      const user = requireUser(c);
      const secret = newTotpSecret();
      noStore(c);
      return c.json({ secret, otpauthUri: otpauthUri(secret, user.email) }, 200);
    },
  );

  app.openapi(
    writeRoute({
      method: 'post',
      path: '/api/v1/auth/two-factor',
      tag: TAG,
      summary: 'Turn on two-factor sign-in with a secret and a code from the app',
      body: s.twoFactorBody,
      response: s.twoFactorSchema,
    }),
    async (c) => {
      const user = requireUser(c);
      const body = c.req.valid('json');
      if (!/^[A-Z2-7]{32}$/.test(body.secret))
        throw new ValidationError('The secret is not one Accord drew', [{ field: 'secret', reason: 'must be the 32-character secret from POST /api/v1/auth/two-factor/secret' }]);
      if (matchingStep(body.secret, body.code, Date.now(), null) === null)
        throw new ValidationError('The code does not match the secret', [{ field: 'code', reason: 'enter the current six-digit code from the app' }]);
      return c.json(await runUseCase(db, setTotpUseCase, { actor: user, id: user.userId, secret: body.secret }, writeContextOf(c)), 200);
    },
  );

  app.openapi(readRoute({ path: '/api/v1/auth/tokens', tag: TAG, summary: 'Your personal API tokens', query: {}, response: s.tokenListSchema, signedIn: true }), async (c) => {
    const user = requireUser(c);
    noStore(c);
    return c.json({ items: await listTokens(db, user.userId) }, 200);
  });

  app.openapi(writeRoute({ method: 'post', path: '/api/v1/auth/tokens', tag: TAG, summary: 'Make a personal API token (shown once)', body: s.tokenBody, response: s.newTokenSchema }), async (c) => {
    const user = requireUser(c);
    const body = c.req.valid('json');
    noStore(c);
    return c.json(await runUseCase(db, createTokenUseCase, { actor: user, userId: user.userId, name: body.name, days: body.days ?? DEFAULT_TOKEN_DAYS }, writeContextOf(c)), 200);
  });

  app.openapi(actionRoute({ method: 'delete', path: '/api/v1/auth/tokens/{id}', tag: TAG, summary: 'Revoke a personal API token', params: idParam, response: s.revokedSchema }), async (c) => {
    const user = requireUser(c);
    return c.json(await runUseCase(db, revokeTokenUseCase, { actor: user, id: c.req.valid('param').id }, writeContextOf(c)), 200);
  });

  // ---- administration of users ------------------------------------------------------------

  app.openapi(readRoute({ path: '/api/v1/users', tag: TAG, summary: 'Every account (administrators)', query: {}, response: s.userListSchema, signedIn: true }), async (c) => {
    requireManageUsers(requireUser(c));
    noStore(c);
    const items = await listUsers(db);
    return c.json({ items, total: items.length }, 200);
  });

  app.openapi(writeRoute({ method: 'post', path: '/api/v1/users', tag: TAG, summary: 'Make an account (administrators)', body: s.newUserBody, response: s.newUserSchema }), async (c) => {
    const admin = requireUser(c);
    requireManageUsers(admin);
    const body = c.req.valid('json');
    const grants = grantsOf(body.roles);
    const passwordHash = await newPasswordHash(body.password, 'password');
    const created = await runUseCase(db, createUserUseCase, { actor: admin, email: body.email, displayName: body.displayName, lang: body.lang, passwordHash, grants }, writeContextOf(c));
    noStore(c);
    return c.json({ id: created.id, twoFactorSecret: created.totpSecret }, 200);
  });

  app.openapi(
    readRoute({
      path: '/api/v1/users/{id}',
      tag: TAG,
      summary: 'One account (administrators, or its holder); ETag is its version',
      query: {},
      params: idParam,
      response: s.userDetailSchema,
      signedIn: true,
    }),
    async (c) => {
      const principal = requireUser(c);
      const { id } = c.req.valid('param');
      if (!accountsPolicy.manageOwn(principal, id)) requireManageUsers(principal);
      const user = await getUser(db, id);
      noStore(c);
      c.header('ETag', versionEtag(user.version));
      return c.json(user, 200);
    },
  );

  app.openapi(
    readRoute({
      path: '/api/v1/users/{id}/tokens',
      tag: TAG,
      summary: "An account's personal API tokens (administrators, or its holder); never the tokens themselves",
      query: {},
      params: idParam,
      response: s.tokenListSchema,
      signedIn: true,
    }),
    async (c) => {
      const principal = requireUser(c);
      const { id } = c.req.valid('param');
      if (!accountsPolicy.manageOwn(principal, id)) requireManageUsers(principal);
      await getUser(db, id);
      noStore(c);
      return c.json({ items: await listTokens(db, id) }, 200);
    },
  );

  app.openapi(
    writeRoute({
      method: 'patch',
      path: '/api/v1/users/{id}',
      tag: TAG,
      summary: 'Change an account: name and language (its holder), roles and status (administrators). Needs If-Match.',
      params: idParam,
      body: s.userUpdateBody,
      response: s.changedSchema,
      extra: { 412: { description: 'The account changed since its ETag was read; the current one is in `current`.' }, 428: { description: 'No If-Match header.' } },
    }),
    async (c) => {
      const principal = requireUser(c);
      const body = c.req.valid('json');
      const result = await runUseCase(
        db,
        updateUserUseCase,
        {
          actor: principal,
          id: c.req.valid('param').id,
          expectedVersion: ifMatchVersion(c),
          displayName: body.displayName,
          lang: body.lang,
          grants: body.roles ? grantsOf(body.roles) : undefined,
          status: body.status,
        },
        writeContextOf(c),
      );
      return c.json(result, 200);
    },
  );

  app.openapi(
    writeRoute({
      method: 'post',
      path: '/api/v1/users/{id}/password',
      tag: TAG,
      summary: "Reset an account's password (administrators); ends its sessions",
      params: idParam,
      body: s.passwordResetBody,
      response: s.passwordChangedSchema,
    }),
    async (c) => {
      const admin = requireUser(c);
      requireManageUsers(admin);
      const passwordHash = await newPasswordHash(c.req.valid('json').newPassword, 'newPassword');
      return c.json(await runUseCase(db, setPasswordUseCase, { actor: admin, id: c.req.valid('param').id, passwordHash, keepSession: null, reset: true }, writeContextOf(c)), 200);
    },
  );

  app.openapi(
    actionRoute({
      method: 'post',
      path: '/api/v1/users/{id}/erase',
      tag: TAG,
      summary: "Erase an account's personal data (administrators); the audit trail keeps that it happened",
      params: idParam,
      response: s.erasedSchema,
    }),
    async (c) => {
      const admin = requireUser(c);
      return c.json(await runUseCase(db, eraseUserUseCase, { actor: admin, id: c.req.valid('param').id }, writeContextOf(c)), 200);
    },
  );
}
