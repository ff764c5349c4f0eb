// `accord projects export` and `accord exchange-rates add|list`: over the same services and use
// cases as the API, as the system actor cli (which sees every project: whoever runs the command
// holds the database).
import { today } from '../../shared/dates.ts';
import { systemContext } from '../../modules/audit/context.ts';
import { exchangeRateViews } from '../../modules/money/service.ts';
import { createExchangeRate } from '../../modules/money/write.ts';
import { projectCsv, projectXlsx } from '../../modules/projects/export.ts';
import { ValidationError } from '../../shared/errors.ts';
import { writeChunks, writeToFile } from '../export.ts';
import type { ProjectExportOptions, RateAddOptions } from '../usage/projects.ts';
import { withRegistry } from '../with-db.ts';

export function runProjectExport(format: 'csv' | 'xlsx', options: ProjectExportOptions): Promise<void> {
  if (format === 'xlsx' && !options.out) throw new ValidationError('An XLSX export is a binary file: name it with --out <file>', [{ parameter: '--out', reason: 'required for xlsx' }]);
  return withRegistry(async (db) => {
    const { lang, out, ...filter } = options;
    const site = process.env.ACCORD_SITE ?? 'http://localhost:3000';
    const chunks = format === 'xlsx' ? projectXlsx(db.db, filter, lang, site) : projectCsv(db.db, filter, lang, site);
    if (out) await writeToFile(chunks, out);
    else await writeChunks(chunks, process.stdout);
  });
}

export function runRateAdd(options: RateAddOptions): Promise<void> {
  return withRegistry(async (db) => {
    const source = options.sourceUrl ? { title: options.source, url: options.sourceUrl, kind: options.sourceKind ?? 'official', retrieved: options.retrieved ?? today() } : options.source;
    const body = { currency: options.currency, base: options.base, rate: options.rate, asOf: options.asOf, source };
    const { id } = await createExchangeRate(db.db, body, systemContext('cli', options.reason ?? null));
    console.log(`rate ${id}: 1 ${options.currency} = ${options.rate} ${options.base} on ${options.asOf} (see accord audit --entity exchange-rate:${id})`);
  });
}

export function runRateList(options: { currency?: string; base?: string }): Promise<void> {
  return withRegistry(async (db) => {
    const rates = await exchangeRateViews(db.db, options);
    for (const r of rates) console.log(`${r.id}\t1 ${r.currency} = ${r.rate} ${r.base}\t${r.asOf}\t${r.source ? `${r.source.title} <${r.source.url}>` : '(source not visible)'}`);
    if (rates.length === 0) console.log('no exchange rate entered');
  });
}
