// Talks to the Accord API on the same origin. Every request names the language, so names come
// back in the one the reader chose; errors keep the API's own message and details. The browser
// sends the session cookie with every request of this origin by itself, so a signed-in reader's
// reads need nothing more; writes go through auth.tsx (CSRF token, If-Match).
import type { Page } from './types.ts';

export type Params = Record<string, string | number | undefined | null>;

/** One thing the API found wrong: a body field (`email`, `roles[2]`) or a query parameter,
 *  with its reason in English (`is required`, `must be at least 12 characters`). */
export interface Problem {
  field?: string;
  parameter?: string;
  reason: string;
}

/** An answer that was not a success, as the API described it: `{ error: { code, message, details } }`.
 *  `status` 0 with code `network` means the server could not be reached at all. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
    readonly details: Problem[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** 412: the record changed since it was read. `current` is what the API says it is now (for
 *  accounts, its id only); `etag` the version to send with a change made again on top of it. */
export class StaleVersionError extends ApiError {
  constructor(
    message: string,
    details: Problem[],
    readonly current: unknown,
    readonly etag: string | null,
  ) {
    super(message, 412, 'stale_version', details);
    this.name = 'StaleVersionError';
  }
}

/** 429: too many attempts (failed sign-ins); try again after `retryAfterSeconds`. */
export class TooManyRequestsError extends ApiError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message, 429, 'too_many_requests');
    this.name = 'TooManyRequestsError';
  }
}

export function networkError(): ApiError {
  return new ApiError('The server could not be reached.', 0, 'network');
}

/** The typed error for an answer that is not 2xx (its body is read). */
export async function errorOf(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => null)) as { error?: { code?: string; message?: string; details?: Problem[] }; current?: unknown } | null;
  const message = body?.error?.message ?? `The server answered ${response.status}.`;
  const code = body?.error?.code ?? 'http';
  const details = Array.isArray(body?.error?.details) ? body.error.details : [];
  if (response.status === 412) return new StaleVersionError(message, details, body?.current ?? null, response.headers.get('ETag'));
  if (response.status === 429) {
    const seconds = Number(response.headers.get('Retry-After'));
    return new TooManyRequestsError(message, Number.isFinite(seconds) && seconds > 0 ? seconds : 60);
  }
  return new ApiError(message, response.status, code, details);
}

export function apiUrl(path: string, params: Params = {}): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') query.set(key, String(value));
  }
  const text = query.toString();
  return `/api/v1${path}${text ? `?${text}` : ''}`;
}

/** A read with the answer's ETag (the version a later update names in If-Match). */
export async function getWithEtag<T>(path: string, params: Params, signal?: AbortSignal): Promise<{ data: T; etag: string | null }> {
  let response: Response;
  try {
    response = await fetch(apiUrl(path, params), { signal, headers: { Accept: 'application/json' }, cache: 'no-store' });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw networkError();
  }
  if (!response.ok) throw await errorOf(response);
  return { data: (await response.json()) as T, etag: response.headers.get('ETag') };
}

export async function getJson<T>(path: string, params: Params, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(apiUrl(path, params), { signal, headers: { Accept: 'application/json' } });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw networkError();
  }
  if (!response.ok) throw await errorOf(response);
  return (await response.json()) as T;
}

/** Every item of a list, following `next` (the registry's lists hold at most a few hundred). */
export async function getAll<T>(path: string, params: Params, signal?: AbortSignal): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const page: Page<T> = await getJson<Page<T>>(path, { ...params, limit: 1000, cursor }, signal);
    items.push(...page.items);
    cursor = page.next;
  } while (cursor);
  return items;
}
