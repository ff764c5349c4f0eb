// What a dataset holds, whatever the module: each module that stores facts from files
// (treaty actions, status lists, membership lists…) describes its table once as a FactTable,
// and importers hand their rows over with it. The datasets module stores and replaces them
// without knowing what they mean, so a new importer needs no change here. Every fact held by
// a dataset belongs to the topic `treaty-data`.
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';

export interface FactTable<Row> {
  /** Unique name, e.g. `treaty-actions`; what audit summaries count. */
  name: string;
  insert(trx: Transaction<Database>, datasetId: string, sourceId: string, rows: Row[]): Promise<void>;
  remove(trx: Transaction<Database>, datasetId: string): Promise<void>;
}

/** Some rows of one fact table, as one dataset holds them. */
export interface DatasetFacts {
  table: FactTable<never>;
  rows: readonly unknown[];
}

export function factsOf<Row>(table: FactTable<Row>, rows: Row[]): DatasetFacts {
  return { table: table as unknown as FactTable<never>, rows };
}

const registered = new Map<string, FactTable<never>>();

/** Every fact table a module has declared: replacing or removing a dataset clears all of them,
 *  so a dataset that held memberships yesterday and none today keeps none. */
export function registerFactTable<Row>(table: FactTable<Row>): FactTable<Row> {
  registered.set(table.name, table as unknown as FactTable<never>);
  return table;
}

export function factTables(): FactTable<never>[] {
  return [...registered.values()];
}
