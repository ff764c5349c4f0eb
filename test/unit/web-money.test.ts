// The web app shows amounts as the API gives them: exact decimal strings. formatMoney formats
// the string itself, with as many decimals as it has, so an amount a float cannot hold keeps
// every digit, and a code Intl does not know is shown as written rather than dropped.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatMoney as format } from '../../web/src/features/projects/money.ts';

/** Intl separates with no-break spaces: compared as plain ones. */
const formatMoney = (amount: string, currency: string, locale: string) => format(amount, currency, locale).replace(/\s/g, ' ');

test('every digit of an amount a float would round is kept', () => {
  assert.equal(Number('999999999999999.9999'), 1000000000000000, 'a float rounds it');
  assert.equal(formatMoney('999999999999999.9999', 'EUR', 'en-GB'), '€999,999,999,999,999.9999');
  assert.equal(formatMoney('0.30', 'USD', 'en-GB'), 'US$0.30');
});

test('as many decimals as the string has: none added, none dropped', () => {
  assert.equal(formatMoney('1250000', 'EUR', 'en-GB'), '€1,250,000');
  assert.equal(formatMoney('1250000.50', 'EUR', 'en-GB'), '€1,250,000.50');
  assert.equal(formatMoney('12.345', 'KWD', 'en-GB'), 'KWD 12.345');
});

test('in the page language', () => {
  assert.equal(formatMoney('1250000.50', 'EUR', 'fr-FR'), '1 250 000,50 €');
  assert.match(formatMoney('1250000.50', 'EUR', 'ar-u-nu-latn'), /1,250,000\.50/);
});

test('what is not a decimal, or a code Intl refuses, is shown as written', () => {
  assert.equal(formatMoney('1e6', 'EUR', 'en-GB'), '1e6 EUR');
  assert.equal(formatMoney('10.00', 'E1R', 'en-GB'), '10.00 E1R');
});
