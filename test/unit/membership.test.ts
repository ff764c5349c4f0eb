import assert from 'node:assert/strict';
import { test } from 'node:test';
import { belongs, membershipAt, type MembershipEvent } from '../../src/modules/organizations/membership.ts';

let seq = 0;
const ev = (event: MembershipEvent['event'], date: string | null, sourced = true): MembershipEvent => ({ seq: ++seq, event, date, sourceIds: sourced ? ['s'] : [], note: null });

test('joined, suspended, readmitted: the status follows the last event on or before the date', () => {
  const syria = [ev('joined', '1945-03-22'), ev('suspended', '2011-11-16'), ev('readmitted', '2023-05-07')];
  assert.equal(membershipAt(syria, '1944-12-31').status, 'none');
  assert.equal(membershipAt(syria, '2000-01-01').status, 'member');
  assert.equal(membershipAt(syria, '2011-11-15').status, 'member');
  assert.equal(membershipAt(syria, '2011-11-16').status, 'suspended');
  assert.equal(membershipAt(syria, '2023-05-06').status, 'suspended');
  assert.deepEqual({ ...membershipAt(syria, '2023-05-07') }, { status: 'member', since: '2023-05-07', sincePrecision: 'day', uncertain: false, verified: true });
});

test('left then joined again (Morocco: OAU 1963, left 1984, AU 2017)', () => {
  const morocco = [ev('joined', '1963-05-25'), ev('left', '1984-11-12'), ev('joined', '2017-01-30')];
  assert.equal(membershipAt(morocco, '1990-06-01').status, 'former');
  assert.ok(!belongs(membershipAt(morocco, '1990-06-01').status));
  assert.equal(membershipAt(morocco, '2017-01-30').status, 'member');
});

test('events given in any order are applied in date order', () => {
  const events = [ev('left', '2022-03-16'), ev('joined', '1996-02-28')];
  assert.equal(membershipAt(events, '2000-01-01').status, 'member');
  assert.equal(membershipAt(events, '2022-03-16').status, 'former');
});

test('a year-only date counts from 1 January and is flagged uncertain within that year', () => {
  const events = [ev('joined', '1967')];
  const inYear = membershipAt(events, '1967-06-01');
  assert.equal(inYear.status, 'member');
  assert.equal(inYear.uncertain, true);
  assert.equal(inYear.sincePrecision, 'year');
  assert.equal(membershipAt(events, '1968-01-01').uncertain, false);
});

test('an unsourced deciding event makes the status unverified', () => {
  assert.equal(membershipAt([ev('joined', '1990-01-01', false)], '2000-01-01').verified, false);
  assert.equal(membershipAt([ev('joined', null, false)], '2000-01-01').status, 'member');
});
