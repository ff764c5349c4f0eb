// Lookups by a name that comes from outside (a request, a CSV cell or header, a file name, a
// data file): only a table's own keys count. `table[name]` and `name in table` also find the
// members every object inherits (constructor, __proto__, toString…), which then fail inside.

/** table[key] when key is one of the table's own keys, else undefined. */
export function own<V>(table: Readonly<Record<string, V>>, key: string): V | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
