// The calendar's month grid and where events go in it (web/src/features/events/calendar-model.ts):
// Monday-first weeks, events over several days on each of them (and across months), and events
// known only to the month or the year kept off the days.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isMonth, knownTo, monthOf, monthWeeks, planMonth, shiftMonth } from '../../web/src/features/events/calendar-model.ts';

test('months: shifting across years, reading partial dates, refusing what is not a month', () => {
  assert.equal(shiftMonth('2003-01', -1), '2002-12');
  assert.equal(shiftMonth('2003-12', 1), '2004-01');
  assert.equal(shiftMonth('2003-02', 13), '2004-03');
  assert.equal(monthOf('2001-02'), '2001-02');
  assert.equal(monthOf('2003-02-25'), '2003-02');
  assert.equal(monthOf('1998'), '1998-01');
  assert.ok(isMonth('2003-02'));
  for (const bad of ['2003-13', '2003-00', '2003-2', '03-02', '2003-02-01', '']) assert.ok(!isMonth(bad), bad);
});

test('the weeks of February 2003 start on Monday 27 January (blank) and hold 28 days', () => {
  const weeks = monthWeeks('2003-02');
  assert.equal(weeks.length, 5);
  assert.deepEqual(weeks[0], [null, null, null, null, null, '2003-02-01', '2003-02-02']);
  assert.equal(weeks.flat().filter(Boolean).length, 28);
  assert.ok(weeks.every((w) => w.length === 7));
  // A month that starts on a Monday has no blank before it (September 2003).
  assert.equal(monthWeeks('2003-09')[0]![0], '2003-09-01');
});

test('events go on each of their days; partial dates are listed under their month or year, on no day', () => {
  const islamabad = { id: 'w11', start: '2003-02-25', end: '2003-02-27' };
  const overMonths = { id: 'x', start: '2003-01-30', end: '2003-02-02' };
  const oneDay = { id: 'y', start: '2003-02-10', end: null };
  const monthOnly = { id: 'w9', start: '2003-02', end: null };
  const dayThenMonth = { id: 'z', start: '2003-02-20', end: '2003-03' };
  const yearOnly = { id: 'yr', start: '2003', end: '2003' };
  const plan = planMonth('2003-02', [overMonths, oneDay, monthOnly, yearOnly, dayThenMonth, islamabad]);
  assert.deepEqual(
    [...plan.byDay.entries()].map(([day, events]) => `${day}:${events.map((e) => e.id).join(',')}`),
    ['2003-02-01:x', '2003-02-02:x', '2003-02-10:y', '2003-02-25:w11', '2003-02-26:w11', '2003-02-27:w11'],
  );
  assert.deepEqual(
    plan.agenda.map((e) => e.id),
    ['x', 'y', 'w11'],
  );
  assert.deepEqual(
    plan.monthOnly.map((e) => e.id),
    ['w9', 'z'],
  );
  assert.deepEqual(
    plan.yearOnly.map((e) => e.id),
    ['yr'],
  );
  assert.equal(knownTo(dayThenMonth), 'month');
  assert.equal(knownTo(islamabad), 'day');
});
