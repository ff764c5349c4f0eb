// Exact decimal arithmetic for money: an amount is kept as text ('1250000.00') and computed on as
// a BigInt of units with a scale (1250000.00 = 125000000n at scale 2), so that no budget is ever
// rounded by a binary float (0.1 + 0.2 is 0.3 here, and 10^20 stays 10^20). Sums and products are
// exact; rounding (half to even, "banker's rounding", as accounting and IEEE 754 do) happens only
// when a figure is presented. Pure: no I/O, nothing else of src/ is needed.

export interface Decimal {
  /** The value times 10^scale. */
  units: bigint;
  /** Digits after the decimal point. */
  scale: number;
}

/** What parseDecimal reads: an optional minus, digits, and an optional fraction (no exponent, no '+', no spaces). */
const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/** The decimal a text writes, or null when the text is not one (`1e3`, `.5`, `1,5`, ` 1`). */
export function parseDecimal(text: string): Decimal | null {
  const match = DECIMAL.exec(text);
  if (!match) return null;
  const [, sign, whole, fraction = ''] = match;
  const units = BigInt(`${whole}${fraction}`);
  return { units: sign === '-' ? -units : units, scale: fraction.length };
}

/** As parseDecimal, for a value already validated (a stored amount): throws if it is not one. */
export function decimal(text: string): Decimal {
  const d = parseDecimal(text);
  if (!d) throw new Error(`not a decimal: ${JSON.stringify(text)}`);
  return d;
}

export const ZERO: Decimal = { units: 0n, scale: 0 };

const TEN = 10n;

function rescale(d: Decimal, scale: number): bigint {
  return d.units * TEN ** BigInt(scale - d.scale);
}

export function add(a: Decimal, b: Decimal): Decimal {
  const scale = Math.max(a.scale, b.scale);
  return { units: rescale(a, scale) + rescale(b, scale), scale };
}

export function sum(values: Iterable<Decimal>): Decimal {
  let total = ZERO;
  for (const v of values) total = add(total, v);
  return total;
}

/** a × b, exact (the scales add up). */
export function multiply(a: Decimal, b: Decimal): Decimal {
  return { units: a.units * b.units, scale: a.scale + b.scale };
}

/** -1, 0 or 1 as a is below, equal to or above b. */
export function compare(a: Decimal, b: Decimal): number {
  const scale = Math.max(a.scale, b.scale);
  const x = rescale(a, scale);
  const y = rescale(b, scale);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Rounded to `places` digits after the point, halves to the even neighbour (2.345 → 2.34, 2.355 → 2.36). */
export function roundHalfEven(d: Decimal, places: number): Decimal {
  if (d.scale <= places) return { units: rescale(d, places), scale: places };
  const divisor = TEN ** BigInt(d.scale - places);
  const negative = d.units < 0n;
  const magnitude = negative ? -d.units : d.units;
  let quotient = magnitude / divisor;
  const twice = (magnitude % divisor) * 2n;
  if (twice > divisor || (twice === divisor && quotient % 2n === 1n)) quotient += 1n;
  return { units: negative ? -quotient : quotient, scale: places };
}

/** Without trailing zeros after the point (1.2500 → 1.25, 3.00 → 3): the exact value, shortest. */
export function normalise(d: Decimal): Decimal {
  let { units, scale } = d;
  while (scale > 0 && units % TEN === 0n) {
    units /= TEN;
    scale -= 1;
  }
  return { units, scale };
}

/** The text of the value with all its `scale` digits ('-0.05', '1250000.00'). */
export function formatDecimal(d: Decimal): string {
  const negative = d.units < 0n;
  const digits = (negative ? -d.units : d.units).toString().padStart(d.scale + 1, '0');
  const whole = digits.slice(0, digits.length - d.scale);
  const fraction = d.scale > 0 ? `.${digits.slice(digits.length - d.scale)}` : '';
  return `${negative ? '-' : ''}${whole}${fraction}`;
}

/** How a total is shown: rounded half to even to two places ('0.30'). */
export function presentMoney(d: Decimal): string {
  return formatDecimal(roundHalfEven(d, 2));
}

/** The exact value, shortest form ('0.3', '1234.5678'). */
export function exactText(d: Decimal): string {
  return formatDecimal(normalise(d));
}

/** The exact value with at least two decimals, never rounded ('0.30', '250.50', '1.2345'): how a sum of amounts is written. */
export function moneyText(d: Decimal): string {
  const n = normalise(d);
  return formatDecimal(n.scale >= 2 ? n : { units: n.units * TEN ** BigInt(2 - n.scale), scale: 2 });
}
