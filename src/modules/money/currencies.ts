// Whether a currency code is one IATI's Currency codelist (ISO 4217) lists as in use: every
// amount and every exchange rate is checked here, and only here, so that the list can later come
// from the IATI codelists snapshot (data/snapshot/iati-codelists.json) without touching callers.
// The list is read once from data/snapshot/iati-currencies.json (see currency-codelist.ts).
import { readFileSync } from 'node:fs';
import { projectPath } from '../../shared/project-path.ts';
import type { CurrencyList } from './currency-codelist.ts';

export const CURRENCY_FILE = projectPath('data', 'snapshot', 'iati-currencies.json');

let list: { active: Set<string>; withdrawn: Map<string, string> } | undefined;

function currencies() {
  if (!list) {
    const read = JSON.parse(readFileSync(CURRENCY_FILE, 'utf8')) as CurrencyList;
    list = { active: new Set(read.active), withdrawn: new Map(Object.entries(read.withdrawn)) };
  }
  return list;
}

export function isKnownCurrency(code: string): boolean {
  return currencies().active.has(code);
}

/** Why a code is refused, for the field's problem. */
export function currencyProblem(code: string): string | null {
  if (isKnownCurrency(code)) return null;
  const withdrawn = currencies().withdrawn.get(code);
  return withdrawn !== undefined ? `"${code}" was withdrawn from ISO 4217 (IATI, ${withdrawn || 'date not given'})` : `"${code}" is not an ISO 4217 currency code`;
}
