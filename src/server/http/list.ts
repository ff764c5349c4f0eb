// Sorting and cursor pagination of lists: `sort=field,-field`, `limit`, `cursor`.
import { ValidationError } from '../../shared/errors.ts';

export type SortValue = string | number | null;
export type Sortable<T> = Record<string, (item: T) => SortValue>;

export interface Page<T> {
  items: T[];
  total: number;
  next: string | null;
}

export const DEFAULT_LIMIT = 50;

/** An offset as the opaque cursor lists give out (`next`). */
export function encodeCursor(offset: number): string {
  return Buffer.from(`o:${offset}`).toString('base64url');
}

/** The offset of a cursor a list gave out; a 400 naming `cursor` for any other text. */
export function decodeCursor(cursor: string): number {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const match = /^o:(\d{1,7})$/.exec(text);
  if (!match) throw new ValidationError('The cursor is not one this API gave out', [{ parameter: 'cursor', reason: 'unknown cursor' }]);
  return Number(match[1]);
}

export function parseSort<T>(sort: string | undefined, sortable: Sortable<T>, fallback: string): { key: string; descending: boolean }[] {
  const fields = (sort ?? fallback)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (fields.length === 0) throw new ValidationError('sort is empty', [{ parameter: 'sort', reason: 'name at least one field' }]);
  return fields.map((field) => {
    const descending = field.startsWith('-');
    const key = descending ? field.slice(1) : field;
    // Own keys only: `in` would also accept the members every object inherits (constructor,
    // __proto__, toString…), and sorting by one of them fails inside.
    if (!Object.hasOwn(sortable, key)) {
      throw new ValidationError(`Cannot sort by "${key}"`, [{ parameter: 'sort', reason: `allowed fields: ${Object.keys(sortable).join(', ')}` }]);
    }
    return { key, descending };
  });
}

const collators = new Map<string, Intl.Collator>();
function collator(lang: string): Intl.Collator {
  let c = collators.get(lang);
  if (!c) {
    c = new Intl.Collator(lang, { sensitivity: 'base', numeric: true });
    collators.set(lang, c);
  }
  return c;
}

/** Sorts (nulls last), then cuts one page. Lists here are small registries, sorted in memory. */
export function paginate<T>(all: T[], options: { limit?: number; cursor?: string; sort?: string; lang: string }, sortable: Sortable<T>, fallbackSort: string): Page<T> {
  const keys = parseSort(options.sort, sortable, fallbackSort);
  const compare = collator(options.lang).compare;
  const sorted = [...all].sort((a, b) => {
    for (const { key, descending } of keys) {
      const va = sortable[key]!(a);
      const vb = sortable[key]!(b);
      if (va === vb) continue;
      if (va === null) return 1;
      if (vb === null) return -1;
      const order = typeof va === 'number' && typeof vb === 'number' ? va - vb : compare(String(va), String(vb));
      if (order !== 0) return descending ? -order : order;
    }
    return 0;
  });
  const limit = options.limit ?? DEFAULT_LIMIT;
  const offset = options.cursor ? decodeCursor(options.cursor) : 0;
  const items = sorted.slice(offset, offset + limit);
  const nextOffset = offset + items.length;
  return { items, total: sorted.length, next: nextOffset < sorted.length ? encodeCursor(nextOffset) : null };
}
