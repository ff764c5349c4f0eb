// Bodies and answers of the accounts API (zod: validation and the OpenAPI document).
import { z } from '@hono/zod-openapi';
import { LANGS } from '../../shared/text.ts';
import { MAX_PASSWORD } from './passwords.ts';
import { MAX_TOKEN_DAYS } from './tokens.ts';

const email = z.string().max(320, 'is too long').openapi({ example: 'focal.point@example.org' });
const password = z.string().max(MAX_PASSWORD, `must be at most ${MAX_PASSWORD} characters`);
const role = z
  .string()
  .max(120, 'is too long')
  .openapi({ description: 'admin, ohchr-editor, viewer, organization-editor:<organization id>, state-editor:<ISO alpha-3>', example: 'organization-editor:au' });

export const signInBody = z
  .strictObject({
    email,
    password,
    code: z.string().max(10, 'is too long').optional().openapi({ description: 'The six-digit code of an authenticator app, for accounts with two-factor sign-in (every administrator).' }),
  })
  .openapi('SignIn');

export const userSchema = z
  .object({
    id: z.string(),
    email: z.string().nullable(),
    displayName: z.string().nullable(),
    lang: z.string(),
    status: z.string(),
    roles: z.array(z.string()),
    twoFactor: z.boolean(),
    createdAt: z.string(),
    passwordChangedAt: z.string().nullable(),
    version: z.number().int(),
  })
  .openapi('User');

export const meSchema = z
  .object({
    user: userSchema.nullable(),
    csrfToken: z.string().nullable().openapi({ description: 'Send as X-CSRF-Token with every write made with the session cookie.' }),
    via: z.enum(['session', 'token']).nullable(),
    can: z.object({
      manageUsers: z.boolean(),
      readAudit: z.boolean(),
      editAll: z.boolean().openapi({ description: 'An administrator or OHCHR editor: may edit every record of the registry.' }),
      editScopes: z.array(z.string()).openapi({ description: 'The organizations and States whose records this user may edit (organization:<id>, state:<ISO3>).' }),
    }),
  })
  .openapi('Me');

export const signedInSchema = meSchema.extend({ expiresAt: z.string() }).openapi('SignedIn');

export const signOutBody = z.strictObject({ everywhere: z.boolean().optional().openapi({ description: 'End every session of this account, on every device.' }) }).openapi('SignOut');
export const signOutSchema = z.object({ ended: z.number().int() }).openapi('SignedOut');

export const passwordChangeBody = z.strictObject({ currentPassword: password, newPassword: password }).openapi('PasswordChange');
export const passwordResetBody = z.strictObject({ newPassword: password }).openapi('PasswordReset');
export const passwordChangedSchema = z.object({ sessionsEnded: z.number().int() }).openapi('PasswordChanged');

export const twoFactorSecretSchema = z.object({ secret: z.string(), otpauthUri: z.string() }).openapi('TwoFactorSecret');
export const twoFactorBody = z.strictObject({ secret: z.string().max(64, 'is too long'), code: z.string().max(10, 'is too long') }).openapi('TwoFactorSetup');
export const twoFactorSchema = z.object({ twoFactor: z.boolean() }).openapi('TwoFactor');

export const tokenSchema = z
  .object({ id: z.string(), name: z.string(), createdAt: z.string(), expiresAt: z.string(), lastUsedAt: z.string().nullable(), revokedAt: z.string().nullable(), active: z.boolean() })
  .openapi('ApiToken');
export const tokenListSchema = z.object({ items: z.array(tokenSchema) }).openapi('ApiTokenList');
export const tokenBody = z
  .strictObject({
    name: z.string().max(100, 'is too long'),
    days: z
      .number()
      .int('must be a whole number')
      .optional()
      .openapi({ description: `Days until it expires (1-${MAX_TOKEN_DAYS}, default 90).` }),
  })
  .openapi('ApiTokenRequest');
export const newTokenSchema = z.object({ id: z.string(), token: z.string().openapi({ description: 'Shown this once: keep it.' }), expiresAt: z.string() }).openapi('NewApiToken');
export const revokedSchema = z.object({ revoked: z.boolean() }).openapi('Revoked');

export const userListSchema = z.object({ items: z.array(userSchema), total: z.number().int() }).openapi('UserList');
export const userDetailSchema = userSchema.extend({ sessions: z.number().int() }).openapi('UserDetail');
export const newUserBody = z
  .strictObject({
    email,
    displayName: z.string().max(200, 'is too long'),
    lang: z.enum(LANGS, { error: `must be one of ${LANGS.join(' ')}` }),
    password,
    roles: z.array(role).max(50, 'at most 50 roles'),
  })
  .openapi('NewUser');
export const newUserSchema = z
  .object({ id: z.string(), twoFactorSecret: z.string().nullable().openapi({ description: 'For an administrator: the two-factor secret, shown this once.' }) })
  .openapi('NewUserCreated');
export const userUpdateBody = z
  .strictObject({
    displayName: z.string().max(200, 'is too long').optional(),
    lang: z.enum(LANGS, { error: `must be one of ${LANGS.join(' ')}` }).optional(),
    roles: z.array(role).max(50, 'at most 50 roles').optional(),
    status: z.enum(['active', 'deactivated'], { error: 'must be active or deactivated' }).optional(),
  })
  .openapi('UserUpdate');
export const changedSchema = z.object({ changed: z.array(z.string()) }).openapi('UserChanged');
export const erasedSchema = z.object({ erased: z.string() }).openapi('UserErased');
