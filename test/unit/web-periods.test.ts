import assert from 'node:assert/strict';
import { test } from 'node:test';
import { periodsOf, yearOf } from '../../web/src/components/periods.ts';

const event = (kind: 'joined' | 'left' | 'suspended' | 'readmitted', date: string | null) => ({
  seq: 1,
  event: kind,
  date,
  precision: null,
  note: null,
  verified: true,
  sources: [],
  version: 1,
  origin: 'reference' as const,
  corrections: [],
  confidentiality: 'public' as const,
  audience: [],
});

test('a member that left and came back has two periods', () => {
  assert.deepEqual(periodsOf([event('joined', '1963-05-25'), event('left', '1984-11-12'), event('joined', '2017-01-30')]), [
    { status: 'member', from: '1963-05-25', to: '1984-11-12' },
    { status: 'member', from: '2017-01-30', to: null },
  ]);
});

test('a suspension splits membership and ends at readmission', () => {
  assert.deepEqual(periodsOf([event('joined', '1963'), event('suspended', '2021-06'), event('readmitted', '2023-02-18')]), [
    { status: 'member', from: '1963', to: '2021-06' },
    { status: 'suspended', from: '2021-06', to: '2023-02-18' },
    { status: 'member', from: '2023-02-18', to: null },
  ]);
});

test('an undated joining keeps its unknown start; leaving while suspended closes the suspension', () => {
  assert.deepEqual(periodsOf([event('joined', null), event('suspended', '2022-02-25'), event('left', '2022-03-16')]), [
    { status: 'member', from: null, to: '2022-02-25' },
    { status: 'suspended', from: '2022-02-25', to: '2022-03-16' },
  ]);
  assert.deepEqual(periodsOf([]), []);
});

test('dates of any precision become a point in years for drawing', () => {
  assert.equal(yearOf('1990'), 1990);
  assert.equal(yearOf('1990-07'), 1990.5);
  assert.ok(Math.abs(yearOf('1990-01-02') - (1990 + 1 / 365)) < 1e-9);
});
