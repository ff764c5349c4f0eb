// A table's filter, sort, page and page size. With a key, they live in the address
// (?t.sort=-name&t.page=2), so Back, reload and a shared link show the same rows; the address
// is replaced, not pushed, so typing in the filter does not fill the history.
// The filter text itself is kept locally while typing (an input must not be driven by the
// router's deferred updates, or letters get lost) and copied to the address after a pause.
import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';

export interface TableState {
  filter: string;
  sort: { id: string; descending: boolean };
  /** From 0. */
  page: number;
  pageSize: number;
}

const TYPING_PAUSE_MS = 300;

function encodeSort(sort: TableState['sort']): string {
  return `${sort.descending ? '-' : ''}${sort.id}`;
}

function decode(params: URLSearchParams, key: string, defaults: TableState): TableState {
  const sort = params.get(`${key}.sort`);
  const page = Number(params.get(`${key}.page`));
  const size = Number(params.get(`${key}.size`));
  return {
    filter: params.get(`${key}.q`) ?? defaults.filter,
    sort: sort ? { id: sort.replace(/^-/, ''), descending: sort.startsWith('-') } : defaults.sort,
    page: Number.isInteger(page) && page >= 1 ? page - 1 : defaults.page,
    pageSize: [25, 50, 100, 250].includes(size) ? size : defaults.pageSize,
  };
}

export function useTableState(key: string | undefined, defaults: TableState): [TableState, (change: Partial<TableState>) => void] {
  const [local, setLocal] = useState(defaults);
  const [params, setParams] = useSearchParams();
  const fromAddress = key ? decode(params, key, defaults) : local;
  const [filter, setFilter] = useState(fromAddress.filter);
  const typing = useRef<ReturnType<typeof setTimeout> | null>(null);

  // Back, Forward or a link changed the address: show its filter (unless the user is typing).
  useEffect(() => {
    if (!typing.current) setFilter(fromAddress.filter);
  }, [fromAddress.filter]);
  useEffect(() => () => clearTimeout(typing.current ?? undefined), []);

  const write = (next: TableState) => {
    if (!key) {
      setLocal(next);
      return;
    }
    setParams(
      (current) => {
        const p = new URLSearchParams(current);
        const put = (name: string, value: string, fallback: string) => (value === fallback ? p.delete(`${key}.${name}`) : p.set(`${key}.${name}`, value));
        put('q', next.filter, defaults.filter);
        put('sort', encodeSort(next.sort), encodeSort(defaults.sort));
        put('page', String(next.page + 1), String(defaults.page + 1));
        put('size', String(next.pageSize), String(defaults.pageSize));
        return p;
      },
      { replace: true, preventScrollReset: true },
    );
  };

  const state = { ...fromAddress, filter };
  const update = (change: Partial<TableState>) => {
    const next = { ...state, ...change };
    if (change.filter === undefined) {
      // Sorting or paging during the typing pause writes the filter typed so far as well.
      clearTimeout(typing.current ?? undefined);
      typing.current = null;
      write(next);
      return;
    }
    setFilter(change.filter);
    clearTimeout(typing.current ?? undefined);
    typing.current = setTimeout(() => {
      typing.current = null;
      write(next);
    }, TYPING_PAUSE_MS);
  };
  return [state, update];
}
