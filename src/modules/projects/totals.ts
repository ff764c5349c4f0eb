// GET /api/v1/project-totals: the budget and the disbursements of the projects the asker sees
// (under the list's filters), in one base currency. By default every amount is converted at the
// rates of one day (`asOf`, today unless given): totals of several projects or years are then
// comparable, and a new rate changes them all alike. With convertAt=valueDate each amount takes
// the rate of its own value date (IATI's value-date: the day its sender fixed the amount), which
// says what the money was worth then. Either way the rate is the latest entered on or before the
// day (money/convert.ts); the answer names every rate used with its day and source, and lists
// apart the amounts no rate converts.
import { z } from '@hono/zod-openapi';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { convertAll, ratesByCurrency } from '../money/convert.ts';
import { listExchangeRates } from '../money/repository.ts';
import { exchangeRateSchema, moneySumSchema } from '../money/schema.ts';
import { rateViews } from '../money/service.ts';
import { amountMatches, type ProjectFilter } from './filters.ts';
import { visibleProjects } from './service.ts';

export const CONVERT_AT = ['asOf', 'valueDate'] as const;

export const totalsSchema = z
  .object({
    base: z.string(),
    asOf: z.string(),
    convertAt: z.enum(CONVERT_AT),
    projects: z.number().int().openapi({ description: 'How many projects the filters keep.' }),
    budget: moneySumSchema,
    disbursed: moneySumSchema.openapi({ description: 'Disbursements and expenditure dated up to asOf.' }),
    ratesUsed: z.array(exchangeRateSchema),
    missingRates: z.array(z.string()).openapi({ description: 'Currencies with amounts no rate to the base converts: see `unconverted`.' }),
  })
  .openapi('ProjectTotals');

export type Totals = z.infer<typeof totalsSchema>;

export async function projectTotals(db: Kysely<Database>, filter: ProjectFilter, options: { base: string; asOf: string; convertAt: (typeof CONVERT_AT)[number] }): Promise<Totals> {
  const { rows, parts } = await visibleProjects(db, filter);
  const budgetLines = parts.budget.filter((b) => amountMatches(filter, b));
  const spent = parts.transactions.filter((t) => (t.type === 'disbursement' || t.type === 'expenditure') && t.date <= options.asOf && amountMatches(filter, t));
  const days = [options.asOf, ...budgetLines.map((b) => b.value_date), ...spent.map((t) => t.value_date)];
  const upTo = options.convertAt === 'asOf' ? options.asOf : days.reduce((a, b) => (a > b ? a : b));
  const rates = ratesByCurrency(await listExchangeRates(db, { base: options.base, upTo }), options.base);
  const dayOf = (valueDate: string) => (options.convertAt === 'asOf' ? options.asOf : valueDate);
  const budget = convertAll(
    budgetLines.map((b) => ({ amount: b.amount, currency: b.currency, day: dayOf(b.value_date) })),
    options.base,
    rates,
  );
  const disbursed = convertAll(
    spent.map((t) => ({ amount: t.amount, currency: t.currency, day: dayOf(t.value_date) })),
    options.base,
    rates,
  );
  const usedIds = new Set([...budget.used, ...disbursed.used]);
  const used = [...rates.values()].flat().filter((r) => usedIds.has(Number(r.id)));
  const strip = ({ used: _u, ...sum }: typeof budget) => sum;
  return {
    base: options.base,
    asOf: options.asOf,
    convertAt: options.convertAt,
    projects: rows.length,
    budget: strip(budget),
    disbursed: strip(disbursed),
    ratesUsed: await rateViews(db, used),
    missingRates: [...new Set([...budget.unconverted, ...disbursed.unconverted].map((u) => u.currency))].sort(),
  };
}
