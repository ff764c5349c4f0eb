// The API explains what it refused in English: a stable error code, a message, and details that
// name the field (`email`, `roles[1]`) with a reason (`must be at least 12 characters`). The
// app says it in the page's language: the common reasons and codes are translated here, and a
// reason it does not know is shown as the API wrote it, marked as English, beside the field's
// own label in the page's language. Pure functions of `t`, so they are tested without a browser.
import { ApiError, type Problem, TooManyRequestsError } from './client.ts';

export type Translate = (key: string, vars?: Record<string, string | number>) => string;

/** Text in the page's language, or (english: true) the API's own words. */
export interface Said {
  text: string;
  english: boolean;
}

const REASONS: [RegExp, string, (m: RegExpExecArray) => Record<string, string | number>][] = [
  [/^(is )?required$/, 'form.reason.required', () => ({})],
  [/^must be at least (\d+) characters?$/, 'form.reason.tooShort', (m) => ({ min: Number(m[1]) })],
  [/^(must be at most (\d+) characters?|is too long)$/, 'form.reason.tooLong', () => ({})],
  [/^must be an e-mail address$/, 'form.reason.email', () => ({})],
  [/^an account with this e-mail exists$/, 'form.reason.emailTaken', () => ({})],
  [/^does not match$/, 'form.reason.noMatch', () => ({})],
  [/^enter the current six-digit code/, 'form.reason.code', () => ({})],
  [/^required for this account$/, 'form.reason.codeNeeded', () => ({})],
  [/^must be 1-(\d+) characters/, 'form.reason.nameLength', (m) => ({ max: Number(m[1]) })],
  [/is not a role\b/, 'form.reason.role', () => ({})],
  [/^no (organization|state) ".*" in the registry$/, 'form.reason.unknownScope', () => ({})],
  [/needs the (organization|state) it is for/, 'form.reason.scopeNeeded', () => ({})],
  [/^make another account an administrator first$/, 'form.reason.lastAdmin', () => ({})],
  [/must sign in with two factors/, 'form.reason.adminTwoFactor', () => ({})],
  [/^must be one of /, 'form.reason.choice', () => ({})],
];

/** One reason of the API in the page's language when it is a common one. */
export function reasonText(reason: string, t: Translate): Said {
  for (const [pattern, key, vars] of REASONS) {
    const match = pattern.exec(reason);
    if (match) return { text: t(key, vars(match)), english: false };
  }
  return { text: reason, english: true };
}

/** `roles[2]` and `roles` are both the roles field; `source.url` belongs to `source`. */
export function fieldOf(problem: Problem): string | undefined {
  return problem.field?.replace(/[[.].*$/, '');
}

/** The problems of a validation error by field (its base name), in the API's order. */
export function problemsByField(error: unknown): Record<string, Problem[]> {
  const byField: Record<string, Problem[]> = {};
  if (!(error instanceof ApiError)) return byField;
  for (const problem of error.details) {
    const field = fieldOf(problem);
    if (!field) continue;
    byField[field] ??= [];
    byField[field].push(problem);
  }
  return byField;
}

/** Where an error happened, for the few codes whose meaning depends on it: a failed sign-in
 *  (401) is a wrong e-mail, password or code; anywhere else it means the session has ended. */
export type ErrorContext = 'sign-in' | 'write' | 'read';

/** Whole minutes to wait, at least one. */
export function minutesOf(seconds: number): number {
  return Math.max(1, Math.ceil(seconds / 60));
}

/** What went wrong, in one sentence of the page's language; `english` when it had to fall back
 *  to the API's own message (an error this app does not know). */
export function errorText(error: unknown, t: Translate, context: ErrorContext = 'write'): Said {
  const said = (key: string, vars?: Record<string, string | number>): Said => ({ text: t(key, vars), english: false });
  if (error instanceof TooManyRequestsError) return said('errors.locked', { count: minutesOf(error.retryAfterSeconds) });
  if (!(error instanceof ApiError)) return said('errors.unknown');
  switch (error.code) {
    case 'network':
      return said('errors.network');
    case 'unauthenticated':
      if (context !== 'sign-in') return said('errors.signedOut');
      if (error.details.some((p) => p.field === 'code')) return said('auth.codeNeeded');
      if (/no two-factor sign-in set up/.test(error.message)) return said('auth.noTwoFactor');
      return said('errors.wrongCredentials');
    case 'forbidden':
      return said('errors.forbidden');
    case 'csrf_failed':
      return said('errors.csrf');
    case 'stale_version':
    case 'version_required':
      return said('errors.stale');
    case 'validation_failed':
      return said('errors.validation');
    case 'not_found':
      return said('errors.notFound');
    case 'database_unavailable':
      return said('errors.unavailable');
    default:
      return { text: error.message, english: true };
  }
}

/** One problem as a line: the field's label in the page's language, then its reason. */
export function problemText(problem: Problem, labels: Record<string, string>, t: Translate): { label: string | null; reason: Said } {
  const field = fieldOf(problem);
  const label = field ? (labels[field] ?? problem.field ?? null) : problem.parameter ? (labels[problem.parameter] ?? problem.parameter) : null;
  return { label, reason: reasonText(problem.reason, t) };
}
