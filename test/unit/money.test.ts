// Exact money: decimals as BigInt units, rounding half to even only when shown; the shipped
// currency list derived from IATI's Currency codelist.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { currenciesFromCodelist } from '../../src/modules/money/currency-codelist.ts';
import { CURRENCY_FILE, currencyProblem, isKnownCurrency } from '../../src/modules/money/currencies.ts';
import { add, compare, decimal, exactText, formatDecimal, multiply, parseDecimal, presentMoney, roundHalfEven, sum } from '../../src/modules/money/decimal.ts';
import { sharedDataPath, skipWithoutSharedData } from '../support/shared-data.ts';

const d = decimal;

test('0.1 + 0.2 is 0.3 exactly (a float says 0.30000000000000004)', () => {
  assert.equal(exactText(add(d('0.1'), d('0.2'))), '0.3');
  assert.equal(compare(add(d('0.1'), d('0.2')), d('0.3')), 0);
  assert.notEqual(0.1 + 0.2, 0.3);
});

test('large amounts keep every digit', () => {
  assert.equal(exactText(add(d('99999999999999999999.99'), d('0.01'))), '100000000000000000000');
  assert.equal(exactText(sum(Array.from({ length: 1000 }, () => d('1250000.10')))), '1250000100');
  assert.equal(formatDecimal(multiply(d('123456789012345.67'), d('1.0000000001'))), '123456789024691.348901234567');
});

test('products with a rate are exact; rounding is half to even, only when shown', () => {
  assert.equal(exactText(multiply(d('100.00'), d('1.085'))), '108.5');
  assert.equal(presentMoney(d('2.345')), '2.34');
  assert.equal(presentMoney(d('2.355')), '2.36');
  assert.equal(presentMoney(d('2.3451')), '2.35');
  assert.equal(presentMoney(d('-2.345')), '-2.34');
  assert.equal(presentMoney(d('-0.005')), '0.00');
  assert.equal(presentMoney(d('7')), '7.00');
  assert.equal(formatDecimal(roundHalfEven(d('0.125'), 2)), '0.12');
  assert.equal(formatDecimal(roundHalfEven(d('0.135'), 2)), '0.14');
  assert.equal(formatDecimal(d('-0.05')), '-0.05');
});

test('only plain decimal text is read', () => {
  for (const bad of ['', '1e3', '.5', '5.', '1,5', ' 1', '+1', '0x10', 'NaN', 'Infinity', '1.2.3', '١٢']) assert.equal(parseDecimal(bad), null, bad);
  assert.deepEqual(parseDecimal('-12.50'), { units: -1250n, scale: 2 });
  assert.equal(compare(d('10'), d('9.999')), 1);
  assert.equal(compare(d('-1'), d('0')), -1);
});

test('currencies: ISO 4217 codes in use are known; withdrawn and made-up ones are not', () => {
  for (const code of ['USD', 'EUR', 'CHF', 'KES', 'XOF', 'JPY', 'KWD']) assert.ok(isKnownCurrency(code), code);
  for (const code of ['usd', 'US', 'ABC', 'XYZ', '']) assert.equal(isKnownCurrency(code), false, code);
  assert.match(currencyProblem('XYZ') ?? '', /not an ISO 4217/);
});

test("the shipped currency list is what IATI's Currency codelist gives", { skip: skipWithoutSharedData() }, () => {
  const path = sharedDataPath('iati-reference', 'codelists', 'Currency.xml');
  assert.ok(existsSync(path), path);
  const derived = currenciesFromCodelist(readFileSync(path, 'utf8'));
  assert.deepEqual(JSON.parse(readFileSync(CURRENCY_FILE, 'utf8')), derived, 'run node --import tsx scripts/derive-currencies.ts');
  assert.ok(derived.active.length > 150);
  for (const code of Object.keys(derived.withdrawn)) assert.equal(isKnownCurrency(code), false, `${code} is withdrawn`);
});
