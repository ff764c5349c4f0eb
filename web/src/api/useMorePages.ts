// The pages of a list after the first, read on demand with the cursor (`next`) of the last one
// read: the API's keyset pages, shown one after another under a "Load more" button. They are
// kept with the first page's answer (useApi's memory), so coming back to the list shows what was
// loaded, and they are dropped with it when someone signs in or out.
import { useEffect, useRef, useState } from 'react';
import { keepAnswer, keptAnswer } from './useApi.ts';

interface MorePages<P> {
  pages: P[];
  loading: boolean;
  error?: Error;
}

/** `key` names the list (its filters): a new key starts again from the first page. `first` is
 *  undefined while the first page loads; `loadPage` reads the page after the cursor given. */
export function useMorePages<P extends { next: string | null }>(key: string, first: P | undefined, loadPage: (after: string, signal: AbortSignal) => Promise<P>) {
  const memoryKey = `${key}|more`;
  const [state, setState] = useState<MorePages<P> & { key: string }>(() => ({ key, pages: keptAnswer<P[]>(memoryKey) ?? [], loading: false }));
  const current: MorePages<P> = state.key === key ? state : { pages: keptAnswer<P[]>(memoryKey) ?? [], loading: false };
  const request = useRef<AbortController | null>(null);
  // A new list drops the request of the previous one.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the cleanup is to run when the list (its key) changes
  useEffect(() => () => request.current?.abort(), [key]);
  const next = first ? (current.pages.at(-1) ?? first).next : null;
  const loadMore = () => {
    if (!next || current.loading) return;
    const controller = new AbortController();
    request.current = controller;
    setState({ key, pages: current.pages, loading: true });
    loadPage(next, controller.signal).then(
      (page) => {
        if (controller.signal.aborted) return;
        const pages = [...current.pages, page];
        keepAnswer(memoryKey, pages);
        setState({ key, pages, loading: false });
      },
      (error: Error) => {
        if (!controller.signal.aborted && error.name !== 'AbortError') setState({ key, pages: current.pages, loading: false, error });
      },
    );
  };
  return { ...current, next, loadMore };
}
