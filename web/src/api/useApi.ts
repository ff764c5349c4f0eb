// Loads data for a page: loading, error and retry in one place. Answers are kept in memory by
// key for the session, so going back to a page shows it at once.
import { useCallback, useEffect, useState } from 'react';

const memory = new Map<string, unknown>();
const MEMORY_LIMIT = 200;

/** Drops every answer kept: on signing in or out, what a reader may see can change. */
export function forgetAnswers(): void {
  memory.clear();
}

/** Keeps something loaded outside useApi (the further pages of a list read one after another)
 *  in the same memory, so it is dropped with the rest when someone signs in or out. */
export function keepAnswer(key: string, value: unknown): void {
  if (memory.size >= MEMORY_LIMIT && !memory.has(key)) memory.delete(memory.keys().next().value!);
  memory.set(key, value);
}

export function keptAnswer<T>(key: string): T | undefined {
  return memory.get(key) as T | undefined;
}

export interface Loaded<T> {
  data: T | undefined;
  error: Error | undefined;
  /** True while a request runs (data may then be the previous answer, see `subject`). */
  loading: boolean;
  retry: () => void;
}

interface Options {
  /** While a new key loads, keep showing the previous answer if it was about the same subject
   *  (the same State at another date), so a date change does not blank the page. */
  subject?: string;
  /** false: neither read nor keep the answer in memory (one person's data, such as their account,
   *  which must be read again each time a page shows it). */
  remember?: boolean;
}

interface LoadState<T> {
  key: string | null;
  subject?: string;
  data?: T;
  error?: Error;
}

export function useApi<T>(key: string | null, load: (signal: AbortSignal) => Promise<T>, options: Options = {}): Loaded<T> {
  const { subject, remember = true } = options;
  const [state, setState] = useState<LoadState<T>>(() => ({ key, subject, data: key && remember ? (memory.get(key) as T | undefined) : undefined }));
  const [attempt, setAttempt] = useState(0);

  // `load` is re-created on every render and `subject` goes with the key: the key says when the
  // request changes, `attempt` when to try it again.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key and the attempt say when to load, see above
  useEffect(() => {
    if (key === null) return;
    const cached = remember ? (memory.get(key) as T | undefined) : undefined;
    if (cached !== undefined) {
      setState({ key, subject, data: cached });
      return;
    }
    setState((previous) => (subject !== undefined && previous.subject === subject && previous.data !== undefined ? previous : { key, subject }));
    const controller = new AbortController();
    load(controller.signal).then(
      (data) => {
        // A late answer to a request that was replaced must not overwrite the newer state.
        if (controller.signal.aborted) return;
        if (remember) {
          if (memory.size >= MEMORY_LIMIT) memory.delete(memory.keys().next().value!);
          memory.set(key, data);
        }
        setState({ key, subject, data });
      },
      (error: Error) => {
        if (!controller.signal.aborted && error.name !== 'AbortError') setState({ key, subject, error });
      },
    );
    return () => controller.abort();
  }, [key, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  const current = state.key === key;
  const stale = !current && subject !== undefined && state.subject === subject;
  return {
    data: current || stale ? state.data : undefined,
    error: current ? state.error : undefined,
    loading: key !== null && (!current || (state.data === undefined && state.error === undefined)),
    retry,
  };
}
