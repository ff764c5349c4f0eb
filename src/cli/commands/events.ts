// `accord events list|export`: read through the public view unless --all, as the API reads for
// an anonymous asker; the export streams a page of the database at a time.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { publicView } from '../../db/visibility.ts';
import { eventExportChunks } from '../../modules/events/export.ts';
import { eventPage } from '../../modules/events/service.ts';
import type { EventExportOptions, EventFilterOptions, EventListOptions } from '../usage/events.ts';
import { withRegistry } from '../with-db.ts';

function reader(db: Kysely<Database>, options: EventFilterOptions): Kysely<Database> {
  return options.all ? db : publicView(db);
}

const filterOf = (o: EventFilterOptions) => ({ from: o.from, to: o.to, kind: o.kind, series: o.series, country: o.country?.toUpperCase(), region: o.region });

export function runEventList(options: EventListOptions): Promise<void> {
  return withRegistry(async (db) => {
    const page = await eventPage(reader(db.db, options), filterOf(options), options.limit);
    if (options.format === 'json') {
      process.stdout.write(`${JSON.stringify(page, null, 2)}\n`);
      return;
    }
    if (page.items.length === 0) {
      process.stdout.write('no events match\n');
      return;
    }
    const lines = page.items.map((e) => `${e.start.padEnd(10)}  ${(e.end ?? '').padEnd(10)}  ${[e.city, e.country].filter(Boolean).join(', ').padEnd(22)}  ${e.title}  [${e.id}]`);
    const more = page.total > page.items.length ? `\n(${page.items.length} of ${page.total} shown: --limit)` : '';
    process.stdout.write(`${lines.join('\n')}${more}\n`);
  });
}

export function runEventExport(options: EventExportOptions): Promise<void> {
  return withRegistry(async (db) => {
    process.stdout.write('\uFEFF');
    for await (const chunk of eventExportChunks(reader(db.db, options), options.counts ? 'participation.csv' : 'events.csv', filterOf(options))) process.stdout.write(chunk);
  });
}
