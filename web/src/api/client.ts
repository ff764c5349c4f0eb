// Talks to the Accord API on the same origin. Every request names the language, so names come
// back in the one the reader chose; errors keep the API's own message and details.
import type { Page } from './types.ts';

export type Params = Record<string, string | number | undefined | null>;

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
  ) {
    super(message);
  }
}

export function apiUrl(path: string, params: Params = {}): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') query.set(key, String(value));
  }
  const text = query.toString();
  return `/api/v1${path}${text ? `?${text}` : ''}`;
}

export async function getJson<T>(path: string, params: Params, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(apiUrl(path, params), { signal, headers: { Accept: 'application/json' } });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError('The server could not be reached.', 0, 'network');
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: { code: string; message: string } } | null;
    throw new ApiError(body?.error?.message ?? `The server answered ${response.status}.`, response.status, body?.error?.code ?? 'http');
  }
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
