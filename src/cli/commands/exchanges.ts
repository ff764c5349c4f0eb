// `accord exchanges list|export`: read through the public view unless --all, as the API reads for
// an anonymous asker.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { publicView } from '../../db/visibility.ts';
import { exchangeCsvChunks } from '../../modules/exchanges/export.ts';
import { exchangeItems, sortExchanges } from '../../modules/exchanges/service.ts';
import type { ExchangeFilterOptions, ExchangeListOptions } from '../usage/exchanges.ts';
import { withRegistry } from '../with-db.ts';

function reader(db: Kysely<Database>, options: ExchangeFilterOptions): Kysely<Database> {
  return options.all ? db : publicView(db);
}

const filterOf = (o: ExchangeFilterOptions) => ({ organization: o.organization, unBody: o.unBody, kind: o.kind, year: o.year, region: o.region, series: o.series });

export function runExchangeList(options: ExchangeListOptions): Promise<void> {
  return withRegistry(async (db) => {
    const all = sortExchanges(await exchangeItems(reader(db.db, options), filterOf(options), 'en'), options.sort);
    const page = { items: all.slice(0, options.limit), total: all.length };
    if (options.format === 'json') {
      process.stdout.write(`${JSON.stringify(page, null, 2)}\n`);
      return;
    }
    if (page.items.length === 0) {
      process.stdout.write('no exchanges match\n');
      return;
    }
    const lines = page.items.map((e) => {
      const regional = e.parties.filter((p) => p.side === 'regional').map((p) => p.organizationId ?? p.mechanism);
      return `${e.start.padEnd(10)}  ${e.kind.padEnd(26)}  ${regional.join(', ').padEnd(24)}  ${e.title}  [${e.id}]`;
    });
    const more = page.total > page.items.length ? `\n(${page.items.length} of ${page.total} shown: --limit)` : '';
    process.stdout.write(`${lines.join('\n')}${more}\n`);
  });
}

export function runExchangeExport(options: ExchangeFilterOptions): Promise<void> {
  return withRegistry(async (db) => {
    process.stdout.write('\uFEFF');
    for await (const chunk of exchangeCsvChunks(reader(db.db, options), filterOf(options), 'en')) process.stdout.write(chunk);
  });
}
