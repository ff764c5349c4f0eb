import assert from 'node:assert/strict';
import { test } from 'node:test';
import { toCsv } from '../../src/shared/csv.ts';

test('CSV quotes commas, quotes and line breaks, and defuses spreadsheet formulas', () => {
  const text = toCsv(
    ['a', 'b'],
    [
      { a: 'x, "y"', b: '=cmd()' },
      { a: 'line\nbreak', b: -5 },
    ],
  );
  assert.equal(text, 'a,b\r\n"x, ""y""",\'=cmd()\r\n"line\nbreak",-5\r\n');
});

test('CSV defuses formulas that start like numbers or after spaces, and leaves real numbers alone', () => {
  const text = toCsv(['v'], [{ v: "-2+3+cmd|' /C calc'!A0" }, { v: '  =1+1' }, { v: '@SUM(A1)' }, { v: '-12.5' }, { v: 1993 }, { v: '+7' }]);
  assert.equal(text, "v\r\n'-2+3+cmd|' /C calc'!A0\r\n'  =1+1\r\n'@SUM(A1)\r\n-12.5\r\n1993\r\n+7\r\n");
});
