// Reading IATI's Currency codelist (ISO 4217 as IATI replicates it: Currency.xml of
// ../shared/data/iati-reference/codelists) into the compact list the app ships
// (data/snapshot/iati-currencies.json), which `isKnownCurrency` reads at run time: the app must
// work without ../shared. scripts/derive-currencies.ts writes the file; a test derives it again
// from the shared codelist and compares. The codelist is simple, regular XML written by IATI's
// tools: one <codelist-item> per code, withdrawn ones marked with status="withdrawn".

export interface CurrencyList {
  /** Where the list comes from. */
  source: string;
  /** Codes in use, sorted. */
  active: string[];
  /** Withdrawn codes and the day IATI withdrew them. */
  withdrawn: Record<string, string>;
}

export const CURRENCY_SOURCE = 'IATI Standard codelist Currency (ISO 4217), iati-reference/codelists/Currency.xml';

export function currenciesFromCodelist(xml: string): CurrencyList {
  const active: string[] = [];
  const withdrawn: Record<string, string> = {};
  for (const item of xml.matchAll(/<codelist-item([^>]*)>([\s\S]*?)<\/codelist-item>/g)) {
    const [, attributes = '', body = ''] = item;
    const code = /<code>\s*([A-Z]{3})\s*<\/code>/.exec(body)?.[1];
    if (!code) throw new Error(`a codelist item without a three-letter code: ${body.slice(0, 80)}`);
    if (/status="withdrawn"/.test(attributes)) withdrawn[code] = /withdrawal-date="([\d-]+)"/.exec(attributes)?.[1] ?? '';
    else active.push(code);
  }
  if (active.length === 0) throw new Error('no currency in the codelist');
  return { source: CURRENCY_SOURCE, active: active.sort(), withdrawn: Object.fromEntries(Object.entries(withdrawn).sort()) };
}
