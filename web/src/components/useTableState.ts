// A table's filter, sort, page and page size. With a key, they live in the address
// (?states.sort=-name&states.page=2), so Back, reload and a shared link show the same rows;
// the address is replaced, not pushed, so typing in the filter does not fill the history.
import { useState } from 'react';
import { useSearchParams } from 'react-router';

export interface TableState {
  filter: string;
  sort: { id: string; descending: boolean };
  /** From 0. */
  page: number;
  pageSize: number;
}

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
  if (!key) return [local, (change) => setLocal((s) => ({ ...s, ...change }))];

  const state = decode(params, key, defaults);
  const update = (change: Partial<TableState>) => {
    const next = { ...state, ...change };
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
  return [state, update];
}
