import assert from 'node:assert/strict';
import { test } from 'node:test';
import { toCsv } from '../../src/shared/csv.ts';

test('CSV quotes commas, quotes and line breaks, and defuses spreadsheet formulas', () => {
  const text = toCsv(['a', 'b'], [{ a: 'x, "y"', b: '=cmd()' }, { a: 'line\nbreak', b: -5 }]);
  assert.equal(text, 'a,b\r\n"x, ""y""",\'=cmd()\r\n"line\nbreak",-5\r\n');
});
