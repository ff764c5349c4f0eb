// Amounts as the API gives them: exact decimal strings with their currency. They are formatted
// by Intl from the string itself (Intl.NumberFormat reads a decimal string exactly), with as many
// decimals as the string has, so nothing is rounded through a float on the way to the page.

const DECIMAL = /^-?\d+(\.\d+)?$/;

/** "1250000.00" EUR → "€1,250,000.00" (fr: "1 250 000,00 €"); a string that is not a decimal as it is. */
export function formatMoney(amount: string, currency: string, locale: string): string {
  if (!DECIMAL.test(amount)) return `${amount} ${currency}`;
  const decimals = amount.split('.')[1]?.length ?? 0;
  try {
    const format = new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    // The string form of format(): Intl keeps every digit of a decimal string (ES2023 Intl.NumberFormat v3).
    return format.format(amount as `${number}`);
  } catch {
    return `${amount} ${currency}`; // a code Intl does not know: shown as written
  }
}
