// Who is signed in, for the whole app: AuthProvider reads GET /api/v1/auth/me once (and again
// when the tab comes back into view, so a session that ended elsewhere shows), and useAuth()
// gives every page the user, what they may do (`can`), sign-in and sign-out, and `write`.
//
// `write(path, { method, body, ifMatch })` is how every form changes data:
//   const { write } = useAuth();
//   await write(`/users/${id}`, { method: 'PATCH', body: { displayName }, ifMatch: etag });
// It sends JSON with the session's CSRF token (kept here, never in storage) and If-Match, and
// throws the typed errors of client.ts: ApiError with `details` naming each field at fault
// (problems.ts says them in the page's language), StaleVersionError (412: read the record
// again), TooManyRequestsError (429). A CSRF token the server no longer accepts (the session
// was renewed in another tab) is fetched again and the write retried once; a 401 means the
// session has ended, and the app then shows the reader as signed out.
//
// Reads need none of this: the browser sends the session cookie with every request to this
// origin, so useApi and getJson work the same for anonymous and signed-in readers. Answers kept
// in memory are dropped when someone signs in or out, since what one may see can differ.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { ApiError, getJson } from './client.ts';
import type { Can, Me, User } from './types.ts';
import { forgetAnswers } from './useApi.ts';
import { sendWrite, type WriteOptions } from './write.ts';

export const NOBODY: Can = { manageUsers: false, readAudit: false, editAll: false, editScopes: [] };

export interface SignInInput {
  email: string;
  password: string;
  /** The six-digit code, when the server asked for one. */
  code?: string;
}

export interface Auth {
  /** `loading` until the first answer of /auth/me. */
  status: 'loading' | 'ready';
  /** The signed-in user, or null for an anonymous reader. */
  user: User | null;
  can: Can;
  /** Why the last check of the session failed (the server could not be reached…), if it did. */
  error: ApiError | null;
  /** Reads /auth/me again (after a change of one's name, for instance). */
  refresh: () => Promise<void>;
  /** Throws the API's error: 401 (wrong, or details name `code` when a code is needed), 429. */
  signIn: (input: SignInInput) => Promise<User>;
  /** Ends this session, or every session of the account. */
  signOut: (everywhere?: boolean) => Promise<void>;
  write: <T>(path: string, options?: WriteOptions) => Promise<T>;
}

const AuthContext = createContext<Auth | null>(null);

const ANONYMOUS_ME: Me = { user: null, csrfToken: null, via: null, can: NOBODY };

export function AuthProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  // The token a write sends is the latest known, even from a callback made before it changed.
  const csrf = useRef<string | null>(null);

  // Whose answers useApi keeps: undefined before the first answer of /auth/me.
  const shownUser = useRef<string | null | undefined>(undefined);

  const apply = useCallback((next: Me) => {
    csrf.current = next.csrfToken;
    const id = next.user?.id ?? null;
    // Someone else, or no one any more: answers read with the old session are not reused.
    if (shownUser.current !== undefined && shownUser.current !== id) forgetAnswers();
    shownUser.current = id;
    setMe(next);
  }, []);

  const refresh = useCallback(async () => {
    try {
      apply(await getJson<Me>('/auth/me', {}));
      setError(null);
    } catch (problem) {
      setError(problem instanceof ApiError ? problem : new ApiError(String(problem), 0, 'network'));
      setMe((previous) => previous ?? ANONYMOUS_ME);
    }
  }, [apply]);

  useEffect(() => {
    refresh();
    const onVisible = () => {
      if (document.visibilityState === 'visible') refresh();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [refresh]);

  const write = useCallback(
    async <T,>(path: string, options: WriteOptions = {}): Promise<T> => {
      try {
        return await sendWrite<T>(path, options, csrf.current);
      } catch (problem) {
        if (problem instanceof ApiError && problem.code === 'csrf_failed') {
          const sent = csrf.current;
          await refresh();
          if (csrf.current && csrf.current !== sent) return sendWrite<T>(path, options, csrf.current);
        }
        if (problem instanceof ApiError && problem.status === 401) await refresh();
        throw problem;
      }
    },
    [refresh],
  );

  const signIn = useCallback(
    async (input: SignInInput) => {
      const answer = await sendWrite<Me>('/auth/login', { body: { email: input.email, password: input.password, ...(input.code ? { code: input.code } : {}) } }, csrf.current);
      forgetAnswers();
      apply(answer);
      setError(null);
      return answer.user!;
    },
    [apply],
  );

  const signOut = useCallback(
    async (everywhere = false) => {
      try {
        await sendWrite('/auth/logout', { body: { everywhere } }, csrf.current);
      } catch (problem) {
        // Already signed out (the session had ended): what was asked is done.
        if (!(problem instanceof ApiError && problem.status === 401)) throw problem;
      }
      apply(ANONYMOUS_ME);
    },
    [apply],
  );

  const value = useMemo<Auth>(
    () => ({ status: me ? 'ready' : 'loading', user: me?.user ?? null, can: me?.can ?? NOBODY, error, refresh, signIn, signOut, write }),
    [me, error, refresh, signIn, signOut, write],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth() outside <AuthProvider>');
  return auth;
}
