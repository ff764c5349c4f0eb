// Every change the app asks of the API goes through sendWrite: JSON in and out, the session's
// CSRF token (the server refuses a cookie-authenticated write without it), the version the
// change is based on (If-Match) when the record has one, and every answer that is not a success
// turned into a typed error (client.ts) that names the fields at fault. React code uses it
// through useAuth().write, which also supplies the token and recovers from an expired one.
import { apiUrl, errorOf, networkError } from './client.ts';

export type WriteMethod = 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface WriteOptions {
  /** POST unless said. */
  method?: WriteMethod;
  /** Sent as JSON; omitted for none. */
  body?: unknown;
  /** The ETag of the record as it was read (`"v3"`): the API refuses the change with a 412
   *  (StaleVersionError) when the record has changed since. */
  ifMatch?: string | null;
  /** Why the change is made, for the audit trail: sent as X-Reason, percent-encoded (a header
   *  carries Latin-1 only, and a reason may be in any script). */
  reason?: string | null;
  signal?: AbortSignal;
}

/** The headers of a write: JSON, the CSRF token, and If-Match and X-Reason when given. */
export function writeHeaders(options: WriteOptions, csrfToken: string | null): Record<string, string> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (csrfToken) headers['X-CSRF-Token'] = csrfToken;
  if (options.ifMatch) headers['If-Match'] = options.ifMatch;
  if (options.reason?.trim()) headers['X-Reason'] = encodeURIComponent(options.reason.trim());
  return headers;
}

/** Sends one write to `/api/v1<path>` and returns the answer's JSON (null for an empty one).
 *  Throws ApiError (status 0 and code `network` when the server cannot be reached),
 *  StaleVersionError (412) or TooManyRequestsError (429). */
export async function sendWrite<T>(path: string, options: WriteOptions, csrfToken: string | null, send: typeof fetch = fetch): Promise<T> {
  let response: Response;
  try {
    response = await send(apiUrl(path), {
      method: options.method ?? 'POST',
      headers: writeHeaders(options, csrfToken),
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'same-origin',
      cache: 'no-store',
      signal: options.signal,
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw networkError();
  }
  if (!response.ok) throw await errorOf(response);
  const text = await response.text();
  return (text ? JSON.parse(text) : null) as T;
}
