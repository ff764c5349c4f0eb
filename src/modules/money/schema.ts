// Money in write bodies and answers: amounts and rates as decimal strings (a JSON number could
// already be rounded by the client's parser), currencies as ISO 4217 codes IATI lists; the
// bodies and views of exchange rates; the answer of totals across currencies.
import { z } from '@hono/zod-openapi';
import { isValidDay, today } from '../../shared/dates.ts';
import { sourceInputSchema } from '../edits/schema.ts';
import { sourceSchema } from '../sources/schema.ts';
import { currencyProblem } from './currencies.ts';
import { compare, parseDecimal, ZERO } from './decimal.ts';

const STRING_ONLY = 'must be a decimal written as a string, e.g. "1250000.00" (a JSON number may already be rounded)';

/** A decimal string with at most `whole` digits before the point and `fraction` after. */
function decimalText(whole: number, fraction: number, what: string, positive: boolean) {
  return z.string({ error: STRING_ONLY }).superRefine((value, ctx) => {
    const d = value.length <= whole + fraction + 2 ? parseDecimal(value) : null;
    const [int = '', frac = ''] = value.replace(/^-/, '').split('.');
    if (d === null) ctx.addIssue({ code: 'custom', message: `must be ${what} written as a decimal, e.g. "1250000.00"` });
    else if (d.units < 0n) ctx.addIssue({ code: 'custom', message: 'must not be negative' });
    else if (positive && compare(d, ZERO) === 0) ctx.addIssue({ code: 'custom', message: 'must be above zero' });
    else if (int.length > whole || frac.length > fraction) ctx.addIssue({ code: 'custom', message: `at most ${whole} digits before the point and ${fraction} after` });
  });
}

/** An amount of money: zero or more, up to 15 digits and 4 decimals (some currencies have 3). */
export const amountText = decimalText(15, 4, 'an amount of zero or more', false).openapi({ example: '1250000.00', description: 'Exact decimal, as a string.' });

/** An exchange rate: above zero, up to 12 digits before the point and 12 after. */
export const rateText = decimalText(12, 12, 'a rate above zero', true).openapi({ example: '1.0850', description: 'How much of the base one unit of the currency is worth, as a string.' });

/** A share in percent, 0 to 100, as a decimal string. */
export const percentageText = decimalText(3, 4, 'a percentage', false).refine((v) => (parseDecimal(v)?.units ?? 0n) <= 100n * 10n ** BigInt(parseDecimal(v)?.scale ?? 0), 'must be at most 100');

export const currencyCode = z
  .string()
  .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code in capitals, e.g. EUR')
  .superRefine((code, ctx) => {
    const problem = currencyProblem(code);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  .openapi({ example: 'EUR' });

export const pastDay = z
  .string()
  .refine(isValidDay, 'must be a day, YYYY-MM-DD')
  .refine((day) => day <= today(), 'must not be in the future');

export const exchangeRateCreateSchema = z
  .object({
    currency: currencyCode,
    base: currencyCode.openapi({ example: 'USD' }),
    rate: rateText,
    asOf: pastDay.openapi({ example: '2024-01-02', description: 'The day the rate is for, as its source gives it.' }),
    source: sourceInputSchema,
  })
  .strict()
  .refine((b) => b.currency !== b.base, { message: 'must differ from base', path: ['currency'] })
  .openapi('ExchangeRateCreate', { description: 'One unit of `currency` is worth `rate` units of `base` on `asOf`, as the source says. Never fetched: an administrator enters it.' });

export type ExchangeRateCreateBody = z.infer<typeof exchangeRateCreateSchema>;

export const exchangeRateSchema = z
  .object({
    id: z.number().int(),
    currency: z.string(),
    base: z.string(),
    rate: z.string(),
    asOf: z.string(),
    source: sourceSchema.extend({ id: z.string() }).nullable().openapi({ description: 'Where the rate was read (null only when its source is not visible to the reader).' }),
    enteredBy: z.string(),
    enteredAt: z.string(),
  })
  .openapi('ExchangeRate');

export type ExchangeRateView = z.infer<typeof exchangeRateSchema>;

/** Amounts of one currency, converted or not. */
const currencySumSchema = z.object({
  currency: z.string(),
  amount: z.string().openapi({ description: 'The exact sum in the currency itself.' }),
  count: z.number().int().openapi({ description: 'How many budget lines or transactions it sums.' }),
  converted: z.string().nullable().openapi({ description: 'The exact sum in the base (null when no rate converts it).' }),
  rateIds: z.array(z.number().int()).openapi({ description: 'The rates used (none for the base itself).' }),
});

export const moneySumSchema = z
  .object({
    total: z.string().openapi({ description: 'The converted amounts in the base, rounded half to even to 2 places.' }),
    exactTotal: z.string().openapi({ description: 'The same, unrounded.' }),
    converted: z.array(currencySumSchema),
    unconverted: z.array(currencySumSchema).openapi({ description: 'Amounts with no rate to the base on their day: reported apart, never in the total.' }),
  })
  .openapi('MoneySum');

export type MoneySum = z.infer<typeof moneySumSchema>;
