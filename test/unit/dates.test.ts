import assert from 'node:assert/strict';
import { test } from 'node:test';
import { firstDay, isValidDay, isValidPartialDate, lastDay, precisionOf } from '../../src/shared/dates.ts';

test('partial dates: real calendar dates only', () => {
  assert.ok(isValidPartialDate('1984'));
  assert.ok(isValidPartialDate('2011-11'));
  assert.ok(isValidPartialDate('2024-02-29'));
  assert.ok(!isValidPartialDate('2023-02-29'));
  assert.ok(!isValidPartialDate('2023-13'));
  assert.ok(!isValidPartialDate('84'));
  assert.ok(!isValidPartialDate('2023-1-5'));
  assert.ok(!isValidDay('2023-01'));
  assert.ok(isValidDay('2023-01-31'));
});

test('a partial date stands for a span of days, and says its precision', () => {
  assert.equal(firstDay('1984'), '1984-01-01');
  assert.equal(lastDay('1984'), '1984-12-31');
  assert.equal(firstDay('2011-11'), '2011-11-01');
  assert.equal(lastDay('2024-02'), '2024-02-29');
  assert.equal(lastDay('2023-02'), '2023-02-28');
  assert.equal(precisionOf('2011-11'), 'month');
  assert.equal(precisionOf('2011'), 'year');
  assert.equal(precisionOf('2011-11-16'), 'day');
});
