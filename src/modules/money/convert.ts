// Sums across currencies, exactly: each amount is converted into the base by the rate of its
// currency to that base whose day is the latest on or before the amount's conversion day (the
// caller chooses that day: one day for all, or each amount's value date). Only direct rates
// count: a rate entered the other way round (1 base = r currency) is not inverted, since 1/r is
// not exact, and no rate is chained through a third currency. An amount with no such rate is
// summed apart in its own currency, never dropped nor guessed. Pure.
import { add, type Decimal, decimal, moneyText, multiply, presentMoney, ZERO } from './decimal.ts';
import type { ExchangeRateRow } from './repository.ts';

export interface Amount {
  amount: string;
  currency: string;
  /** The day whose rate converts it. */
  day: string;
}

interface Group {
  currency: string;
  amount: Decimal;
  count: number;
  converted: Decimal | null;
  rateIds: Set<number>;
}

export interface Converted {
  total: string;
  exactTotal: string;
  converted: { currency: string; amount: string; count: number; converted: string | null; rateIds: number[] }[];
  unconverted: { currency: string; amount: string; count: number; converted: string | null; rateIds: number[] }[];
  /** The rates used, by id. */
  used: Set<number>;
}

/** Rates of one base, by currency, in order of day. */
export function ratesByCurrency(rates: ExchangeRateRow[], base: string): Map<string, ExchangeRateRow[]> {
  const out = new Map<string, ExchangeRateRow[]>();
  for (const r of rates.filter((r) => r.base === base).sort((a, b) => a.as_of.localeCompare(b.as_of))) out.set(r.currency, [...(out.get(r.currency) ?? []), r]);
  return out;
}

/** The latest rate on or before `day`, or undefined. */
export function rateOn(rates: ExchangeRateRow[] | undefined, day: string): ExchangeRateRow | undefined {
  let found: ExchangeRateRow | undefined;
  for (const r of rates ?? []) {
    if (r.as_of > day) break;
    found = r;
  }
  return found;
}

export function convertAll(amounts: Iterable<Amount>, base: string, rates: Map<string, ExchangeRateRow[]>): Converted {
  const converted = new Map<string, Group>();
  const unconverted = new Map<string, Group>();
  const used = new Set<number>();
  let total = ZERO;
  const group = (map: Map<string, Group>, currency: string, convertible: boolean) => {
    let g = map.get(currency);
    if (!g) {
      g = { currency, amount: ZERO, count: 0, converted: convertible ? ZERO : null, rateIds: new Set() };
      map.set(currency, g);
    }
    return g;
  };
  for (const a of amounts) {
    const value = decimal(a.amount);
    const rate = a.currency === base ? null : rateOn(rates.get(a.currency), a.day);
    if (a.currency !== base && !rate) {
      const g = group(unconverted, a.currency, false);
      g.amount = add(g.amount, value);
      g.count += 1;
      continue;
    }
    const inBase = rate ? multiply(value, decimal(rate.rate)) : value;
    const g = group(converted, a.currency, true);
    g.amount = add(g.amount, value);
    g.count += 1;
    g.converted = add(g.converted!, inBase);
    if (rate) {
      g.rateIds.add(Number(rate.id));
      used.add(Number(rate.id));
    }
    total = add(total, inBase);
  }
  const list = (map: Map<string, Group>) =>
    [...map.values()]
      .sort((a, b) => a.currency.localeCompare(b.currency))
      .map((g) => ({ currency: g.currency, amount: moneyText(g.amount), count: g.count, converted: g.converted && moneyText(g.converted), rateIds: [...g.rateIds].sort((x, y) => x - y) }));
  return { total: presentMoney(total), exactTotal: moneyText(total), converted: list(converted), unconverted: list(unconverted), used };
}
