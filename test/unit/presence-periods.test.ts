// When a coverage period holds (src/modules/presences/periods.ts): from the first day its start can
// stand for, uncertain inside that span or when no start is known, and no longer from the first
// day its end can stand for; an end must come after its start.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { endsAfterStart, holdsAt } from '../../src/modules/presences/periods.ts';

test('a start known to the year holds from 1 January, uncertain through the year', () => {
  const span = { from: '2008', until: null };
  assert.equal(holdsAt(span, '2007-12-31'), null);
  assert.deepEqual(holdsAt(span, '2008-01-01'), { uncertain: true });
  assert.deepEqual(holdsAt(span, '2008-12-31'), { uncertain: true });
  assert.deepEqual(holdsAt(span, '2009-01-01'), { uncertain: false });
});

test('a start known to the day is certain from that day; an end stops it from its first day', () => {
  const span = { from: '2009-10-14', until: '2015-03' };
  assert.equal(holdsAt(span, '2009-10-13'), null);
  assert.deepEqual(holdsAt(span, '2009-10-14'), { uncertain: false });
  assert.deepEqual(holdsAt(span, '2015-02-28'), { uncertain: false });
  assert.equal(holdsAt(span, '2015-03-01'), null);
});

test('an unknown start is uncertain at every day before the end, never a made-up date', () => {
  assert.deepEqual(holdsAt({ from: null, until: null }, '1950-01-01'), { uncertain: true });
  assert.equal(holdsAt({ from: null, until: '2000' }, '2000-06-01'), null);
});

test('an end must come after its start', () => {
  assert.equal(endsAfterStart({ from: '2009', until: '2008' }), false);
  assert.equal(endsAfterStart({ from: '2009-01-01', until: '2009-01-01' }), false);
  assert.equal(endsAfterStart({ from: '2009', until: '2009-01-01' }), false);
  assert.equal(endsAfterStart({ from: '2009', until: '2009' }), true, 'began and ended within 2009');
  assert.equal(endsAfterStart({ from: '2009', until: '2009-01-02' }), true);
  assert.equal(endsAfterStart({ from: null, until: '2001' }), true);
  assert.equal(endsAfterStart({ from: '2001', until: null }), true);
});
