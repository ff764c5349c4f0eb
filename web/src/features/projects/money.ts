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
    // format() reads a decimal string exactly (Intl.NumberFormat v3, in every browser the app
    // supports and in Node); the server's TypeScript library does not declare that form.
    return format.format(amount as unknown as number);
  } catch {
    return `${amount} ${currency}`; // a code Intl does not know: shown as written
  }
}
